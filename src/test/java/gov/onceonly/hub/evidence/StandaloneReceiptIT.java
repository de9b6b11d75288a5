package gov.onceonly.hub.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.onceonly.hub.HubClient;
import gov.onceonly.hub.HubIntegrationTest;
import gov.onceonly.hub.sandbox.SyntheticPeople;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A receipt checked where the hub is not: by {@code verify-receipt} (Java, no database) and by
 * {@code scripts/verify-receipt.py} (Python, from the docs alone), each holding only the receipt and the public key;
 * a receipt changed in any part fails both. And the consistency proofs between two signed tree heads.
 */
class StandaloneReceiptIT extends HubIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    Environment env;

    @Test
    void bothVerifiersAcceptTheReceiptAndRefuseEveryAlteration() throws Exception {
        SyntheticPeople.Family family = familiesWithBirthRecords().get(42);
        String id = hub.awaitEveryItemDelivered(hub.submit(HubClient.newborn(family.mother().idNumber(), family.mother().name())))
                .path("id").asText();
        JsonNode receipt = hub.body(hub.get("/api/v1/applications/" + id + "/receipt"));
        JsonNode keys = hub.body(hub.get("/api/v1/evidence/public-key"));
        Path dir = Files.createDirectories(Path.of("target", "receipts"));
        Path key = Files.writeString(dir.resolve("key.pem"), keys.path("pem").asText());
        assertThat(keys.path("noteVerifierKey").asText()).startsWith(receipt.path("checkpoint").path("origin").asText() + "+");

        assertThat(ReceiptVerifiers.both("receipt-" + id, receipt, key)).allSatisfy(out -> assertThat(out).startsWith("valid: "));
        String witness = env.getRequiredProperty("hub.evidence.witnesses.sandbox.verifier-key");
        assertThat(receipt.path("checkpoint").path("cosignatures")).hasSize(1);
        assertThat(ReceiptVerifiers.both("receipt-witnessed", receipt, key, "--witness-key", witness))
                .allSatisfy(out -> assertThat(out).startsWith("valid: ").contains("cosigned by a given witness"));
        JsonNode unwitnessed = receipt.deepCopy();
        ((ObjectNode) unwitnessed.path("checkpoint")).set("cosignatures", JSON.createArrayNode());
        assertThat(ReceiptVerifiers.both("receipt-unwitnessed", unwitnessed, key, "--witness-key", witness))
                .allSatisfy(out -> assertThat(out).contains("INVALID: the checkpoint is cosigned by none of the given witnesses"));

        assertRefused(receipt, key, "entries[0].party", r -> ((ObjectNode) r.path("entries").get(0)).put("party", "impostor"),
                "entry " + receipt.path("entries").get(0).path("seq").asLong() + ": its fields do not give its entryHash");
        assertRefused(receipt, key, "an inclusion proof", r -> {
            ArrayNode proof = (ArrayNode) r.path("entries").get(0).path("inclusionProof");
            proof.set(0, JSON.getNodeFactory().textNode(HexFormat.of().formatHex(new byte[32])));
        }, "its inclusion proof does not lead to the signed root");
        assertRefused(receipt, key, "the note", r -> ((ObjectNode) r.path("checkpoint")).put("note",
                r.path("checkpoint").path("note").asText().replaceFirst("\n\\d+\n", "\n1\n")), "not signed by this public key");
        assertRefused(receipt, key, "the tree size", r -> ((ObjectNode) r.path("checkpoint")).put("treeSize", 1),
                "treeSize or rootHash is not what its note signs");
        String otherKey = Ed25519Keys.x509Base64(Ed25519Keys.publicKeyOf(Ed25519Keys.privateKey(Ed25519Keys.generate())));
        Path other = Files.writeString(dir.resolve("other.pem"),
                "-----BEGIN PUBLIC KEY-----\n" + otherKey + "\n-----END PUBLIC KEY-----\n");
        assertThat(ReceiptVerifiers.both("receipt-other-key", receipt, other))
                .allSatisfy(out -> assertThat(out).contains("INVALID: the checkpoint's note is not signed by this public key"));
    }

    /** Checkpoints leave the database: a compacted topic holds the witnessed note of the receipt's checkpoint. */
    @Test
    void theCheckpointIsPublishedOnACompactedTopic() throws Exception {
        SyntheticPeople.Family family = familiesWithBirthRecords().get(45);
        String id = hub.awaitEveryItemDelivered(hub.submit(HubClient.newborn(family.mother().idNumber(), family.mother().name()))).path("id").asText();
        JsonNode checkpoint = hub.body(hub.get("/api/v1/applications/" + id + "/receipt")).path("checkpoint");
        String topic = env.getRequiredProperty("hub.evidence.checkpoint-topic");
        Map<String, Object> client = Map.of("bootstrap.servers", env.getRequiredProperty("hub.kafka.bootstrap-servers"));
        try (Admin admin = Admin.create(client)) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            assertThat(admin.describeConfigs(List.of(resource)).all().get().get(resource).get("cleanup.policy").value())
                    .isEqualTo("compact");
        }
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
                env.getRequiredProperty("hub.kafka.bootstrap-servers"), "auto.offset.reset", "earliest",
                "group.id", "audit-" + UUID.randomUUID()), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Map<String, String> published = new java.util.HashMap<>();
            long size = checkpoint.path("treeSize").asLong();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> published.put(r.key(), r.value()));
                return published.containsKey(Long.toString(size));
            });
            assertThat(published.get(Long.toString(size))).startsWith(checkpoint.path("note").asText())
                    .contains(checkpoint.path("cosignatures").get(0).asText());
        }
    }

    @Test
    void consistencyProofsLinkTwoSignedTreeHeads() throws Exception {
        SyntheticPeople.Family family = familiesWithBirthRecords().get(43);
        String first = hub.awaitEveryItemDelivered(hub.submit(HubClient.newborn(family.mother().idNumber(), family.mother().name()))).path("id").asText();
        JsonNode older = hub.body(hub.get("/api/v1/applications/" + first + "/receipt")).path("checkpoint");
        SyntheticPeople.Family another = familiesWithBirthRecords().get(44);
        String second = hub.awaitEveryItemDelivered(hub.submit(HubClient.newborn(another.mother().idNumber(), another.mother().name()))).path("id").asText();
        JsonNode newer = hub.body(hub.get("/api/v1/applications/" + second + "/receipt")).path("checkpoint");
        long from = older.path("treeSize").asLong();
        long to = newer.path("treeSize").asLong();
        assertThat(to).isGreaterThan(from);

        JsonNode answer = hub.body(hub.get("/api/v1/evidence/consistency?from=" + from + "&to=" + to));
        List<byte[]> proof = new ArrayList<>();
        answer.path("proof").forEach(p -> proof.add(HexFormat.of().parseHex(p.asText())));
        assertThat(MerkleTree.verifyConsistency(from, to, proof, HexFormat.of().parseHex(older.path("rootHash").asText()),
                HexFormat.of().parseHex(newer.path("rootHash").asText()))).isTrue();

        var beyond = hub.get("/api/v1/evidence/consistency?from=" + from + "&to=" + (to + 1_000_000));
        assertThat(beyond.statusCode()).isEqualTo(400);
        assertThat(hub.body(beyond).path("errors").path(0).path("field").asText()).isEqualTo("to");
        var backwards = hub.get("/api/v1/evidence/consistency?from=" + to + "&to=" + from);
        assertThat(backwards.statusCode()).isEqualTo(400);
    }

    private void assertRefused(JsonNode receipt, Path key, String what, Consumer<JsonNode> change, String expected)
            throws Exception {
        JsonNode altered = receipt.deepCopy();
        change.accept(altered);
        assertThat(ReceiptVerifiers.both("receipt-altered", altered, key)).as(what)
                .allSatisfy(out -> assertThat(out).contains("INVALID: ").contains(expected));
    }
}
