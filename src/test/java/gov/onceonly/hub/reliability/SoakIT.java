package gov.onceonly.hub.reliability;

import gov.onceonly.hub.ChildHubDecisions;
import gov.onceonly.hub.HubClient;
import gov.onceonly.hub.HubIntegrationTest;
import gov.onceonly.hub.HubProcess;
import gov.onceonly.hub.sandbox.ApprovalInbox;
import gov.onceonly.hub.sandbox.SandboxDatabases;
import gov.onceonly.hub.sandbox.SyntheticPeople;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Value;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Soak: load, SIGKILL and restart in a loop for {@code -Dsoak.minutes}, then wait for the pipeline to drain and
 * count. Not part of CI; run by {@code scripts/soak.sh}. Prints submitted, acknowledged, completed, duplicates
 * and lost.
 */
@EnabledIfSystemProperty(named = "soak.minutes", matches = "\\d+")
class SoakIT extends HubIntegrationTest {

    private static final String DATABASE = "hub_soak";

    @Value("${hub.kafka.bootstrap-servers}")
    String broker;
    @Value("${hub.sandbox.url}")
    String departments;
    @Value("${hub.sandbox.postgres-url}")
    String departmentDatabases;

    @Test
    void loadKillRestartLoop() throws Exception {
        Instant end = Instant.now().plus(Duration.ofMinutes(Long.getLong("soak.minutes")));
        superuser.execute("drop database if exists " + DATABASE + " with (force)");
        superuser.execute("create database " + DATABASE);
        List<SyntheticPeople.Family> families = familiesWithBirthRecords();
        List<String> acknowledged = new ArrayList<>();
        int submitted = 0;
        int kills = 0;
        int port = HubProcess.freePort();
        HubClient client = new HubClient(port, json);
        departmentsReportThrough(new ChildHubDecisions(new HubClient(port, json))); // its departments decide
        int inboxBefore = duplicates();
        while (Instant.now().isBefore(end)) {
            try (HubProcess hub = process(port).start()) {
                Instant killAt = Instant.now().plusSeconds(ThreadLocalRandom.current().nextInt(5, 20));
                while (Instant.now().isBefore(killAt)) {
                    SyntheticPeople.Family f = families.get(submitted++ % families.size());
                    try {
                        HttpResponse<String> r = client.post("/api/v1/applications", HubClient.newborn(f.mother().idNumber(), f.mother().name()));
                        if (r.statusCode() == 202) {
                            acknowledged.add(client.body(r).path("id").asText());
                        }
                    } catch (java.io.IOException e) {
                        // the hub is going down: not acknowledged
                    }
                    Thread.sleep(20);
                }
                hub.kill();
                kills++;
            }
        }
        int completed = 0;
        try (HubProcess hub = process(port).start()) {
            for (String id : acknowledged) {
                client.awaitStatus("/api/v1/applications/" + id, "COMPLETED", Duration.ofMinutes(2));
                completed++;
            }
        }
        long lost = acknowledged.stream().filter(id -> sandbox.inbox().received("rlsb-card-approval").stream()
                .map(ApprovalInbox.Received::idempotencyKey).noneMatch((id + ":social-security-card")::equals)).count();
        System.out.printf("%nSOAK %d min, %d kills: submitted %d, acknowledged %d, completed %d, duplicates %d (recognised by key), lost %d%n",
                Long.getLong("soak.minutes"), kills, submitted, acknowledged.size(), completed, duplicates() - inboxBefore, lost);
        assertThat(lost).isZero();
        assertThat(completed).isEqualTo(acknowledged.size());
    }

    private int duplicates() {
        return sandbox.inbox().duplicates("weijian-approval") + sandbox.inbox().duplicates("rlsb-card-approval")
                + sandbox.inbox().duplicates("ybj-enrolment");
    }

    private HubProcess process(int port) {
        return new HubProcess("soak-hub", port, List.of(
                "--spring.profiles.active=soak",
                "--spring.datasource.url=" + SandboxDatabases.serverOf(departmentDatabases) + "/" + DATABASE,
                "--spring.datasource.username=postgres",
                "--hub.kafka.bootstrap-servers=" + broker,
                "--hub.kafka.group-prefix=soak",
                "--hub.topics.applications=soak.applications",
                "--hub.topics.deliveries=soak.deliveries",
                "--hub.topics.item-status=soak.item-status",
                "--camel.main.name=soak",
                "--hub.config-root=" + Path.of("").toAbsolutePath()),
                HubProcess.sandboxDepartments(departments, departmentDatabases));
    }
}
