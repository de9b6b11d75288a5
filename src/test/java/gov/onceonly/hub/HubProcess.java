package gov.onceonly.hub;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * The hub as a separate JVM ({@code java -jar target/hub.jar}), so that a test can kill it with SIGKILL mid-flight
 * and start it again on the same database and broker.
 */
public final class HubProcess implements AutoCloseable {

    private final List<String> command;
    private final Map<String, String> environment;
    private final File log;
    private final int port;
    private Process process;

    public HubProcess(String name, int port, List<String> arguments, Map<String, String> environment) {
        this.port = port;
        this.environment = environment;
        this.log = Path.of("target", name + ".log").toFile();
        String java = ProcessHandle.current().info().command().orElse("java");
        command = new ArrayList<>(List.of(java, "-Xmx512m", "-jar", Path.of("target", "hub.jar").toAbsolutePath().toString(),
                "--server.port=" + port));
        // Child hubs are sandbox hubs (published secrets, test profiles of their own) on this JVM's departments.
        command.add("--spring.profiles.include=sandbox");
        command.add("--hub.sandbox.departments=false");
        command.add("--hub.security.operator.password=" + HubClient.OPERATOR_PASSWORD);
        command.add("--hub.clients." + HubClient.PORTAL_KEY + ".role=channel");
        command.add("--hub.clients." + HubClient.PORTAL_KEY + ".secret=" + HubClient.PORTAL_SECRET);
        command.addAll(HubClient.ENCRYPTION_ARGS);
        command.add("--hub.evidence.signing-key=" + HubClient.EVIDENCE_KEY);
        // The departments' systems the sandbox decides as report to it over REST (ChildHubDecisions).
        HubClient.DEPARTMENT_CLIENTS.forEach((department, client) -> {
            command.add("--hub.clients." + client + ".role=department");
            command.add("--hub.clients." + client + ".department=" + department);
            command.add("--hub.clients." + client + ".secret=" + client + "-secret");
        });
        command.addAll(arguments);
    }

    /** A hub whose departments are this test JVM's sandbox ({@link #sandboxDepartments}). */
    public HubProcess(String name, int port, List<String> arguments, List<String> departmentArguments) {
        this(name, port, concat(arguments, departmentArguments), Map.of());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Starts the JVM and waits until its health endpoint answers UP. */
    public HubProcess start() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log));
        builder.environment().putAll(environment);
        process = builder.start();
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).alias("hub on port " + port + " is up, see " + log)
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("the hub exited with " + process.exitValue() + ", see " + log);
                    }
                    try {
                        HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.ofString());
                        return health.statusCode() == 200 && health.body().contains("UP");
                    } catch (IOException e) {
                        return false;
                    }
                });
        return this;
    }

    /** SIGKILL: no shutdown hook, no graceful anything. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** SIGTERM, as an orchestrator stops it; returns how long the hub took to exit (killed after {@code atMost}). */
    public Duration stopGracefully(Duration atMost) throws InterruptedException {
        long started = System.nanoTime();
        process.destroy();
        if (!process.waitFor(atMost.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log.toPath();
    }

    /**
     * Arguments that point every connector file's defaults at this test JVM's sandbox departments, for a hub JVM
     * that runs without the sandbox profile (its own sandbox would die with it).
     */
    public static List<String> sandboxDepartments(String departmentsUrl, String departmentDatabases) {
        // The CSV drops of the file-sharing departments are written by the shared hub's sandbox under its data dir
        // (HubIntegrationTest: hub.embedded.data-dir=target/it-data/hub).
        return List.of("--hub.sandbox.url=" + departmentsUrl, "--hub.sandbox.postgres-url=" + departmentDatabases,
                "--hub.sandbox.postgres-user=postgres",
                "--hub.sandbox.drop-dir=" + java.nio.file.Path.of("target/it-data/hub/sandbox-drops").toAbsolutePath());
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
