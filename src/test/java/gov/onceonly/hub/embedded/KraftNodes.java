package gov.onceonly.hub.embedded;

import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * What every in-JVM KRaft node of the tests shares ({@link ThreeBrokerCluster}, {@link TlsBroker}): its log directory
 * formatted, and the settings of a small broker-and-controller node; the caller adds its listeners and replication.
 */
final class KraftNodes {

    private KraftNodes() {
    }

    static Properties formatted(Path directory, int nodeId, String clusterId, String voters) throws Exception {
        String logs = Files.createDirectories(directory).toAbsolutePath().toString();
        new Formatter().setPrintStream(new PrintStream(OutputStream.nullOutputStream())).setNodeId(nodeId)
                .setClusterId(clusterId).setDirectories(List.of(logs)).setMetadataLogDirectory(logs)
                .setControllerListenerName("CONTROLLER").setReleaseVersion(MetadataVersion.LATEST_PRODUCTION).run();
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(nodeId));
        props.put("controller.quorum.voters", voters);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logs);
        props.put("num.partitions", "4");
        props.put("offsets.topic.num.partitions", "4");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("num.network.threads", "1");
        props.put("num.io.threads", "2");
        props.put("background.threads", "2");
        return props;
    }
}
