package gov.onceonly.hub.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The simulated departments' REST systems, on their own loopback port like real department hosts:
 * the population registry of 市公安局 (source) and the approval systems of 市卫生健康委 and 市人力社保局 (targets).
 */
public final class SandboxHttpServer implements AutoCloseable {

    static final String POPULATION = "/gongan/population/persons/";
    static final Map<String, String> APPROVAL_SYSTEMS = Map.of(
            "/weijian/approval/applications", "weijian-approval",
            "/rlsb/card/card-applications", "rlsb-card-approval");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService threads;

    private SandboxHttpServer(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    public static SandboxHttpServer start(int port, SyntheticPeople people, ApprovalInbox inbox, LookupLog lookups,
                                          SandboxFaults faults, ObjectMapper json) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
        server.createContext(POPULATION, withFaults("gongan-population", faults, lookups, exchange -> {
            String id = exchange.getRequestURI().getPath().substring(POPULATION.length());
            lookups.record("gongan-population", id);
            var record = people.populationRecord(id);
            if (record.isPresent()) {
                respond(exchange, 200, json.writeValueAsBytes(record.get()));
            } else {
                error(exchange, 404, "no such person");
            }
        }));
        APPROVAL_SYSTEMS.forEach((path, system) -> server.createContext(path, withFaults(system, faults, lookups, exchange -> {
            if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 200, json.writeValueAsBytes(inbox.received(system)));
                return;
            }
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            if (key == null) {
                inbox.receive(system, null, body);
                error(exchange, 400, "Idempotency-Key header is required");
                return;
            }
            boolean fresh = inbox.receive(system, key, body);
            respondJson(exchange, fresh ? 201 : 200, Map.of("accepted", key));
        })));
        ThreadPoolExecutor threads = new ThreadPoolExecutor(16, 16, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
        threads.allowCoreThreadTimeOut(true); // an idle sandbox keeps none
        server.setExecutor(threads);
        server.start();
        return new SandboxHttpServer(server, threads);
    }

    /** Notes the call's trace and signature, then shows the system's planned fault, if any, before (or instead of) doing its work. */
    private static HttpHandler withFaults(String system, SandboxFaults faults, LookupLog lookups, HttpHandler work) {
        return exchange -> {
            lookups.traced(system, exchange.getRequestHeaders().getFirst("traceparent"));
            if (!fromTheHub(system, lookups, exchange)) {
                return;
            }
            var fault = faults.next(system);
            if (fault.isPresent() && fault.get().flood()) {
                exchange.getRequestBody().readAllBytes();
                flood(exchange, fault.get().status(), bytes -> faults.countFlood(system, bytes));
                return;
            }
            if (fault.isPresent() && !fault.get().isDelay()) {
                exchange.getRequestBody().readAllBytes();
                error(exchange, fault.get().status(), "simulated outage");
                return;
            }
            if (fault.isPresent()) {
                try {
                    Thread.sleep(fault.get().delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            work.handle(exchange);
        };
    }

    /** Up to 1 GiB of a JSON string that never closes, until the caller hangs up; counts what it could send. */
    private static void flood(HttpExchange exchange, int status, java.util.function.LongConsumer sent) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, 0);
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) 'x');
        chunk[0] = '{';
        try (var body = exchange.getResponseBody()) {
            for (int i = 0; i < 16 * 1024; i++) {
                body.write(chunk);
                sent.accept(chunk.length);
                chunk[0] = 'x';
            }
        } catch (IOException hungUp) {
            // what the flood is for: the caller gave up
        } finally {
            exchange.close();
        }
    }

    /** A JSON answer, as Jackson writes the body. */
    static void respondJson(HttpExchange exchange, int status, Object body) throws IOException {
        respond(exchange, status, JSON.writeValueAsBytes(body));
    }

    /** {@code {"error": message}}. */
    static void error(HttpExchange exchange, int status, String message) throws IOException {
        respondJson(exchange, status, Map.of("error", message));
    }

    static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        respond(exchange, status, "application/json; charset=utf-8", body);
    }

    static void respond(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    /** A sandbox convenience (not a department), such as the example applications: open to anyone. */
    void addContext(String path, HttpHandler handler) {
        server.createContext(path, handler);
    }

    /**
     * A simulated department system of the other 49 bundles (they share this server and its port, so a test needs
     * one URL): like the others, it answers only calls the hub signed.
     */
    void addDepartment(String path, String system, LookupLog lookups, HttpHandler handler) {
        server.createContext(path, exchange -> {
            if (fromTheHub(system, lookups, exchange)) {
                handler.handle(exchange);
            }
        });
    }

    /** Verifies the call as a department would; a call that is not the hub's gets a 401 naming why. */
    static boolean fromTheHub(String system, LookupLog lookups, HttpExchange exchange) throws IOException {
        var notTheHub = lookups.checkSignature(system, exchange);
        if (notTheHub.isPresent()) {
            exchange.getRequestBody().readAllBytes();
            error(exchange, 401, "not the hub's call: " + notTheHub.get().replace("\"", "'"));
            return false;
        }
        return true;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
