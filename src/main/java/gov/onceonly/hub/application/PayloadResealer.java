package gov.onceonly.hub.application;

import gov.onceonly.hub.connector.MaterialisedDatasets;
import gov.onceonly.hub.security.PayloadCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seals again, with the active key, every personal payload stored in clear (written before encryption) or under
 * another key (before a rotation), so that a retired key can go and clear payloads stop being read. It works in
 * batches, and replaces a row only if it did not change in between, so it may run while the hub serves.
 */
public class PayloadResealer {

    private static final Logger log = LoggerFactory.getLogger(PayloadResealer.class);
    private static final int BATCH = 500;

    /**
     * Where a sealed column lives: its table, the column, its type (json keeps an item record's field order), and the
     * columns of the row key (joined as sealed).
     */
    private record Column(String name, String table, String column, String type, List<String> keys) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column(ApplicationStore.FORM, "application", "form", "jsonb", List.of("id")),
            new Column(ApplicationStore.MATERIALS, "application", "materials", "jsonb", List.of("id")),
            new Column(ApplicationStore.PULLED_FIELDS, "pulled_dataset", "fields", "jsonb",
                    List.of("application_id", "connector_id", "dataset")),
            new Column(ApplicationStore.ITEM_RECORD, "application_item", "record", "json",
                    List.of("application_id", "item_id")),
            new Column(ApplicationStore.ITEM_OUTPUTS, "application_item", "outputs", "jsonb",
                    List.of("application_id", "item_id")),
            new Column("target_notice.payload", "target_notice", "payload", "jsonb",
                    List.of("application_id", "item_id", "kind")),
            new Column(MaterialisedDatasets.FIELDS, "dataset_record", "fields", "jsonb",
                    List.of("connector_id", "dataset", "record_key")),
            new Column(ApplicationStore.CONSENT, "application", "consent", "jsonb", List.of("id")),
            new Column(ApplicationStore.EVENT_DETAILS, "item_event", "details", "jsonb", List.of("application_id", "item_id")),
            new Column(ApplicationStore.REJECTED_PAYLOAD, "rejected_status_report", "payload", "text",
                    List.of("topic", "kafka_partition", "kafka_offset")),
            // 好差评's free texts (rating/Ratings, rating/Rectifications), named here as they are sealed there.
            new Column("application_rating.comment", "application_rating", "comment", "text", List.of("application_id")),
            new Column("rectification_case.answer", "rectification_case", "answer", "text", List.of("id")),
            new Column("rectification_case.callback_note", "rectification_case", "callback_note", "text", List.of("id")),
            // 无感通办's proposals (proposal/ProposalStore): the subject, what the event filled, the events refused.
            new Column("proposal.subject", "proposal", "subject", "text", List.of("id")),
            new Column("proposal.prefilled", "proposal", "prefilled", "text", List.of("id")),
            new Column("proposal_rejected_event.event", "proposal_rejected_event", "event", "text",
                    List.of("rule_id", "topic", "partition_no", "offset_no")));

    private final JdbcTemplate jdbc;
    private final PayloadCipher cipher;

    public PayloadResealer(JdbcTemplate jdbc, PayloadCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** How many rows of each column were sealed again. */
    public Map<String, Integer> resealAll() {
        Map<String, Integer> resealed = new LinkedHashMap<>();
        for (Column column : COLUMNS) {
            int total = 0;
            int done;
            do {
                done = batch(column);
                total += done;
            } while (done > 0);
            resealed.put(column.name(), total);
        }
        log.info("Resealed personal payloads under key {}: {}", cipher.activeKeyId(), resealed);
        return resealed;
    }

    private int batch(Column c) {
        // The keys keep their types (uuid, text), so the update below finds its row by the primary key's index.
        String keys = String.join(", ", c.keys());
        // Identifiers come from the constants above, never from input; the values are bound.
        // A text column (a refused message) may hold anything, JSON or not: it is matched as text.
        String unsealed = "text".equals(c.type())
                ? c.column() + " is not null and " + c.column() + " not like ?"
                : c.column() + "::jsonb <> '{}'::jsonb and coalesce(" + c.column() + "->>'sealed', '') not like ?";
        List<Map<String, Object>> rows = jdbc.queryForList("select " + keys + ", " + c.column() + "::text as stored from "
                + c.table() + " where " + unsealed + " limit " + BATCH,
                ("text".equals(c.type()) ? cipher.sealedPrefix() : "v2:" + cipher.activeKeyId() + ":") + "%");
        int resealed = 0;
        for (Map<String, Object> row : rows) {
            List<Object> key = c.keys().stream().map(k -> row.get(k)).toList();
            String rowKey = String.join(":", key.stream().map(String::valueOf).toList());
            String stored = (String) row.get("stored");
            String context = c.name() + "|" + rowKey;
            String sealed = cipher.seal(context, cipher.openEvenIfClear(context, stored));
            Object[] args = new Object[key.size() + 2];
            args[0] = sealed;
            for (int i = 0; i < key.size(); i++) {
                args[i + 1] = key.get(i);
            }
            args[args.length - 1] = stored;
            resealed += jdbc.update("update " + c.table() + " set " + c.column() + " = ?::" + c.type() + " where "
                    + String.join(" and ", c.keys().stream().map(k -> k + " = ?").toList()) + " and "
                    + c.column() + "::text = ?", args);
        }
        return resealed; // a batch that changed nothing (rows all changed in between) ends the run; run it again
    }
}
