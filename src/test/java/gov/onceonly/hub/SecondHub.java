package gov.onceonly.hub;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A second hub in the same JVM, started with its own properties: used to prove the hub runs on an external
 * PostgreSQL and Kafka, or with a department on another database engine, keeping its own topics and consumer
 * groups ({@link #start}); or to run a second instance that shares the first one's work ({@link #startSharing}).
 */
public final class SecondHub implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private SecondHub(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static SecondHub start(String name, Map<String, String> properties) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.profiles.include=sandbox",
                "--hub.sandbox.port=0",
                "--camel.main.name=" + name,
                "--hub.kafka.group-prefix=" + name,
                "--hub.topics.applications=" + name + ".applications",
                "--hub.topics.deliveries=" + name + ".deliveries",
                "--hub.topics.item-status=" + name + ".item-status",
                "--hub.embedded.data-dir=target/it-data/" + name));
        properties.forEach((key, value) -> args.add("--" + key + "=" + value));
        return new SecondHub(new SpringApplicationBuilder(HubApplication.class).run(args.toArray(String[]::new)));
    }

    /**
     * A second instance of the same hub: same database, broker, topics and consumer groups as the given
     * properties say, so that the two share the work. A sandbox hub without simulated departments of its own: it
     * uses the first hub's.
     */
    public static SecondHub startSharing(String name, Map<String, String> properties) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.profiles.active=" + name,
                "--spring.profiles.include=sandbox",
                "--hub.sandbox.departments=false",
                "--camel.main.name=" + name,
                "--hub.security.operator.password=" + HubClient.OPERATOR_PASSWORD,
                "--hub.clients." + HubClient.PORTAL_KEY + ".role=channel",
                "--hub.clients." + HubClient.PORTAL_KEY + ".secret=" + HubClient.PORTAL_SECRET,
                "--hub.evidence.signing-key=" + HubClient.EVIDENCE_KEY));
        args.addAll(HubClient.ENCRYPTION_ARGS);
        properties.forEach((key, value) -> args.add("--" + key + "=" + value));
        return new SecondHub(new SpringApplicationBuilder(HubApplication.class).run(args.toArray(String[]::new)));
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** Whether something listens on host:port, for tests that use an optional service of the machine. */
    public static boolean reachable(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
