package gov.onceonly.hub.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /sandbox/received/} and {@code /sandbox/received/<target connector>}: what the sandbox's back offices
 * received from the hub, for a person trying the hub to look at. The departments' own endpoints answer only calls the
 * hub signed (docs/security.md), so this is the sandbox's window on them, not a department's API.
 */
final class ReceivedRecords {

    static final String PATH = "/sandbox/received/";

    private ReceivedRecords() {
    }

    static void serve(SandboxHttpServer http, ApprovalInbox inbox, ObjectMapper json) {
        http.addContext(PATH, exchange -> {
            String system = exchange.getRequestURI().getPath().substring(PATH.length());
            if (!"GET".equals(exchange.getRequestMethod())) {
                SandboxHttpServer.error(exchange, 405, "GET only");
            } else if (system.isEmpty()) {
                Map<String, Integer> counts = new TreeMap<>();
                inbox.systems().forEach(s -> counts.put(s, inbox.received(s).size()));
                SandboxHttpServer.respondJson(exchange, 200, counts);
            } else {
                SandboxHttpServer.respondJson(exchange, 200, inbox.received(system).stream()
                        .sorted(Comparator.comparing(ApprovalInbox.Received::receivedAt))
                        .map(r -> shown(r, json)).toList());
            }
        });
    }

    private static Map<String, Object> shown(ApprovalInbox.Received received, ObjectMapper json) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("idempotencyKey", received.idempotencyKey());
        shown.put("receivedAt", received.receivedAt().toString());
        try {
            shown.put("body", json.readTree(received.body()));
        } catch (JsonProcessingException notJson) {
            shown.put("body", received.body());
        }
        return shown;
    }
}
