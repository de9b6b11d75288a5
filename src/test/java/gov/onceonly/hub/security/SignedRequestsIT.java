package gov.onceonly.hub.security;

import com.fasterxml.jackson.databind.JsonNode;
import gov.onceonly.hub.HubClient;
import gov.onceonly.hub.HubIntegrationTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every API call is signed by a registered client, within the time window and with a fresh nonce. */
class SignedRequestsIT extends HubIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @org.springframework.beans.factory.annotation.Value("${hub.sandbox.url}")
    String sandboxUrl;

    @Test
    void anUnsignedOrBadlySignedCallIsRefusedNamingTheHeader() throws Exception {
        String application = application(181);
        assertRefused(hub.unsigned().post("/api/v1/applications", application), RequestSignature.KEY, "missing");
        assertRefused(hub.signedAs(HubClient.PORTAL_KEY, "not-the-secret").post("/api/v1/applications", application),
                RequestSignature.SIGNATURE, "signature");
        assertRefused(hub.signedAs("no-such-client", "whatever").post("/api/v1/applications", application),
                RequestSignature.SIGNATURE, "signature");
        assertThat(count("application")).as("nothing refused was stored").isEqualTo(countBefore);
    }

    private long countBefore;

    /**
     * 50 MB streamed (chunked: no length to refuse up front) under a key no client has: the hub answers 401 at once,
     * without reading the body (before, it read up to the body limit and answered 413), and hangs up after Tomcat's
     * small swallow.
     */
    @Test
    void anUnknownKeyIsRefusedWithoutReadingTheBody() throws Exception {
        long announced = 50L * 1024 * 1024;
        java.util.concurrent.atomic.AtomicLong sent = new java.util.concurrent.atomic.AtomicLong();
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            var out = socket.getOutputStream();
            out.write(("POST /api/v1/applications HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\nX-Hub-Key: no-such-client\r\nX-Hub-Timestamp: "
                    + java.time.Instant.now().getEpochSecond() + "\r\nX-Hub-Nonce: " + "n".repeat(20)
                    + "\r\nX-Hub-Signature: c2lnbmF0dXJl\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            Thread sender = new Thread(() -> {
                byte[] chunk = new byte[64 * 1024];
                byte[] header = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                byte[] end = "\r\n".getBytes(StandardCharsets.US_ASCII);
                try {
                    while (sent.get() < announced) {
                        out.write(header);
                        out.write(chunk);
                        out.write(end);
                        sent.addAndGet(chunk.length);
                    }
                } catch (java.io.IOException hungUp) {
                    // the hub closed the connection: what this test expects
                }
            });
            sender.start();
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            assertThat(status).startsWith("HTTP/1.1 401");
            sender.join(30_000);
        }
        assertThat(sent.get()).as("bytes the hub let the caller send").isLessThan(16L * 1024 * 1024);
    }

    @Test
    void aStaleTimestampAndAReplayedNonceAreRefused() throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + port + "/api/v1/applications");
        byte[] body = application(182).getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new HashMap<>(HubClient.signature(HubClient.PORTAL_KEY, HubClient.PORTAL_SECRET, "POST", uri, body));
        headers.put(HubClient.APPLICANT_IDENTITY, sandbox.identityProvider().tokenFor(familiesWithBirthRecords().get(182).mother().idNumber()));
        long stale = Long.parseLong(headers.get(RequestSignature.TIMESTAMP)) - 301;
        Map<String, String> old = new HashMap<>(headers);
        old.put(RequestSignature.TIMESTAMP, String.valueOf(stale));
        assertRefused(send(uri, body, old), RequestSignature.TIMESTAMP, "time-window");

        assertThat(send(uri, body, headers).statusCode()).isEqualTo(202);
        assertRefused(send(uri, body, headers), RequestSignature.NONCE, "replay");
    }

    @Test
    void aClientOverItsRateLimitGets429WithRetryAfter() throws Exception {
        HubClient kiosk = hub.signedAs("slow-kiosk", "slow-kiosk-secret");
        assertThat(kiosk.get("/api/v1/kpis").statusCode()).isEqualTo(200);
        assertThat(kiosk.get("/api/v1/kpis").statusCode()).isEqualTo(200);
        HttpResponse<String> limited = kiosk.get("/api/v1/kpis");
        assertThat(limited.statusCode()).as(limited.body()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Long.parseLong(seconds)).isBetween(1L, 5L));
        assertThat(hub.body(limited).path("errors").get(0).path("field").asText()).isEqualTo(RequestSignature.KEY);
        assertThat(hub.get("/api/v1/kpis").statusCode()).as("other clients are not held back").isEqualTo(200);
    }

    @Test
    void theCatalogueIsPublicAndADepartmentSignsItsReports() throws Exception {
        assertThat(hub.unsigned().get("/api/v1/bundles/newborn").statusCode()).isEqualTo(200);
        assertThat(hub.unsigned().get("/api/v1/openapi.json").statusCode()).isEqualTo(200);
        JsonNode view = hub.awaitEveryItemDelivered(hub.submit(application(183)));
        HttpResponse<String> report = hub.signedAs("sandbox-weijian", "sandbox-weijian-secret").post(
                "/api/v1/applications/" + view.path("id").asText() + "/items/birth-certificate/status", "{\"status\":\"ACCEPTED\"}");
        assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
    }

    @Test
    void theHubSignsItsCallsToTheDepartments() throws Exception {
        HttpResponse<String> accepted = hub.post("/api/v1/applications", application(185));
        // The application's trace, which every call made for it carries.
        String trace = hub.awaitEveryItemDelivered(hub.body(accepted).path("statusUrl").asText()).path("traceId").asText();
        assertThat(trace).matches("[0-9a-f]{32}");
        for (String system : List.of("gongan-population", "weijian-approval", "rlsb-card-approval")) {
            var calls = sandbox.lookups().signedCalls(system).stream()
                    .filter(call -> call.traceparent() != null && call.traceparent().contains(trace)).toList();
            assertThat(calls).as(system + " was called for this application").isNotEmpty();
            assertThat(calls).as(system + " checked the hub's signature").allMatch(call -> call.signedByHub());
        }
    }

    @Test
    void hubcurlSignsFromTheShell() throws Exception {
        // The applicant's identity token comes from the sandbox's identity provider, which hubcurl asks.
        ProcessBuilder hubcurl = new ProcessBuilder(List.of("bash", Path.of("scripts", "hubcurl").toString(), "POST",
                "http://127.0.0.1:" + port + "/api/v1/applications", application(184), "-w", "\\n%{http_code}"))
                .redirectErrorStream(true);
        hubcurl.environment().put("HUB_SANDBOX_URL", sandboxUrl);
        Process process = hubcurl.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).isZero();
        assertThat(output.strip()).as(output).endsWith("202").contains("\"statusUrl\"");
        String id = json.readTree(output.substring(0, output.lastIndexOf('\n'))).path("id").asText();

        Process get = new ProcessBuilder(List.of("bash", "scripts/hubcurl", "GET",
                "http://127.0.0.1:" + port + "/api/v1/applications/" + id)).redirectErrorStream(true).start();
        String status = new String(get.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(get.waitFor()).isZero();
        assertThat(json.readTree(status).path("id").asText()).isEqualTo(id);
    }

    private String application(int family) {
        var mother = familiesWithBirthRecords().get(family).mother();
        countBefore = count("application");
        return HubClient.newborn(mother.idNumber(), mother.name());
    }

    private static HttpResponse<String> send(URI uri, byte[] body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void assertRefused(HttpResponse<String> response, String header, String rule) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        JsonNode problem = hub.body(response);
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo(header);
        assertThat(problem.path("errors").get(0).path("rule").asText()).isEqualTo(rule);
    }
}
