package gov.onceonly.hub.evidence;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.util.Arrays;

/**
 * An Ed25519 private key ready to sign many messages, and the verification of such signatures, through Bouncy Castle's
 * RFC 8032 code. JDK 17's own EdDSA is unoptimised Java: about a millisecond a signature against some 50 µs
 * here, and the hub signs every department call, so it was half the hub's CPU at saturation
 * (docs/benchmarks.md). The signatures are the same bytes (Ed25519 is deterministic). A key that hides its bytes
 * (PKCS#11) is signed with by its own provider.
 */
public final class Ed25519SigningKey {

    private final PrivateKey key;
    /** Null for a key whose seed cannot be read; its public half computed once, not at every signature. */
    private final Ed25519PrivateKeyParameters seeded;

    public Ed25519SigningKey(PrivateKey key) {
        this.key = key;
        this.seeded = key instanceof EdECPrivateKey edec
                ? edec.getBytes().map(seed -> new Ed25519PrivateKeyParameters(seed, 0)).orElse(null)
                : null;
        if (seeded != null) {
            seeded.generatePublicKey();
        }
    }

    public PrivateKey privateKey() {
        return key;
    }

    public byte[] sign(byte[] message) {
        if (seeded != null) {
            byte[] signature = new byte[Ed25519PrivateKeyParameters.SIGNATURE_SIZE];
            seeded.sign(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, signature, 0);
            return signature;
        }
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initSign(key);
            ed25519.update(message);
            return ed25519.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with Ed25519: " + e.getMessage(), e);
        }
    }

    /** Whether {@code signature} is the key's Ed25519 signature of {@code message}; false for any other key type. */
    public static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        byte[] der = key.getEncoded();
        if (der == null || !Ed25519Keys.isEd25519(der) || signature == null
                || signature.length != Ed25519PrivateKeyParameters.SIGNATURE_SIZE) {
            return false;
        }
        byte[] raw = Arrays.copyOfRange(der, der.length - Ed25519.PUBLIC_KEY_SIZE, der.length);
        return Ed25519.verify(signature, 0, raw, 0, message, 0, message.length);
    }

    /** The 32 bytes of the public key (RFC 8032 encoding) of a private key whose seed can be read. */
    static byte[] publicKeyOf(PrivateKey key) {
        byte[] seed = ((EdECPrivateKey) key).getBytes().orElseThrow(() -> new IllegalArgumentException("the key hides its bytes"));
        return new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
    }
}
