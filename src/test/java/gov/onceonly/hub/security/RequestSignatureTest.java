package gov.onceonly.hub.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestSignatureTest {

    private static final byte[] SECRET = "s3cret".getBytes(StandardCharsets.UTF_8);

    /** The expected value was computed with openssl, as scripts/hubcurl does: the two must agree. */
    @Test
    void signsLikeOpenssl() {
        String canonical = RequestSignature.canonical("portal", "post", "/api/v1/applications?x=1", "1700000000",
                "abcdefabcdefabcd", "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(canonical).isEqualTo("portal\nPOST\n/api/v1/applications?x=1\n1700000000\nabcdefabcdefabcd\n"
                + "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
        assertThat(RequestSignature.sign(SECRET, canonical)).isEqualTo("PPQmMHXHVjDl+Z43EB0f9L1VN9yJBIyrr7ONfT4EhFQ=");
        assertThat(RequestSignature.matches(SECRET, canonical, "PPQmMHXHVjDl+Z43EB0f9L1VN9yJBIyrr7ONfT4EhFQ=")).isTrue();
    }

    @Test
    void anyChangeBreaksTheSignature() {
        String canonical = RequestSignature.canonical("portal", "POST", "/api/v1/applications", "1700000000",
                "abcdefabcdefabcd", "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        String signature = RequestSignature.sign(SECRET, canonical);
        assertThat(RequestSignature.matches(SECRET, RequestSignature.canonical("portal", "POST", "/api/v1/applications",
                "1700000000", "abcdefabcdefabcd", "{\"a\":2}".getBytes(StandardCharsets.UTF_8)), signature)).as("body").isFalse();
        assertThat(RequestSignature.matches(SECRET, RequestSignature.canonical("portal", "GET", "/api/v1/applications",
                "1700000000", "abcdefabcdefabcd", "{\"a\":1}".getBytes(StandardCharsets.UTF_8)), signature)).as("method").isFalse();
        assertThat(RequestSignature.matches(SECRET, RequestSignature.canonical("kiosk", "POST", "/api/v1/applications",
                "1700000000", "abcdefabcdefabcd", "{\"a\":1}".getBytes(StandardCharsets.UTF_8)), signature)).as("key").isFalse();
        assertThat(RequestSignature.matches("other".getBytes(StandardCharsets.UTF_8), canonical, signature)).as("secret").isFalse();
        assertThat(RequestSignature.matches(SECRET, canonical, null)).isFalse();
    }

    @Test
    void clientsComeFromConfigurationAndAClientWithoutSecretStopsTheHub() {
        ClientRegistry registry = ClientRegistryTest.registry(new MockEnvironment()
                .withProperty("hub.clients.portal.role", "channel")
                .withProperty("hub.clients.portal.secret", "x")
                .withProperty("hub.clients.weijian.role", "department")
                .withProperty("hub.clients.weijian.department", "市卫生健康委")
                .withProperty("hub.clients.weijian.secret", "y"));
        assertThat(registry.size()).isEqualTo(2);
        assertThat(registry.find("weijian")).hasValueSatisfying(c -> {
            assertThat(c.role()).isEqualTo(RegisteredClient.Role.DEPARTMENT);
            assertThat(c.department()).isEqualTo("市卫生健康委");
            assertThat(c.toString()).doesNotContain("y");
        });
        assertThatThrownBy(() -> ClientRegistryTest.registry(new MockEnvironment().withProperty("hub.clients.app.role", "channel")))
                .hasMessageContaining("hub.clients.app.secret");
        assertThatThrownBy(() -> ClientRegistryTest.registry(new MockEnvironment()
                .withProperty("hub.clients.app.role", "robot").withProperty("hub.clients.app.secret", "z")))
                .hasMessageContaining("hub.clients.app.role");
    }
}
