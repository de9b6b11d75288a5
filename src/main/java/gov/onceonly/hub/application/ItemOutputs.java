package gov.onceonly.hub.application;

import java.time.Instant;
import java.util.Map;

/**
 * The outputs an item was decided with: what its department ({@code department}) reported with DONE at
 * {@code reportedAt}, such as a credit code or a certificate number. Later items of the application take them.
 */
public record ItemOutputs(String itemId, String department, Instant reportedAt, Map<String, Object> values) {

    /**
     * What an item's mapping declares for its decision: the outputs by name with their patterns ("" for any text),
     * and where its certificate goes ({@code certificate}, {@code target}; empty: nowhere).
     */
    public record Declared(Map<String, String> patterns, Map<String, String> archive) {
    }
}
