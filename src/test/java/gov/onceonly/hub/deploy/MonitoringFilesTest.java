package gov.onceonly.hub.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static gov.onceonly.hub.deploy.DeploymentFiles.DOCKER;
import static gov.onceonly.hub.deploy.DeploymentFiles.hubs;
import static gov.onceonly.hub.deploy.DeploymentFiles.list;
import static gov.onceonly.hub.deploy.DeploymentFiles.maps;
import static gov.onceonly.hub.deploy.DeploymentFiles.ports;
import static gov.onceonly.hub.deploy.DeploymentFiles.service;
import static gov.onceonly.hub.deploy.DeploymentFiles.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Prometheus ({@code docker/prometheus/}) scrapes each hub of compose, and Grafana ({@code docker/grafana/}) is
 * provisioned with a dashboard that queries every metric the hub exposes and nothing else; the alerts too query
 * only known metrics.
 */
class MonitoringFilesTest {

    /**
     * What the dashboard and the alerts may query: the hub's own metrics (docs/operations.md) and Spring Boot's.
     * A histogram counts with its _bucket, _count, _sum and _max series.
     */
    static final Set<String> HUB_METRICS = Set.of(
            "hub_applications",                   // gauge {bundle,status}, from the database
            "hub_items",                          // gauge {target,status}, from the database
            "hub_deliveries_total",               // counter {target,outcome}
            "hub_retries_total",                  // counter {stage}
            "hub_connector_calls_seconds",        // timer histogram {role=source|target,connector,outcome}
            "hub_circuit_open",                   // gauge {connector}: 1 while open or half-open
            "hub_circuits_open",                  // gauge: how many are open
            "hub_deliveries_parked",              // gauge
            "hub_deliveries_waiting_retry",       // gauge
            "hub_outbox_backlog",                 // gauge
            "hub_outbox_oldest_seconds",          // gauge
            "hub_evidence_waiting",               // gauge
            "hub_evidence_waiting_oldest_seconds", // gauge
            "hub_kafka_consumer_lag",             // gauge {group,topic}
            "hub_kpi_fields_filled",              // 减材料 gauge {bundle,by=hub|applicant}
            "hub_kpi_materials_exempted",         // 减材料 gauge {bundle}
            "hub_kpi_acceptance_seconds",         // 减时间 gauge {bundle,percentile=50|90}
            "hub_kpi_completion_seconds",         // 减时间 gauge {bundle,percentile=50|90}
            "hub_kpi_items_completed",            // 减跑动 gauge {bundle,applicant_action=none|some}
            "hub_supervision_items");             // 督办 gauge {department,level=due_soon|overdue}
    static final Set<String> PLATFORM_METRICS = Set.of("up", "http_server_requests_seconds", "jvm_memory_used_bytes");
    private static final Set<String> KNOWN_METRICS = Stream.concat(HUB_METRICS.stream(), PLATFORM_METRICS.stream())
            .collect(Collectors.toUnmodifiableSet());
    private static final Pattern HISTOGRAM_SERIES = Pattern.compile("(.+)_(bucket|count|sum|max)$");
    private static final Pattern SELECTED_METRIC = Pattern.compile("\\b([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*\\{");
    private static final Pattern HUB_NAME = Pattern.compile("\\bhub_[a-z0-9_]+");
    private static final Pattern METER_NAME = Pattern.compile("\"(hub\\.[a-z0-9.]+)\"");
    private static final Path PROMETHEUS = DOCKER.resolve("prometheus");
    private static final Path GRAFANA = DOCKER.resolve("grafana");

    @Test
    void prometheusScrapesEveryHubsActuatorEndpoint() throws IOException {
        Map<String, Object> config = yaml(PROMETHEUS.resolve("prometheus.yml"));
        List<Map<String, Object>> jobs = maps(config, "scrape_configs");
        Map<String, Object> hubJob = jobs.stream().filter(j -> "hub".equals(j.get("job_name"))).findFirst().orElseThrow();
        assertThat(hubJob.get("metrics_path")).isEqualTo("/actuator/prometheus");
        Set<String> targets = new TreeSet<>();
        for (Map<String, Object> staticConfig : maps(hubJob, "static_configs")) {
            targets.addAll(list(staticConfig, "targets"));
        }
        assertThat(targets).isEqualTo(hubs().keySet().stream().map(h -> h + ":8080").collect(Collectors.toCollection(TreeSet::new)));

        for (String ruleFile : list(config, "rule_files")) {
            Map<String, Object> rules = yaml(PROMETHEUS.resolve(ruleFile));
            for (Map<String, Object> group : maps(rules, "groups")) {
                for (Map<String, Object> rule : maps(group, "rules")) {
                    assertKnownMetrics("alert " + rule.get("alert"), String.valueOf(rule.get("expr")));
                }
            }
        }
    }

    @Test
    void grafanaIsProvisionedWithThePrometheusDatasourceAndTheDashboardFolder() throws IOException {
        Map<String, Object> prometheus = datasource();
        assertThat(prometheus.get("type")).isEqualTo("prometheus");
        assertThat(prometheus.get("url")).isEqualTo("http://prometheus:9090");
        assertThat(ports(service("prometheus"))).contains("9090:9090");

        Map<String, Object> providers = yaml(GRAFANA.resolve("provisioning/dashboards/hub.yml"));
        @SuppressWarnings("unchecked")
        Map<String, Object> options = (Map<String, Object>) maps(providers, "providers").get(0).get("options");
        String dashboardsInContainer = String.valueOf(options.get("path"));
        List<String> volumes = list(service("grafana"), "volumes");
        assertThat(volumes).contains("./grafana/dashboards:" + dashboardsInContainer + ":ro");
        assertThat(volumes).contains("./grafana/provisioning:/etc/grafana/provisioning:ro");
    }

    @Test
    void grafanaIsProvisionedWithTheTraceBackendAsADatasource() throws IOException {
        Map<String, Object> jaeger = maps(yaml(GRAFANA.resolve("provisioning/datasources/jaeger.yml")), "datasources").get(0);
        assertThat(jaeger.get("type")).isEqualTo("jaeger");
        assertThat(jaeger.get("uid")).isEqualTo("jaeger");
        assertThat(jaeger.get("url")).as("Jaeger's query port, which compose publishes too").isEqualTo("http://jaeger:16686");
        assertThat(ports(service("jaeger"))).contains("16686:16686");
        assertThat(list(service("grafana"), "depends_on")).contains("prometheus", "jaeger");
    }

    @Test
    void theDashboardParsesAndQueriesOnlyAndAllOfTheHubsMetrics() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(GRAFANA.resolve("dashboards/hub.json").toFile());
        String datasourceUid = String.valueOf(datasource().get("uid"));
        assertThat(dashboard.path("uid").asText()).isNotBlank();
        assertThat(dashboard.path("title").asText()).isEqualTo("Once-only hub");

        Set<Integer> ids = new HashSet<>();
        Set<String> used = new TreeSet<>();
        int queries = 0;
        for (JsonNode panel : dashboard.path("panels")) {
            String title = panel.path("title").asText();
            assertThat(ids.add(panel.path("id").asInt())).as("panel id %s is unique", panel.path("id")).isTrue();
            JsonNode grid = panel.path("gridPos");
            assertThat(grid.path("x").asInt() + grid.path("w").asInt()).as(title).isLessThanOrEqualTo(24);
            if ("row".equals(panel.path("type").asText())) {
                continue;
            }
            assertThat(panel.path("datasource").path("uid").asText()).as(title).isEqualTo(datasourceUid);
            assertThat(panel.path("targets").size()).as(title).isPositive();
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asText();
                assertThat(expr).as(title).isNotBlank();
                used.addAll(assertKnownMetrics(title, expr));
                queries++;
            }
        }
        assertThat(queries).isGreaterThan(20);
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            assertThat(variable.path("datasource").path("uid").asText()).isEqualTo(datasourceUid);
        }
        assertThat(used).as("every hub metric and KPI has a panel").containsAll(HUB_METRICS);
    }

    /**
     * {@link #HUB_METRICS} against the meters the hub registers (string literals {@code "hub.…"} in its metrics
     * package): each meter has its Prometheus family in the list, and each family in the list is a meter. A meter name
     * {@code hub.a.b} is exposed as {@code hub_a_b}, plus {@code _total} for a counter or {@code _seconds} for a timer.
     */
    @Test
    void theMetricListMatchesTheMetersTheHubRegisters() throws IOException {
        Path metrics = Path.of("src/main/java/gov/onceonly/hub/metrics");
        assumeTrue(Files.isDirectory(metrics), "no metrics package on this branch yet");
        Set<String> meters = new TreeSet<>();
        try (Stream<Path> files = Files.walk(metrics)) {
            // MetricsProperties names its configuration prefix (hub.metrics), not a meter.
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && !f.toString().endsWith("Properties.java"))
                    .toList()) {
                Matcher m = METER_NAME.matcher(Files.readString(file));
                while (m.find()) {
                    meters.add(m.group(1).replace('.', '_'));
                }
            }
        }
        assertThat(meters).isNotEmpty();
        for (String meter : meters) {
            assertThat(HUB_METRICS).as("the dashboard's list knows meter %s", meter)
                    .containsAnyOf(meter, meter + "_total", meter + "_seconds");
        }
        for (String family : HUB_METRICS) {
            assertThat(meters).as("%s is a meter the hub registers", family)
                    .containsAnyOf(family, family.replaceAll("_total$", ""), family.replaceAll("_seconds$", ""));
        }
    }

    @Test
    void theMetricNameCheckCatchesAnUnknownMetric() {
        assertThatThrownBy(() -> assertKnownMetrics("test", "sum(rate(hub_deliveries_totl{x=\"y\"}[5m]))"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("hub_deliveries_totl");
        assertThat(assertKnownMetrics("test", "histogram_quantile(0.9, sum by (le) (rate(hub_connector_calls_seconds_bucket[5m])))"))
                .containsExactly("hub_connector_calls_seconds");
    }

    /** Grafana's provisioned Prometheus datasource. */
    private static Map<String, Object> datasource() throws IOException {
        return maps(yaml(GRAFANA.resolve("provisioning/datasources/prometheus.yml")), "datasources").get(0);
    }

    /** The metric families an expression selects, each of which must be in the known lists. */
    private static Set<String> assertKnownMetrics(String where, String expr) {
        Set<String> names = new LinkedHashSet<>();
        Matcher selected = SELECTED_METRIC.matcher(expr);
        while (selected.find()) {
            names.add(selected.group(1));
        }
        Matcher hub = HUB_NAME.matcher(expr);
        while (hub.find()) {
            names.add(hub.group());
        }
        assertThat(names).as("%s queries a metric: %s", where, expr).isNotEmpty();
        Set<String> families = new LinkedHashSet<>();
        for (String name : names) {
            String family = family(name);
            assertThat(family).as("%s: %s is a metric the hub or Spring Boot exposes", where, name).isIn(KNOWN_METRICS);
            families.add(family);
        }
        return families;
    }

    private static String family(String series) {
        if (KNOWN_METRICS.contains(series)) {
            return series;
        }
        Matcher m = HISTOGRAM_SERIES.matcher(series);
        return m.matches() ? m.group(1) : series;
    }
}
