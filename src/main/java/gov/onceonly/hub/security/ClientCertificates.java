package gov.onceonly.hub.security;

import gov.onceonly.hub.evidence.Sha256;
import jakarta.servlet.http.HttpServletRequest;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;

/**
 * The TLS client certificate of a request, when the server runs mutual TLS ({@code server.ssl.client-auth}): the
 * servlet container has verified its chain against the server bundle's truststore; what remains is which client it
 * is, told by the SHA-256 of its DER encoding (as {@code openssl x509 -fingerprint -sha256} prints it).
 */
public final class ClientCertificates {

    private static final String ATTRIBUTE = "jakarta.servlet.request.X509Certificate";

    private ClientCertificates() {
    }

    /** The SHA-256 of the leaf certificate the connection presented, lowercase hex; null when it presented none. */
    public static String sha256(HttpServletRequest request) {
        if (!(request.getAttribute(ATTRIBUTE) instanceof X509Certificate[] chain) || chain.length == 0) {
            return null;
        }
        try {
            return Sha256.hex(chain[0].getEncoded());
        } catch (CertificateEncodingException e) {
            return null;
        }
    }
}
