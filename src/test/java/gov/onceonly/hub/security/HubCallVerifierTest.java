package gov.onceonly.hub.security;

import gov.onceonly.hub.evidence.Ed25519Keys;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the hub signs ({@link DepartmentCallSigner}) and what a department accepts ({@link HubCallVerifier}). */
class HubCallVerifierTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-12-05T08:00:00Z"), ZoneOffset.UTC);
    private static final String POPULATION = "http://127.0.0.1:18090/gongan/population";

    private final DepartmentCallSigner hub = new DepartmentCallSigner("onceonly-hub",
            Ed25519Keys.privateKey(Ed25519Keys.generate()), NOW);
    private final HubCallVerifier department = new HubCallVerifier(Map.of("onceonly-hub", hub.publicKey()), NOW,
            Duration.ofMinutes(5));

    @Test
    void aDepartmentAcceptsTheHubsCallOnceAndNothingElse() {
        Exchange call = signed("GET", POPULATION, "/persons/500101199001011234", null);

        assertThat(refusal(call, "GET", POPULATION + "/persons/500101199001011234", null)).isNull();
        assertThat(refusal(call, "GET", POPULATION + "/persons/500101199001011234", null)).contains("replay");
        Exchange another = signed("GET", POPULATION, "/persons/500101199001011234", null);
        assertThat(refusal(another, "GET", POPULATION + "/persons/500101199001015678", null)).contains("does not verify");
        assertThat(refusal(another, "GET", "http://127.0.0.1:18090/weijian/approval/applications", null))
                .contains("does not verify");
    }

    @Test
    void theBodyIsCoveredByItsDigest() {
        Exchange push = signed("POST", "http://127.0.0.1:18090/weijian/approval/applications", null, "{\"babyName\":\"陈小宝\"}");
        String target = "http://127.0.0.1:18090/weijian/approval/applications";

        assertThat(refusal(push, "POST", target, "{\"babyName\":\"陈大宝\"}")).isEqualTo("Content-Digest does not match the body");
        assertThat(refusal(push, "POST", target, "{\"babyName\":\"陈小宝\"}")).isNull();
        assertThat(push.getMessage().getHeader(HttpMessageSignatures.SIGNATURE_INPUT, String.class))
                .startsWith("hub=(\"@method\" \"@target-uri\" \"content-digest\");created=1796457600;nonce=\"")
                .endsWith(";keyid=\"onceonly-hub\";alg=\"ed25519\"");
    }

    @Test
    void anotherKeyAnOldCallAndNoSignatureAreRefused() {
        DepartmentCallSigner impostor = new DepartmentCallSigner("onceonly-hub", Ed25519Keys.privateKey(Ed25519Keys.generate()), NOW);
        Exchange forged = exchange("GET", POPULATION, "/persons/1", null);
        impostor.sign(forged);
        assertThat(refusal(forged, "GET", POPULATION + "/persons/1", null)).contains("does not verify");

        DepartmentCallSigner late = new DepartmentCallSigner("onceonly-hub", Ed25519Keys.privateKey(Ed25519Keys.generate()),
                Clock.offset(NOW, Duration.ofMinutes(-6)));
        HubCallVerifier trustingLate = new HubCallVerifier(Map.of("onceonly-hub", late.publicKey()), NOW, Duration.ofMinutes(5));
        Exchange old = exchange("GET", POPULATION, "/persons/1", null);
        late.sign(old);
        assertThat(trustingLate.refusal("GET", POPULATION + "/persons/1", null, name -> header(old, name)))
                .hasValueSatisfying(reason -> assertThat(reason).contains("outside the window"));

        assertThat(department.refusal("GET", POPULATION + "/persons/1", null, name -> null))
                .hasValue("no hub signature (Signature-Input hub=...)");
    }

    private Exchange signed(String method, String endpoint, String path, String body) {
        Exchange exchange = exchange(method, endpoint, path, body);
        hub.sign(exchange);
        return exchange;
    }

    private static Exchange exchange(String method, String endpoint, String path, String body) {
        return exchange(new DefaultCamelContext(), method, endpoint, path, body);
    }

    /** A call as the http route templates hand it to the signer (also DepartmentTrustIT's). */
    static Exchange exchange(org.apache.camel.CamelContext camel, String method, String endpoint, String path, String body) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.setProperty(DepartmentCallSigner.ENDPOINT, endpoint);
        exchange.getMessage().setHeader(Exchange.HTTP_METHOD, method);
        if (path != null) {
            exchange.getMessage().setHeader(Exchange.HTTP_PATH, path);
        }
        exchange.getMessage().setBody(body);
        return exchange;
    }

    private String refusal(Exchange call, String method, String target, String body) {
        return department.refusal(method, target, body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                name -> header(call, name)).orElse(null);
    }

    private static String header(Exchange call, String name) {
        return call.getMessage().getHeader(name, String.class);
    }
}
