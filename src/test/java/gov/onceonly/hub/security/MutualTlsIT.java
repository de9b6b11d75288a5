package gov.onceonly.hub.security;

import com.fasterxml.jackson.databind.JsonNode;
import gov.onceonly.hub.HubClient;
import gov.onceonly.hub.HubIntegrationTest;
import gov.onceonly.hub.SecondHub;
import gov.onceonly.hub.sandbox.SandboxDatabases;
import gov.onceonly.hub.sandbox.SyntheticPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Mutual TLS both ways, with certificates this test makes: the hub's server asks every caller for a client
 * certificate from the CA of its bundle, and a channel pinned to its certificate ({@code certificate-sha256}) is not
 * itself with the secret alone; towards a department, the hub presents the client certificate of that connector's
 * SSL bundle ({@code http.sslBundle}) to an approval system that takes nothing else.
 */
class MutualTlsIT extends HubIntegrationTest {

    private static final Path HOME = Path.of("target", "it-data", "mtls");

    @Value("${spring.datasource.url}")
    String mainDatabase;
    @Value("${hub.kafka.bootstrap-servers}")
    String sharedBroker;

    @Test
    void callersAndDepartmentsAreKnownByTheirCertificates() throws Exception {
        Path certs = HOME.resolve("certs").toAbsolutePath();
        TestCertificates ca = TestCertificates.authority("onceonly-test-ca");
        ca.writePem(certs);
        TestCertificates hubServer = ca.issueServer("hub.onceonly.test");
        hubServer.writePem(certs);
        TestCertificates hubClient = ca.issueClient("onceonly-hub");
        hubClient.writePem(certs);
        TestCertificates portal = ca.issueClient("sandbox-portal");
        TestCertificates stranger = ca.issueClient("somebody-else");
        TestCertificates rogue = TestCertificates.authority("rogue-ca").issueClient("sandbox-portal");
        TestCertificates approvalServer = ca.issueServer("weijian-approval.test");

        try (MutualTlsDepartment approval = new MutualTlsDepartment(approvalServer.sslContext(ca))) {
            Path config = configWithMutualTlsTarget(approval.baseUrl() + "/weijian/approval");
            superuser.execute("drop database if exists hub_mtls_it with (force)");
            superuser.execute("create database hub_mtls_it");
            Map<String, String> properties = new HashMap<>(Map.of(
                    "spring.datasource.url", SandboxDatabases.serverOf(mainDatabase) + "/hub_mtls_it",
                    "spring.datasource.username", "postgres",
                    "hub.kafka.bootstrap-servers", sharedBroker,
                    "hub.config-root", config.toString(),
                    "server.ssl.bundle", "hub-server",
                    "server.ssl.client-auth", "need",
                    "hub.clients." + HubClient.PORTAL_KEY + ".certificate-sha256", portal.sha256()));
            properties.putAll(bundle("hub-server", certs, "hub.onceonly.test"));
            properties.putAll(bundle("weijian-approval", certs, "onceonly-hub"));
            try (SecondHub hub = SecondHub.start("mtls", properties)) {
                String application = HubClient.newborn(family().mother().idNumber(), family().mother().name());

                // No certificate, or one from another CA: the handshake ends before a byte of HTTP.
                assertThatThrownBy(() -> HubClient.overTls(hub.port(), TestCertificates.trustingOnly(ca), json)
                        .post("/api/v1/applications", application)).isInstanceOf(IOException.class);
                assertThatThrownBy(() -> HubClient.overTls(hub.port(), rogue.sslContext(ca), json)
                        .post("/api/v1/applications", application)).isInstanceOf(IOException.class);

                // A certificate of the right CA that is not the portal's: the portal's secret alone is not the portal.
                HttpResponse<String> impostor = HubClient.overTls(hub.port(), stranger.sslContext(ca), json)
                        .post("/api/v1/applications", application);
                assertThat(impostor.statusCode()).isEqualTo(401);
                assertThat(impostor.body()).contains("certificate-sha256").contains("another one");

                // The portal with its own certificate: accepted, and the birth certificate item reaches the approval
                // system over mutual TLS, which saw the hub's client certificate.
                HubClient portalClient = HubClient.overTls(hub.port(), portal.sslContext(ca), json);
                String statusUrl = portalClient.submit(application);
                // This approval system decides nothing, so the items that wait for the certificate stay waiting.
                JsonNode view = await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(
                        () -> portalClient.body(portalClient.get(statusUrl)),
                        v -> HubClient.item(v, "birth-certificate").hasNonNull("deliveredAt"));
                assertThat(approval.calls()).anySatisfy(call -> {
                    assertThat(call.path()).isEqualTo("/weijian/approval/applications");
                    assertThat(call.clientSubject()).isEqualTo("CN=onceonly-hub");
                    assertThat(call.body()).contains(view.path("id").asText());
                });
            }
            // The approval system refuses whoever lacks a certificate of its CA, as it would a forged hub.
            HttpClient anonymous = HttpClient.newBuilder().sslContext(TestCertificates.trustingOnly(ca)).build();
            assertThatThrownBy(() -> anonymous.send(HttpRequest.newBuilder(URI.create(approval.baseUrl() + "/weijian/approval"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void aConnectorNamingAnUnknownBundleStopsTheHubNamingTheFileAndPath() throws Exception {
        Path config = configWithMutualTlsTarget("https://127.0.0.1:9/weijian/approval");
        assertThatThrownBy(() -> SecondHub.start("mtls-unknown-bundle", Map.of(
                "spring.datasource.url", SandboxDatabases.serverOf(mainDatabase) + "/hub_mtls_it",
                "spring.datasource.username", "postgres",
                "hub.kafka.bootstrap-servers", sharedBroker,
                "hub.config-root", config.toString())).close())
                .rootCause()
                .hasMessageContaining("weijian-approval.yaml")
                .hasMessageContaining("http.sslBundle")
                .hasMessageContaining("spring.ssl.bundle.pem.weijian-approval");
    }

    private SyntheticPeople.Family family() {
        return familiesWithBirthRecords().get(17);
    }

    /** A copy of the configuration whose weijian-approval target is reached over mutual TLS. */
    private static Path configWithMutualTlsTarget(String baseUrl) throws IOException {
        Path config = copyConfiguration(HOME.resolve("config").toAbsolutePath());
        Files.writeString(config.resolve("connectors/weijian-approval.yaml"), """
                id: weijian-approval
                department: 市卫生健康委
                system: 卫生健康政务服务审批系统
                kind: http
                role: target
                http:
                  baseUrl: %s
                  path: /applications
                  timeoutMillis: 5000
                  sslBundle: weijian-approval
                """.formatted(baseUrl));
        return config;
    }

    /** A Spring Boot PEM SSL bundle: a certificate and its key, and the test CA as the truststore. */
    private static Map<String, String> bundle(String name, Path certs, String certificate) {
        String at = "spring.ssl.bundle.pem." + name;
        return Map.of(at + ".keystore.certificate", "file:" + certs.resolve(certificate + ".crt"),
                at + ".keystore.private-key", "file:" + certs.resolve(certificate + ".key"),
                at + ".truststore.certificate", "file:" + certs.resolve("onceonly-test-ca.crt"));
    }
}
