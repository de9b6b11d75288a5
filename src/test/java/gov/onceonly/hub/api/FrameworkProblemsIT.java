package gov.onceonly.hub.api;

import com.fasterxml.jackson.databind.JsonNode;
import gov.onceonly.hub.HubIntegrationTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The errors Spring, Spring Security and Tomcat raise before a controller runs (wrong method, unknown path, wrong
 * media type, a body that is not what its type says, a URL the firewall or the connector refuses) are problem
 * details of the hub's own type with their own 4xx status in the body too, never a 500 or an HTML page.
 */
class FrameworkProblemsIT extends HubIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aWrongMethodIs405() throws Exception {
        assertProblem(hub.get("/api/v1/applications"), 405);
    }

    @Test
    void anUnknownPathIs404() throws Exception {
        assertProblem(hub.get("/api/v1/no-such-thing"), 404);
    }

    @Test
    void anUnsupportedMediaTypeIs415() throws Exception {
        assertProblem(hub.post("/api/v1/applications", "application/xml", "<application/>"), 415);
    }

    @Test
    void anUnacceptableMediaTypeIs406() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/v1/bundles/newborn/form-schema")).header("Accept", "image/png").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        // A problem all the same: a client that cannot read one still learns why from the status and the body.
        assertProblem(response, 406);
    }

    @Test
    void aBrokenMultipartBodyIsAnUnsupportedMediaType() throws Exception {
        // The signature check reads the body as bytes, so nothing tries to parse the broken multipart: the
        // intake refuses its media type like any other.
        HttpResponse<String> response = hub.post("/api/v1/applications", "multipart/form-data; boundary=xyz",
                "--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno end");
        assertProblem(response, 415);
    }

    @Test
    void aPathTomcatRefusesIsAProblemNotItsHtmlPage() throws Exception {
        for (String path : new String[] {"/api/v1/..%2F..%2Fetc%2Fpasswd", "/api/v1/bundles%5Cnewborn"}) {
            assertProblem(raw(path), 400);
        }
    }

    @Test
    void aUrlTheFirewallRefusesIsAProblemNamingThePath() throws Exception {
        for (String path : new String[] {"/api/v1/applications/%2500", "/api/v1/a%0Ab", "/api/v1/bundles;jsessionid=1",
                "/api/v1/bundles/%2e%2e/newborn"}) {
            JsonNode problem = assertProblem(raw(path), 400);
            assertThat(problem.path("type").asText()).as(path).isEqualTo("urn:onceonly:problem:rejected-url");
            assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("path");
        }
    }

    @Test
    void aPathThatIsNotUtf8IsAProblemNotA500() throws Exception {
        for (String path : new String[] {"/api/v1/applications/%FF", "/api/v1/bundles/%C3%28", "/api/v1/%E2%82"}) {
            HttpResponse<String> response = raw(path);
            assertThat(response.statusCode()).as(path + " " + response.body()).isBetween(400, 499);
            assertProblem(response, response.statusCode());
        }
    }

    @Test
    void theErrorPageCalledDirectlyIsNotFoundNotA500() throws Exception {
        assertProblem(raw("/error"), 404);
        assertProblem(raw("/error?x=1"), 404);
    }

    @Test
    void aBlankPathVariableIsTheCallersMistakeWithTheSameStatusInTheBody() throws Exception {
        JsonNode problem = assertProblem(hub.get("/api/v1/applications/%20%20%20"), 400);
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("id");
    }

    private HttpResponse<String> raw(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A problem of the hub's own: its content type, its type, and the status of the response in its body. */
    private JsonNode assertProblem(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = hub.body(response);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("type").asText()).startsWith("urn:onceonly:problem:");
        return problem;
    }
}
