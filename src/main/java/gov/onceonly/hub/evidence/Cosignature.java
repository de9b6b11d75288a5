package gov.onceonly.hub.evidence;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A witness's cosignature of a checkpoint, as C2SP defines it (c2sp.org/tlog-cosignature, cosignature/v1): Ed25519
 * over {@code "cosignature/v1\ntime <unix seconds>\n" + checkpoint body}, written as the note signature line
 * {@code — <witness name> base64(key hash || timestamp (8 bytes, big-endian) || signature)}, the key hash being the
 * first four bytes of SHA-256(name || "\n" || 0x04 || public key). Witnesses are named by verifier keys
 * ({@code <name>+<key hash, hex>+base64(0x04 || public key)}).
 */
public final class Cosignature {

    private static final byte TYPE = 0x04;

    /** A witness as a verifier key names it: its name and its Ed25519 public key (X.509, base64). */
    public record WitnessKey(String name, String publicKey) {

        /** Reads {@code <name>+<hex key hash>+base64(0x04 || key)}, checking the hash; IllegalArgumentException otherwise. */
        public static WitnessKey parse(String verifierKey) {
            String[] parts = verifierKey == null ? new String[0] : verifierKey.strip().split("\\+", 3);
            if (parts.length != 3) {
                throw new IllegalArgumentException("a witness key is <name>+<key hash>+<base64 key>");
            }
            byte[] typed = Base64.getDecoder().decode(parts[2]);
            if (typed.length != 33 || typed[0] != TYPE) {
                throw new IllegalArgumentException("a witness key holds 0x04 and a 32-byte Ed25519 key");
            }
            byte[] raw = Arrays.copyOfRange(typed, 1, 33);
            if (!Sha256.toHex(keyHash(parts[0], raw)).equals(parts[1])) {
                throw new IllegalArgumentException("the witness key's hash does not match its name and key");
            }
            return new WitnessKey(parts[0], Ed25519Keys.x509Base64(raw));
        }

        public String verifierKey() {
            byte[] raw = Ed25519Keys.rawOf(publicKey);
            byte[] typed = new byte[33];
            typed[0] = TYPE;
            System.arraycopy(raw, 0, typed, 1, 32);
            return name + "+" + Sha256.toHex(keyHash(name, raw)) + "+" + Base64.getEncoder().encodeToString(typed);
        }
    }

    private Cosignature() {
    }

    /** The signature line of {@code name} over the checkpoint {@code body} at {@code timestamp} (Unix seconds). */
    public static String sign(String name, EvidenceSigner signer, String body, long timestamp) {
        byte[] signed = new byte[4 + 8 + 64];
        System.arraycopy(keyHash(name, Ed25519Keys.rawOf(signer.publicKey())), 0, signed, 0, 4);
        for (int i = 0; i < 8; i++) {
            signed[4 + i] = (byte) (timestamp >>> (56 - 8 * i));
        }
        System.arraycopy(signer.signature(message(body, timestamp)), 0, signed, 12, 64);
        return SignedNote.line(name, signed);
    }

    /** The timestamp of the witness's valid cosignature of {@code body} among a note's lines, or empty. */
    public static OptionalLong verify(String note, WitnessKey witness) {
        Optional<SignedNote> signedNote = SignedNote.parse(note);
        if (signedNote.isEmpty()) {
            return OptionalLong.empty();
        }
        byte[] expected = keyHash(witness.name(), Ed25519Keys.rawOf(witness.publicKey()));
        for (byte[] signed : signedNote.get().by(witness.name())) {
            if (signed.length != 76 || !Arrays.equals(signed, 0, 4, expected, 0, 4)) {
                continue;
            }
            long timestamp = 0;
            for (int i = 0; i < 8; i++) {
                timestamp = (timestamp << 8) | (signed[4 + i] & 0xff);
            }
            if (EvidenceSigner.verify(witness.publicKey(), message(signedNote.get().body(), timestamp),
                    Arrays.copyOfRange(signed, 12, 76))) {
                return OptionalLong.of(timestamp);
            }
        }
        return OptionalLong.empty();
    }

    static byte[] message(String body, long timestamp) {
        return ("cosignature/v1\ntime " + timestamp + "\n" + body).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] keyHash(String name, byte[] rawPublicKey) {
        return Arrays.copyOf(Sha256.digest((name + "\n").getBytes(StandardCharsets.UTF_8), new byte[] {TYPE}, rawPublicKey), 4);
    }
}
