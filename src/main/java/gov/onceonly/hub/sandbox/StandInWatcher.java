package gov.onceonly.hub.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Keeps the jdbc and kafka stand-ins in step with the fixtures folder ({@code connectors/fixtures/}): every second it
 * hashes each fixtures file with its connector's file, and applies what changed (a jdbc source's tables made again, a
 * kafka source's records published again, a target's exchange table or topic taken on), so an edit is served within a
 * second or so, with no reload. A poll rather than the hub's reload: the core never calls the sandbox. The http
 * stand-ins need none of this, they read their fixtures at each call. A jdbc target's exchange table is read into the
 * inbox every 250 ms.
 */
final class StandInWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StandInWatcher.class);

    private final Path root;
    private final StandInFixtures fixtures;
    private final StandInDatabases databases;
    private final StandInStreams streams;
    private final ApprovalInbox inbox;
    /** Each fixtures file applied, and the hash of it and its connector's file when it was. */
    private final Map<String, String> applied = new HashMap<>();
    /** The last failure logged for each connector, so that a file that stays broken is not logged every second. */
    private final Map<String, String> failures = new HashMap<>();
    private final Map<String, String> kafkaTargets = new LinkedHashMap<>();
    private final Set<String> jdbcTargets = ConcurrentHashMap.newKeySet();
    private volatile Instant exchangedUpTo = Instant.now();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "sandbox-stand-ins");
        thread.setDaemon(true);
        return thread;
    });

    StandInWatcher(Path root, StandInFixtures fixtures, StandInDatabases databases, StandInStreams streams,
                   ApprovalInbox inbox) {
        this.root = root;
        this.fixtures = fixtures;
        this.databases = databases;
        this.streams = streams;
        this.inbox = inbox;
    }

    /** Applies the fixtures there are now, then keeps watching; the exchange tables are read from now on. */
    StandInWatcher start() {
        scan();
        scheduler.scheduleWithFixedDelay(this::scan, 1, 1, TimeUnit.SECONDS);
        scheduler.scheduleWithFixedDelay(this::readExchanges, 250, 250, TimeUnit.MILLISECONDS);
        return this;
    }

    private synchronized void scan() {
        Map<String, String> now = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(root.resolve(StandInFixtures.FOLDER))) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList()) {
                String connector = file.getFileName().toString().replaceFirst("\\.yaml$", "");
                now.put(connector, hash(file, root.resolve("connectors").resolve(connector + ".yaml")));
            }
        } catch (IOException | RuntimeException e) {
            // no fixtures folder (yet): no stand-ins
        }
        boolean targetsChanged = applied.keySet().retainAll(now.keySet());
        targetsChanged |= kafkaTargets.keySet().retainAll(now.keySet());
        jdbcTargets.retainAll(now.keySet());
        for (Map.Entry<String, String> file : now.entrySet()) {
            if (!file.getValue().equals(applied.get(file.getKey()))) {
                try {
                    targetsChanged |= apply(file.getKey());
                    applied.put(file.getKey(), file.getValue());
                    failures.remove(file.getKey());
                } catch (Exception e) {
                    String why = e.getMessage();
                    if (!java.util.Objects.equals(failures.put(file.getKey(), why), why)) {
                        log.warn("Stand-in {} not applied: {}", file.getKey(), why);
                    }
                }
            }
        }
        if (targetsChanged) {
            streams.targets(invert(kafkaTargets));
        }
    }

    /** Applies one connector's fixtures; true if the kafka targets changed. */
    private boolean apply(String connector) throws Exception {
        jdbcTargets.remove(connector); // taken on again below if it still is one
        var found = fixtures.of(connector);
        var definition = fixtures.connector(connector);
        if (found.isEmpty() || definition.isEmpty()) {
            return kafkaTargets.remove(connector) != null; // fixtures of a connector not written yet
        }
        StandInFixtures.Fixtures standIn = found.get();
        JsonNode file = definition.get();
        String kind = file.path("kind").asText();
        boolean source = !"target".equals(file.path("role").asText());
        if ((kind.equals("jdbc") || kind.equals("kafka")) && (standIn.latencyMillis() > 0 || standIn.errorRate() > 0)) {
            log.info("Stand-in {}: latencyMillis and errorRate apply to http stand-ins only; a {} stand-in ignores them",
                    connector, kind);
        }
        if (kind.equals("jdbc") && source) {
            Map<String, String> keys = new LinkedHashMap<>();
            file.path("datasets").fields().forEachRemaining(d -> keys.put(d.getKey(), d.getValue().path("key").asText("idNumber")));
            databases.applySource(connector, keys, standIn.datasets());
            log.info("Stand-in {}: database {} holds its fixtures ({} tables)", connector, StandInTables.database(connector),
                    keys.size());
        } else if (kind.equals("jdbc")) {
            databases.prepareTarget(connector);
            jdbcTargets.add(connector);
        } else if (kind.equals("kafka") && source) {
            var datasets = file.path("datasets").fields();
            while (datasets.hasNext()) {
                var dataset = datasets.next();
                JsonNode d = dataset.getValue();
                streams.publish(required(d.path("topic").asText(), connector, "datasets." + dataset.getKey() + ".topic"),
                        d.path("keyField").asText(d.path("key").asText("idNumber")),
                        standIn.datasets().getOrDefault(dataset.getKey(), Map.of()));
            }
            log.info("Stand-in {}: its fixtures published", connector);
        } else if (kind.equals("kafka")) {
            String topic = required(file.path("kafka").path("topic").asText(), connector, "kafka.topic");
            return !topic.equals(kafkaTargets.put(connector, topic));
        }
        return kafkaTargets.remove(connector) != null; // no longer a kafka target, if it was one
    }

    /** The rows the jdbc targets' exchange tables received lately, into the inbox (which knows those it has). */
    private void readExchanges() {
        Instant newest = exchangedUpTo;
        for (String connector : jdbcTargets) {
            try {
                for (ApprovalInbox.Received row : databases.exchangedSince(connector, exchangedUpTo.minusSeconds(2))) {
                    inbox.receive(connector, row.idempotencyKey(), row.body());
                    newest = row.receivedAt().isAfter(newest) ? row.receivedAt() : newest;
                }
            } catch (Exception e) {
                log.debug("Stand-in {}: exchange table not read: {}", connector, e.getMessage());
            }
        }
        exchangedUpTo = newest;
    }

    private static String required(String value, String connector, String what) {
        if (value.isBlank()) {
            throw new IllegalStateException("connectors/" + connector + ".yaml has no " + what);
        }
        return value;
    }

    private static Map<String, String> invert(Map<String, String> connectorToTopic) {
        Map<String, String> byTopic = new HashMap<>();
        connectorToTopic.forEach((connector, topic) -> byTopic.put(topic, connector));
        return byTopic;
    }

    private static String hash(Path fixtures, Path connector) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(Files.readAllBytes(fixtures));
            if (Files.isRegularFile(connector)) {
                digest.update(Files.readAllBytes(connector));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws Exception {
        scheduler.shutdownNow();
        scheduler.awaitTermination(5, TimeUnit.SECONDS);
        streams.close();
    }
}
