package gov.onceonly.hub.embedded;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * A single-node KRaft Kafka broker (broker and controller in one process), formatted once and kept
 * under its log directory, so messages survive a restart of the hub like the database does.
 */
final class EmbeddedKafkaBroker implements AutoCloseable {

    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private EmbeddedKafkaBroker(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /** A broker on {@code port} (0: any free one) whose controller listens on the next port. */
    static EmbeddedKafkaBroker start(Path logDirectory, int port, int partitions) throws Exception {
        return start(logDirectory, port > 0 ? port : freePort(), port > 0 ? port + 1 : freePort(), partitions);
    }

    static EmbeddedKafkaBroker start(Path logDirectory, int brokerPort, int controllerPort, int partitions)
            throws Exception {
        Files.createDirectories(logDirectory);
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logDirectory.toAbsolutePath().toString());
        props.put("num.partitions", String.valueOf(partitions));
        props.put("auto.create.topics.enable", "true");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "4");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("log.flush.interval.messages", "1");
        // A single node has no one to hand its partitions to; a controlled shutdown would only wait.
        props.put("controlled.shutdown.enable", "false");
        // So the broker's registration from the last run is not taken as still alive for long: a restarted broker is
        // refused as a duplicate until the old one's session expires, which at Kafka's 9 s default was most of a restart.
        props.put("broker.session.timeout.ms", "1500");
        props.put("broker.heartbeat.interval.ms", "500");
        // The controller appends a no-op record when idle so followers see it alive; a single node has none, and each
        // record made the broker republish its whole metadata image: half of what the broker allocated under load.
        props.put("metadata.max.idle.interval.ms", "10000");
        // Sized for one hub on one machine, not for a cluster's broker: Kafka's defaults (3 network and 8 I/O threads per
        // listener, 10 background threads) gave the hub's JVM 40 broker threads that mostly waited.
        props.put("num.network.threads", "1");
        props.put("num.io.threads", "2");
        props.put("background.threads", "2");
        props.put("num.recovery.threads.per.data.dir", "1");
        format(logDirectory);
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        server.startup();
        return new EmbeddedKafkaBroker(server, "127.0.0.1:" + brokerPort);
    }

    /** Writes meta.properties and the bootstrap checkpoint, as {@code kafka-storage.sh format} would, once. */
    private static void format(Path logDirectory) throws Exception {
        if (Files.exists(logDirectory.resolve("meta.properties"))) {
            return;
        }
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(1)
                .setClusterId(Uuid.randomUuid().toString())
                .setDirectories(List.of(logDirectory.toAbsolutePath().toString()))
                .setMetadataLogDirectory(logDirectory.toAbsolutePath().toString())
                .setControllerListenerName("CONTROLLER")
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .run();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
