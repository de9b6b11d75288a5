package gov.onceonly.hub.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The http stand-ins: {@code <hub.sandbox.url>/stand-in/<connector>/...} answers as the connector's department would,
 * from its fixtures ({@link StandInFixtures}), so that a new department can be tried without Java. A source's call
 * is matched to the dataset whose {@code path} it follows ({@code {key}} anywhere in it); a target keeps what it
 * receives by Idempotency-Key in the sandbox's inbox, where the departments' decisions hear of it like the others.
 * Like every sandbox department it answers only calls the hub signed.
 */
final class StandInDepartments {

    static final String PREFIX = "/stand-in/";

    private StandInDepartments() {
    }

    static void serve(SandboxHttpServer http, StandInFixtures fixtures, ApprovalInbox inbox, LookupLog lookups,
                      ObjectMapper json) {
        http.addContext(PREFIX, exchange -> {
            String rest = exchange.getRequestURI().getRawPath().substring(PREFIX.length());
            int slash = rest.indexOf('/');
            String connector = slash < 0 ? rest : rest.substring(0, slash);
            if (SandboxHttpServer.fromTheHub(connector, lookups, exchange)) {
                try {
                    answer(exchange, connector, slash < 0 ? "" : rest.substring(slash), fixtures, inbox, lookups, json);
                } catch (IllegalStateException unreadable) { // a fixtures or connector file that does not parse
                    SandboxHttpServer.error(exchange, 500, unreadable.getMessage());
                }
            }
        });
    }

    private static void answer(HttpExchange exchange, String connector, String rawPath, StandInFixtures fixtures,
                               ApprovalInbox inbox, LookupLog lookups, ObjectMapper json) throws IOException {
        var found = fixtures.of(connector);
        var definition = fixtures.connector(connector);
        if (found.isEmpty() || definition.isEmpty()) {
            SandboxHttpServer.error(exchange, 404, "no stand-in for '" + connector + "': it needs connectors/" + connector
                    + ".yaml and " + StandInFixtures.fileOf(connector));
            return;
        }
        StandInFixtures.Fixtures standIn = found.get();
        if (standIn.latencyMillis() > 0) {
            try {
                Thread.sleep(standIn.latencyMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (ThreadLocalRandom.current().nextDouble() < standIn.errorRate()) {
            SandboxHttpServer.error(exchange, 503, "simulated outage (errorRate " + standIn.errorRate() + ")");
            return;
        }
        if ("target".equals(definition.get().path("role").asText())) {
            CatalogueHttpSystems.approve(exchange, connector, inbox, json);
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> datasets = definition.get().path("datasets").fields();
        while (datasets.hasNext()) {
            Map.Entry<String, JsonNode> dataset = datasets.next();
            Matcher key = template(dataset.getValue().path("path").asText()).matcher(rawPath);
            if (key.matches()) {
                String id = URLDecoder.decode(key.group(1), StandardCharsets.UTF_8);
                lookups.record(connector, id);
                var record = standIn.find(dataset.getKey(), id);
                if (record.isPresent()) {
                    SandboxHttpServer.respond(exchange, 200, json.writeValueAsBytes(record.get()));
                } else {
                    SandboxHttpServer.error(exchange, 404, "no such record in " + StandInFixtures.fileOf(connector)
                            + " (" + dataset.getKey() + ")");
                }
                return;
            }
        }
        SandboxHttpServer.error(exchange, 404, "no dataset of " + connector + " has the path " + rawPath);
    }

    /** A dataset's path, such as {@code /records/{key}}, as a pattern whose one group is the key. */
    static Pattern template(String path) {
        int at = path.indexOf("{key}");
        if (at < 0) {
            return Pattern.compile(Pattern.quote(path) + "()");
        }
        return Pattern.compile(Pattern.quote(path.substring(0, at)) + "([^/?]+)" + Pattern.quote(path.substring(at + 5)));
    }
}
