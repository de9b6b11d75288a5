package gov.onceonly.hub.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import gov.onceonly.hub.pipeline.KafkaTopics;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The simulated departments of the 50 bundles beyond the newborn's, started with the others: REST systems on the
 * sandbox's port, department databases on its PostgreSQL server and streams on its broker, all holding the same
 * deterministic residents and enterprises ({@link SandboxRecords}).
 */
public final class CatalogueDepartments implements AutoCloseable {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CatalogueDepartments.class);

    private final SandboxRecords records;
    private final CatalogueDatabases databases;
    private final CatalogueStreams streams;
    private final ApprovalInbox inbox;
    private final SandboxHttpServer http;

    private CatalogueDepartments(SandboxRecords records, CatalogueDatabases databases, CatalogueStreams streams,
                                 ApprovalInbox inbox, SandboxHttpServer http) {
        this.http = http;
        this.records = records;
        this.databases = databases;
        this.streams = streams;
        this.inbox = inbox;
    }

    /** Where each simulated system runs: the sandbox's servers, shared with the newborn's departments. */
    record Servers(SandboxHttpServer http, DataSource hubDataSource, String postgresServerUrl, String postgresUser,
                   String postgresPassword, String kafka, String groupPrefix) {
    }

    static CatalogueDepartments start(SandboxRecords records, Servers servers, ApprovalInbox inbox, LookupLog lookups,
                                      ObjectMapper json) throws Exception {
        CatalogueHttpSystems.register(servers.http(), records, inbox, lookups, json);
        CatalogueDatabases databases = new CatalogueDatabases(servers.postgresServerUrl(), servers.postgresUser(),
                servers.postgresPassword());
        try (Connection c = servers.hubDataSource().getConnection()) {
            databases.prepare(c, records);
        }
        KafkaTopics.ensure(servers.kafka(), CatalogueStreams.topics());
        CatalogueStreams streams = CatalogueStreams.start(servers.kafka(), servers.groupPrefix(), records, inbox, json);
        log.info("Catalogue departments up: {} REST sources and {} approval systems, {} department tables, {} streams and {} "
                        + "target topics, {} residents and {} enterprises", CatalogueHttpSystems.SOURCES.size() + 1,
                CatalogueHttpSystems.APPROVAL_SYSTEMS.size(), CatalogueDatabases.SOURCES.size(), CatalogueStreams.SOURCES.size(),
                CatalogueStreams.TARGETS.size(), records.all("gongan-population/person").size(),
                records.all("scjg-enterprise-registry/enterprise").size());
        return new CatalogueDepartments(records, databases, streams, inbox, servers.http());
    }

    void serve(String path, com.sun.net.httpserver.HttpHandler handler) {
        http.addContext(path, handler);
    }

    String baseUrl() {
        return http.baseUrl();
    }

    public SandboxRecords records() {
        return records;
    }

    /**
     * The envelope a target system received under an idempotency key: from its exchange table for a JDBC target,
     * from the inbox for a REST or Kafka one.
     */
    public Optional<String> delivered(String target, String idempotencyKey) throws SQLException {
        if (CatalogueDatabases.EXCHANGES.containsKey(target)) {
            return databases.exchanged(target, idempotencyKey);
        }
        return inbox.received(target).stream().filter(r -> idempotencyKey.equals(r.idempotencyKey()))
                .map(ApprovalInbox.Received::body).findFirst();
    }

    /** What the JDBC targets' exchange tables received since then (their departments read them). */
    java.util.List<ApprovalInbox.Received> exchangedSince(java.time.Instant since) throws SQLException {
        return databases.exchangedSince(since);
    }

    /** When a target system received the record of an idempotency key, by its own clock (its table, its inbox). */
    public Optional<java.time.Instant> receivedAt(String target, String idempotencyKey) throws SQLException {
        if (CatalogueDatabases.EXCHANGES.containsKey(target)) {
            return databases.receivedAt(target, idempotencyKey);
        }
        return inbox.received(target).stream().filter(r -> idempotencyKey.equals(r.idempotencyKey()))
                .map(ApprovalInbox.Received::receivedAt).findFirst();
    }

    @Override
    public void close() throws InterruptedException {
        streams.close();
    }
}
