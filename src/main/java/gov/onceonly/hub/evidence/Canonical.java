package gov.onceonly.hub.evidence;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The canonical encoding of what the ledger hashes or signs: each field as a 4-byte big-endian length followed by
 * its UTF-8 bytes, so no two different lists of fields encode alike (a field may hold any character).
 */
final class Canonical {

    private Canonical() {
    }

    static byte[] encode(String... fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        for (String field : fields) {
            byte[] bytes = (field == null ? "" : field).getBytes(StandardCharsets.UTF_8);
            int length = bytes.length;
            out.write(length >>> 24);
            out.write(length >>> 16);
            out.write(length >>> 8);
            out.write(length);
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    /** Microseconds since the Unix epoch, in decimal: PostgreSQL keeps a timestamp to the microsecond. */
    static String micros(Instant at) {
        return Long.toString(Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000));
    }
}
