package gov.onceonly.hub.security;

import com.fasterxml.jackson.databind.JsonNode;
import gov.onceonly.hub.HubIntegrationTest;
import gov.onceonly.hub.evidence.Ed25519Keys;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each department trusts the hub without being able to impersonate it: the hub signs with a private key only it
 * holds (RFC 9421, Ed25519) and publishes the public half. A department that received a genuine hub call can
 * neither replay it to another department (the target URI is signed) nor to itself (the nonce), nor sign one of its
 * own; the sandbox departments, which verify as a real one would, refuse all of it.
 */
class DepartmentTrustIT extends HubIntegrationTest {

    @Autowired
    DepartmentCallSigner hubSigner;
    @Autowired
    CamelContext camel;
    @Value("${hub.sandbox.url}")
    String departments;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theHubPublishesItsPublicKeyAsJwks() throws Exception {
        JsonNode jwks = hub.body(hub.get("/.well-known/jwks.json"));
        JsonNode key = jwks.path("keys").get(0);
        assertThat(key.path("kty").asText()).isEqualTo("OKP");
        assertThat(key.path("crv").asText()).isEqualTo("Ed25519");
        assertThat(key.path("kid").asText()).isEqualTo("onceonly-hub");
        assertThat(java.util.Base64.getUrlDecoder().decode(key.path("x").asText())).hasSize(32);
        assertThat(key.has("d")).as("no private part").isFalse();
    }

    @Test
    void aDepartmentCannotPassOffAHubCallAsItsOwnToAnotherDepartment() throws Exception {
        String person = familiesWithBirthRecords().get(3).mother().idNumber();
        Map<String, String> genuine = hubCall("GET", departments + "/gongan/population", "/persons/" + person, null);

        // 市公安局 got this call from the hub, and replays it to 市卫生健康委's approval system, and to itself.
        assertThat(send("POST", departments + "/weijian/approval/applications", genuine, "").statusCode()).isEqualTo(401);
        assertThat(send("GET", departments + "/gongan/population/persons/" + person, genuine, null).statusCode())
                .as("the genuine call, once").isEqualTo(200);
        HttpResponse<String> replay = send("GET", departments + "/gongan/population/persons/" + person, genuine, null);
        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(replay.body()).contains("replay");
    }

    @Test
    void aCallSignedWithAnyOtherKeyOrNotAtAllIsRefused() throws Exception {
        DepartmentCallSigner impostor = new DepartmentCallSigner(hubSigner.keyId(),
                Ed25519Keys.privateKey(Ed25519Keys.generate()), Clock.systemUTC());
        String push = "{\"record\":{\"babyName\":\"陈小宝\"}}";
        Exchange forged = exchange("POST", departments + "/weijian/approval/applications", null, push);
        impostor.sign(forged);

        HttpResponse<String> refused = send("POST", departments + "/weijian/approval/applications",
                headers(forged), push);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("does not verify");
        // The scheme before this one: a shared secret every department held.
        HttpResponse<String> hmac = send("POST", departments + "/weijian/approval/applications", Map.of(
                "X-Hub-Key", "onceonly-hub", "X-Hub-Timestamp", "1", "X-Hub-Nonce", "n", "X-Hub-Signature", "s"), push);
        assertThat(hmac.statusCode()).isEqualTo(401);
        assertThat(hmac.body()).contains("no hub signature");
    }

    private Map<String, String> hubCall(String method, String endpoint, String path, String body) {
        Exchange exchange = exchange(method, endpoint, path, body);
        hubSigner.sign(exchange);
        return headers(exchange);
    }

    private Exchange exchange(String method, String endpoint, String path, String body) {
        return HubCallVerifierTest.exchange(camel, method, endpoint, path, body);
    }

    private static Map<String, String> headers(Exchange signed) {
        Map<String, String> headers = new java.util.HashMap<>();
        for (String name : new String[] {HttpMessageSignatures.SIGNATURE_INPUT, HttpMessageSignatures.SIGNATURE,
                HttpMessageSignatures.CONTENT_DIGEST}) {
            String value = signed.getMessage().getHeader(name, String.class);
            if (value != null) {
                headers.put(name, value);
            }
        }
        return headers;
    }

    private HttpResponse<String> send(String method, String url, Map<String, String> headers, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
