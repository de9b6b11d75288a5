package gov.onceonly.hub.connector;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The Java half of the source route templates: what to ask (path, SQL) and how to read the answer.
 * The fetch travels in the exchange property {@value #FETCH} while the body carries the call.
 */
public class SourceCalls {

    public static final String FETCH = "hubFetch";

    private final ConnectorCatalog connectors;
    private final ObjectMapper json;
    private final int maxAnswerBytes;
    private final int maxFieldChars;
    private final long maxDropBytes;

    public SourceCalls(ConnectorCatalog connectors, ObjectMapper json, SourceLimits limits) {
        this.connectors = connectors;
        this.json = json;
        this.maxAnswerBytes = limits.maxAnswerBytes();
        this.maxFieldChars = limits.maxFieldChars();
        this.maxDropBytes = limits.maxDropBytes();
    }

    /** The dataset's path with the key URL-encoded, so a key can never steer the call elsewhere. */
    public String httpPath(Exchange exchange) {
        FetchRequest fetch = fetch(exchange);
        String key = URLEncoder.encode(fetch.key(), StandardCharsets.UTF_8).replace("+", "%20");
        return dataset(fetch).path().replace("{key}", key);
    }

    /** The dataset's parameterised query; the key is bound from the header {@code key}, never concatenated. */
    public String jdbcQuery(Exchange exchange) {
        return dataset(fetch(exchange)).query();
    }

    /** The answer of an http source, read through {@link BoundedAnswer}: 200 is a record, 404 "not found". */
    public SourceAnswer fromHttp(Exchange exchange) throws IOException {
        FetchRequest fetch = fetch(exchange);
        int status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        byte[] body;
        try {
            body = BoundedAnswer.read(exchange.getMessage().getBody(), maxAnswerBytes,
                    BoundedAnswer.deadline(connectors, fetch.connector()));
        } catch (BoundedAnswer.TooLargeOrTooSlow e) {
            throw new SourceUnavailableException(fetch.connector(), e.getMessage());
        }
        if (status == 404) {
            return SourceAnswer.notFound(fetch, Instant.now()).withPayload(body);
        }
        if (status != 200) {
            throw new SourceUnavailableException(fetch.connector(), "HTTP " + status);
        }
        if (body.length == 0) {
            throw new SourceUnavailableException(fetch.connector(), "answer empty");
        }
        Map<String, Object> raw;
        try {
            raw = json.readValue(body, new TypeReference<Map<String, Object>>() { });
        } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
            throw new SourceUnavailableException(fetch.connector(), "answer is over the JSON limits (hub.json.*)");
        } catch (IOException e) {
            throw new SourceUnavailableException(fetch.connector(), "answer is not a JSON object");
        }
        return found(fetch, dataset(fetch), raw).withPayload(body);
    }

    /**
     * A department's nightly drop is read whole (it is the dataset), but never one larger than
     * {@code hub.sources.max-drop-bytes}: its size is checked before a byte of it is parsed.
     */
    public void checkDropSize(Exchange exchange) {
        Long size = exchange.getMessage().getHeader(Exchange.FILE_LENGTH, Long.class);
        if (size == null || size > maxDropBytes) {
            throw new SourceUnavailableException(fetch(exchange).connector(), size == null ? "drop of unknown size"
                    : "drop of " + size + " bytes, larger than " + maxDropBytes + " (hub.sources.max-drop-bytes)");
        }
    }

    /** What a source that could not answer (after its own retries, or with its breaker open) said. */
    public SourceAnswer failed(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String reason = cause == null ? "no answer" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return SourceAnswer.failed(fetch(exchange), reason);
    }

    @SuppressWarnings("unchecked")
    public SourceAnswer fromJdbc(Exchange exchange) {
        FetchRequest fetch = fetch(exchange);
        List<Map<String, Object>> rows = exchange.getMessage().getBody(List.class);
        if (rows == null || rows.isEmpty()) {
            return SourceAnswer.notFound(fetch, Instant.now()).withPayload(payload(List.of()));
        }
        return found(fetch, dataset(fetch), rows.get(0)).withPayload(payload(rows.get(0)));
    }

    /**
     * The end of a custom source route (connector kind {@code route}): the body is a record, a list of rows (the
     * one whose dataset {@code keyField} equals the key is taken; column names match ignoring case and
     * underscores), or nothing, which means the department's data is not there: an outage to retry, not "not found".
     */
    @SuppressWarnings("unchecked")
    public SourceAnswer fromRows(Exchange exchange) {
        FetchRequest fetch = fetch(exchange);
        Object body = exchange.getMessage().getBody();
        if (body == null) {
            throw new SourceUnavailableException(fetch.connector(), "the custom route found nothing to read");
        }
        DatasetDefinition dataset = dataset(fetch);
        if (body instanceof Map<?, ?> record) {
            return found(fetch, dataset, (Map<String, ?>) record).withPayload(payload(record));
        }
        if (!(body instanceof List<?> rows)) {
            throw new SourceUnavailableException(fetch.connector(), "the custom route answered "
                    + body.getClass().getSimpleName() + ", not a record or rows");
        }
        String keyField = dataset.keyField() != null ? dataset.keyField() : dataset.key().yamlName();
        for (Object row : rows) {
            if (row instanceof Map<?, ?> map && fetch.key().equals(DatasetValues.column((Map<String, ?>) map, keyField))) {
                return found(fetch, dataset, (Map<String, ?>) map).withPayload(payload(map));
            }
        }
        return SourceAnswer.notFound(fetch, Instant.now()).withPayload(payload(List.of()));
    }

    /** What the ledger hashes of an answer that is not bytes (a row): its JSON as read, columns in their order. */
    private byte[] payload(Object read) {
        try {
            return json.writeValueAsBytes(read);
        } catch (IOException e) {
            return String.valueOf(read).getBytes(StandardCharsets.UTF_8);
        }
    }

    /**
     * The answer kept to the dataset's declared fields. One that breaks the declaration is a failed answer whose reason
     * names the field, never the value: department answers are untrusted and never echoed.
     */
    private SourceAnswer found(FetchRequest fetch, DatasetDefinition dataset, Map<String, ?> raw) {
        try {
            return SourceAnswer.found(fetch, DatasetValues.declaredOnly(dataset, raw, maxFieldChars), Instant.now());
        } catch (DatasetValues.UndeclaredShapeException e) {
            throw new SourceUnavailableException(fetch.connector(), "answer refused: " + e.getMessage());
        }
    }

    private DatasetDefinition dataset(FetchRequest fetch) {
        return connectors.dataset(fetch.connector(), fetch.dataset())
                .orElseThrow(() -> new IllegalStateException("no dataset " + fetch.connector() + "/" + fetch.dataset()));
    }

    private static FetchRequest fetch(Exchange exchange) {
        FetchRequest fetch = exchange.getProperty(FETCH, FetchRequest.class);
        return fetch != null ? fetch : exchange.getMessage().getBody(FetchRequest.class);
    }
}
