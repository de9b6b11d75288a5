package gov.onceonly.hub.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import gov.onceonly.hub.HubClient;
import gov.onceonly.hub.HubIntegrationTest;
import gov.onceonly.hub.sandbox.SyntheticPeople;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Every intake, pull, push and status report of an application is a ledger entry; the receipt recomputes without
 * the hub; the table refuses changes; concurrent appends keep one chain; the operator's verification finds it intact.
 */
class EvidenceLedgerIT extends HubIntegrationTest {

    @Autowired
    EvidenceLedger ledger;
    @Autowired
    EvidenceChainer chainer;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    Checkpoints checkpoints;
    @Value("${hub.kafka.bootstrap-servers}")
    String bootstrapServers;
    @Value("${hub.topics.item-status}")
    String statusTopic;

    @Test
    void everyStepOfAnApplicationIsInTheLedgerAndItsReceiptVerifies() throws Exception {
        departmentsDecide(false); // this test reports as the departments
        SyntheticPeople.Family family = familiesWithBirthRecords().get(40);
        String body = HubClient.newborn(family.mother().idNumber(), family.mother().name());
        String id = newbornWithEveryItemDelivered(family);
        String report = "{\"status\":\"ACCEPTED\",\"eventId\":\"evidence-1\"}";
        assertThat(hub.signedAs("sandbox-weijian", "sandbox-weijian-secret")
                .post("/api/v1/applications/" + id + "/items/vaccination-certificate/status", report).statusCode()).isEqualTo(200);
        String message = "{\"applicationId\":\"%s\",\"item\":\"medical-insurance\",\"status\":\"ACCEPTED\"}".formatted(id);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(statusTopic, id, message)).get();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> kinds(id).contains("STATUS:topic:" + statusTopic));

        UUID application = UUID.fromString(id);
        List<LedgerEntry> entries = ledger.entriesOf(application);
        assertThat(entries.get(0).kind()).isEqualTo(EvidenceKind.INTAKE);
        assertThat(entries.get(0).party()).isEqualTo(HubClient.PORTAL_KEY);
        assertThat(entries.get(0).payloadSha256()).as("the exact bytes received")
                .isEqualTo(Sha256.hex(body.getBytes(StandardCharsets.UTF_8)));
        long pulls = entries.stream().filter(e -> e.kind() == EvidenceKind.PULL).count();
        assertThat(pulls).isEqualTo(count("pulled_dataset where application_id = '" + id + "'"));
        List<LedgerEntry> pushes = entries.stream().filter(e -> e.kind() == EvidenceKind.PUSH).toList();
        assertThat(pushes.stream().filter(e -> !e.detail().contains("\"notice\"")).map(LedgerEntry::item))
                .containsExactlyInAnyOrderElementsOf(jdbc.queryForList(
                        "select item_id from application_item where application_id = ?", String.class, application));
        assertThat(pushes.stream().filter(e -> e.detail().contains("\"notice\"")).map(LedgerEntry::item))
                .as("the birth certificate, sent to the library once decided").containsExactly("birth-certificate");
        assertThat(kinds(id)).contains("STATUS:sandbox-weijian");
        LedgerEntry rest = entries.stream().filter(e -> "sandbox-weijian".equals(e.party())
                && "vaccination-certificate".equals(e.item())).findFirst().orElseThrow();
        assertThat(rest.payloadSha256()).isEqualTo(Sha256.hex(report.getBytes(StandardCharsets.UTF_8)));
        LedgerEntry topic = entries.stream().filter(e -> e.party().startsWith("topic:")).findFirst().orElseThrow();
        assertThat(topic.payloadSha256()).isEqualTo(Sha256.hex(message.getBytes(StandardCharsets.UTF_8)));

        JsonNode receipt = awaitSignedReceipt(hub, id);
        verifyReceipt(receipt, hub.body(hub.get("/api/v1/evidence/public-key")).path("publicKey").asText());
        assertThat(receipt.path("entries").size()).isEqualTo(entries.size());
        assertThat(hub.asOperator().unsigned().get("/api/v1/ops/applications/" + id + "/receipt").statusCode()).isEqualTo(200);

        assertForbidden(hub.signedAs("sandbox-weijian", "sandbox-weijian-secret").get("/api/v1/applications/" + id + "/receipt"), "role");
        HttpResponse<String> otherChannel = hub.signedAs("other-portal", "other-portal-secret")
                .get("/api/v1/applications/" + id + "/receipt");
        assertThat(otherChannel.statusCode()).as("another channel's application is answered as unknown").isEqualTo(404);
        HttpResponse<String> unknown = hub.get("/api/v1/applications/" + UUID.randomUUID() + "/receipt");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(hub.body(unknown).path("errors").path(0).path("field").asText()).isEqualTo("id");
        HttpResponse<String> malformed = hub.get("/api/v1/applications/not-a-uuid/receipt");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(hub.body(malformed).path("errors").path(0).path("field").asText()).isEqualTo("id");
    }

    /** What an applicant can do with a receipt and the published key alone. */
    static void verifyReceipt(JsonNode receipt, String publicKey) {
        ReceiptVerifier.Result result = ReceiptVerifier.verify(receipt, publicKey);
        assertThat(result.problems()).isEmpty();
        JsonNode entries = receipt.path("entries");
        assertThat(result.checkpoint().size()).isGreaterThanOrEqualTo(entries.get(entries.size() - 1).path("seq").asLong());
        assertThat(receipt.path("checkpoint").path("publicKey").asText()).isEqualTo(publicKey);
        for (JsonNode e : entries) {
            assertThat(Instant.parse(e.path("recordedAt").asText()).toEpochMilli() * 1000)
                    .isEqualTo(e.path("recordedAtMicros").asLong() / 1000 * 1000);
        }
    }

    static JsonNode awaitSignedReceipt(HubClient client, String id) {
        JsonNode[] receipt = new JsonNode[1];
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).until(() -> {
            HttpResponse<String> response = client.get("/api/v1/applications/" + id + "/receipt");
            receipt[0] = response.statusCode() == 200 ? client.body(response) : null;
            return receipt[0] != null && receipt[0].path("checkpoint").isObject();
        });
        return receipt[0];
    }

    private List<String> kinds(String id) {
        return jdbc.queryForList("select kind || ':' || party from evidence_entry where application_id = ?::uuid order by id",
                String.class, id);
    }

    private void assertForbidden(HttpResponse<String> response, String rule) throws Exception {
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode error = hub.body(response).path("errors").path(0);
        assertThat(error.path("field").asText()).isEqualTo("X-Hub-Key");
        assertThat(error.path("rule").asText()).isEqualTo(rule);
    }

    @Test
    void theLedgerRefusesUpdateDeleteAndTruncate() {
        String key = "refuse-" + UUID.randomUUID();
        tx.executeWithoutResult(s -> append(EvidenceKind.INTAKE, "test", Sha256.hex(null), key));
        chainer.chainAll();
        checkpoints.checkpoint(seqOf(key)); // so that the checkpoint table has a row for its row triggers to refuse
        String first = "(select min(id) from evidence_entry)";
        for (String change : new String[] {"update evidence_entry set party = 'impostor' where id = " + first,
                // cascade: subject_read (the archive's reads) references the ledger, which a plain truncate stops at
                "delete from evidence_entry where id = " + first, "truncate evidence_entry cascade",
                "update evidence_block set entry_hashes = entry_hashes", "delete from evidence_block", "truncate evidence_block",
                "update evidence_checkpoint set head_hash = 'x'", "delete from evidence_checkpoint", "truncate evidence_checkpoint"}) {
            // The triggers refuse even the superuser, who alone could switch them off.
            assertThatThrownBy(() -> superuser.execute(change)).as(change).isInstanceOf(DataAccessException.class)
                    .hasStackTraceContaining("append-only");
        }
    }

    /** The hub runs as a role that may append to the ledger and read it, and nothing else there. */
    @Test
    void theHubsOwnRoleCannotChangeTheLedgerNorSwitchItsTriggersOff() {
        assertThat(jdbc.queryForObject("select current_user", String.class)).isEqualTo("hub_app");
        String first = "(select min(id) from evidence_entry)";
        for (String change : new String[] {"update evidence_entry set party = 'impostor' where id = " + first,
                // cascade: subject_read (the archive's reads) references the ledger, which a plain truncate stops at
                "delete from evidence_entry where id = " + first, "truncate evidence_entry cascade",
                "update evidence_block set entry_hashes = entry_hashes", "delete from evidence_block",
                "update evidence_checkpoint set note = note", "delete from evidence_checkpoint", "truncate evidence_checkpoint",
                "update evidence_cosignature set cosignature = cosignature", "delete from evidence_cosignature",
                "truncate evidence_cosignature",
                "alter table evidence_entry disable trigger evidence_entry_append_only",
                "alter table evidence_block disable trigger all", "drop trigger evidence_checkpoint_append_only on evidence_checkpoint",
                "set session_replication_role = replica", "delete from flyway_schema_history"}) {
            assertThatThrownBy(() -> jdbc.execute(change)).as(change)
                    .isInstanceOfSatisfying(DataAccessException.class, e -> assertThat(e.getMostSpecificCause().getMessage())
                            .containsAnyOf("permission denied", "must be owner", "must be the owner"));
        }
    }

    @Test
    void anAppendOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> append(EvidenceKind.INTAKE, "test", Sha256.hex(null), "x"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anAppendWhoseEffectRolledBackLeavesNothing() {
        String key = "rolled-back-" + UUID.randomUUID();
        tx.executeWithoutResult(s -> {
            append(EvidenceKind.INTAKE, "test", Sha256.hex(null), key);
            s.setRollbackOnly();
        });
        chainer.chainAll();
        assertThat(count("evidence_entry where event_key = '" + key + "'")).isZero();
    }

    @Test
    void aRepeatedAppendAddsNothingWhetherTheFirstWaitsOrIsChained() {
        String key = "repeat-" + UUID.randomUUID();
        tx.executeWithoutResult(s -> append(EvidenceKind.INTAKE, "test", Sha256.hex(null), key));
        tx.executeWithoutResult(s -> append(EvidenceKind.INTAKE, "test", Sha256.hex(null), key));
        assertThat(count("evidence_entry where event_key = '" + key + "'")).as("written once").isEqualTo(1);
        chainer.chainAll();
        long seq = seqOf(key);
        tx.executeWithoutResult(s -> append(EvidenceKind.INTAKE, "test", Sha256.hex(null), key));
        chainer.chainAll();
        assertThat(count("evidence_entry where event_key = '" + key + "'")).as("chained").isEqualTo(1);
        assertThat(seqOf(key)).isEqualTo(seq);
    }

    @Test
    void concurrentAppendsKeepOneChainAndTheOperatorFindsItIntact() throws Exception {
        String prefix = "concurrent-" + UUID.randomUUID() + "-";
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> appended = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String key = prefix + i;
            appended.add(pool.submit(() -> tx.executeWithoutResult(s -> append(EvidenceKind.PULL,
                    "source/data", Sha256.hex(key.getBytes()), key))));
        }
        for (Future<?> f : appended) {
            f.get();
        }
        pool.shutdown();

        HttpResponse<String> verified = hub.asOperator().unsigned().post("/api/v1/ops/evidence/verify", "");
        assertThat(verified.statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForList("select e.id from evidence_entry e join evidence_block b on e.id = any(b.entry_ids) "
                + "where e.event_key like ?", Long.class, prefix + "%"))
                .as("the verification chained every committed append first").hasSize(60).doesNotHaveDuplicates();
        JsonNode report = hub.body(verified);
        assertThat(report.path("intact").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.path("entries").asLong()).isGreaterThanOrEqualTo(60);
        assertThat(report.path("firstBadSequence").isNull()).isTrue();
        assertThat(hub.unsigned().post("/api/v1/ops/evidence/verify", "").statusCode()).isEqualTo(401);
    }

    @Test
    void aChainerThatFindsTheLockTakenLeavesTheBatchToTheInstanceHoldingIt() throws Exception {
        String key = "locked-" + UUID.randomUUID();
        tx.executeWithoutResult(s -> append(EvidenceKind.INTAKE, "test", Sha256.hex(null), key));
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            // Another instance's chainer, holding the lock in its open transaction while this one tries.
            Integer tried = tx.execute(s -> {
                jdbc.query("select pg_advisory_xact_lock(?)", rs -> { }, EvidenceLedger.LOCK);
                try {
                    return other.submit(() -> chainer.chainBatch(false)).get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(tried).isZero();
            assertThat(count("evidence_entry e where event_key = '" + key + "' and not exists "
                    + "(select 1 from evidence_block b where e.id = any(b.entry_ids))")).as("still waiting").isEqualTo(1);
        } finally {
            other.shutdown();
        }
        chainer.chainAll();
        assertThat(count("evidence_entry where event_key = '" + key + "'")).isEqualTo(1);
    }

    @Test
    void anEntryWaitsWhileAnOlderTransactionIsOpenAndIsChainedOnceItEnds() throws Exception {
        javax.sql.DataSource pool = jdbc.getDataSource();
        try (java.sql.Connection open = pool.getConnection()) {
            open.setAutoCommit(false);
            try (java.sql.Statement s = open.createStatement()) {
                s.execute("select pg_current_xact_id()"); // a transaction that has an id, and stays open
            }
            String key = "behind-an-open-transaction-" + UUID.randomUUID();
            tx.executeWithoutResult(s -> append(EvidenceKind.INTAKE, "test", Sha256.hex(null), key));
            chainer.chainBatch(false);
            assertThat(count("evidence_entry e where event_key = '" + key + "' and not exists "
                    + "(select 1 from evidence_block b where e.id = any(b.entry_ids))"))
                    .as("the open transaction might still append below it: not chained yet").isEqualTo(1);
            open.commit();
            chainer.chainAll();
            assertThat(seqOf(key)).isPositive();
        }
    }

    private long seqOf(String eventKey) {
        return jdbc.queryForObject("""
                select b.first_entry + array_position(b.entry_ids, e.id) - 1
                from evidence_entry e join evidence_block b on e.id = any(b.entry_ids) where e.event_key = ?""",
                Long.class, eventKey);
    }

    private void append(EvidenceKind kind, String party, String payloadSha256, String eventKey) {
        ledger.append(List.of(new EvidenceLedger.Appended(kind, null, null, party, payloadSha256, null, eventKey)));
    }

    @Test
    void thePublicKeyIsPublished() throws Exception {
        JsonNode key = hub.body(hub.get("/api/v1/evidence/public-key"));
        assertThat(key.path("algorithm").asText()).isEqualTo("Ed25519");
        assertThat(key.path("ephemeral").asBoolean()).isFalse();
        assertThat(key.path("publicKey").asText()).isEqualTo(Ed25519Keys.x509Base64(
                Ed25519Keys.publicKeyOf(Ed25519Keys.privateKey(HubClient.EVIDENCE_KEY))));
        assertThat(key.path("keyId").asText()).isEqualTo(EvidenceSigner.keyId(key.path("publicKey").asText()));
    }
}
