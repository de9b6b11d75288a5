package gov.onceonly.hub.evidence;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;

/**
 * The hub's checkpoint key: signs checkpoints, and says which public keys a verifier should trust (this one, and
 * earlier ones kept for rotation). {@code ephemeral} means no key was configured and this one dies with the process.
 * Ed25519, or ECDSA P-256 with SHA-256 for a key in an HSM (the JDK's PKCS#11 provider signs no Ed25519).
 */
public final class EvidenceSigner {

    static final String ED25519 = "Ed25519";
    static final String ECDSA = "SHA256withECDSA";

    private final PrivateKey key;
    private final String algorithm;
    private final String publicKey;
    private final String keyId;
    private final boolean ephemeral;
    private final List<String> previousKeys;

    /** An Ed25519 key, whose public half is computed from it. */
    public EvidenceSigner(PrivateKey key, boolean ephemeral, List<String> previousKeys) {
        this(key, Ed25519Keys.x509Base64(Ed25519Keys.publicKeyOf(key)), ephemeral, previousKeys);
    }

    /** Any key with its public half (X.509, base64): an HSM's ECDSA key does not show its private half. */
    public EvidenceSigner(PrivateKey key, String publicKey, boolean ephemeral, List<String> previousKeys) {
        this.key = key;
        this.algorithm = "EC".equals(key.getAlgorithm()) ? ECDSA : ED25519;
        this.publicKey = publicKey;
        this.keyId = keyId(publicKey);
        this.ephemeral = ephemeral;
        this.previousKeys = List.copyOf(previousKeys);
        String probe = sign(new byte[] {42});
        if (!verify(publicKey, new byte[] {42}, probe)) {
            throw new IllegalStateException("the evidence checkpoint key: its public half does not verify its signature");
        }
    }

    /** The key id: the first 16 hex digits of SHA-256 over the public key's X.509 DER. */
    public static String keyId(String publicKeyBase64) {
        return Sha256.hex(Base64.getDecoder().decode(publicKeyBase64)).substring(0, 16);
    }

    public String sign(byte[] message) {
        return Base64.getEncoder().encodeToString(signature(message));
    }

    /** The signature's bytes (64 for Ed25519; ASN.1 DER for ECDSA). */
    byte[] signature(byte[] message) {
        try {
            Signature signature = Signature.getInstance(algorithm); // the provider that holds the key signs
            signature.initSign(key);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a checkpoint", e);
        }
    }

    public static boolean verify(String publicKeyBase64, byte[] message, String signatureBase64) {
        try {
            return verify(publicKeyBase64, message, Base64.getDecoder().decode(signatureBase64));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static boolean verify(String publicKeyBase64, byte[] message, byte[] signatureBytes) {
        try {
            PublicKey publicKey = publicKey(publicKeyBase64);
            Signature signature = Signature.getInstance("EC".equals(publicKey.getAlgorithm()) ? ECDSA : ED25519);
            signature.initVerify(publicKey);
            signature.update(message);
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** An Ed25519 or an EC public key from its X.509 DER in base64. */
    public static PublicKey publicKey(String x509Base64) {
        if (isEcdsa(x509Base64)) {
            try {
                return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(x509Base64)));
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException("not an EC public key in X.509 DER, base64: " + e.getMessage());
            }
        }
        return Ed25519Keys.publicKey(x509Base64);
    }

    /** Whether the X.509 key is an EC (ECDSA) key rather than Ed25519. */
    public static boolean isEcdsa(String x509Base64) {
        try {
            return !Ed25519Keys.isEd25519(Base64.getDecoder().decode(x509Base64));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public String publicKey() {
        return publicKey;
    }

    /** {@code Ed25519}, or {@code ECDSA P-256} for an HSM's key. */
    public String algorithm() {
        return ECDSA.equals(algorithm) ? "ECDSA P-256" : "Ed25519";
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
