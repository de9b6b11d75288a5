package gov.onceonly.hub.tracing;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A W3C Trace Context {@code traceparent}: {@code 00-<trace id, 32 hex>-<parent span id, 16 hex>-<flags>}. The
 * trace id stays the same from the channel's request to every department call of the application; each hop
 * gets a span id of its own.
 */
public record TraceParent(String traceId, String spanId, String flags) {

    public static final String HEADER = "traceparent";

    private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    private static final String ZERO_TRACE = "0".repeat(32);
    private static final String ZERO_SPAN = "0".repeat(16);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    /** A valid header, or empty: an invalid one is ignored and a new trace started, as the spec says. */
    public static Optional<TraceParent> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        var match = FORMAT.matcher(header.trim());
        if (!match.matches() || header.trim().startsWith("ff") || ZERO_TRACE.equals(match.group(1))
                || ZERO_SPAN.equals(match.group(2))) {
            return Optional.empty();
        }
        return Optional.of(new TraceParent(match.group(1), match.group(2), match.group(3)));
    }

    /** A new trace, sampled. */
    public static TraceParent newTrace() {
        return new TraceParent(random(16), random(8), "01");
    }

    /** A known trace id (stored with the application), with a new span of this hop. */
    public static TraceParent ofTrace(String traceId) {
        return new TraceParent(traceId, random(8), "01");
    }

    /** The same trace, with a new span id: the next hop. */
    public TraceParent child() {
        return new TraceParent(traceId, random(8), flags);
    }

    public String header() {
        return "00-" + traceId + "-" + spanId + "-" + flags;
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        do {
            RANDOM.nextBytes(value);
        } while (isZero(value));
        return HEX.formatHex(value);
    }

    private static boolean isZero(byte[] value) {
        for (byte b : value) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
