package gov.onceonly.hub.evidence;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * One entry of the evidence ledger. Its hash is SHA-256 over its canonical encoding ({@link #canonical}): the domain
 * tag {@code onceonly-evidence-entry-v1}, then seq, recorded-at (microseconds since the Unix epoch), kind,
 * application id, item, party, payload SHA-256 and previous hash, each field as a 4-byte big-endian length followed
 * by its UTF-8 bytes; numbers are decimal, an absent application or item is the empty string, hashes lower-case hex.
 */
public record LedgerEntry(long seq, Instant recordedAt, EvidenceKind kind, UUID applicationId, String item,
                          String party, String payloadSha256, String prevHash, String entryHash) {

    static final String DOMAIN = "onceonly-evidence-entry-v1";

    /** A new entry, its time cut to microseconds (what PostgreSQL keeps) and its hash computed. */
    public static LedgerEntry create(long seq, Instant at, EvidenceKind kind, UUID applicationId, String item,
                                     String party, String payloadSha256, String prevHash) {
        Instant recordedAt = at.truncatedTo(ChronoUnit.MICROS);
        return new LedgerEntry(seq, recordedAt, kind, applicationId, item, party, payloadSha256, prevHash,
                hashOf(seq, recordedAt, kind, applicationId, item, party, payloadSha256, prevHash));
    }

    /** The hash this entry's fields give, whatever hash it carries. */
    public String computedHash() {
        return hashOf(seq, recordedAt, kind, applicationId, item, party, payloadSha256, prevHash);
    }

    static String hashOf(long seq, Instant recordedAt, EvidenceKind kind, UUID applicationId, String item, String party,
                         String payloadSha256, String prevHash) {
        return Sha256.toHex(Sha256.digest(canonical(seq, recordedAt, kind, applicationId, item, party, payloadSha256,
                prevHash)));
    }

    static byte[] canonical(long seq, Instant recordedAt, EvidenceKind kind, UUID applicationId, String item,
                            String party, String payloadSha256, String prevHash) {
        return Canonical.encode(DOMAIN, Long.toString(seq), Canonical.micros(recordedAt), kind == null ? "" : kind.name(),
                applicationId == null ? "" : applicationId.toString(), item, party, payloadSha256, prevHash);
    }
}
