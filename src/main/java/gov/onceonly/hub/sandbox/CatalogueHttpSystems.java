package gov.onceonly.hub.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The catalogue's REST systems on the sandbox's port: the e-certificate library, the business registry, student
 * status and investment projects (sources, answering from {@link SandboxRecords}), the population registry's
 * children, and the approval systems that keep what they receive by Idempotency-Key (targets).
 */
final class CatalogueHttpSystems {

    /** Path prefix before the key, and the dataset it serves. */
    static final Map<String, String> SOURCES = Map.of(
            "/gongan/population/children/", "gongan-population/child",
            "/scjg/registry/enterprises/", "scjg-enterprise-registry/enterprise",
            "/scjg/registry/deregistrations/", "scjg-enterprise-registry/deregistration",
            "/jw/student-status/pupils/by-guardian/", "jw-student-status/pupil",
            "/jw/student-status/graduates/", "jw-student-status/graduate",
            "/fgw/projects/by-owner/", "fgw-investment-projects/project");
    /** The e-certificate library answers {@code /dsj/certificates/<dataset>/<key>} for each of its datasets. */
    static final String CERTIFICATES = "/dsj/certificates/";
    static final Map<String, String> APPROVAL_SYSTEMS = Map.of(
            "/gongan/approval/applications", "gongan-approval",
            "/scjg/approval/applications", "scjg-approval",
            "/ghzy/approval/applications", "ghzy-approval",
            "/zfcxjw/approval/applications", "zfcxjw-approval",
            "/ykb/approval/applications", "ykb-unified-approval",
            "/dsj/certificates-intake/applications", CertificateLibrary.INTAKE);

    private CatalogueHttpSystems() {
    }

    static void register(SandboxHttpServer http, SandboxRecords records, ApprovalInbox inbox, LookupLog lookups, ObjectMapper json) {
        SOURCES.forEach((prefix, dataset) -> http.addDepartment(prefix, dataset.substring(0, dataset.indexOf('/')),
                lookups, exchange -> answer(exchange, dataset, exchange.getRequestURI().getPath().substring(prefix.length()),
                        records, lookups, json)));
        http.addDepartment(CERTIFICATES, "dsj-e-certificates", lookups, exchange -> {
            String rest = exchange.getRequestURI().getPath().substring(CERTIFICATES.length());
            int slash = rest.indexOf('/');
            if (slash < 0) {
                SandboxHttpServer.error(exchange, 404, "no such certificate");
                return;
            }
            answer(exchange, "dsj-e-certificates/" + rest.substring(0, slash), rest.substring(slash + 1), records, lookups, json);
        });
        APPROVAL_SYSTEMS.forEach((path, system) -> http.addDepartment(path, system, lookups,
                exchange -> approve(exchange, system, inbox, json)));
    }

    private static void answer(HttpExchange exchange, String dataset, String key, SandboxRecords records, LookupLog lookups,
                               ObjectMapper json) throws IOException {
        lookups.record(dataset.substring(0, dataset.indexOf('/')), key);
        var record = records.find(dataset, key);
        if (record.isPresent()) {
            SandboxHttpServer.respond(exchange, 200, json.writeValueAsBytes(record.get()));
        } else {
            SandboxHttpServer.error(exchange, 404, "no such record");
        }
    }

    /** As a well-behaved back office: POST needs an Idempotency-Key, a repeat is acknowledged, GET lists the inbox. */
    static void approve(HttpExchange exchange, String system, ApprovalInbox inbox, ObjectMapper json) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            SandboxHttpServer.respond(exchange, 200, json.writeValueAsBytes(inbox.received(system)));
            return;
        }
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        if (key == null) {
            inbox.receive(system, null, body);
            SandboxHttpServer.error(exchange, 400, "Idempotency-Key header is required");
            return;
        }
        boolean fresh = inbox.receive(system, key, body);
        SandboxHttpServer.respondJson(exchange, fresh ? 201 : 200, Map.of("accepted", key));
    }
}
