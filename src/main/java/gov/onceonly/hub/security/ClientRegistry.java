package gov.onceonly.hub.security;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The registered clients, from {@code hub.clients.<app key>.role|department|secret|requests-per-second|burst|certificate-sha256}.
 * A client without a secret, with an unknown role, or bound to a certificate the server never asks for, stops the hub
 * at startup with the property to fix.
 */
public final class ClientRegistry {

    private static final java.util.regex.Pattern SHA256_HEX = java.util.regex.Pattern.compile("[0-9a-f]{64}");

    private final Map<String, RegisteredClient> clients;

    public ClientRegistry(Map<String, RegisteredClient> clients) {
        this.clients = Map.copyOf(clients);
    }

    /**
     * The clients of {@code hub.clients.*}; {@code serverClientAuth} is {@code server.ssl.client-auth} (none, want or
     * need; null: none), which a client bound to a certificate needs.
     */
    public static ClientRegistry from(ClientsProperties properties, String serverClientAuth) {
        Map<String, ClientsProperties.Client> configured = properties.clients();
        Map<String, RegisteredClient> clients = new LinkedHashMap<>();
        configured.forEach((key, c) -> {
            String at = "hub.clients." + key;
            if (c.secret() == null || c.secret().isBlank()) {
                throw new IllegalStateException(at + ".secret is empty: set it from the environment (never in a file)");
            }
            RegisteredClient.Role role;
            try {
                role = RegisteredClient.Role.valueOf(String.valueOf(c.role()).toUpperCase());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(at + ".role must be channel or department, not " + c.role());
            }
            if (role == RegisteredClient.Role.DEPARTMENT && (c.department() == null || c.department().isBlank())) {
                throw new IllegalStateException(at + ".department is empty: a department client speaks for one department");
            }
            double rate = c.requestsPerSecond() == null ? RegisteredClient.DEFAULT_RATE : c.requestsPerSecond();
            int burst = c.burst() == null ? RegisteredClient.DEFAULT_BURST : c.burst();
            if (rate <= 0 || burst < 1) {
                throw new IllegalStateException(at + ".requests-per-second must be above 0 and " + at + ".burst at least 1");
            }
            clients.put(key, new RegisteredClient(key, role, c.department(),
                    c.secret().getBytes(java.nio.charset.StandardCharsets.UTF_8), rate, burst,
                    certificatePin(serverClientAuth, at, c.certificateSha256())));
        });
        return new ClientRegistry(clients);
    }

    /**
     * A pinned client certificate, normalised (lowercase, colons dropped, as openssl prints it); null when none. A pin
     * needs a server that asks for client certificates, or the client could never be authenticated.
     */
    private static String certificatePin(String serverClientAuth, String at, String configured) {
        if (configured == null || configured.isBlank()) {
            return null;
        }
        String pin = configured.strip().replace(":", "").toLowerCase(java.util.Locale.ROOT);
        if (!SHA256_HEX.matcher(pin).matches()) {
            throw new IllegalStateException(at + ".certificate-sha256 must be the SHA-256 of the client's certificate "
                    + "in hex (openssl x509 -noout -fingerprint -sha256 -in client.crt), not " + configured);
        }
        String clientAuth = (serverClientAuth == null ? "none" : serverClientAuth).toLowerCase(java.util.Locale.ROOT);
        if (!clientAuth.equals("need") && !clientAuth.equals("want")) {
            throw new IllegalStateException(at + ".certificate-sha256 is set, but server.ssl.client-auth is "
                    + clientAuth + ": set it to need (or want) so that the client can present its certificate");
        }
        return pin;
    }

    public Optional<RegisteredClient> find(String key) {
        return Optional.ofNullable(key == null ? null : clients.get(key));
    }

    public int size() {
        return clients.size();
    }
}
