package gov.onceonly.hub.dryrun;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.onceonly.hub.connector.FetchRequest;
import gov.onceonly.hub.connector.SourceAnswer;
import gov.onceonly.hub.application.ApplicationStore;
import gov.onceonly.hub.application.ItemOutputs;
import gov.onceonly.hub.pipeline.ItemRemapper;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the hub recorded of a bundle's last applications: the form, the source answers as stored in
 * {@code pulled_dataset} (already trimmed to what the mapping of the day demanded) and each item's record.
 * A dry-run replays them; nothing here calls a department.
 */
final class RecordedApplications {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };
    private static final TypeReference<Map<String, Map<String, Object>>> ORIGINS = new TypeReference<>() { };

    private final JdbcTemplate jdbc;
    private final ApplicationStore store;
    private final ObjectMapper json = new ObjectMapper();

    RecordedApplications(JdbcTemplate jdbc, ApplicationStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    /** One application as recorded: its answers by {@code <connector>/<dataset>} and its items' records. */
    record Recorded(UUID id, String mappingVersion, Instant receivedAt, Map<String, Object> form,
                    Map<String, SourceAnswer> answers, Map<String, Map<String, Object>> records,
                    Map<String, Map<String, Object>> materials, Map<String, ItemOutputs> outputs) {
    }

    /** The last {@code limit} applications of the bundle that were collected, newest first. */
    List<Recorded> last(String bundleId, int limit) {
        return jdbc.query("""
                select a.id, a.mapping_version, a.created_at, a.form::text from application a
                where a.bundle_id = ? and exists (select 1 from application_item i where i.application_id = a.id)
                order by a.created_at desc limit ?""", (rs, n) -> {
            UUID id = rs.getObject(1, UUID.class);
            return new Recorded(id, rs.getString(2), rs.getTimestamp(3).toInstant(),
                    store.opened(ApplicationStore.FORM, id, rs.getString(4)),
                    ItemRemapper.storedAnswers(store, id), new LinkedHashMap<>(), new LinkedHashMap<>(), store.outputs(id));
        }, bundleId, limit).stream().map(this::withItems).toList();
    }

    /** Each item's record, and the fields the applicant supplied afterwards (provenance "materials"). */
    private Recorded withItems(Recorded r) {
        jdbc.query("select item_id, record::text, provenance::text from application_item where application_id = ?", rs -> {
            Map<String, Object> values = store.opened(ApplicationStore.ITEM_RECORD, r.id() + ":" + rs.getString(1), rs.getString(2));
            r.records().put(rs.getString(1), values);
            Map<String, Object> supplied = new LinkedHashMap<>();
            read(rs.getString(3), ORIGINS).forEach((field, origin) -> {
                if ("materials".equals(origin.get("origin"))) {
                    supplied.put(field, values.get(field));
                }
            });
            r.materials().put(rs.getString(1), supplied);
        }, r.id());
        return r;
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
