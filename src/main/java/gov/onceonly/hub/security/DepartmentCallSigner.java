package gov.onceonly.hub.security;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;

/**
 * Signs the hub's own calls to department systems ({@link RequestSignature}, as the hub's key), so that a
 * department can tell the hub from an impostor. Runs in the http route templates just before the call; the
 * template names the department's address in the {@code hubEndpoint} property.
 */
public final class DepartmentCallSigner {

    public static final String ENDPOINT = "hubEndpoint";
    private static final Logger log = LoggerFactory.getLogger(DepartmentCallSigner.class);

    private final String key;
    private final byte[] secret;
    private final Clock clock;

    public DepartmentCallSigner(String key, String secret, Clock clock) {
        this.key = key;
        this.secret = secret == null || secret.isBlank() ? null : secret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
        if (this.secret == null) {
            log.warn("hub.signing.secret is empty: calls to departments go unsigned, and a department cannot tell "
                    + "the hub from an impostor");
        }
    }

    /**
     * The body as bytes. The pipeline's bodies are text or bytes; only another type asks Camel's converters, whose
     * lookup of a pair they have not seen was a tenth of the hub's CPU when every call asked (docs/benchmarks.md).
     */
    private static byte[] bytes(Object body) {
        if (body == null || body instanceof byte[]) {
            return (byte[]) body;
        }
        if (body instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        return null;
    }

    public void sign(Exchange exchange) {
        if (secret == null) {
            return;
        }
        URI endpoint = URI.create(exchange.getProperty(ENDPOINT, String.class));
        String extra = exchange.getMessage().getHeader(Exchange.HTTP_PATH, String.class);
        String path = endpoint.getRawPath() + (extra == null ? "" : extra)
                + (endpoint.getRawQuery() == null ? "" : "?" + endpoint.getRawQuery());
        byte[] body = bytes(exchange.getMessage().getBody());
        if (body == null && exchange.getMessage().getBody() != null) {
            body = exchange.getMessage().getBody(byte[].class);
        }
        if (body != null) {
            exchange.getMessage().setBody(body); // the bytes signed are the bytes sent
        }
        String method = exchange.getMessage().getHeader(Exchange.HTTP_METHOD, "POST", String.class);
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        String nonce = UUID.randomUUID().toString();
        exchange.getMessage().setHeader(RequestSignature.KEY, key);
        exchange.getMessage().setHeader(RequestSignature.TIMESTAMP, timestamp);
        exchange.getMessage().setHeader(RequestSignature.NONCE, nonce);
        exchange.getMessage().setHeader(RequestSignature.SIGNATURE, RequestSignature.sign(secret,
                RequestSignature.canonical(method, path, timestamp, nonce, body)));
    }
}
