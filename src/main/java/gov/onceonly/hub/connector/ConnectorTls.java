package gov.onceonly.hub.connector;

import gov.onceonly.hub.configfile.ConfigFileException;
import gov.onceonly.hub.configfile.ConfigProblem;
import org.apache.camel.CamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;

import javax.net.ssl.SSLContext;

/**
 * The TLS of one http connector's calls, as camel-http takes it: the Spring Boot SSL bundle its file names
 * ({@code http.sslBundle}: the client certificate the hub presents to that department for mutual TLS, and the CA it
 * trusts for that department). Each connector has its own, so a department's certificate never reaches another.
 * Bound in Camel's registry under {@link #beanName}, which the http route templates name; a connector without a
 * bundle has none, and its calls use the JVM's defaults.
 */
public final class ConnectorTls extends SSLContextParameters {

    private final SSLContext context;

    private ConnectorTls(SSLContext context) {
        this.context = context;
    }

    public static String beanName(String connectorId) {
        return "tls-" + connectorId;
    }

    /** The TLS of the bundle a connector's file names; a bundle that is not configured names the file and path. */
    static ConnectorTls of(String file, String bundleName, SslBundles bundles) {
        try {
            SslBundle bundle = bundles.getBundle(bundleName);
            return new ConnectorTls(bundle.createSslContext());
        } catch (NoSuchSslBundleException e) {
            throw new ConfigFileException(new ConfigProblem(file, "http.sslBundle", "names SSL bundle '" + bundleName
                    + "', which is not configured: define spring.ssl.bundle.pem." + bundleName
                    + ".keystore.certificate, .keystore.private-key and .truststore.certificate (docs/security.md)"));
        } catch (RuntimeException e) {
            throw new ConfigFileException(new ConfigProblem(file, "http.sslBundle", "SSL bundle '" + bundleName
                    + "' cannot be loaded: " + e.getMessage()));
        }
    }

    @Override
    public SSLContext createSSLContext(CamelContext camelContext) {
        return context;
    }
}
