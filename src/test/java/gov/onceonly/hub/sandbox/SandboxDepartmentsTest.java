package gov.onceonly.hub.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A sandbox that fails half-way through starting leaves nothing running: its HTTP port is free again. */
class SandboxDepartmentsTest {

    @Test
    void aFailedStartClosesWhatWasAlreadyStarted() throws Exception {
        int port = freePort();
        // No spring.datasource.url: the start fails after the HTTP server is up.
        MockEnvironment env = new MockEnvironment().withProperty("hub.sandbox.port", String.valueOf(port))
                .withProperty("hub.sandbox.families", "5")
                .withProperty("hub.sandbox.identity-provider.signing-key", java.util.Base64.getEncoder().encodeToString(
                        java.security.KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate().getEncoded()));

        var hubSigner = new gov.onceonly.hub.security.DepartmentCallSigner("onceonly-hub",
                gov.onceonly.hub.evidence.Ed25519Keys.privateKey(gov.onceonly.hub.evidence.Ed25519Keys.generate()),
                java.time.Clock.systemUTC());
        var evidenceSigner = new gov.onceonly.hub.evidence.EvidenceSigner(gov.onceonly.hub.evidence.Ed25519Keys.privateKey(
                gov.onceonly.hub.evidence.Ed25519Keys.generate()), false, java.util.List.of());
        SandboxProperties sandbox = org.springframework.boot.context.properties.bind.Binder.get(env)
                .bindOrCreate("hub.sandbox", SandboxProperties.class);
        SandboxDepartments.Hub hub = new SandboxDepartments.Hub(() -> "http://127.0.0.1:8080", "", "onceonly-hub", "hub",
                "onceonly-hub/evidence", java.nio.file.Path.of("target", "sandbox-departments-test"), null, null, null, null);
        assertThatThrownBy(() -> new SandboxDepartments(sandbox, hub, env, null, new ObjectMapper(), hubSigner,
                evidenceSigner))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("spring.datasource.url");

        try (ServerSocket again = new ServerSocket()) {
            again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            assertThat(again.isBound()).as("the sandbox's HTTP server was stopped").isTrue();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
