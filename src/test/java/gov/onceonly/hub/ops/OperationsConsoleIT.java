package gov.onceonly.hub.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import gov.onceonly.hub.HubClient;
import gov.onceonly.hub.HubIntegrationTest;
import gov.onceonly.hub.connector.ConnectorCatalog;
import gov.onceonly.hub.connector.ConnectorKind;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator's console: Jolokia and Hawtio need the operator's login, and through Jolokia the operator sees
 * every route of routes/ (templated ones included, one per connector) with Camel's statistics.
 */
class OperationsConsoleIT extends HubIntegrationTest {

    private static final String ROUTES = "/actuator/jolokia/read/org.apache.camel:type=routes,*/RouteId";

    @Autowired
    CamelContext camel;
    @Autowired
    ConnectorCatalog connectors;

    @Test
    void jolokiaAndTheOpsEndpointsNeedTheOperator() throws Exception {
        assertThat(hub.get(ROUTES).statusCode()).isEqualTo(401);
        assertThat(hub.withBasic("operator", "wrong").get(ROUTES).statusCode()).isEqualTo(401);
        HttpResponse<String> ops = hub.get("/api/v1/ops/deliveries");
        assertThat(ops.statusCode()).isEqualTo(401);
        assertThat(ops.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(hub.body(ops).path("errors").get(0).path("field").asText()).isEqualTo("Authorization");
        assertThat(hub.asOperator().get("/api/v1/ops/deliveries").statusCode()).isEqualTo(200);
    }

    @Test
    void aViewerReadsJolokiaAndNoOneRunsDiagnosticOrSendOperations() throws Exception {
        HttpResponse<String> heap = hub.asViewer().get("/actuator/jolokia/read/java.lang:type=Memory/HeapMemoryUsage");
        assertThat(heap.statusCode()).isEqualTo(200);
        assertThat(hub.body(heap).path("value").path("used").asLong()).isPositive();
        assertThat(hub.asViewer().get("/actuator/jolokia/exec/java.lang:type=Memory/gc").statusCode())
                .as("a viewer executes nothing").isEqualTo(403);
        assertThat(hub.asViewer().post("/actuator/jolokia", "{\"type\":\"read\",\"mbean\":\"java.lang:type=Memory\"}")
                .statusCode()).as("nor posts").isEqualTo(403);

        // The operator may execute, but not the JVM's diagnostics (a heap dump writes memory to a file) ...
        JsonNode diagnostic = hub.body(hub.asOperator().post("/actuator/jolokia", """
                {"type":"exec","mbean":"com.sun.management:type=HotSpotDiagnostic","operation":"dumpHeap",
                 "arguments":["/tmp/hub-heap.hprof",true]}"""));
        assertThat(diagnostic.path("status").asInt()).isEqualTo(403);
        assertThat(java.nio.file.Path.of("/tmp/hub-heap.hprof")).doesNotExist();
        // ... nor send a message into a route past the API's checks.
        String context = camel.getManagementName();
        JsonNode send = hub.body(hub.asOperator().post("/actuator/jolokia", """
                {"type":"exec","mbean":"org.apache.camel:context=%s,type=context,name=\\"%s\\"","operation":"sendBody(java.lang.String,java.lang.Object)",
                 "arguments":["direct:target-weijian-approval","{}"]}""".formatted(context, camel.getName())));
        assertThat(send.path("status").asInt()).as(send.toString()).isEqualTo(403);
        JsonNode read = hub.body(hub.asOperator().post("/actuator/jolokia", """
                {"type":"read","mbean":"org.apache.camel:context=%s,type=context,name=\\"%s\\"","attribute":"State"}"""
                .formatted(context, camel.getName())));
        assertThat(read.path("value").asText()).isEqualTo("Started");
    }

    @Test
    void failedLoginsAreThrottled() throws Exception {
        // An account of its own, so that no other test's operator is blocked for the window.
        String account = "throttle-probe-" + System.nanoTime();
        for (int i = 0; i < 5; i++) {
            assertThat(hub.withBasic(account, "guess-" + i).get("/api/v1/ops/deliveries").statusCode()).isEqualTo(401);
        }
        HttpResponse<String> throttled = hub.withBasic(account, "guess-5").get("/api/v1/ops/deliveries");
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
        assertThat(hub.body(throttled).path("errors").get(0).path("rule").asText()).isEqualTo("login-throttle");
        assertThat(hub.asOperator().get("/api/v1/ops/deliveries").statusCode()).as("another account").isEqualTo(200);
    }

    @Test
    void theOperatorSeesEveryRouteOfRoutesThroughJolokia() throws Exception {
        HttpResponse<String> response = hub.asOperator().get(ROUTES);
        assertThat(response.statusCode()).isEqualTo(200);
        Set<String> inJmx = new HashSet<>();
        hub.body(response).path("value").forEach(route -> inJmx.add(route.path("RouteId").asText()));

        Set<String> declared = new HashSet<>();
        Set<String> templates = new HashSet<>();
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                for (JsonNode element : new YAMLMapper().readTree(file.toFile())) {
                    if (element.has("route")) {
                        declared.add(element.path("route").path("id").asText());
                    }
                    if (element.has("routeTemplate")) {
                        templates.add(element.path("routeTemplate").path("id").asText());
                    }
                }
            }
        }
        assertThat(declared).contains("outbox-relay", "collect-retry", "dispatch-retry", "item-status");
        assertThat(inJmx).containsAll(declared);
        long templated = 0;
        for (Route route : camel.getRoutes()) {
            assertThat(inJmx).as("route " + route.getRouteId()).contains(route.getRouteId());
            templated += route.isCreatedByRouteTemplate() ? 1 : 0;
        }
        // ConnectorRoutes instantiates template <kind>-<role> (or a route connector's own) per connector, and a feed
        // per streamed dataset.
        Set<String> used = new HashSet<>();
        long feeds = 0;
        for (ConnectorCatalog.Entry entry : connectors.entries()) {
            var connector = entry.definition();
            used.add(connector.kind() == ConnectorKind.ROUTE ? connector.route().template()
                    : connector.kind().yamlName() + "-" + connector.role().yamlName());
            if (connector.kind() == ConnectorKind.KAFKA && connector.isSource()) {
                used.add("kafka-source-feed");
                feeds += connector.datasets().size();
            }
        }
        // ...and config/ProposalConfiguration instantiates the proactive proposals' events route once.
        used.add("proposal-events");
        assertThat(used).as("every route template of routes/ runs for some connector").containsAll(templates);
        assertThat(templated).isEqualTo(connectors.entries().size() + feeds + 1);
        assertThat(inJmx).contains("source-gongan-population", "target-weijian-approval");
    }

    @Test
    void routeStatisticsCount() throws Exception {
        var family = familiesWithBirthRecords().get(131);
        hub.awaitEveryItemDelivered(hub.submit(HubClient.newborn(family.mother().idNumber(), family.mother().name())));
        JsonNode routes = hub.body(hub.asOperator().get(
                "/actuator/jolokia/read/org.apache.camel:type=routes,*/RouteId,ExchangesCompleted,ExchangesInflight,MeanProcessingTime"));
        // Each department call of the application is an exchange of its connector's route.
        for (String id : new String[] {"source-weijian-birth-records", "target-weijian-approval"}) {
            JsonNode called = null;
            for (JsonNode route : routes.path("value")) {
                if (id.equals(route.path("RouteId").asText())) {
                    called = route;
                }
            }
            assertThat(called).as(routes.toString()).isNotNull();
            assertThat(called.path("ExchangesCompleted").asLong()).as(id).isPositive();
            assertThat(called.has("ExchangesInflight")).isTrue();
            assertThat(called.path("MeanProcessingTime").asLong()).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void hawtioOpensAfterTheOperatorLogsIn() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String base = "http://127.0.0.1:" + port;
        HttpResponse<String> before = browser.send(HttpRequest.newBuilder(URI.create(base + "/actuator/hawtio/"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(before.statusCode()).isEqualTo(302);
        assertThat(before.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));

        String form = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"").matcher(form);
        assertThat(csrf.find()).isTrue();
        String credentials = "username=operator&password=" + URLEncoder.encode(HubClient.OPERATOR_PASSWORD, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(credentials)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/actuator/hawtio/"));

        HttpResponse<String> console = browser.send(HttpRequest.newBuilder(URI.create(base + "/actuator/hawtio/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(console.statusCode()).isEqualTo(200);
        assertThat(console.body()).contains("<title>Hawtio</title>");
        HttpResponse<String> jolokia = browser.send(HttpRequest.newBuilder(URI.create(base + "/actuator/hawtio/jolokia"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"search\",\"mbean\":\"org.apache.camel:type=routes,*\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(jolokia.statusCode()).isEqualTo(200);
        assertThat(jolokia.body()).contains("name=\\\"source-gongan-population\\\"");
    }
}
