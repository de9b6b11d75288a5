package gov.onceonly.hub.connector;

import java.time.Instant;
import java.util.Map;

/**
 * What a source said for one fetch: the record's fields (already trimmed to what the dataset declares),
 * "not found" (the record does not exist, which is not an outage), or a failure (an outage).
 */
public record SourceAnswer(String connector, String dataset, Outcome outcome, Map<String, Object> fields,
                           Instant at, String failure) {

    public enum Outcome { FOUND, NOT_FOUND, FAILED }

    public static SourceAnswer found(FetchRequest fetch, Map<String, Object> fields, Instant at) {
        return new SourceAnswer(fetch.connector(), fetch.dataset(), Outcome.FOUND, Map.copyOf(fields), at, null);
    }

    public static SourceAnswer notFound(FetchRequest fetch, Instant at) {
        return new SourceAnswer(fetch.connector(), fetch.dataset(), Outcome.NOT_FOUND, Map.of(), at, null);
    }

    public static SourceAnswer failed(FetchRequest fetch, String failure) {
        return new SourceAnswer(fetch.connector(), fetch.dataset(), Outcome.FAILED, Map.of(), Instant.now(), failure);
    }

    public String label() {
        return connector + "/" + dataset;
    }
}
