package gov.onceonly.hub.embedded;

import gov.onceonly.hub.HubClient;
import gov.onceonly.hub.HubIntegrationTest;
import gov.onceonly.hub.SecondHub;
import gov.onceonly.hub.health.BrokerHealth;
import gov.onceonly.hub.sandbox.SandboxDepartments;
import gov.onceonly.hub.sandbox.SyntheticPeople;
import gov.onceonly.hub.security.TestCertificates;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;
import org.springframework.util.FileSystemUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The hub on a broker that speaks only mutual TLS to it: {@code hub.kafka.client.*} reaches every Kafka client of
 * the hub (the pipeline's consumer, the outbox producer, the admin clients of topics, health and lag, Camel's status
 * and feed endpoints), so an application goes all the way through; a client without a certificate gets nowhere.
 */
class KafkaOverTlsIT extends HubIntegrationTest {

    private static final Path DATA = Path.of("target", "it-data", "kafka-tls");
    private static final String NAME = "kafkatls";

    @Test
    void everyKafkaClientOfTheHubReachesATlsBroker() throws Exception {
        FileSystemUtils.deleteRecursively(DATA);
        FileSystemUtils.deleteRecursively(Path.of("target", "it-data", NAME));
        Path certs = DATA.resolve("certs").toAbsolutePath();
        TestCertificates ca = TestCertificates.authority("kafka-test-ca");
        Path caFile = ca.writePem(certs);
        TestCertificates broker = ca.issueServer("kafka-broker");
        Path brokerCert = broker.writePem(certs);
        TestCertificates hubClient = ca.issueClient("onceonly-hub");
        Path hubCert = hubClient.writePem(certs);
        // Kafka's PEM keystore file: the private key, then the certificate chain.
        Path hubKeystore = Files.writeString(certs.resolve("onceonly-hub-keystore.pem"),
                Files.readString(hubClient.keyPath(certs)) + Files.readString(hubCert));

        try (TlsBroker kafka = TlsBroker.start(DATA.resolve("kafka"), brokerCert, broker.keyPath(certs), caFile)) {
            // Without the hub's settings a client does not get through the TLS listener.
            try (Admin stranger = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.tlsBootstrap(),
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000))) {
                assertThatThrownBy(() -> stranger.listTopics().names().get(5, TimeUnit.SECONDS))
                        .isInstanceOfAny(ExecutionException.class, java.util.concurrent.TimeoutException.class);
            }
            try (SecondHub hub = SecondHub.start(NAME, Map.of(
                    "hub.kafka.bootstrap-servers", kafka.tlsBootstrap(),
                    "hub.sandbox.kafka-bootstrap-servers", kafka.plaintextBootstrap(),
                    "hub.kafka.client.security.protocol", "SSL",
                    "hub.kafka.client.ssl.truststore.type", "PEM",
                    "hub.kafka.client.ssl.truststore.location", caFile.toString(),
                    "hub.kafka.client.ssl.keystore.type", "PEM",
                    "hub.kafka.client.ssl.keystore.location", hubKeystore.toString(),
                    "hub.sandbox.families", "60"))) {
                SandboxDepartments departments = hub.bean(SandboxDepartments.class);
                SyntheticPeople.Family family = departments.people().families().stream()
                        .filter(f -> f.birth() != null).findFirst().orElseThrow();
                HubClient client = new HubClient(hub.port(), json);
                String statusUrl = client.submit(HubClient.newborn(family.mother().idNumber(), family.mother().name()));
                client.awaitEveryItemDelivered(statusUrl, Duration.ofSeconds(90));
                assertThat(hub.bean(BrokerHealth.class).health().getStatus()).isEqualTo(Status.UP);
            }
        }
    }
}
