package gov.onceonly.hub.evidence;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Ed25519 keys: read from and written as PKCS#8 and X.509 DER in base64, and the public half of a private key, which
 * the hub must publish and the JDK cannot tell (Bouncy Castle computes it, {@link Ed25519SigningKey}).
 */
public final class Ed25519Keys {

    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private Ed25519Keys() {
    }

    /** A private key from its PKCS#8 DER encoding in base64 (as {@code openssl genpkey -algorithm ed25519 -outform DER | base64}). */
    public static PrivateKey privateKey(String pkcs8Base64) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pkcs8Base64.strip())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 private key in PKCS#8 DER, base64: " + e.getMessage());
        }
    }

    /** A fresh private key, in PKCS#8 DER base64. */
    public static String generate() {
        try {
            return Base64.getEncoder().encodeToString(KeyPairGenerator.getInstance("Ed25519").generateKeyPair()
                    .getPrivate().getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no Ed25519", e);
        }
    }

    /** The 32 bytes of the public key (RFC 8032 encoding) of a private key. */
    public static byte[] publicKeyOf(PrivateKey key) {
        return Ed25519SigningKey.publicKeyOf(key);
    }

    /** Whether an X.509 SubjectPublicKeyInfo (DER) holds an Ed25519 key. */
    public static boolean isEd25519(byte[] der) {
        return der.length == X509_PREFIX.length + 32
                && java.util.Arrays.equals(der, 0, X509_PREFIX.length, X509_PREFIX, 0, X509_PREFIX.length);
    }

    /** The 32 raw bytes of a public key given as X.509 SubjectPublicKeyInfo DER in base64. */
    public static byte[] rawOf(String x509Base64) {
        byte[] der = java.util.Base64.getDecoder().decode(x509Base64);
        if (!isEd25519(der)) {
            throw new IllegalArgumentException("not an Ed25519 public key in X.509 DER, base64");
        }
        return java.util.Arrays.copyOfRange(der, X509_PREFIX.length, der.length);
    }

    /** The X.509 SubjectPublicKeyInfo DER of a raw public key, in base64: what the hub publishes and stores. */
    public static String x509Base64(byte[] rawPublicKey) {
        byte[] der = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + 32);
        System.arraycopy(rawPublicKey, 0, der, X509_PREFIX.length, 32);
        return Base64.getEncoder().encodeToString(der);
    }

    public static PublicKey publicKey(String x509Base64) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(x509Base64.strip())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 public key in X.509 DER, base64: " + e.getMessage());
        }
    }
}
