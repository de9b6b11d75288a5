package gov.onceonly.hub.materials;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.onceonly.hub.application.ApplicationStatus;
import gov.onceonly.hub.application.ApplicationStore;
import gov.onceonly.hub.application.ItemOutputs;
import gov.onceonly.hub.application.ItemRecord;
import gov.onceonly.hub.application.ItemStatus;
import gov.onceonly.hub.application.StoredApplication;
import gov.onceonly.hub.catalog.BundleCatalog;
import gov.onceonly.hub.catalog.CompiledBundle;
import gov.onceonly.hub.connector.SourceAnswer;
import gov.onceonly.hub.intake.FieldViolation;
import gov.onceonly.hub.intake.InvalidApplicationException;
import gov.onceonly.hub.intake.NulCharacters;
import gov.onceonly.hub.outbox.Outbox;
import gov.onceonly.hub.pipeline.ItemMapper;
import gov.onceonly.hub.pipeline.ItemRemapper;
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
    private static final TypeReference<Map<String, ItemRecord.FieldOrigin>> PROVENANCE = new TypeReference<>() { };

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

    /**
     * @throws MaterialsNotExpectedException if there is no such application, it waits for no materials, or its
     *                                       bundle is no longer served (its items cannot be mapped again)
     */
    public Outcome supply(UUID applicationId, Map<String, Object> supplied) {
        return tx.execute(status -> {
            jdbc.query("select id from application where id = ? for update", rs -> { }, applicationId);
            StoredApplication application = store.find(applicationId)
                    .orElseThrow(() -> new MaterialsNotExpectedException("no application " + applicationId, true,
                            new FieldViolation("id", "known-application", "is not an application of this hub")));
            if (application.status() != ApplicationStatus.NEEDS_MATERIALS) {
                throw new MaterialsNotExpectedException("application " + applicationId + " is "
                        + application.status() + " and waits for no materials", false,
                        new FieldViolation("fields", "materials-expected", "the application waits for no materials"));
            }
            // The version the application was received under, even if the mapping was reloaded since.
            CompiledBundle bundle = bundles.find(application.bundleId(), application.mappingVersion()).orElseThrow(() ->
                    new MaterialsNotExpectedException("the bundle '" + application.bundleId() + "' of application "
                            + applicationId + " is no longer served; an operator must look at it", false,
                            new FieldViolation("bundle", "known-bundle", "'" + application.bundleId() + "' is no longer served")));
            Map<String, List<String>> waiting = waitingItems(applicationId);
            validate(supplied, waiting);
            Map<String, Object> materials = new LinkedHashMap<>(store.opened(ApplicationStore.MATERIALS, applicationId,
                    jdbc.queryForObject("select materials::text from application where id = ?", String.class, applicationId)));
            materials.putAll(supplied);
            jdbc.update("update application set materials = ?::jsonb where id = ?",
                    store.sealed(ApplicationStore.MATERIALS, applicationId, materials), applicationId);
            return remap(application, bundle, waiting.keySet(), materials, suppliedAt(applicationId, materials.keySet()));
        });
    }

    private Outcome remap(StoredApplication application, CompiledBundle bundle, Set<String> itemIds,
                          Map<String, Object> materials, Map<String, Instant> suppliedAt) {
        Map<String, SourceAnswer> answers = ItemRemapper.storedAnswers(store, application.id());
        Map<String, ItemOutputs> outputs = store.outputs(application.id());
        int released = 0;
        Map<String, List<String>> stillMissing = new LinkedHashMap<>();
        for (CompiledBundle.CompiledItem item : bundle.items()) {
            if (!itemIds.contains(item.id())) {
                continue;
            }
            ItemRecord record = ItemMapper.map(item, answers, application.form(), application.createdAt(), materials,
                    suppliedAt, outputs);
            jdbc.update("""
                    update application_item set record = ?::json, provenance = ?::json, missing = ?::jsonb,
                           status = ?, updated_at = now()
                    where application_id = ? and item_id = ? and status = 'NEEDS_MATERIALS'""",
                    store.sealed(ApplicationStore.ITEM_RECORD, application.id() + ":" + item.id(), record.values()), write(record.provenance()),
                    write(record.missing()),
                    record.initialStatus().name(), application.id(), item.id());
            if (record.initialStatus() == ItemStatus.PENDING) {
                PipelineMessages.DeliveryQueued delivery = new PipelineMessages.DeliveryQueued(application.id(), item.id());
                outbox.append(deliveriesTopic, delivery.key(), PipelineMessages.write(json, delivery));
                released++;
            } else if (!record.missing().isEmpty()) {
                stillMissing.put(item.id(), record.missing());
            }
        }
        // An item that waits for others goes out when they are far enough; perhaps now.
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
            } else {
                NulCharacters.check("fields." + name, value, violations);
            }
        });
        if (!violations.isEmpty()) {
            throw new InvalidApplicationException(violations);
        }
    }

    /**
     * When each material was supplied: a material from an earlier call keeps the time its waiting items recorded
     * in their provenance then (every waiting item is mapped again at each call); one supplied now is supplied now.
     */
    private Map<String, Instant> suppliedAt(UUID applicationId, Set<String> names) {
        Map<String, Instant> earlier = new HashMap<>();
        jdbc.query("select provenance::text from application_item where application_id = ? and status = 'NEEDS_MATERIALS'",
                rs -> {
                    read(rs.getString(1), PROVENANCE).forEach((name, origin) -> {
                        if (ItemRecord.FieldOrigin.MATERIALS.equals(origin.origin()) && origin.at() != null) {
                            earlier.merge(name, origin.at(), (a, b) -> a.isBefore(b) ? a : b);
                        }
                    });
                }, applicationId);
        Instant now = Instant.now();
        Map<String, Instant> at = new HashMap<>();
        names.forEach(name -> at.put(name, earlier.getOrDefault(name, now)));
        return at;
    }

    private Map<String, List<String>> waitingItems(UUID applicationId) {
        Map<String, List<String>> waiting = new LinkedHashMap<>();
        jdbc.query("select item_id, missing::text from application_item where application_id = ? and status = 'NEEDS_MATERIALS'",
                rs -> {
                    waiting.put(rs.getString(1), read(rs.getString(2), LIST));
                }, applicationId);
        return waiting;
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
