package gov.onceonly.hub.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The hub under test: {@code java -jar target/hub.jar} in its own JVM, with the arguments HubProcess gives the
 * test hubs (operator password, a registered channel, the signing secret), on the bench's PostgreSQL and its own
 * embedded Kafka broker (on a known port, to count messages), with the generated configuration root. The bench
 * channel's rate limit is raised so that the bench measures the hub, not the throttle.
 */
final class HubJvm implements AutoCloseable {

    static final List<String> TOPICS = List.of("hub.applications", "hub.deliveries", "hub.item-status");

    private final JvmProcess jvm;
    private final int port;
    private final int kafkaPort;
    private final Duration startup;
    private final HttpClient http = HttpClient.newHttpClient();
    private Admin admin;

    private HubJvm(JvmProcess jvm, int port, int kafkaPort, Duration startup) {
        this.jvm = jvm;
        this.port = port;
        this.kafkaPort = kafkaPort;
        this.startup = startup;
    }

    static HubJvm start(Path jar, Path configRoot, String jdbcUrl, Path dataDir, Path log, List<String> jvmOptions,
                        List<String> hubArguments) throws IOException, InterruptedException {
        int port = freePort();
        int kafkaPort = freePortPair();
        List<String> command = new ArrayList<>(List.of(JvmProcess.java(), "-Xmx768m", JvmProcess.KEEP_COMPILER_THREADS));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString(),
                "--server.port=" + port,
                "--spring.profiles.active=bench",
                "--hub.config-root=" + configRoot.toAbsolutePath(),
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--hub.embedded.data-dir=" + dataDir.toAbsolutePath(),
                "--hub.embedded.kafka.port=" + kafkaPort,
                // Production mode, as deployed: fresh secrets and keys per bench run (a published one is refused).
                "--hub.security.operator.password=" + fresh(48),
                "--hub.clients." + Applicants.KEY + ".role=channel",
                "--hub.clients." + Applicants.KEY + ".secret=" + Applicants.SECRET,
                "--hub.clients." + Applicants.KEY + ".requests-per-second=1000000",
                "--hub.clients." + Applicants.KEY + ".burst=1000000",
                "--hub.identity.jwks-uri=" + BenchIdentity.get().jwksUri(),
                "--hub.identity.issuer=" + BenchIdentity.ISSUER,
                "--hub.security.address-limit.requests-per-second=1000000",
                "--hub.security.address-limit.burst=1000000",
                "--hub.signing.private-key=" + freshEd25519Key(),
                // Shared by the hubs that work on one database (scale-out): each must open what the other sealed,
                // and their checkpoints verify against one key.
                "--hub.encryption.key=" + ENCRYPTION_KEY,
                // The checkpoint key as production takes it: a PKCS#12 keystore, its password in the environment.
                "--hub.evidence.key-store=" + evidenceKeyStore()));
        command.addAll(hubArguments);
        long started = System.nanoTime();
        JvmProcess jvm = JvmProcess.start(command, Map.of(KEY_STORE_PASSWORD_ENV, EVIDENCE_KEY_STORE_PASSWORD), log);
        HubJvm hub = new HubJvm(jvm, port, kafkaPort, null);
        hub.awaitReady(log);
        return new HubJvm(jvm, port, kafkaPort, Duration.ofNanos(System.nanoTime() - started));
    }

    private static final String ENCRYPTION_KEY = fresh(32);
    private static final String KEY_STORE_PASSWORD_ENV = "HUB_EVIDENCE_KEY_STORE_PASSWORD";
    private static final String EVIDENCE_KEY_STORE_PASSWORD = fresh(32);
    private static Path evidenceKeyStore;

    /** An Ed25519 key in a PKCS#12 keystore made with keytool, as docs/deployment.md makes it; one per bench run. */
    private static synchronized Path evidenceKeyStore() throws IOException, InterruptedException {
        if (evidenceKeyStore == null) {
            Path store = java.nio.file.Files.createTempDirectory("bench-evidence").resolve("evidence.p12");
            ProcessBuilder keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "evidence", "-keyalg", "Ed25519", "-dname", "CN=onceonly-hub bench evidence",
                    "-validity", "30", "-storetype", "PKCS12", "-keystore", store.toString(),
                    "-storepass:env", KEY_STORE_PASSWORD_ENV).redirectErrorStream(true);
            keytool.environment().put(KEY_STORE_PASSWORD_ENV, EVIDENCE_KEY_STORE_PASSWORD);
            Process process = keytool.start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool could not make the bench's evidence keystore: " + output);
            }
            evidenceKeyStore = store;
        }
        return evidenceKeyStore;
    }

    static String fresh(int bytes) {
        byte[] key = new byte[bytes];
        new java.security.SecureRandom().nextBytes(key);
        return java.util.Base64.getEncoder().encodeToString(key);
    }

    private static String freshEd25519Key() {
        try {
            return java.util.Base64.getEncoder().encodeToString(java.security.KeyPairGenerator.getInstance("Ed25519")
                    .generateKeyPair().getPrivate().getEncoded());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitReady(Path log) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (System.nanoTime() < deadline) {
            if (!jvm.alive()) {
                throw new IllegalStateException("the hub exited during startup, see " + log);
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the hub was not ready within 300 s, see " + log);
    }

    /** Its embedded broker, for a second hub to share. */
    String bootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    Duration startup() {
        return startup;
    }

    JvmProcess jvm() {
        return jvm;
    }

    /** Heap in use, summed over the heap pools of /actuator/prometheus. */
    long heapUsed() {
        try {
            String metrics = http.send(HttpRequest.newBuilder(URI.create(url() + "/actuator/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return metrics.lines().filter(l -> l.startsWith("jvm_memory_used_bytes{") && l.contains("area=\"heap\""))
                    .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Messages on the hub's topics so far: the sum of their partitions' end offsets. */
    long kafkaMessages() {
        try {
            if (admin == null) {
                admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + kafkaPort));
            }
            Map<String, TopicDescription> topics = admin.describeTopics(TOPICS).allTopicNames().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            topics.values().forEach(d -> d.partitions().forEach(p -> latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
            return admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).values().stream().mapToLong(o -> o.offset()).sum();
        } catch (Exception e) {
            throw new IllegalStateException("cannot count the hub's Kafka messages", e);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The embedded broker takes the given port and the next one (its controller). */
    private static int freePortPair() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = freePort();
            try (ServerSocket next = new ServerSocket(port + 1)) {
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no two free ports in a row");
    }

    @Override
    public void close() throws InterruptedException {
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
        jvm.close();
    }
}
