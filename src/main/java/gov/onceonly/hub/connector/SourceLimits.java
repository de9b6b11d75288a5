package gov.onceonly.hub.connector;

import org.springframework.core.env.PropertyResolver;

/**
 * How much of a department's answer the hub takes: at most {@code hub.sources.max-answer-bytes} in all, and each
 * declared field at most {@code hub.sources.max-field-chars} characters; a file drop (a whole dataset) at most
 * {@code hub.sources.max-drop-bytes}. A field may not be longer than the hub's
 * JSON parser accepts ({@code hub.json.max-string-chars}), because the stored record of every item is read again.
 */
public record SourceLimits(int maxAnswerBytes, int maxFieldChars, long maxDropBytes) {

    public static final int DEFAULT_MAX_ANSWER_BYTES = 262144;
    public static final int DEFAULT_MAX_STRING_CHARS = 262144;
    public static final long DEFAULT_MAX_DROP_BYTES = 64L * 1024 * 1024;

    public static SourceLimits from(PropertyResolver env) {
        int maxAnswerBytes = env.getProperty("hub.sources.max-answer-bytes", Integer.class, DEFAULT_MAX_ANSWER_BYTES);
        int maxFieldChars = env.getProperty("hub.sources.max-field-chars", Integer.class,
                DatasetValues.DEFAULT_MAX_FIELD_CHARS);
        int maxStringChars = env.getProperty("hub.json.max-string-chars", Integer.class, DEFAULT_MAX_STRING_CHARS);
        long maxDropBytes = env.getProperty("hub.sources.max-drop-bytes", Long.class, DEFAULT_MAX_DROP_BYTES);
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
