package gov.onceonly.hub.metrics;

import gov.onceonly.hub.HubClient;
import gov.onceonly.hub.HubIntegrationTest;
import gov.onceonly.hub.ProjectScript;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** After one newborn application, Prometheus sees its calls, deliveries and the pipeline's state. */
class MetricsIT extends HubIntegrationTest {

    @Test
    void prometheusShowsConnectorsDeliveriesAndThePipeline() throws Exception {
        var family = familiesWithBirthRecords().get(151);
        hub.awaitEveryItemDelivered(hub.submit(HubClient.newborn(family.mother().idNumber(), family.mother().name())));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            String text = hub.asViewer().get("/actuator/prometheus").body();
            assertThat(text)
                    .containsPattern("hub_connector_calls_seconds_bucket\\{application=\"onceonly-hub\",connector=\"gongan-population\",outcome=\"found\",role=\"source\",le=\"[0-9.]+\"}")
                    .containsPattern("hub_connector_calls_seconds_count\\{application=\"onceonly-hub\",connector=\"weijian-approval\",outcome=\"delivered\",role=\"target\"} [1-9]")
                    .containsPattern("hub_deliveries_total\\{application=\"onceonly-hub\",outcome=\"delivered\",target=\"weijian-approval\"} [1-9]")
                    // the departments decide: the application is completed, or still in progress
                    .containsPattern("hub_applications\\{application=\"onceonly-hub\",bundle=\"newborn\",status=\"(COMPLETED|IN_PROGRESS)\"} [1-9]")
                    .containsPattern("hub_items\\{application=\"onceonly-hub\",status=\"DONE\",target=\"weijian-approval\"} [1-9]")
                    .containsPattern("hub_kafka_consumer_lag\\{application=\"onceonly-hub\",group=\"hub-pipeline\",topic=\"hub.applications\"} [0-9]")
                    .containsPattern("hub_circuit_open\\{application=\"onceonly-hub\",connector=\"gongan-population\"} 0")
                    .contains("hub_circuits_open{", "hub_deliveries_parked{", "hub_deliveries_waiting_retry{",
                            "hub_outbox_backlog{", "hub_outbox_oldest_seconds{", "hub_evidence_waiting{",
                            "hub_evidence_waiting_oldest_seconds{");
        });
    }

    @Test
    void everyMetricOfTheHubSaysWhatItCounts() throws Exception {
        String text = hub.asViewer().get("/actuator/prometheus").body();
        java.util.List<String> hubHelp = text.lines().filter(l -> l.startsWith("# HELP hub_")).toList();
        assertThat(hubHelp).hasSizeGreaterThan(10);
        assertThat(hubHelp).as("HELP lines of the hub's metrics (promtool check metrics needs a text)")
                .allSatisfy(line -> assertThat(line.split(" ", 4)).hasSize(4)
                        .satisfies(parts -> assertThat(parts[3].strip()).isNotEmpty()));
    }

    /** Prometheus's own linter, on the whole scrape: the libraries' meters included (metrics/PrometheusConventions). */
    @Test
    void theScrapePassesPromtool() throws Exception {
        String text = hub.asViewer().get("/actuator/prometheus").body();
        ProjectScript.Result promtool = new ProjectScript("promtool").run(text, Duration.ofMinutes(3), "check", "metrics");
        assertThat(promtool.output()).as("promtool check metrics").isEmpty();
        assertThat(promtool.exitCode()).isZero();
        assertThat(text).contains("# HELP tomcat_sessions_created_sessions_total Sessions created",
                "system_cpu_processors").doesNotContain("spring_security_filterchains", "process_cpu_time_ns");
    }

    @Test
    void prometheusAnswersTheScrapersViewerAccountOnly() throws Exception {
        assertThat(hub.get("/actuator/prometheus").statusCode()).as("anonymous").isEqualTo(401);
        assertThat(hub.withBasic("prometheus", "wrong").get("/actuator/prometheus").statusCode()).isEqualTo(401);
        assertThat(hub.asViewer().get("/actuator/prometheus").statusCode()).isEqualTo(200);
        assertThat(hub.asOperator().get("/actuator/prometheus").statusCode()).as("an admin includes a viewer").isEqualTo(200);
        assertThat(hub.asViewer().post("/actuator/jolokia", "{\"type\":\"version\"}").statusCode())
                .as("a viewer is no operator").isEqualTo(403);
        assertThat(hub.get("/actuator/jolokia").statusCode()).isEqualTo(401);
    }
}
