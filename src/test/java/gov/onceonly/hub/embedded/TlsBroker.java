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
import java.util.List;
import java.util.Properties;

/**
 * One KRaft node in this JVM whose client listener runs mutual TLS (PEM key and certificates, a client certificate
 * required), beside a plaintext listener for the departments the sandbox simulates, as a separate network would carry
 * them.
 */
final class TlsBroker implements AutoCloseable {

    private final KafkaRaftServer server;
    private final int tlsPort;
    private final int plaintextPort;

    private TlsBroker(KafkaRaftServer server, int tlsPort, int plaintextPort) {
        this.server = server;
        this.tlsPort = tlsPort;
        this.plaintextPort = plaintextPort;
    }

    /** Starts the node: its certificate chain and key (PEM) and the CA whose client certificates it accepts. */
    static TlsBroker start(Path directory, Path certificate, Path key, Path trustedCa) throws Exception {
        int tls = HubProcess.freePort();
        int plain = HubProcess.freePort();
        int controller = HubProcess.freePort();
        Properties props = KraftNodes.formatted(directory, 1, Uuid.randomUuid().toString(), "1@127.0.0.1:" + controller);
        props.put("listeners", "SSL://127.0.0.1:" + tls + ",PLAINTEXT://127.0.0.1:" + plain
                + ",CONTROLLER://127.0.0.1:" + controller);
        props.put("advertised.listeners", "SSL://127.0.0.1:" + tls + ",PLAINTEXT://127.0.0.1:" + plain);
        props.put("listener.security.protocol.map", "SSL:SSL,PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("ssl.keystore.type", "PEM");
        props.put("ssl.keystore.certificate.chain", Files.readString(certificate));
        props.put("ssl.keystore.key", Files.readString(key));
        props.put("ssl.truststore.type", "PEM");
        props.put("ssl.truststore.certificates", Files.readString(trustedCa));
        props.put("ssl.client.auth", "required");
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        server.startup();
        return new TlsBroker(server, tls, plain);
    }

    /** Where TLS clients connect. */
    String tlsBootstrap() {
        return "127.0.0.1:" + tlsPort;
    }

    /** Where the sandbox's departments connect. */
    String plaintextBootstrap() {
        return "127.0.0.1:" + plaintextPort;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
