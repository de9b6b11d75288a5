package gov.onceonly.hub.evidence;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.List;

/**
 * The hub's Ed25519 checkpoint key: signs checkpoints, and says which public keys a verifier should trust (this one,
 * and earlier ones kept for rotation). {@code ephemeral} means no key was configured and this one dies with the process.
 */
public final class EvidenceSigner {

    private final PrivateKey key;
    private final String publicKey;
    private final String keyId;
    private final boolean ephemeral;
    private final List<String> previousKeys;

    public EvidenceSigner(PrivateKey key, boolean ephemeral, List<String> previousKeys) {
        this.key = key;
        byte[] raw = Ed25519Keys.publicKeyOf(key);
        this.publicKey = Ed25519Keys.x509Base64(raw);
        this.keyId = keyId(publicKey);
        this.ephemeral = ephemeral;
        this.previousKeys = List.copyOf(previousKeys);
        String probe = sign(new byte[] {42});
        if (!verify(publicKey, new byte[] {42}, probe)) {
            throw new IllegalStateException("hub.evidence.signing-key: the derived public key does not verify its signature");
        }
    }

    /** The key id: the first 16 hex digits of SHA-256 over the public key's X.509 DER. */
    public static String keyId(String publicKeyBase64) {
        return Sha256.hex(Base64.getDecoder().decode(publicKeyBase64)).substring(0, 16);
    }

    public String sign(byte[] message) {
        try {
            Signature ed = Signature.getInstance("Ed25519");
            ed.initSign(key);
            ed.update(message);
            return Base64.getEncoder().encodeToString(ed.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a checkpoint", e);
        }
    }

    public static boolean verify(String publicKeyBase64, byte[] message, String signatureBase64) {
        try {
            Signature ed = Signature.getInstance("Ed25519");
            ed.initVerify(Ed25519Keys.publicKey(publicKeyBase64));
            ed.update(message);
            return ed.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    public String publicKey() {
        return publicKey;
    }

    public String keyId() {
        return keyId;
    }

    public boolean ephemeral() {
        return ephemeral;
    }

    /** Public keys of earlier signing keys (rotation): their checkpoints still verify. */
    public List<String> previousKeys() {
        return previousKeys;
    }

    /** The keys a verifier pins: none for an ephemeral key (its predecessors died with their processes). */
    public List<String> trustedKeys() {
        if (ephemeral) {
            return List.of();
        }
        List<String> trusted = new java.util.ArrayList<>(previousKeys);
        trusted.add(0, publicKey);
        return trusted;
    }
}
