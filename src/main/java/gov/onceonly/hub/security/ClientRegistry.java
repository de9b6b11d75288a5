package gov.onceonly.hub.security;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The registered clients, from {@code hub.clients.<app key>.role|department|secret}. A client without a secret,
 * or with an unknown role, stops the hub at startup with the property to fix.
 */
public final class ClientRegistry {

    /** One client as configured. */
    public record ClientProperties(String role, String department, String secret) {
    }

    private final Map<String, RegisteredClient> clients;

    public ClientRegistry(Map<String, RegisteredClient> clients) {
        this.clients = Map.copyOf(clients);
    }

    public static ClientRegistry from(Environment env) {
        Map<String, ClientProperties> configured = Binder.get(env)
                .bind("hub.clients", Bindable.mapOf(String.class, ClientProperties.class)).orElse(Map.of());
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
            clients.put(key, RegisteredClient.of(key, role, c.department(), c.secret()));
        });
        return new ClientRegistry(clients);
    }

    public Optional<RegisteredClient> find(String key) {
        return Optional.ofNullable(key == null ? null : clients.get(key));
    }

    public int size() {
        return clients.size();
    }
}
