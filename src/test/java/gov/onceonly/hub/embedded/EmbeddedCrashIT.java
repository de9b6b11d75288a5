package gov.onceonly.hub.embedded;

import gov.onceonly.hub.ChildHubDecisions;
import gov.onceonly.hub.HubClient;
import gov.onceonly.hub.HubIntegrationTest;
import gov.onceonly.hub.HubProcess;
import gov.onceonly.hub.sandbox.SyntheticPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.util.FileSystemUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded defaults, run as {@code java -jar} would: a graceful stop takes less than 10 s, forces nothing and
 * leaves no PostgreSQL behind; and a SIGKILL of the hub, whose PostgreSQL (a process of its own) outlives it holding
 * the data directory's lock, is followed by a start from the same directory that stops that orphan and comes up by
 * itself, with what was acknowledged before the kill.
 */
class EmbeddedCrashIT extends HubIntegrationTest {

    private static final Path DATA = Path.of("target", "it-data", "embedded-crash").toAbsolutePath();

    @Value("${hub.sandbox.url}")
    String departments;
    @Value("${hub.sandbox.postgres-url}")
    String departmentDatabases;
    @Value("${hub.kafka.bootstrap-servers}")
    String departmentBroker;

    @Test
    void aGracefulStopTakesUnderTenSecondsAndAKilledHubStartsAgainOnItsOwnData() throws Exception {
        FileSystemUtils.deleteRecursively(DATA);
        int port = HubProcess.freePort();
        departmentsReportThrough(new ChildHubDecisions(new HubClient(port, json))); // its departments decide
        List<SyntheticPeople.Family> families = familiesWithBirthRecords();

        HubProcess first = hubProcess("embedded-crash-1", port).start();
        try {
            HubClient client = new HubClient(port, json);
            client.awaitEveryItemDelivered(client.submit(newborn(families.get(0))), Duration.ofSeconds(60));
        } finally {
            assertThat(first.stopGracefully(Duration.ofSeconds(30))).as("graceful shutdown").isLessThan(Duration.ofSeconds(10));
        }
        String log = Files.readString(first.log());
        List<String> shutdown = log.substring(log.lastIndexOf("Commencing graceful shutdown")).lines().toList();
        assertThat(shutdown).as("the shutdown part of %s", first.log())
                .noneMatch(line -> line.toLowerCase(java.util.Locale.ROOT).contains("forc"))
                // The embedded broker's own shutdown chatter (Kafka's internals) is not the hub's.
                .noneMatch(line -> line.matches(".* (WARN|ERROR) .* (g\\.o\\.hub|gov\\.onceonly|o\\.a\\.c|org\\.apache\\.camel)\\..*"));
        assertThat(DATA.resolve("postgres").resolve("postmaster.pid")).as("PostgreSQL stopped with its hub").doesNotExist();

        String statusUrl;
        try (HubProcess second = hubProcess("embedded-crash-2", port).start()) {
            statusUrl = new HubClient(port, json).submit(newborn(families.get(1)));
            second.kill();
        }
        ProcessHandle orphan = OrphanedPostgres.find(DATA.resolve("postgres")).orElseThrow(
                () -> new AssertionError("the killed hub's PostgreSQL should have outlived it"));

        try (HubProcess third = hubProcess("embedded-crash-3", port).start()) {
            assertThat(orphan.isAlive()).as("the orphan was stopped").isFalse();
            HubClient client = new HubClient(port, json);
            assertThat(client.get(statusUrl).statusCode()).as("the application acknowledged before the kill").isEqualTo(200);
            client.awaitEveryItemDelivered(statusUrl, Duration.ofSeconds(60));
        }
    }

    private static String newborn(SyntheticPeople.Family family) {
        return HubClient.newborn(family.mother().idNumber(), family.mother().name());
    }

    private HubProcess hubProcess(String name, int port) {
        return new HubProcess(name, port, List.of(
                "--spring.profiles.active=embeddedcrash",
                "--hub.embedded.data-dir=" + DATA,
                "--camel.main.name=" + name,
                "--hub.config-root=" + Path.of("").toAbsolutePath(),
                // The hub's own broker is embedded; 市医保局's topics are on the departments' (this JVM's) broker,
                // read in consumer groups of this hub's own.
                "--YBJ_KAFKA_BROKERS=" + departmentBroker,
                "--hub.kafka.group-prefix=embeddedcrash"),
                HubProcess.sandboxDepartments(departments, departmentDatabases));
    }
}
