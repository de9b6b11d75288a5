package gov.onceonly.hub.evidence;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * A signed tree head as a C2SP checkpoint (c2sp.org/tlog-checkpoint) in a C2SP signed note (c2sp.org/signed-note), so
 * that existing transparency-log tools read it. The body is the origin, the tree size in decimal, the root hash in
 * base64, and one extension line {@code time <instant>}, each line ending in a newline. The signature line is
 * {@code — <key name> base64(key hash || signature of the body)}. For Ed25519 (signature type 0x01) the key hash is
 * the first four bytes of SHA-256(key name || "\n" || 0x01 || public key) and the signature 64 bytes; for an HSM's
 * ECDSA P-256 key (type 0x02, as transparency-dev's witness has it) the first four bytes of SHA-256(the public key's
 * X.509 DER) and the signature ASN.1 DER, over SHA-256. The hub's key name is the origin.
 */
public record CheckpointNote(String origin, long size, byte[] rootHash, Instant time) {

    private static final byte ED25519 = 0x01;
    private static final byte ECDSA = 0x02;

    public String body() {
        return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\ntime " + time + "\n";
    }

    /** The whole note: body, blank line, signature line. */
    public String sign(EvidenceSigner signer) {
        byte[] signature = signer.signature(body().getBytes(StandardCharsets.UTF_8));
        byte[] signed = Arrays.copyOf(keyHash(origin, signer.publicKey()), 4 + signature.length);
        System.arraycopy(signature, 0, signed, 4, signature.length);
        return body() + "\n" + SignedNote.line(origin, signed) + "\n";
    }

    /** The origin a note names on its first line, which is also the name of the key that signs it. */
    public static String originOf(String note) {
        return SignedNote.firstLine(note);
    }

    /** The verifier key of Go's note package: {@code <name>+<key hash, hex>+base64(type || public key)}. */
    public static String verifierKey(String name, String x509PublicKey) {
        boolean ecdsa = EvidenceSigner.isEcdsa(x509PublicKey);
        byte[] key = ecdsa ? Base64.getDecoder().decode(x509PublicKey) : Ed25519Keys.rawOf(x509PublicKey);
        byte[] typed = new byte[key.length + 1];
        typed[0] = ecdsa ? ECDSA : ED25519;
        System.arraycopy(key, 0, typed, 1, key.length);
        return name + "+" + Sha256.toHex(keyHash(name, x509PublicKey)) + "+" + Base64.getEncoder().encodeToString(typed);
    }

    /** The key hash that starts the signature: by the name and the raw key (Ed25519), or by the X.509 DER (ECDSA). */
    static byte[] keyHash(String name, String x509PublicKey) {
        if (EvidenceSigner.isEcdsa(x509PublicKey)) {
            return Arrays.copyOf(Sha256.digest(Base64.getDecoder().decode(x509PublicKey)), 4);
        }
        byte[] head = (name + "\n").getBytes(StandardCharsets.UTF_8);
        return Arrays.copyOf(Sha256.digest(head, new byte[] {ED25519}, Ed25519Keys.rawOf(x509PublicKey)), 4);
    }

    /**
     * The checkpoint a note carries, if its signature line by {@code name} verifies with this public key (X.509,
     * base64) over its body; empty for a note that is malformed, unsigned by that key or signed over another body.
     */
    public static Optional<CheckpointNote> open(String note, String name, String x509PublicKey) {
        Optional<SignedNote> signedNote = SignedNote.parse(note);
        if (signedNote.isEmpty()) {
            return Optional.empty();
        }
        byte[] body = signedNote.get().body().getBytes(StandardCharsets.UTF_8);
        byte[] expectedHash = keyHash(name, x509PublicKey);
        boolean signed = signedNote.get().by(name).stream().anyMatch(bytes -> bytes.length > 4
                && Arrays.equals(bytes, 0, 4, expectedHash, 0, 4)
                && EvidenceSigner.verify(x509PublicKey, body, Arrays.copyOfRange(bytes, 4, bytes.length)));
        return signed ? parse(signedNote.get().body()) : Optional.empty();
    }

    private static Optional<CheckpointNote> parse(String body) {
        String[] lines = body.split("\n");
        try {
            Instant time = Arrays.stream(lines).skip(3).filter(l -> l.startsWith("time ")).findFirst()
                    .map(l -> Instant.parse(l.substring(5))).orElse(null);
            return Optional.of(new CheckpointNote(lines[0], Long.parseLong(lines[1]), Base64.getDecoder().decode(lines[2]), time));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CheckpointNote note && note.body().equals(body());
    }

    @Override
    public int hashCode() {
        return body().hashCode();
    }

    @Override
    public String toString() {
        return body();
    }
}
