package gov.onceonly.hub.security;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientRegistryTest {

    private static final String FINGERPRINT = "AB:CD:" + "0123456789abcdef".repeat(3) + "0123456789ab";

    private static MockEnvironment portal(String certificate) {
        return new MockEnvironment().withProperty("hub.clients.portal.role", "channel")
                .withProperty("hub.clients.portal.secret", "a-secret-that-is-long-enough-for-the-test")
                .withProperty("hub.clients.portal.certificate-sha256", certificate);
    }

    @Test
    void aPinnedCertificateIsReadAsOpensslPrintsIt() {
        ClientRegistry clients = registry(portal(FINGERPRINT).withProperty("server.ssl.client-auth", "need"));

        assertThat(clients.find("portal").orElseThrow().certificateSha256())
                .isEqualTo("abcd" + "0123456789abcdef".repeat(3) + "0123456789ab");
    }

    @Test
    void aPinTheServerCouldNeverCheckStopsTheHub() {
        assertThatThrownBy(() -> registry(portal(FINGERPRINT)))
                .hasMessageContaining("hub.clients.portal.certificate-sha256").hasMessageContaining("server.ssl.client-auth");
    }

    @Test
    void aPinThatIsNoSha256IsNamed() {
        assertThatThrownBy(() -> registry(portal("sha1:1234").withProperty("server.ssl.client-auth", "want")))
                .hasMessageContaining("hub.clients.portal.certificate-sha256").hasMessageContaining("sha1:1234");
    }

    @Test
    void aClientWithoutPinIsNotBoundToACertificate() {
        ClientRegistry clients = registry(portal(""));

        assertThat(clients.find("portal").orElseThrow().certificateSha256()).isNull();
    }

    /** The registry as config/SecurityConfiguration makes it, from hub.clients.* and server.ssl.client-auth. */
    static ClientRegistry registry(Environment env) {
        return ClientRegistry.from(Binder.get(env).bindOrCreate("hub", ClientsProperties.class),
                env.getProperty("server.ssl.client-auth"));
    }
}
