package gov.onceonly.hub.connector;

/**
 * How much of a department's answer the hub takes: at most {@code hub.sources.max-answer-bytes} in all, and each
 * declared field at most {@code hub.sources.max-field-chars} characters; a file drop (a whole dataset) at most
 * {@code hub.sources.max-drop-bytes}. A field may not be longer than the hub's
 * JSON parser accepts ({@code hub.json.max-string-chars}), because the stored record of every item is read again.
 */
public record SourceLimits(int maxAnswerBytes, int maxFieldChars, long maxDropBytes) {

    /** The default of {@code hub.sources.max-drop-bytes} ({@link SourcesProperties}). */
    public static final long DEFAULT_MAX_DROP_BYTES = 64L * 1024 * 1024;

    /** The limits of {@code hub.sources.*}, checked against the JSON parser's {@code hub.json.max-string-chars}. */
    public static SourceLimits of(SourcesProperties sources, int maxStringChars) {
        int maxAnswerBytes = sources.maxAnswerBytes();
        int maxFieldChars = sources.maxFieldChars();
        long maxDropBytes = sources.maxDropBytes();
        if (maxAnswerBytes < 1 || maxFieldChars < 1 || maxDropBytes < 1) {
            throw new IllegalStateException("hub.sources.max-answer-bytes, hub.sources.max-field-chars and "
                    + "hub.sources.max-drop-bytes must be at least 1");
        }
        if (maxFieldChars > maxStringChars) {
            throw new IllegalStateException("hub.sources.max-field-chars (" + maxFieldChars + ") is above "
                    + "hub.json.max-string-chars (" + maxStringChars + "): a field that long could not be read back; "
                    + "raise hub.json.max-string-chars or lower hub.sources.max-field-chars");
        }
        return new SourceLimits(maxAnswerBytes, maxFieldChars, maxDropBytes);
    }
}
