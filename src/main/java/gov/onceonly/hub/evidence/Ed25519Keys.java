package gov.onceonly.hub.evidence;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Ed25519 keys with the JDK alone. The JDK signs and verifies but cannot tell the public key of a private one, which
 * the hub must publish; {@link #publicKeyOf} computes it as RFC 8032 does (5.1.5): A = s·B over edwards25519.
 */
public final class Ed25519Keys {

    private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
    private static final BigInteger D = BigInteger.valueOf(-121665).multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);
    private static final BigInteger[] BASE = {
            new BigInteger("15112221349535400772501151409588531511454012693041857206046113283949847762202"),
            new BigInteger("46316835694926478169428394003475163141307993866256225615783033603165251855960")};
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
        byte[] seed = ((EdECPrivateKey) key).getBytes().orElseThrow(() -> new IllegalArgumentException("the key hides its bytes"));
        byte[] h;
        try {
            h = MessageDigest.getInstance("SHA-512").digest(seed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        byte[] s = Arrays.copyOf(h, 32);
        s[0] &= (byte) 248;
        s[31] &= 127;
        s[31] |= 64;
        BigInteger[] a = multiply(new BigInteger(1, reverse(s)), BASE);
        byte[] encoded = reverse(toFixed(a[1]));
        if (a[0].testBit(0)) {
            encoded[31] |= (byte) 0x80;
        }
        return encoded;
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

    private static BigInteger[] multiply(BigInteger scalar, BigInteger[] point) {
        BigInteger[] result = {BigInteger.ZERO, BigInteger.ONE};
        BigInteger[] addend = point;
        for (int i = 0; i < scalar.bitLength(); i++) {
            if (scalar.testBit(i)) {
                result = add(result, addend);
            }
            addend = add(addend, addend);
        }
        return result;
    }

    /** Affine addition on -x² + y² = 1 + d·x²·y². */
    private static BigInteger[] add(BigInteger[] p1, BigInteger[] p2) {
        BigInteger xx = p1[0].multiply(p2[0]).mod(P);
        BigInteger yy = p1[1].multiply(p2[1]).mod(P);
        BigInteger dxy = D.multiply(xx).multiply(yy).mod(P);
        BigInteger x = p1[0].multiply(p2[1]).add(p2[0].multiply(p1[1])).multiply(BigInteger.ONE.add(dxy).modInverse(P)).mod(P);
        BigInteger y = yy.add(xx).multiply(BigInteger.ONE.subtract(dxy).mod(P).modInverse(P)).mod(P);
        return new BigInteger[] {x, y};
    }

    private static byte[] toFixed(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[32];
        int n = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - n, out, 32 - n, n);
        return out;
    }

    private static byte[] reverse(byte[] bytes) {
        byte[] out = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = bytes[bytes.length - 1 - i];
        }
        return out;
    }
}
