package gov.onceonly.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.onceonly.hub.security.RequestSignature;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import static org.awaitility.Awaitility.await;

/** The hub's API over real HTTP on loopback, as a client would use it. */
public final class HubClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The sandbox profile's operator password (application-sandbox.properties); child hubs are given it too. */
    public static final String OPERATOR_PASSWORD = "sandbox-operator";
    /** The sandbox portal, a registered channel (application-sandbox.properties); child hubs are given it too. */
    public static final String PORTAL_KEY = "sandbox-portal";
    public static final String PORTAL_SECRET = "sandbox-portal-secret";
    /** The sandbox profile's key for payloads at rest (application-sandbox.properties), for hubs on other profiles. */
    public static final List<String> ENCRYPTION_ARGS = List.of(
            "--hub.encryption.key=NlVF+937OslNZfXl2+gkOuMMrll3/QoehRgb/LQoLUU=", "--hub.encryption.key-id=sandbox-1");
    /**
     * The sandbox profile's evidence signing key (application-sandbox.properties); child hubs are given it too, so that
     * the checkpoints they sign in a shared ledger verify against the key the test hub pins.
     */
    public static final String EVIDENCE_KEY = "MC4CAQAwBQYDK2VwBCIEILlNHDf22iyPJBcwwPRT99zOeWkRk0EyWQd2K9GiQkVW";

    private final String base;
    private final HttpClient http;
    private final ObjectMapper json;
    private final String authorization;
    private final String clientKey;
    private final String clientSecret;

    /** A client that signs every call as the sandbox portal. */
    public HubClient(int port, ObjectMapper json) {
        this("http://127.0.0.1:" + port, HTTP, json, null, PORTAL_KEY, PORTAL_SECRET);
    }

    /** A client of a hub that serves https, connecting with the given TLS context (its trust, its own certificate). */
    public static HubClient overTls(int port, javax.net.ssl.SSLContext tls, ObjectMapper json) {
        return new HubClient("https://127.0.0.1:" + port, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .sslContext(tls).build(), json, null, PORTAL_KEY, PORTAL_SECRET);
    }

    private HubClient(String base, HttpClient http, ObjectMapper json, String authorization, String clientKey,
                      String clientSecret) {
        this.base = base;
        this.http = http;
        this.json = json;
        this.authorization = authorization;
        this.clientKey = clientKey;
        this.clientSecret = clientSecret;
    }

    /** The sandbox profile's viewer, as Prometheus scrapes (application-sandbox.properties). */
    public static final String VIEWER_PASSWORD = "sandbox-prometheus";

    /** The same hub, called as the sandbox's viewer account (metrics, health details). */
    public HubClient asViewer() {
        return withBasic("prometheus", VIEWER_PASSWORD);
    }

    /** The same hub, called with the operator's credentials (HTTP Basic). */
    public HubClient asOperator() {
        return withBasic("operator", OPERATOR_PASSWORD);
    }

    public HubClient withBasic(String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new HubClient(base, http, json, "Basic " + token, clientKey, clientSecret);
    }

    /** The same hub, with calls signed by another client (or not at all: null key). */
    public HubClient signedAs(String key, String secret) {
        return new HubClient(base, http, json, authorization, key, secret);
    }

    public HubClient unsigned() {
        return signedAs(null, null);
    }

    /**
     * Department systems the shared test hub registers (HubIntegrationTest; 市卫生健康委's is the sandbox's own), by
     * department. Each one's secret is its key followed by {@code -secret}.
     */
    public static final Map<String, String> DEPARTMENT_CLIENTS = Map.of("市卫生健康委", "sandbox-weijian",
            "市公安局", "it-gongan", "市医保局", "it-ybj", "市人力社保局", "it-rlsb");

    /** The same hub, called by the system of one department. */
    public HubClient asDepartment(String department) {
        String key = DEPARTMENT_CLIENTS.get(department);
        if (key == null) {
            throw new IllegalArgumentException("no test client for department " + department);
        }
        return signedAs(key, key + "-secret");
    }

    /**
     * Reports an item's progress as its own department's system would: the department is read from the status view
     * this client sees (市卫生健康委 for an item it does not show).
     */
    public HttpResponse<String> reportStatus(String applicationId, String item, String report)
            throws IOException, InterruptedException {
        HttpResponse<String> view = get("/api/v1/applications/" + applicationId);
        String department = "市卫生健康委";
        if (view.statusCode() == 200) {
            for (JsonNode shown : body(view).path("items")) {
                if (shown.path("item").asText().equals(item)) {
                    department = shown.path("department").asText();
                }
            }
        }
        return asDepartment(department).post("/api/v1/applications/" + applicationId + "/items/" + item + "/status",
                report);
    }

    /** The signature headers of one call, as scripts/hubcurl makes them. */
    public static Map<String, String> signature(String key, String secret, String method, URI uri, byte[] body) {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        String nonce = UUID.randomUUID().toString();
        String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String canonical = RequestSignature.canonical(key, method, path, timestamp, nonce, body);
        return Map.of(RequestSignature.KEY, key, RequestSignature.TIMESTAMP, timestamp, RequestSignature.NONCE, nonce,
                RequestSignature.SIGNATURE, RequestSignature.sign(secret.getBytes(StandardCharsets.UTF_8), canonical));
    }

    public HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return post(path, "application/json", body);
    }

    public HttpResponse<String> post(String path, String contentType, String body) throws IOException, InterruptedException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = request("POST", path, bytes).header("Content-Type", contentType);
        identityToken(path, body).ifPresent(token -> request.header(APPLICANT_IDENTITY, token));
        return checked("POST", http.send(request.POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    /** A POST with the identity token of {@code idNumber}, as a channel confirms a proposal for its subject. */
    public HttpResponse<String> postWithIdentity(String idNumber, String path, String body)
            throws IOException, InterruptedException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = request("POST", path, bytes).header("Content-Type", "application/json")
                .header(APPLICANT_IDENTITY, identityProvider.apply(idNumber));
        return checked("POST", http.send(request.POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    /** The header a channel sends with an application: the applicant's identity token (intake/ApplicantIdentity). */
    public static final String APPLICANT_IDENTITY = "X-Applicant-Identity";
    private static volatile Function<String, String> identityProvider;

    /** Where this client gets applicants' identity tokens: the sandbox's provider, as a channel's login would. */
    public static void useIdentityProvider(Function<String, String> tokens) {
        identityProvider = tokens;
    }

    /**
     * A channel submitting an application sends its applicant's identity token: the sandbox provider's, for the
     * applicant.idNumber of the body; none when the body names no valid one (the hub then says what is wrong).
     */
    private Optional<String> identityToken(String path, String body) {
        Function<String, String> tokens = identityProvider;
        if (tokens == null || !"/api/v1/applications".equals(path) || noToken) {
            return Optional.empty();
        }
        try {
            String idNumber = json.readTree(body).path("applicant").path("idNumber").asText("");
            return gov.onceonly.hub.subject.CitizenIdNumber.isValid(idNumber) ? Optional.of(tokens.apply(idNumber))
                    : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The same hub, with no identity token sent with applications (to see the hub refuse them). */
    public HubClient withoutIdentityToken() {
        HubClient client = new HubClient(base, http, json, authorization, clientKey, clientSecret);
        client.noToken = true;
        return client;
    }

    private boolean noToken;

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return checked("GET", http.send(request("GET", path, new byte[0]).GET().build(), HttpResponse.BodyHandlers.ofString()));
    }

    /**
     * A GET with the identity token of {@code idNumber} (the sandbox provider's), as a channel sends it for the
     * subject's own views (archive/SubjectAccess).
     */
    public HttpResponse<String> getWithIdentityOf(String path, String idNumber) throws IOException, InterruptedException {
        HttpRequest.Builder request = request("GET", path, new byte[0]);
        request.header(APPLICANT_IDENTITY, identityProvider.apply(idNumber));
        return checked("GET", http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** Every answer is checked against the hub's OpenAPI document ({@link ApiContract}). */
    private HttpResponse<String> checked(String method, HttpResponse<String> response) {
        ApiContract.check(base, http, method, response.request().uri(), response);
        return response;
    }

    private HttpRequest.Builder request(String method, String path, byte[] body) {
        URI uri = uri(path);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri);
        if (clientKey != null) {
            signature(clientKey, clientSecret, method, uri, body).forEach(builder::header);
        }
        return authorization == null ? builder : builder.header("Authorization", authorization);
    }

    public JsonNode body(HttpResponse<String> response) throws IOException {
        return json.readTree(response.body());
    }

    /** Submits an application that must be accepted, and returns its status URL. */
    public String submit(String application) throws IOException, InterruptedException {
        HttpResponse<String> response = post("/api/v1/applications", application);
        if (response.statusCode() != 202) {
            throw new AssertionError("expected 202, got " + response.statusCode() + ": " + response.body());
        }
        return body(response).path("statusUrl").asText();
    }

    /** One item of a status view. */
    public static JsonNode item(JsonNode view, String item) {
        for (JsonNode shown : view.path("items")) {
            if (shown.path("item").asText().equals(item)) {
                return shown;
            }
        }
        throw new IllegalStateException("no item " + item + " in " + view);
    }

    /** Waits until the application's overall status is the given one, and returns its status view. */
    public JsonNode awaitStatus(String statusUrl, String status) {
        return awaitStatus(statusUrl, status, Duration.ofSeconds(30));
    }

    public JsonNode awaitStatus(String statusUrl, String status, Duration atMost) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(atMost).pollInterval(Duration.ofMillis(100))
                .alias("status of " + statusUrl + " becomes " + status)
                .until(() -> {
                    last[0] = body(get(statusUrl));
                    return status.equals(last[0].path("status").asText());
                });
        return last[0];
    }

    /**
     * Waits until every item of the application reached its target (or does not apply), whatever its departments
     * reported since, and returns its status view: with departments that decide, an item that waits for another's
     * decision goes out too, and the application's status moves past DELIVERED.
     */
    public JsonNode awaitEveryItemDelivered(String statusUrl) {
        return awaitEveryItemDelivered(statusUrl, Duration.ofSeconds(60));
    }

    public JsonNode awaitEveryItemDelivered(String statusUrl, Duration atMost) {
        JsonNode[] last = new JsonNode[1];
        try {
            await().atMost(atMost).pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        last[0] = body(get(statusUrl));
                        JsonNode items = last[0].path("items");
                        if (items.isEmpty()) {
                            return false;
                        }
                        for (JsonNode item : items) {
                            if (!item.hasNonNull("deliveredAt") && !"NOT_APPLICABLE".equals(item.path("status").asText())) {
                                return false;
                            }
                        }
                        return true;
                    });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("not every item of " + statusUrl + " was delivered within " + atMost + "; last seen: "
                    + last[0], e);
        }
        return last[0];
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    /** A complete, valid newborn application for the given mother. */
    public static String newborn(String idNumber, String name) {
        return """
                {"bundle":"newborn","applicant":{"idNumber":"%s","name":"%s"},\
                "consent":{"granted":true,"purpose":"新生儿出生一件事"},\
                "form":{"babyName":"%s小宝","contactPhone":"13800138000","registrationChoice":"mother",\
                "mailingAddress":"重庆市渝中区民族路100号","vaccinationClinic":"渝中区社区卫生服务中心"}}"""
                .formatted(idNumber, name, name.substring(0, 1));
    }
}
