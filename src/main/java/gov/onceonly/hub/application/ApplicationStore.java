package gov.onceonly.hub.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.onceonly.hub.evidence.EvidenceRecorder;
import gov.onceonly.hub.security.PayloadCipher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Applications, their pulled datasets and their items in PostgreSQL. Plain SQL, all parameterised. */
public class ApplicationStore {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    /**
     * The columns that hold personal payloads, sealed at rest; the column and the row's key ({@link #sealed}) are the
     * cipher's associated data.
     */
    public static final String FORM = "application.form";
    public static final String MATERIALS = "application.materials";
    public static final String PULLED_FIELDS = "pulled_dataset.fields";
    public static final String ITEM_RECORD = "application_item.record";
    public static final String ITEM_OUTPUTS = "application_item.outputs";
    /** The consent: the datasets, and an agent's ID number when an agent applied. */
    public static final String CONSENT = "application.consent";
    /** A department's status report's details: its reason, decision text, what the hub refused of it. */
    public static final String EVENT_DETAILS = "item_event.details";
    /** A status message the hub refused, as it came (numbers masked), for an operator to read. */
    public static final String REJECTED_PAYLOAD = "rejected_status_report.payload";

    /**
     * Maps a released item that takes earlier items' outputs again, now that they exist; the pipeline does it (it
     * knows the bundles), called under the application's row lock with this store to read from.
     */
    public interface ReleasedItemMapper {
        ItemRecord remap(ApplicationStore store, UUID applicationId, String itemId);
    }

    /**
     * Queues the deliveries of items a decision released, in the caller's transaction, so that they go out as soon as
     * it commits rather than at the next poll for due deliveries; the pipeline does it (it owns the delivery messages).
     */
    public interface ReleasedDeliveries {
        void queue(UUID applicationId, List<String> itemIds);
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final PayloadCipher cipher;
    private final WaitingItems waiting;

    public ApplicationStore(JdbcTemplate jdbc, ObjectMapper json, PayloadCipher cipher, ReleasedItemMapper released,
                            ReleasedDeliveries deliveries, EvidenceRecorder evidence) {
        this.jdbc = jdbc;
        this.json = json;
        this.cipher = cipher;
        this.waiting = new WaitingItems(jdbc, json, this, released, deliveries, evidence);
    }

    /** A dataset as pulled for an application, its fields opened. */
    public record PulledDataset(String connector, String dataset, boolean found, Map<String, Object> fields,
                                Instant pulledAt) {
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void insert(NewApplication a) {
        jdbc.update("""
                insert into application (id, bundle_id, mapping_version, subject_key, consent, form,
                                         status, trace_id, trace_context, submitted_by, created_at, updated_at)
                values (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?::jsonb, ?, now(), now())""",
                a.id(), a.bundleId(), a.mappingVersion(), a.subjectKey(), sealed(CONSENT, a.id(), a.consent()),
                sealed(FORM, a.id(), a.form()), ApplicationStatus.RECEIVED.name(), a.traceId(),
                a.traceContext() == null || a.traceContext().isEmpty() ? null : write(a.traceContext()), a.submittedBy());
    }

    /** The application's other data subjects, as intake recorded them. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void insertParties(UUID applicationId, List<StoredParty> parties) {
        jdbc.batchUpdate("""
                insert into application_party (application_id, party, subject_key, consented, legal_basis)
                values (?, ?, ?, ?, ?)""", parties.stream().map(p -> new Object[] {applicationId, p.party(),
                p.subjectKey(), p.consented(), p.legalBasis()}).toList());
    }

    /** The application's other data subjects, by party name. */
    public Map<String, StoredParty> parties(UUID applicationId) {
        Map<String, StoredParty> parties = new LinkedHashMap<>();
        jdbc.query("""
                select party, subject_key, consented, legal_basis from application_party where application_id = ?
                order by party""", rs -> {
            parties.put(rs.getString(1), new StoredParty(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4)));
        }, applicationId);
        return parties;
    }

    public Optional<StoredApplication> find(UUID id) {
        return jdbc.query("""
                select id, bundle_id, mapping_version, subject_key, form::text, status, created_at, consent::text
                from application where id = ?""",
                (rs, n) -> new StoredApplication(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), opened(FORM, id, rs.getString(5)), ApplicationStatus.valueOf(rs.getString(6)),
                        rs.getTimestamp(7).toInstant(), consentedDatasets(opened(CONSENT, id, rs.getString(8)))), id)
                .stream().findFirst();
    }

    private static List<String> consentedDatasets(Map<String, Object> consent) {
        Object datasets = consent.get("datasets");
        return datasets instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    /**
     * Moves an application that is being collected (RECEIVED, WAITING_FOR_SOURCES) on to the status its new items give,
     * ending whatever it waited for; false if it is not being collected any more (another instance collected it).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean collected(UUID applicationId, ApplicationStatus next) {
        return jdbc.update("""
                update application set status = ?, attention_reason = null, next_collect_at = null, updated_at = now()
                where id = ? and status in ('RECEIVED', 'WAITING_FOR_SOURCES')""", next.name(), applicationId) == 1;
    }

    /** The answers of an application's sources, as trimmed; one kept already (a repeated collection) stays. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void savePulled(UUID applicationId, List<PulledDataset> pulled) {
        jdbc.batchUpdate("""
                insert into pulled_dataset (application_id, connector_id, dataset, found, fields, pulled_at)
                values (?, ?, ?, ?, ?::jsonb, ?) on conflict do nothing""", pulled.stream().map(p -> new Object[] {
                applicationId, p.connector(), p.dataset(), p.found(),
                sealed(PULLED_FIELDS, applicationId + ":" + p.connector() + ":" + p.dataset(), p.fields()),
                Timestamp.from(p.pulledAt())}).toList());
    }

    /** What was pulled for an application, as stored (trimmed to the demanded fields). */
    public List<PulledDataset> pulled(UUID applicationId) {
        return jdbc.query("""
                select connector_id, dataset, found, fields::text, pulled_at from pulled_dataset
                where application_id = ?""", (rs, n) -> new PulledDataset(rs.getString(1), rs.getString(2),
                rs.getBoolean(3), opened(PULLED_FIELDS, applicationId + ":" + rs.getString(1) + ":" + rs.getString(2),
                rs.getString(4)), rs.getTimestamp(5).toInstant()), applicationId);
    }

    /**
     * An application's item records, each with its initial status, the items it waits for and why it does not apply,
     * if it does not; an item already there stays as it is.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void saveItems(UUID applicationId, List<ItemRecord> items) {
        jdbc.batchUpdate("""
                insert into application_item (application_id, item_id, department, target_id, record, provenance,
                                              missing, status, waits_for, reason, declared_outputs, takes_outputs,
                                              archive, updated_at)
                values (?, ?, ?, ?, ?::json, ?::json, ?::jsonb, ?, ?::jsonb, ?, ?::jsonb, ?, ?::jsonb, now())
                on conflict do nothing""",
                items.stream().map(item -> new Object[] {applicationId, item.itemId(), item.department(), item.target(),
                        sealed(ITEM_RECORD, applicationId + ":" + item.itemId(), item.values()), write(item.provenance()),
                        write(item.missing()), item.initialStatus().name(),
                        item.waitsFor().isEmpty() ? null : write(item.waitsFor()), item.notApplicableBecause(),
                        item.declaredOutputs().isEmpty() ? null : write(item.declaredOutputs()), item.takesOutputs(),
                        item.archive().isEmpty() ? null : write(item.archive())})
                        .toList());
    }

    /** Replaces a remapped item's record, if the item is still in {@code from}; false if it is not. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean replaceRecord(UUID applicationId, ItemRecord record, ItemStatus from, ItemStatus to) {
        return jdbc.update("""
                update application_item set record = ?::json, provenance = ?::json, missing = ?::jsonb, status = ?,
                       next_delivery_at = case when ? = 'PENDING' then now() end, updated_at = now()
                where application_id = ? and item_id = ? and status = ?""",
                sealed(ITEM_RECORD, applicationId + ":" + record.itemId(), record.values()), write(record.provenance()),
                write(record.missing()), to.name(), to.name(), applicationId, record.itemId(), from.name()) == 1;
    }

    /** The materials the applicant supplied after the fact, opened. */
    public Map<String, Object> materials(UUID applicationId) {
        return opened(MATERIALS, applicationId,
                jdbc.queryForObject("select materials::text from application where id = ?", String.class, applicationId));
    }

    /** An item's provenance, as stored. */
    public Map<String, ItemRecord.FieldOrigin> provenance(UUID applicationId, String itemId) {
        String text = jdbc.queryForObject("select provenance::text from application_item where application_id = ? and item_id = ?",
                String.class, applicationId, itemId);
        try {
            return json.readValue(text, new TypeReference<Map<String, ItemRecord.FieldOrigin>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored provenance is unreadable", e);
        }
    }

    /** The outputs of the application's DONE items, by item id: an item done without outputs has none. */
    public Map<String, ItemOutputs> outputs(UUID applicationId) {
        Map<String, ItemOutputs> outputs = new LinkedHashMap<>();
        jdbc.query("""
                select item_id, department, dept_status_at, outputs::text from application_item
                where application_id = ? and status = 'DONE'""", rs -> {
            String itemId = rs.getString(1);
            outputs.put(itemId, new ItemOutputs(itemId, rs.getString(2), rs.getTimestamp(3).toInstant(),
                    opened(ITEM_OUTPUTS, applicationId + ":" + itemId, rs.getString(4))));
        }, applicationId);
        return outputs;
    }

    /** What an item's DONE report may carry and where its certificate goes, in one read of the item. */
    public ItemOutputs.Declared declaredOutputs(UUID applicationId, String itemId) {
        return jdbc.queryForObject("""
                select declared_outputs::text, archive::text from application_item where application_id = ? and item_id = ?""",
                (rs, n) -> new ItemOutputs.Declared(texts(rs.getString(1)), texts(rs.getString(2))), applicationId, itemId);
    }

    private Map<String, String> texts(String json) {
        Map<String, String> texts = new LinkedHashMap<>();
        if (json != null) {
            read(json).forEach((name, value) -> texts.put(name, String.valueOf(value)));
        }
        return texts;
    }

    /** Keeps the outputs an item was decided with, sealed like its record. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void saveOutputs(UUID applicationId, String itemId, Map<String, Object> outputs) {
        jdbc.update("update application_item set outputs = ?::jsonb where application_id = ? and item_id = ?",
                sealed(ITEM_OUTPUTS, applicationId + ":" + itemId, outputs), applicationId, itemId);
    }

    public Optional<StoredItem> item(UUID applicationId, String itemId) {
        return items("i.application_id = ? and i.item_id = ?", applicationId, itemId).stream().findFirst();
    }

    /**
     * An application's items that are PENDING and were never attempted: stored, then not sent because the hub stopped
     * in between. An item waiting for a retry is not among them; its retry sends it.
     */
    public List<StoredItem> neverSent(UUID applicationId) {
        return items("i.application_id = ? and i.status = 'PENDING' and i.attempts = 0 and i.next_delivery_at is null",
                applicationId);
    }

    private List<StoredItem> items(String where, Object... arguments) {
        return jdbc.query("""
                select i.application_id, a.bundle_id, i.item_id, i.department, i.target_id, i.record::text, i.status,
                       i.attempts
                from application_item i join application a on a.id = i.application_id
                where\s""" + where + " order by i.item_id",
                (rs, n) -> {
                    UUID applicationId = rs.getObject(1, UUID.class);
                    String itemId = rs.getString(3);
                    return new StoredItem(applicationId, rs.getString(2), itemId, rs.getString(4), rs.getString(5),
                            cipher.open(ITEM_RECORD + "|" + applicationId + ":" + itemId, rs.getString(6)),
                            ItemStatus.valueOf(rs.getString(7)), rs.getInt(8));
                }, arguments);
    }

    /**
     * Records items delivered. Never moves an item back: a department may already have reported on it (a repeated
     * delivery). The caller derives the application's status afterwards.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void markDelivered(UUID applicationId, List<String> itemIds) {
        if (itemIds.isEmpty()) {
            return;
        }
        jdbc.update("""
                update application_item set status = 'DELIVERED', attempts = attempts + 1, delivered_at = now(),
                       last_error = null, next_delivery_at = null, updated_at = now()
                where application_id = ? and item_id = any(?) and status in ('PENDING', 'PARKED')""",
                applicationId, itemIds.toArray(String[]::new));
    }

    /**
     * Items whose push was under way when the application was withdrawn (cancelled then as not sent yet), delivered
     * or failed since: the department has, or may have, them after all, so they are withdrawn there like the others,
     * with a withdrawal notice.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void attemptedWhileWithdrawn(UUID applicationId, List<String> itemIds) {
        if (itemIds.isEmpty()) {
            return;
        }
        List<String> withdrawing = jdbc.queryForList("""
                update application_item i set status = 'WITHDRAWING', attempts = attempts + 1, updated_at = now()
                from application a
                where a.id = i.application_id and a.withdrawn_at is not null
                  and i.application_id = ? and i.item_id = any(?) and i.status = 'CANCELLED' returning i.item_id""",
                String.class, applicationId, itemIds.toArray(String[]::new));
        queueWithdrawalNotices(applicationId, withdrawing);
    }

    /**
     * Queues a withdrawal notice to each item's target, due now (TargetNotices sends it); an item notified before
     * keeps its notice. With the item's move to WITHDRAWING, in the same transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void queueWithdrawalNotices(UUID applicationId, List<String> itemIds) {
        if (itemIds.isEmpty()) {
            return;
        }
        jdbc.update("""
                insert into target_notice (application_id, item_id, kind, target_id, due_at)
                select application_id, item_id, 'WITHDRAWAL', target_id, now() from application_item
                where application_id = ? and item_id = any(?) on conflict do nothing""",
                applicationId, itemIds.toArray(String[]::new));
    }

    /**
     * Takes the application's row lock, before any of its items' rows, as every writer of an application does; true
     * if the application was withdrawn.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean lock(UUID applicationId) {
        return Boolean.TRUE.equals(jdbc.query("select withdrawn_at is not null from application where id = ? for update",
                rs -> rs.next() && rs.getBoolean(1), applicationId));
    }

    /**
     * Derives the application's status from its items, under a row lock so concurrent deliveries agree; first the
     * items that wait for others move on where they can ({@link WaitingItems}).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public ApplicationStatus refreshStatus(UUID applicationId) {
        return refreshStatus(applicationId, lock(applicationId));
    }

    /** As above, for a caller that holds the application's row lock already ({@link #lock}, which said {@code withdrawn}). */
    @Transactional(propagation = Propagation.MANDATORY)
    public ApplicationStatus refreshStatus(UUID applicationId, boolean withdrawn) {
        List<ItemStatus> items = waiting.moveOn(applicationId);
        ApplicationStatus status = ApplicationStatus.derive(items, withdrawn);
        jdbc.update("update application set status = ?, updated_at = now() where id = ? and status <> ?",
                status.name(), applicationId, status.name());
        return status;
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    Map<String, Object> read(String text) {
        try {
            return json.readValue(text, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable", e);
        }
    }

    /**
     * A personal payload as it is stored: JSON, sealed with the active key and bound to its column and row
     * ({@code rowKey}: the row's primary key, its columns joined by {@code :}).
     */
    public String sealed(String column, Object rowKey, Object payload) {
        return cipher.seal(column + "|" + rowKey, write(payload));
    }

    /** Text that need not be JSON (a refused message), sealed as {@link #sealed} seals a payload; null stays null. */
    public String sealedText(String column, Object rowKey, String text) {
        return text == null ? null : cipher.seal(column + "|" + rowKey, text);
    }

    /** Text sealed by {@link #sealedText}, opened; null stays null. */
    public String openedText(String column, Object rowKey, String stored) {
        return stored == null ? null : cipher.open(column + "|" + rowKey, stored);
    }

    /** A stored personal payload of that column and row, opened. The column default {@code {}} holds nothing to seal. */
    public Map<String, Object> opened(String column, Object rowKey, String stored) {
        if ("{}".equals(stored)) {
            return new LinkedHashMap<>();
        }
        return read(cipher.open(column + "|" + rowKey, stored));
    }
}
