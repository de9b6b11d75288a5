package gov.onceonly.hub.evidence;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * One entry of the evidence ledger. Its hash is SHA-256 over its canonical encoding ({@link #canonical}): the domain
 * tag, then seq, recorded-at (microseconds since the Unix epoch), kind, application id, item, party, payload SHA-256,
 * then, for an entry with a detail, the detail (canonical JSON of what a pull or push carried), and last the previous
 * hash; each field a 4-byte big-endian length followed by its UTF-8 bytes; numbers decimal, an absent application or
 * item the empty string, hashes lower-case hex. The tag is {@code onceonly-evidence-entry-v2} for an entry with a
 * detail and {@code onceonly-evidence-entry-v1} (no detail field) for one without, as every entry was before V14.
 */
public record LedgerEntry(long seq, Instant recordedAt, EvidenceKind kind, UUID applicationId, String item,
                          String party, String payloadSha256, String detail, String prevHash, String entryHash) {

    static final String DOMAIN = "onceonly-evidence-entry-v1";
    static final String DOMAIN_WITH_DETAIL = "onceonly-evidence-entry-v2";

    /** A new entry, its time cut to microseconds (what PostgreSQL keeps) and its hash computed. */
    public static LedgerEntry create(long seq, Instant at, EvidenceKind kind, UUID applicationId, String item,
                                     String party, String payloadSha256, String detail, String prevHash) {
        Instant recordedAt = at.truncatedTo(ChronoUnit.MICROS);
        return new LedgerEntry(seq, recordedAt, kind, applicationId, item, party, payloadSha256, detail, prevHash,
                hashOf(seq, recordedAt, kind, applicationId, item, party, payloadSha256, detail, prevHash));
    }

    /** The hash this entry's fields give, whatever hash it carries. */
    public String computedHash() {
        return hashOf(seq, recordedAt, kind, applicationId, item, party, payloadSha256, detail, prevHash);
    }

    /** The hash the same entry would have one place earlier (an entry inserted before it renumbered the rest). */
    String hashOneEarlier() {
        return hashOf(seq - 1, recordedAt, kind, applicationId, item, party, payloadSha256, detail, prevHash);
    }

    static String hashOf(long seq, Instant recordedAt, EvidenceKind kind, UUID applicationId, String item, String party,
                         String payloadSha256, String detail, String prevHash) {
        return Sha256.toHex(Sha256.digest(canonical(seq, recordedAt, kind, applicationId, item, party, payloadSha256,
                detail, prevHash)));
    }

    static byte[] canonical(long seq, Instant recordedAt, EvidenceKind kind, UUID applicationId, String item,
                            String party, String payloadSha256, String detail, String prevHash) {
        String kindName = kind == null ? "" : kind.name();
        String application = applicationId == null ? "" : applicationId.toString();
        if (detail == null) {
            return Canonical.encode(DOMAIN, Long.toString(seq), Canonical.micros(recordedAt), kindName, application,
                    item, party, payloadSha256, prevHash);
        }
        return Canonical.encode(DOMAIN_WITH_DETAIL, Long.toString(seq), Canonical.micros(recordedAt), kindName,
                application, item, party, payloadSha256, detail, prevHash);
    }
}
