package gov.onceonly.hub.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import gov.onceonly.hub.pipeline.KafkaTopics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The departments' event streams that proactive proposals read (proposals/*.yaml), published on demand, and the
 * sandbox portal's side of them: the proposals it receives on its topic (docs/lifelong-service.md).
 * {@code POST /sandbox/events/birth/<n>} publishes the birth record of the n-th synthetic family;
 * {@code POST /sandbox/events/<topic>} publishes the JSON body as it is (any event, a broken one too);
 * {@code GET /sandbox/portal/proposals} lists what the portal received.
 */
public final class SandboxEvents implements AutoCloseable {

    /** 市卫生健康委's birth records, as the hospitals report them. */
    public static final String BIRTHS = "weijian.birth-events";
    /** The other example streams of proposals/: retirement age, death records, new enterprises. */
    static final List<String> OTHERS = List.of("rlsb.insured-events", "mz.death-records", "scjg.enterprise-registrations");
    /** The sandbox portal's proposals topic (hub.proposals.channels.sandbox-portal.topic in application-sandbox.properties). */
    public static final String PORTAL_PROPOSALS = "portal.proposals";
    static final String PATH = "/sandbox/events/";

    private final KafkaProducer<String, String> producer;
    private final KafkaConsumer<String, String> consumer;
    private final SyntheticPeople people;
    private final ObjectMapper json;
    private final Map<String, JsonNode> received = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    private SandboxEvents(String bootstrapServers, String groupPrefix, SyntheticPeople people, ObjectMapper json) {
        this.people = people;
        this.json = json;
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
                ProducerConfig.CLIENT_ID_CONFIG, "sandbox-event-publisher"), new StringSerializer(), new StringSerializer());
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, groupPrefix + "-sandbox-portal-proposals",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer());
        thread = new Thread(this::run, "sandbox-portal-proposals");
        thread.setDaemon(true);
        thread.start();
    }

    static SandboxEvents start(SandboxHttpServer http, String bootstrapServers, String groupPrefix, SyntheticPeople people,
                               ObjectMapper json) {
        List<String> topics = new java.util.ArrayList<>(OTHERS);
        topics.add(BIRTHS);
        topics.add(PORTAL_PROPOSALS);
        KafkaTopics.ensure(bootstrapServers, topics);
        SandboxEvents events = new SandboxEvents(bootstrapServers, groupPrefix, people, json);
        http.addContext(PATH, events::handle);
        http.addContext("/sandbox/portal/proposals", exchange ->
                SandboxHttpServer.respondJson(exchange, 200, List.copyOf(events.received.values())));
        return events;
    }

    /** The birth record of a synthetic family (one with a birth record), as the hospital reports it. */
    public Map<String, Object> birthRecord(SyntheticPeople.Family family) {
        SyntheticPeople.Birth birth = family.birthRecord().orElseThrow(() ->
                new IllegalArgumentException("this family has no birth record"));
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventType", "BIRTH");
        event.put("birthRecordNo", "BR-" + birth.medicalCertificateNo());
        event.put("motherIdNumber", family.mother().idNumber());
        event.put("motherName", family.mother().name());
        event.put("motherPhone", "139" + family.mother().idNumber().substring(10, 18).replace('X', '0'));
        event.put("babyGender", birth.babyGender());
        event.put("birthTime", birth.birthTime().toString());
        event.put("hospitalName", birth.hospitalName());
        return event;
    }

    /** Publishes one event on a topic, keyed as given; returns once the broker has it. */
    public void publish(String topic, String key, String event) {
        try {
            producer.send(new ProducerRecord<>(topic, key, event)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the sandbox could not publish on " + topic + ": " + e, e);
        }
    }

    public void publishBirth(SyntheticPeople.Family family) throws IOException {
        publish(BIRTHS, family.mother().idNumber(), json.writeValueAsString(birthRecord(family)));
    }

    /** What the sandbox portal received for a proposal, if it did. */
    public Optional<JsonNode> portalReceived(String proposalId) {
        return Optional.ofNullable(received.get(proposalId));
    }

    private void handle(HttpExchange exchange) throws IOException {
        String rest = exchange.getRequestURI().getPath().substring(PATH.length());
        if (!"POST".equals(exchange.getRequestMethod())) {
            SandboxHttpServer.error(exchange, 405, "POST an event");
            return;
        }
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (rest.startsWith("birth/")) {
            List<SyntheticPeople.Family> withBirths = people.families().stream().filter(f -> f.birth() != null).toList();
            int n;
            try {
                n = Integer.parseInt(rest.substring("birth/".length()));
            } catch (NumberFormatException e) {
                SandboxHttpServer.error(exchange, 400, "birth/<n>: n is a family's number, 0 to " + (withBirths.size() - 1));
                return;
            }
            if (n < 0 || n >= withBirths.size()) {
                SandboxHttpServer.error(exchange, 404, "no family " + n + ": 0 to " + (withBirths.size() - 1));
                return;
            }
            publishBirth(withBirths.get(n));
            SandboxHttpServer.respondJson(exchange, 200, birthRecord(withBirths.get(n)));
            return;
        }
        if (rest.isEmpty() || rest.contains("/")) {
            SandboxHttpServer.error(exchange, 404, "POST /sandbox/events/birth/<n> or /sandbox/events/<topic>");
            return;
        }
        String event = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        publish(rest, null, event);
        SandboxHttpServer.respondJson(exchange, 200, Map.of("topic", rest, "published", true));
    }

    private void run() {
        try {
            consumer.subscribe(List.of(PORTAL_PROPOSALS));
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    try {
                        JsonNode message = json.readTree(record.value());
                        received.put(message.path("proposalId").asText(record.key()), message);
                    } catch (IOException unreadable) {
                        // a portal would log it; the sandbox keeps only what it can read
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(5000);
        producer.close(Duration.ofSeconds(5));
    }
}
