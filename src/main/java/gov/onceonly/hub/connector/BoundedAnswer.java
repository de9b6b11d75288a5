package gov.onceonly.hub.connector;

import org.apache.hc.core5.http.io.EofSensorInputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A department's answer, read as a stream (the http routes run with {@code disableStreamCache}, so Camel buffers
 * nothing) and given up as soon as it passes its limit or its call's deadline: the connection is then aborted, not
 * drained, so a department that floods or trickles costs the hub one buffer of the limit's size and no more time
 * than the deadline (plus one read, which the connector's socket timeout bounds).
 */
final class BoundedAnswer {

    /** Why an answer was given up; the caller words it as its own failure. */
    static final class TooLargeOrTooSlow extends IOException {
        TooLargeOrTooSlow(String message) {
            super(message);
        }
    }

    private static final int CHUNK = 8192;

    private BoundedAnswer() {
    }

    /** The body of an answer must be in within its connector's timeout after its headers (which had as long). */
    static long deadline(ConnectorCatalog connectors, String connector) {
        int timeout = connectors.find(connector).map(ConnectorDefinition::http)
                .map(ConnectorDefinition.HttpEndpoint::timeoutOrDefault).orElse(ConnectorRoutes.DEFAULT_TIMEOUT_MILLIS);
        return System.nanoTime() + timeout * 1_000_000L;
    }

    /** The whole answer, or {@link TooLargeOrTooSlow}; an answer with no body is empty. */
    static byte[] read(Object body, int maxBytes, long deadlineNanos) throws IOException {
        if (body == null) {
            return new byte[0];
        }
        if (body instanceof byte[] bytes) {
            return checked(bytes, maxBytes);
        }
        if (body instanceof String text) {
            return checked(text.getBytes(StandardCharsets.UTF_8), maxBytes);
        }
        if (!(body instanceof InputStream in)) {
            throw new IOException("unexpected answer of type " + body.getClass().getSimpleName());
        }
        ByteArrayOutputStream read = new ByteArrayOutputStream(Math.min(maxBytes, CHUNK));
        byte[] chunk = new byte[CHUNK];
        try {
            for (int n; (n = in.read(chunk)) >= 0; ) {
                read.write(chunk, 0, n);
                if (read.size() > maxBytes) {
                    throw abort(in, "answer larger than " + maxBytes + " bytes (hub.sources.max-answer-bytes)");
                }
                if (System.nanoTime() - deadlineNanos > 0) {
                    throw abort(in, "answer still arriving after the connector's timeout");
                }
            }
        } finally {
            in.close();
        }
        return read.toByteArray();
    }

    private static byte[] checked(byte[] bytes, int maxBytes) throws IOException {
        if (bytes.length > maxBytes) {
            throw new TooLargeOrTooSlow("answer larger than " + maxBytes + " bytes (hub.sources.max-answer-bytes)");
        }
        return bytes;
    }

    /** Closing would read the rest of the answer to keep the connection; aborting drops the connection instead. */
    private static TooLargeOrTooSlow abort(InputStream in, String why) throws IOException {
        if (in instanceof EofSensorInputStream connection) {
            connection.abort();
        }
        return new TooLargeOrTooSlow(why);
    }
}
