package gov.onceonly.hub.connector;

import gov.onceonly.hub.evidence.Sha256;

import java.time.Instant;
import java.util.Map;

/**
 * What a source said for one fetch: the record's fields (already trimmed to what the dataset declares),
 * "not found" (the record does not exist, which is not an outage), or a failure (an outage).
 */
public record SourceAnswer(String connector, String dataset, Outcome outcome, Map<String, Object> fields,
                           Instant at, String failure, String payloadSha256) {

    public enum Outcome { FOUND, NOT_FOUND, FAILED }

    public SourceAnswer(String connector, String dataset, Outcome outcome, Map<String, Object> fields, Instant at,
                        String failure) {
        this(connector, dataset, outcome, fields, at, failure, null);
    }

    /**
     * The same answer under the dataset it is stored and labelled as: {@code person@deceased} for a dataset looked up
     * for a party of the application rather than its applicant.
     */
    public SourceAnswer as(String storedDataset) {
        return new SourceAnswer(connector, storedDataset, outcome, fields, at, failure, payloadSha256);
    }

    /** The same answer with the SHA-256 (hex) of the exact payload received, for the evidence ledger. */
    public SourceAnswer withPayload(byte[] payload) {
        return new SourceAnswer(connector, dataset, outcome, fields, at, failure, Sha256.hex(payload));
    }

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
