package gov.onceonly.hub.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.util.Map;

/**
 * The registered clients (hub.clients.<app key>.*), channels and department systems; every API call but the
 * catalogue's is signed by one (docs/security.md). Checked by ClientRegistry, and outside the sandbox by
 * ProductionSafety.
 *
 * @param clients the clients by app key
 */
@Validated
@ConfigurationProperties("hub")
public record ClientsProperties(Map<String, Client> clients) {

    public ClientsProperties {
        clients = clients == null ? Map.of() : Map.copyOf(clients);
    }

    /**
     * One client as configured.
     *
     * @param role channel or department
     * @param department the department a department client speaks for
     * @param secret its signing secret, from the environment (never in a file)
     * @param requestsPerSecond its own rate limit, requests per second (default 100)
     * @param burst its own bucket size (default 200)
     * @param certificateSha256 the SHA-256 of the client certificate it must call over (mutual TLS), in hex
     */
    public record Client(String role, String department, String secret, Double requestsPerSecond, Integer burst,
                         String certificateSha256) {
    }
}
