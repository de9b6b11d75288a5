package gov.onceonly.hub.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import gov.onceonly.hub.security.RequestSignature;
import gov.onceonly.hub.subject.CitizenIdNumber;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The hand-written baseline: what a developer would write without Camel or Kafka, with the hub's guarantees at
 * intake. Plain JDK HTTP server and client, JDBC on a Hikari pool. A signed POST is checked (HMAC, time window,
 * nonce kept in PostgreSQL), validated, and committed with its items before the 202; then each distinct source is
 * asked once, all in parallel, the answers and item records are committed, every item is pushed in parallel with
 * its Idempotency-Key, and each delivery is recorded. Run as its own JVM by the bench:
 * {@code HandWrittenHub <port> <jdbc url> <model.json> <departments url>}.
 */
public final class HandWrittenHub {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BenchModel model;
    private final String departments;
    /** The identity provider's key, fetched once from its JWKS as the hub does. */
    private final BenchIdentity.Check identity = BenchIdentity.Check.fetch(System.getProperty("bench.identity-jwks"));
    private final HikariDataSource db;
    private final ExecutorService work = Executors.newFixedThreadPool(16);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(4)).build();

    private HandWrittenHub(BenchModel model, String departments, String jdbcUrl) {
        this.model = model;
        this.departments = departments;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername("postgres");
        config.setMaximumPoolSize(20);
        this.db = new HikariDataSource(config);
    }

    public static void main(String[] args) throws Exception {
        Departments.keepConnections();
        BenchModel model = JSON.readValue(Path.of(args[2]).toFile(), BenchModel.class);
        HandWrittenHub hub = new HandWrittenHub(model, args[3], args[1]);
        hub.createTables();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 1024);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/api/v1/applications", hub::intake);
        server.createContext("/stats", exchange -> {
            Runtime runtime = Runtime.getRuntime();
            send(exchange, 200, "{\"heapUsed\":" + (runtime.totalMemory() - runtime.freeMemory()) + "}");
        });
        server.start();
        System.out.println("hand-written hub listening on " + args[0]);
    }

    private void createTables() throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("create table if not exists request_nonce (client_key text, nonce text, seen_at timestamptz not null default now(), primary key (client_key, nonce))");
            s.execute("create table if not exists application (id uuid primary key, bundle text not null, subject_key text not null, form jsonb not null, created_at timestamptz not null default now())");
            s.execute("create table if not exists pulled_dataset (application_id uuid not null, source text not null, fields jsonb not null, primary key (application_id, source))");
            s.execute("create table if not exists application_item (application_id uuid not null, item_id text not null, target text not null, record jsonb, status text not null, delivered_at timestamptz, primary key (application_id, item_id))");
        }
    }

    private void intake(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String key = exchange.getRequestHeaders().getFirst(RequestSignature.KEY);
            String timestamp = exchange.getRequestHeaders().getFirst(RequestSignature.TIMESTAMP);
            String nonce = exchange.getRequestHeaders().getFirst(RequestSignature.NONCE);
            String signature = exchange.getRequestHeaders().getFirst(RequestSignature.SIGNATURE);
            if (!Applicants.KEY.equals(key) || timestamp == null || nonce == null
                    || Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) > 300
                    || !RequestSignature.matches(Applicants.SECRET.getBytes(StandardCharsets.UTF_8),
                    RequestSignature.canonical(key, "POST", exchange.getRequestURI().getRawPath(), timestamp, nonce, body), signature)) {
                send(exchange, 401, "{\"title\":\"unsigned\"}");
                return;
            }
            JsonNode request = JSON.readTree(body);
            String idNumber = request.path("applicant").path("idNumber").asText();
            BenchModel.Bundle bundle;
            try {
                bundle = model.find(request.path("bundle").asText());
            } catch (IllegalArgumentException e) {
                send(exchange, 422, "{\"title\":\"unknown bundle\"}");
                return;
            }
            if (!CitizenIdNumber.isValid(idNumber) || !request.path("consent").path("granted").asBoolean()) {
                send(exchange, 422, "{\"title\":\"invalid application\"}");
                return;
            }
            // As the hub does: the applicant's identity token must be theirs (verified with the provider's key).
            String token = exchange.getRequestHeaders().getFirst("X-Applicant-Identity");
            if (token == null || !identity.proves(token, idNumber)) {
                send(exchange, 422, "{\"title\":\"identity not proven\"}");
                return;
            }
            UUID id = UUID.randomUUID();
            JsonNode form = request.path("form");
            if (!store(key, nonce, id, bundle, idNumber, form)) {
                send(exchange, 401, "{\"title\":\"nonce seen\"}");
                return;
            }
            send(exchange, 202, "{\"id\":\"" + id + "\",\"status\":\"RECEIVED\"}");
            collect(id, bundle, idNumber, form);
        } catch (SQLException e) {
            send(exchange, 503, "{\"title\":\"database\"}");
        }
    }

    /** The nonce, the application and its items, in one transaction: committed before the 202. */
    private boolean store(String key, String nonce, UUID id, BenchModel.Bundle bundle, String idNumber, JsonNode form)
            throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement n = c.prepareStatement("insert into request_nonce (client_key, nonce) values (?, ?) on conflict do nothing");
                 PreparedStatement a = c.prepareStatement("insert into application (id, bundle, subject_key, form) values (?, ?, ?, ?::jsonb)");
                 PreparedStatement i = c.prepareStatement("insert into application_item (application_id, item_id, target, status) values (?, ?, ?, 'PENDING')")) {
                n.setString(1, key);
                n.setString(2, nonce);
                if (n.executeUpdate() == 0) {
                    c.rollback();
                    return false;
                }
                a.setObject(1, id);
                a.setString(2, bundle.id());
                a.setString(3, idNumber);
                a.setString(4, form.toString());
                a.executeUpdate();
                for (BenchModel.Item item : bundle.items()) {
                    i.setObject(1, id);
                    i.setString(2, item.id());
                    i.setString(3, item.target());
                    i.addBatch();
                }
                i.executeBatch();
                c.commit();
                return true;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Each distinct source once, in parallel; then map, record and push. */
    private void collect(UUID id, BenchModel.Bundle bundle, String idNumber, JsonNode form) {
        Map<String, CompletableFuture<JsonNode>> answers = new HashMap<>();
        for (String source : bundle.sources()) {
            answers.put(source, http.sendAsync(HttpRequest.newBuilder(URI.create(departments + "/src/" + source + "/r/" + idNumber))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofByteArray()).thenApply(HandWrittenHub::parse));
        }
        CompletableFuture.allOf(answers.values().toArray(CompletableFuture[]::new))
                .thenAcceptAsync(done -> {
                    Map<String, JsonNode> fetched = new HashMap<>();
                    answers.forEach((source, answer) -> fetched.put(source, answer.join()));
                    Map<BenchModel.Item, String> envelopes = record(id, bundle, form, fetched);
                    envelopes.forEach((item, envelope) -> push(id, item, envelope, 1));
                }, work)
                .exceptionally(e -> {
                    System.err.println("collect of " + id + " failed: " + e);
                    return null;
                });
    }

    private static JsonNode parse(HttpResponse<byte[]> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("source answered " + response.statusCode());
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Maps each item (only its demanded fields) and commits the answers and records; returns what to push. */
    private Map<BenchModel.Item, String> record(UUID id, BenchModel.Bundle bundle, JsonNode form, Map<String, JsonNode> fetched) {
        Map<BenchModel.Item, String> envelopes = new HashMap<>();
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement("insert into pulled_dataset (application_id, source, fields) values (?, ?, ?::jsonb) on conflict do nothing");
                 PreparedStatement i = c.prepareStatement("update application_item set record = ?::jsonb where application_id = ? and item_id = ?")) {
                for (Map.Entry<String, JsonNode> answer : fetched.entrySet()) {
                    p.setObject(1, id);
                    p.setString(2, answer.getKey());
                    p.setString(3, answer.getValue().toString());
                    p.addBatch();
                }
                p.executeBatch();
                for (BenchModel.Item item : bundle.items()) {
                    ObjectNode fields = JSON.createObjectNode();
                    fields.set("phone", form.path("phone"));
                    for (String source : item.sources()) {
                        for (String field : BenchModel.FIELDS) {
                            fields.set(ConfigRoot.demand(source, field), fetched.get(source).path(field));
                        }
                    }
                    String record = fields.toString();
                    i.setString(1, record);
                    i.setObject(2, id);
                    i.setString(3, item.id());
                    i.addBatch();
                    ObjectNode envelope = JSON.createObjectNode();
                    envelope.put("idempotencyKey", id + ":" + item.id());
                    envelope.put("applicationId", id.toString());
                    envelope.put("bundle", bundle.id());
                    envelope.put("item", item.id());
                    envelope.put("department", item.department());
                    envelope.set("fields", fields);
                    envelopes.put(item, envelope.toString());
                }
                i.executeBatch();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return envelopes;
    }

    private void push(UUID id, BenchModel.Item item, String envelope, int attempt) {
        http.sendAsync(HttpRequest.newBuilder(URI.create(departments + "/tgt/" + item.target() + "/applications"))
                        .timeout(Duration.ofSeconds(5))
                        .header("Content-Type", "application/json").header("Idempotency-Key", id + ":" + item.id())
                        .POST(HttpRequest.BodyPublishers.ofString(envelope)).build(), HttpResponse.BodyHandlers.discarding())
                .whenCompleteAsync((response, error) -> {
                    if (error == null && response.statusCode() / 100 == 2) {
                        delivered(id, item);
                    } else if (attempt < 10) {
                        CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS, work).execute(() -> push(id, item, envelope, attempt + 1));
                    }
                }, work);
    }

    private void delivered(UUID id, BenchModel.Item item) {
        try (Connection c = db.getConnection();
             PreparedStatement u = c.prepareStatement("update application_item set status = 'DELIVERED', delivered_at = now() where application_id = ? and item_id = ?")) {
            u.setObject(1, id);
            u.setString(2, item.id());
            u.executeUpdate();
        } catch (SQLException e) {
            System.err.println("cannot record the delivery of " + id + ":" + item.id() + ": " + e);
        }
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** The JVM of the baseline, started by the bench. */
    static JvmProcess launch(int port, String jdbcUrl, Path model, String departmentsUrl, Path log) throws IOException {
        return JvmProcess.start(List.of(JvmProcess.java(), "-Xmx768m", JvmProcess.KEEP_COMPILER_THREADS,
                "-Dbench.client-secret=" + Applicants.SECRET, "-Dbench.identity-jwks=" + BenchIdentity.get().jwksUri(),
                "-cp", System.getProperty("java.class.path"),
                HandWrittenHub.class.getName(), String.valueOf(port), jdbcUrl, model.toString(), departmentsUrl), log);
    }
}
