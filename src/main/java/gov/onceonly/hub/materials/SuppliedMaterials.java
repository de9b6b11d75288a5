package gov.onceonly.hub.materials;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.onceonly.hub.application.ApplicationStatus;
import gov.onceonly.hub.application.ApplicationStore;
import gov.onceonly.hub.application.ItemRecord;
import gov.onceonly.hub.application.StoredApplication;
import gov.onceonly.hub.catalog.BundleCatalog;
import gov.onceonly.hub.catalog.CompiledBundle;
import gov.onceonly.hub.connector.SourceAnswer;
import gov.onceonly.hub.intake.FieldViolation;
import gov.onceonly.hub.intake.InvalidApplicationException;
import gov.onceonly.hub.outbox.Outbox;
import gov.onceonly.hub.pipeline.ItemMapper;
import gov.onceonly.hub.pipeline.PipelineMessages;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Materials the applicant supplies after the fact, for required fields no source had ("not found" is not an
 * outage: the applicant is asked). Each waiting item is mapped again from the stored answers, the form and
 * the materials; an item that is now complete is queued for delivery in the same transaction.
 */
public class SuppliedMaterials {

    /** Outcome: how many items were released to their departments, and what is still missing per item. */
    public record Outcome(int released, Map<String, List<String>> stillMissing) {
    }

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };
    private static final TypeReference<List<String>> LIST = new TypeReference<>() { };

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ApplicationStore store;
    private final BundleCatalog bundles;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final String deliveriesTopic;

    public SuppliedMaterials(JdbcTemplate jdbc, TransactionTemplate tx, ApplicationStore store, BundleCatalog bundles,
                             Outbox outbox, ObjectMapper json, String deliveriesTopic) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.store = store;
        this.bundles = bundles;
        this.outbox = outbox;
        this.json = json;
        this.deliveriesTopic = deliveriesTopic;
    }

    /** @throws MaterialsNotExpectedException if the application waits for no materials */
    public Outcome supply(UUID applicationId, Map<String, Object> supplied) {
        return tx.execute(status -> {
            jdbc.query("select id from application where id = ? for update", rs -> { }, applicationId);
            StoredApplication application = store.find(applicationId)
                    .orElseThrow(() -> new MaterialsNotExpectedException("no application " + applicationId, true));
            if (application.status() != ApplicationStatus.NEEDS_MATERIALS) {
                throw new MaterialsNotExpectedException("application " + applicationId + " is "
                        + application.status() + " and waits for no materials", false);
            }
            Map<String, List<String>> waiting = waitingItems(applicationId);
            validate(supplied, waiting);
            Map<String, Object> materials = new LinkedHashMap<>(read(jdbc.queryForObject(
                    "select materials::text from application where id = ?", String.class, applicationId), MAP));
            materials.putAll(supplied);
            jdbc.update("update application set materials = ?::jsonb where id = ?", write(materials), applicationId);
            return remap(application, waiting.keySet(), materials);
        });
    }

    private Outcome remap(StoredApplication application, Set<String> itemIds, Map<String, Object> materials) {
        CompiledBundle bundle = bundles.find(application.bundleId(), application.mappingVersion()).orElseThrow();
        Map<String, SourceAnswer> answers = storedAnswers(application.id());
        Instant now = Instant.now();
        int released = 0;
        Map<String, List<String>> stillMissing = new LinkedHashMap<>();
        for (CompiledBundle.CompiledItem item : bundle.items()) {
            if (!itemIds.contains(item.id())) {
                continue;
            }
            ItemRecord record = ItemMapper.map(item, answers, application.form(), application.createdAt(), materials, now);
            jdbc.update("""
                    update application_item set record = ?::json, provenance = ?::json, missing = ?::jsonb,
                           status = ?, updated_at = now()
                    where application_id = ? and item_id = ? and status = 'NEEDS_MATERIALS'""",
                    write(record.values()), write(record.provenance()), write(record.missing()),
                    record.initialStatus().name(), application.id(), item.id());
            if (record.missing().isEmpty()) {
                outbox.append(deliveriesTopic, application.id().toString(), PipelineMessages.write(json,
                        new PipelineMessages.DeliveryQueued(application.id(), item.id())));
                released++;
            } else {
                stillMissing.put(item.id(), record.missing());
            }
        }
        store.refreshStatus(application.id());
        return new Outcome(released, stillMissing);
    }

    /** Only a field some waiting item asks for may be supplied, and it must have a value. */
    private static void validate(Map<String, Object> supplied, Map<String, List<String>> waiting) {
        Set<String> asked = new LinkedHashSet<>();
        waiting.values().forEach(asked::addAll);
        List<FieldViolation> violations = new ArrayList<>();
        if (supplied.isEmpty()) {
            violations.add(new FieldViolation("fields", "required", "must supply at least one of " + asked));
        }
        supplied.forEach((name, value) -> {
            if (!asked.contains(name)) {
                violations.add(new FieldViolation("fields." + name, "not-requested", "is not a material this application waits for; expected one of " + asked));
            } else if (value == null || value.toString().isBlank()) {
                violations.add(new FieldViolation("fields." + name, "required", "must have a value"));
            } else if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
                violations.add(new FieldViolation("fields." + name, "type", "must be a string, a number or true/false"));
            }
        });
        if (!violations.isEmpty()) {
            throw new InvalidApplicationException(violations);
        }
    }

    private Map<String, List<String>> waitingItems(UUID applicationId) {
        Map<String, List<String>> waiting = new LinkedHashMap<>();
        jdbc.query("select item_id, missing::text from application_item where application_id = ? and status = 'NEEDS_MATERIALS'",
                rs -> {
                    waiting.put(rs.getString(1), read(rs.getString(2), LIST));
                }, applicationId);
        return waiting;
    }

    private Map<String, SourceAnswer> storedAnswers(UUID applicationId) {
        Map<String, SourceAnswer> answers = new HashMap<>();
        jdbc.query("select connector_id, dataset, found, fields::text, pulled_at from pulled_dataset where application_id = ?",
                rs -> {
                    SourceAnswer answer = new SourceAnswer(rs.getString(1), rs.getString(2),
                            rs.getBoolean(3) ? SourceAnswer.Outcome.FOUND : SourceAnswer.Outcome.NOT_FOUND,
                            read(rs.getString(4), MAP), rs.getTimestamp(5).toInstant(), null);
                    answers.put(answer.label(), answer);
                }, applicationId);
        return answers;
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new IllegalStateException("stored JSON is unreadable", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
