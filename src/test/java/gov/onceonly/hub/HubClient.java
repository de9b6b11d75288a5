package gov.onceonly.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.awaitility.Awaitility.await;

/** The hub's API over real HTTP on loopback, as a client would use it. */
public final class HubClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The sandbox profile's operator password (application-sandbox.properties); child hubs are given it too. */
    public static final String OPERATOR_PASSWORD = "sandbox-operator";

    private final int port;
    private final ObjectMapper json;
    private final String authorization;

    public HubClient(int port, ObjectMapper json) {
        this(port, json, null);
    }

    private HubClient(int port, ObjectMapper json, String authorization) {
        this.port = port;
        this.json = json;
        this.authorization = authorization;
    }

    /** The same hub, called with the operator's credentials (HTTP Basic). */
    public HubClient asOperator() {
        return withBasic("operator", OPERATOR_PASSWORD);
    }

    public HubClient withBasic(String user, String password) {
        String token = java.util.Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return new HubClient(port, json, "Basic " + token);
    }

    public HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return post(path, "application/json", body);
    }

    public HttpResponse<String> post(String path, String contentType, String body) throws IOException, InterruptedException {
        return HTTP.send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path));
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

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
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
