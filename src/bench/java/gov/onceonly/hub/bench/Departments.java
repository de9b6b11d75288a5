package gov.onceonly.hub.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * The bench's department systems, one HTTP server for all: sources answer {@code GET /src/<source>/r/<key>} with
 * {@link BenchModel#FIELDS} (the blob sized by {@link #payloadBytes}); targets take {@code POST /tgt/<target>/applications}
 * and tell the {@link DeliveryWatch}. Latency (mean ± uniform jitter), payload and error rate are knobs the run
 * turns between scenarios; every system under test calls the same servers. Requests are not authenticated: the
 * hub's signature on them costs the hub the same either way.
 */
final class Departments implements AutoCloseable {

    record Latency(int meanMillis, int jitterMillis) {
        long sampleMillis() {
            return jitterMillis == 0 ? meanMillis
                    : Math.max(0, meanMillis + ThreadLocalRandom.current().nextInt(-jitterMillis, jitterMillis + 1));
        }

        @Override
        public String toString() {
            return meanMillis + "±" + jitterMillis + " ms";
        }
    }

    volatile Latency sourceLatency = new Latency(20, 5);
    volatile Latency targetLatency = new Latency(20, 5);
    volatile int payloadBytes = 1024;
    volatile double errorRate = 0;
    /** Every target answers 503 while this holds (the backlog run's outage). */
    volatile boolean targetsDown;

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "department");
        t.setDaemon(true);
        return t;
    });
    private final DeliveryWatch watch;
    private final Map<String, LongAdder> sourceCalls = new ConcurrentHashMap<>();
    private final LongAdder pushes = new LongAdder();
    private final LongAdder failedOnPurpose = new LongAdder();
    private volatile String blob = "";

    /**
     * The JDK server keeps at most 200 idle keep-alive connections and closes the rest; the hub alone holds more
     * (48 consumers calling sources and targets), and a client that reuses a connection the server just closed gets
     * "no response": department faults the bench did not ask for. And it leaves Nagle's algorithm on, unlike Tomcat,
     * Jetty or Netty: its response's second write then waits for the client's delayed ACK, up to 40 ms, which the
     * hub's HTTP client (Apache HttpClient 5) met on most calls and the baseline's JDK client did not. Must be set
     * before the first server starts.
     */
    static void keepConnections() {
        System.setProperty("sun.net.httpserver.maxIdleConnections", "100000");
        System.setProperty("sun.net.httpserver.idleInterval", "3600");
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    Departments(DeliveryWatch watch) throws IOException {
        keepConnections();
        this.watch = watch;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        server.setExecutor(threads);
        server.createContext("/src/", this::source);
        server.createContext("/tgt/", this::target);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url() {
        return "http://127.0.0.1:" + port();
    }

    /** Source calls so far, all sources together. */
    long sourceCalls() {
        return sourceCalls.values().stream().mapToLong(LongAdder::sum).sum();
    }

    long pushes() {
        return pushes.sum();
    }

    private void source(HttpExchange exchange) throws IOException {
        try (exchange) {
            // /src/<source>/r/<key>
            String[] path = exchange.getRequestURI().getPath().split("/");
            String source = path[2];
            String key = path[path.length - 1];
            sourceCalls.computeIfAbsent(source, s -> new LongAdder()).increment();
            pause(sourceLatency);
            if (failsOnPurpose()) {
                send(exchange, 503, "{\"error\":\"bench fault\"}");
                return;
            }
            send(exchange, 200, "{\"f1\":\"" + source + "-1-" + key + "\",\"f2\":\"" + source + "-2\",\"f3\":\"" + key.length()
                    + "\",\"f4\":\"" + source + "-4\",\"blob\":\"" + blob(payloadBytes) + "\"}");
        }
    }

    private void target(HttpExchange exchange) throws IOException {
        String idempotencyKey;
        try (exchange; InputStream body = exchange.getRequestBody()) {
            body.readAllBytes();
            idempotencyKey = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            pause(targetLatency);
            if (targetsDown || failsOnPurpose()) {
                send(exchange, 503, "{\"error\":\"bench fault\"}");
                return;
            }
            send(exchange, 200, "{\"received\":true}");
        }
        pushes.increment();
        if (idempotencyKey != null && idempotencyKey.indexOf(':') > 0) {
            int colon = idempotencyKey.indexOf(':');
            watch.delivered(idempotencyKey.substring(0, colon), idempotencyKey.substring(colon + 1), System.nanoTime());
        }
    }

    private boolean failsOnPurpose() {
        if (errorRate > 0 && ThreadLocalRandom.current().nextDouble() < errorRate) {
            failedOnPurpose.increment();
            return true;
        }
        return false;
    }

    private static void pause(Latency latency) {
        long millis = latency.sampleMillis();
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The blob, made once per size: building 100 KB per answer would measure the bench, not the hub. */
    private String blob(int bytes) {
        String current = blob;
        if (current.length() != bytes) {
            current = "x".repeat(bytes);
            blob = current;
        }
        return current;
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
