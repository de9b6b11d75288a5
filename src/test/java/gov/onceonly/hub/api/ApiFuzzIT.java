package gov.onceonly.hub.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.onceonly.hub.HubClient;
import gov.onceonly.hub.HubIntegrationTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A seeded fuzzer driven by the hub's OpenAPI document: for every documented operation it sends generated paths,
 * query parameters, bodies and media types, signed as a registered client (or logged in as the operator for ops),
 * and asserts that no input gets a 5xx, that every refusal is a problem of the hub's, and that an application is
 * stored only when the hub said 202. The seed is fixed, so a failure replays; the count goes to the build log.
 */
class ApiFuzzIT extends HubIntegrationTest {

    private static final long SEED = 20261205L;
    private static final int PER_OPERATION = 60;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Consoles and the JMX bridge run operations of their own; they are not the API. */
    private static final List<String> SKIPPED = List.of("/actuator/hawtio", "/actuator/jolokia");

    private static final String[] NASTY = {"", " ", "   ", "0", "-1", "99999999999999999999", "null", "true", "[]", "{}",
            "a".repeat(5000), "陈小宝", "\u0000", "%00", "../../etc/passwd", "' or 1=1 --", "<script>", "${jndi:x}",
            "\uD83D\uDE00", "110101199003070000", "11010119900307001X", "91500000MA5U7N8X3K",
            "00000000-0000-0000-0000-000000000000", "2026-13-45", "1e309", "NaN"};

    private final Random random = new Random(SEED);

    @Test
    void noGeneratedRequestGetsA5xxAndNothingRefusedIsStored() throws Exception {
        JsonNode api = hub.body(hub.get("/api/v1/openapi.json"));
        int sent = 0;
        List<String> failures = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = api.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (SKIPPED.stream().anyMatch(path.getKey()::startsWith)) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase();
                if (!List.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
                    continue;
                }
                long storedBefore = count("application");
                int accepted = 0;
                for (int i = 0; i < PER_OPERATION; i++) {
                    URI uri = uri(path.getKey(), op.getValue());
                    byte[] body = method.equals("GET") || method.equals("DELETE") ? new byte[0] : body(path.getKey());
                    HttpResponse<String> response = send(method, uri, body);
                    sent++;
                    int status = response.statusCode();
                    if (status >= 500) {
                        failures.add(status + " " + method + " " + uri + " body " + abbreviate(body));
                    } else if (status >= 400 && !response.headers().firstValue("Content-Type").orElse("")
                            .startsWith("application/problem+json")) {
                        failures.add(status + " without a problem " + method + " " + uri);
                    } else if (status >= 400) {
                        JsonNode problem = json.readTree(response.body());
                        if (problem.path("status").asInt() != status
                                || !problem.path("type").asText().startsWith("urn:onceonly:problem:")) {
                            failures.add(status + " with a problem of another status or type " + method + " " + uri
                                    + " " + response.body());
                        }
                    }
                    if (status == 202 && path.getKey().equals("/api/v1/applications")) {
                        accepted++;
                    }
                }
                if (path.getKey().equals("/api/v1/applications") && method.equals("POST")) {
                    assertThat(count("application") - storedBefore).as("applications stored by the fuzzer's "
                            + accepted + " accepted ones").isEqualTo(accepted);
                }
            }
        }
        System.out.println("ApiFuzzIT: " + sent + " generated requests (paths, query parameters, bodies, media types and "
                + "headers) over the documented operations (seed " + SEED + ")");
        assertThat(sent).isGreaterThan(1000);
        assertThat(failures).as("requests answered with a 5xx or without a problem").isEmpty();
    }

    private URI uri(String template, JsonNode operation) {
        StringBuilder path = new StringBuilder();
        int at = 0;
        while (true) {
            int open = template.indexOf('{', at);
            if (open < 0) {
                path.append(template.substring(at));
                break;
            }
            int close = template.indexOf('}', open);
            path.append(template, at, open).append(encode(value()));
            at = close + 1;
        }
        List<String> query = new ArrayList<>();
        for (JsonNode parameter : operation.path("parameters")) {
            if ("query".equals(parameter.path("in").asText()) && random.nextInt(3) > 0) {
                query.add(encode(parameter.path("name").asText()) + "=" + encode(value()));
            }
        }
        if (random.nextInt(10) == 0) {
            query.add(encode(value()) + "=" + encode(value()));
        }
        return URI.create("http://127.0.0.1:" + port + path + (query.isEmpty() ? "" : "?" + String.join("&", query)));
    }

    private String value() {
        return switch (random.nextInt(4)) {
            case 0 -> NASTY[random.nextInt(NASTY.length)];
            case 1 -> String.valueOf(random.nextLong());
            case 2 -> java.util.UUID.randomUUID().toString();
            default -> randomText(random.nextInt(40));
        };
    }

    private String randomText(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(random.nextInt(4) == 0 ? 0x4E00 + random.nextInt(500) : 0x20 + random.nextInt(0x5F));
        }
        return text.toString();
    }

    /** A body: for an application, a valid one broken in one place; elsewhere, any JSON (or not JSON at all). */
    private byte[] body(String path) throws Exception {
        if (random.nextInt(8) == 0) {
            return randomText(random.nextInt(200)).getBytes(StandardCharsets.UTF_8);
        }
        ObjectNode body = (ObjectNode) json.readTree(HubClient.newborn("110101199003070016", "陈秀英"));
        List<String> fields = List.of("bundle", "applicant", "consent", "form", "parties", "materials", "status", "reason");
        String field = fields.get(random.nextInt(fields.size()));
        switch (random.nextInt(5)) {
            case 0 -> body.remove(field);
            case 1 -> body.put(field, value());
            case 2 -> body.set(field, json.createArrayNode().add(value()));
            case 3 -> body.putObject(field).put(value(), value());
            default -> body.put(value(), random.nextLong());
        }
        return json.writeValueAsBytes(path.equals("/api/v1/applications") ? body : random.nextBoolean() ? body
                : json.createObjectNode().put("status", value()).put("at", value()));
    }

    private HttpResponse<String> send(String method, URI uri, byte[] body) throws Exception {
        String contentType = switch (random.nextInt(9)) {
            case 0 -> "application/xml";
            case 1 -> "text/plain";
            case 2 -> "application/yaml";
            case 3 -> "multipart/form-data; boundary=" + randomText(8).replaceAll("[^\\x21-\\x7e]", "-");
            case 4 -> randomText(random.nextInt(30)).replaceAll("[^\\x21-\\x7e]", "x");
            default -> "application/json";
        };
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (body.length > 0 && !contentType.isEmpty()) {
            request.header("Content-Type", contentType);
        }
        headers().forEach(request::header);
        String path = uri.getRawPath();
        if (path.startsWith("/api/v1/ops/") || path.startsWith("/actuator/")) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    ("operator:" + HubClient.OPERATOR_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        } else if (!path.startsWith("/api/v1/bundles") && random.nextInt(10) > 0) {
            String key = random.nextBoolean() ? "it-fuzz" : "it-gongan";
            HubClient.signature(key, key + "-secret", method, uri, body).forEach(request::header);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Headers a channel might send wrong: what it accepts, its own ids, an identity token that is not one. */
    private Map<String, String> headers() {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        if (random.nextInt(3) == 0) {
            headers.put("Accept", List.of("application/json", "application/problem+json", "*/*", "text/html",
                    "application/yaml", "image/png", "application/json;q=0", "x/y, */*;q=0.1").get(random.nextInt(8)));
        }
        if (random.nextInt(4) == 0) {
            headers.put("X-Applicant-Identity", random.nextBoolean() ? "eyJhbGciOiJub25lIn0." + randomText(20)
                    .replaceAll("[^A-Za-z0-9]", "a") + "." : value().replaceAll("[^\\x21-\\x7e]", "x"));
        }
        if (random.nextInt(4) == 0) {
            headers.put("Idempotency-Key", value().replaceAll("[^\\x21-\\x7e]", "x"));
        }
        if (random.nextInt(4) == 0) {
            headers.put("traceparent", random.nextBoolean() ? "00-" + "f".repeat(32) + "-" + "0".repeat(16) + "-01"
                    : value().replaceAll("[^\\x21-\\x7e]", "x"));
        }
        if (random.nextInt(6) == 0) {
            headers.put("Accept-Language", value().replaceAll("[^\\x21-\\x7e]", "x"));
        }
        headers.values().removeIf(String::isEmpty);
        return headers;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
