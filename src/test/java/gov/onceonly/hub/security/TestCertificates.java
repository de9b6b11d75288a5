package gov.onceonly.hub.security;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A certificate authority a test makes for itself, and the certificates it issues (EC P-256, valid for a day): a
 * server's for 127.0.0.1 and localhost, a client's by common name. Written as PEM files, as an operator would give
 * them to Spring Boot's SSL bundles, and usable in memory as a test client's {@link SSLContext}.
 */
public final class TestCertificates {

    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    private final String name;
    private final KeyPair keys;
    private final X509Certificate certificate;

    private TestCertificates(String name, KeyPair keys, X509Certificate certificate) {
        this.name = name;
        this.keys = keys;
        this.certificate = certificate;
    }

    /** A new root CA. */
    public static TestCertificates authority(String name) throws GeneralSecurityException {
        KeyPair keys = newKeys();
        X500Name subject = new X500Name("CN=" + name);
        try {
            X509v3CertificateBuilder builder = builder(subject, subject, keys);
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            return new TestCertificates(name, keys, sign(builder, keys));
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
    }

    /** A server certificate for this machine (127.0.0.1, localhost), issued by this CA. */
    public TestCertificates issueServer(String commonName) throws GeneralSecurityException {
        return issue(commonName, KeyPurposeId.id_kp_serverAuth);
    }

    /** A client certificate with the given common name, issued by this CA. */
    public TestCertificates issueClient(String commonName) throws GeneralSecurityException {
        return issue(commonName, KeyPurposeId.id_kp_clientAuth);
    }

    private TestCertificates issue(String commonName, KeyPurposeId purpose) throws GeneralSecurityException {
        KeyPair subjectKeys = newKeys();
        try {
            X509v3CertificateBuilder builder = builder(new X500Name("CN=" + name), new X500Name("CN=" + commonName),
                    subjectKeys);
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
            if (purpose == KeyPurposeId.id_kp_serverAuth) {
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                        new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                        new GeneralName(GeneralName.dNSName, "localhost")}));
            }
            return new TestCertificates(commonName, subjectKeys, sign(builder, keys));
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The SHA-256 of the certificate's DER, in hex: what {@code hub.clients.<key>.certificate-sha256} pins. */
    public String sha256() throws GeneralSecurityException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    }

    /** Writes {@code <name>.crt} and {@code <name>.key} (PKCS#8) into the directory; returns the certificate's path. */
    public Path writePem(Path directory) throws IOException, GeneralSecurityException {
        Files.createDirectories(directory);
        Path crt = directory.resolve(name + ".crt");
        Files.writeString(crt, pem("CERTIFICATE", certificate.getEncoded()), StandardCharsets.US_ASCII);
        Files.writeString(keyPath(directory), pem("PRIVATE KEY", keys.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
        return crt;
    }

    public Path keyPath(Path directory) {
        return directory.resolve(name + ".key");
    }

    /** A TLS context that presents this certificate (if it has a key worth presenting) and trusts the given CA. */
    public SSLContext sslContext(TestCertificates trusted) throws GeneralSecurityException, IOException {
        KeyStore own = KeyStore.getInstance("PKCS12");
        own.load(null, null);
        own.setKeyEntry(name, keys.getPrivate(), new char[0], new Certificate[] {certificate});
        KeyManagerFactory km = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        km.init(own, new char[0]);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(km.getKeyManagers(), trusting(trusted).getTrustManagers(), null);
        return context;
    }

    /** A TLS context that presents no certificate and trusts the given CA. */
    public static SSLContext trustingOnly(TestCertificates trusted) throws GeneralSecurityException, IOException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trusting(trusted).getTrustManagers(), null);
        return context;
    }

    private static TrustManagerFactory trusting(TestCertificates authority) throws GeneralSecurityException, IOException {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry(authority.name, authority.certificate);
        TrustManagerFactory tm = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tm.init(trust);
        return tm;
    }

    private static KeyPair newKeys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair subjectKeys) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.incrementAndGet()),
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(Duration.ofDays(1))), subject,
                subjectKeys.getPublic());
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair issuerKeys) throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(builder.build(
                    new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
        } catch (org.bouncycastle.operator.OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
