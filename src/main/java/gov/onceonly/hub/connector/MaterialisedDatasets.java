package gov.onceonly.hub.connector;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import gov.onceonly.hub.security.PayloadCipher;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Datasets that a department publishes as a Kafka stream. The hub keeps the latest record per key in
 * {@code dataset_record} and answers fetches from there, so the source is never on the critical path.
 */
public class MaterialisedDatasets {

    public static final String CONNECTOR = "hubConnector";
    public static final String DATASET = "hubDataset";
    /** The sealed column of a streamed record (bound to connector, dataset and key; docs/security.md). */
    public static final String FIELDS = "dataset_record.fields";

    private static final Logger log = LoggerFactory.getLogger(MaterialisedDatasets.class);

    private final ConnectorCatalog connectors;
    private final int maxFieldChars;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final FeedProgress progress;
    private final PayloadCipher cipher;

    public MaterialisedDatasets(ConnectorCatalog connectors, JdbcTemplate jdbc, ObjectMapper json, FeedProgress progress,
                                PayloadCipher cipher, int maxFieldChars) {
        this.maxFieldChars = maxFieldChars;
        this.connectors = connectors;
        this.jdbc = jdbc;
        this.json = json;
        this.progress = progress;
        this.cipher = cipher;
    }

    /** Upserts one published record. A record without its key field is logged and skipped, never stored. */
    public void upsert(Exchange exchange) throws IOException {
        String connector = exchange.getProperty(CONNECTOR, String.class);
        String datasetName = exchange.getProperty(DATASET, String.class);
        store(exchange, connector, datasetName);
        Integer partition = exchange.getMessage().getHeader(KafkaConstants.PARTITION, Integer.class);
        Long offset = exchange.getMessage().getHeader(KafkaConstants.OFFSET, Long.class);
        if (partition != null && offset != null) {
            progress.consumed(connector, datasetName, partition, offset);
        }
    }

    private void store(Exchange exchange, String connector, String datasetName) throws IOException {
        DatasetDefinition dataset = connectors.dataset(connector, datasetName).orElseThrow();
        Map<String, Object> raw;
        try {
            raw = json.readValue(exchange.getMessage().getBody(byte[].class), new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            log.warn("Skipped a record of {}/{} that is not a JSON object", connector, datasetName);
            return;
        }
        Object key = raw.get(dataset.keyField());
        if (!(key instanceof String keyValue) || keyValue.isBlank() || keyValue.indexOf('\0') >= 0) {
            log.warn("Skipped a record of {}/{} without a usable key field '{}'", connector, datasetName, dataset.keyField());
            return;
        }
        String fields;
        try {
            fields = json.writeValueAsString(DatasetValues.declaredOnly(dataset, raw, maxFieldChars));
        } catch (DatasetValues.UndeclaredShapeException e) {
            log.warn("Skipped a record of {}/{}: {}", connector, datasetName, e.getMessage());
            return;
        }
        jdbc.update("""
                insert into dataset_record (connector_id, dataset, record_key, fields, updated_at)
                values (?, ?, ?, ?::jsonb, now())
                on conflict (connector_id, dataset, record_key)
                do update set fields = excluded.fields, updated_at = excluded.updated_at""",
                connector, datasetName, keyValue, cipher.seal(context(connector, datasetName, keyValue), fields));
    }

    public SourceAnswer lookup(FetchRequest fetch) throws IOException {
        if (!progress.caughtUp(fetch.connector(), fetch.dataset())) {
            throw new SourceUnavailableException(fetch.connector(),
                    "the hub's copy of " + fetch.dataset() + " is still catching up with its stream");
        }
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select fields::text as fields, updated_at from dataset_record where connector_id = ? and dataset = ? and record_key = ?",
                fetch.connector(), fetch.dataset(), fetch.key());
        if (rows.isEmpty()) {
            return SourceAnswer.notFound(fetch, Instant.now()).withPayload(new byte[0]);
        }
        String stored = cipher.open(context(fetch.connector(), fetch.dataset(), fetch.key()), (String) rows.get(0).get("fields"));
        Map<String, Object> fields = json.readValue(stored, new TypeReference<Map<String, Object>>() { });
        return SourceAnswer.found(fetch, fields, ((Timestamp) rows.get(0).get("updated_at")).toInstant())
                .withPayload(stored.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String context(String connector, String dataset, String key) {
        return FIELDS + "|" + connector + ":" + dataset + ":" + key;
    }
}
