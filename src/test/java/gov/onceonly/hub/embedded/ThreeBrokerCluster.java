package gov.onceonly.hub.embedded;

import gov.onceonly.hub.HubProcess;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Kafka in its production shape, in this JVM: three KRaft nodes, each broker and controller, topics with three
 * replicas by default (how many must be in sync is left at Kafka's default of one: a hub sets its own). A node can be
 * stopped abruptly (no controlled shutdown: its partitions are not handed over first), as a crash would leave them.
 */
final class ThreeBrokerCluster implements AutoCloseable {

    private final Map<Integer, KafkaRaftServer> nodes = new TreeMap<>();
    private final Map<Integer, Integer> brokerPorts = new TreeMap<>();

    static ThreeBrokerCluster start(Path directory) throws Exception {
        ThreeBrokerCluster cluster = new ThreeBrokerCluster();
        Map<Integer, Integer> controllerPorts = new TreeMap<>();
        for (int id = 1; id <= 3; id++) {
            cluster.brokerPorts.put(id, HubProcess.freePort());
            controllerPorts.put(id, HubProcess.freePort());
        }
        String voters = controllerPorts.entrySet().stream().map(e -> e.getKey() + "@127.0.0.1:" + e.getValue())
                .collect(Collectors.joining(","));
        String clusterId = Uuid.randomUuid().toString();
        List<Thread> starting = new ArrayList<>();
        for (int id = 1; id <= 3; id++) {
            Properties props = KraftNodes.formatted(directory.resolve("node-" + id), id, clusterId, voters);
            int port = cluster.brokerPorts.get(id);
            props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPorts.get(id));
            props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
            props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            props.put("default.replication.factor", "3");
            // Kafka's default of 1: the two in-sync replicas of the hub's topics must come from the hub itself.
            props.put("min.insync.replicas", "1");
            props.put("offsets.topic.replication.factor", "3");
            props.put("transaction.state.log.replication.factor", "3");
            props.put("transaction.state.log.min.isr", "2");
            props.put("controlled.shutdown.enable", "false");
            props.put("broker.session.timeout.ms", "3000");
            props.put("broker.heartbeat.interval.ms", "500");
            props.put("num.recovery.threads.per.data.dir", "1");
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            cluster.nodes.put(id, server);
            // A controller quorum of three forms only once a majority runs: the nodes start side by side.
            Thread thread = new Thread(server::startup, "kraft-node-" + id);
            thread.start();
            starting.add(thread);
        }
        for (Thread thread : starting) {
            thread.join(120_000);
        }
        return cluster;
    }

    String bootstrapServers() {
        return brokerPorts.values().stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
    }

    /** Stops a node at once, as a crash would (no controlled shutdown, its partitions not handed over first). */
    void kill(int nodeId) {
        KafkaRaftServer server = nodes.remove(nodeId);
        server.shutdown();
        server.awaitShutdown();
    }

    @Override
    public void close() {
        nodes.values().forEach(KafkaRaftServer::shutdown);
        nodes.values().forEach(KafkaRaftServer::awaitShutdown);
        nodes.clear();
    }
}
