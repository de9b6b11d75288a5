package gov.onceonly.hub.security;

import java.nio.charset.StandardCharsets;

/**
 * A channel (the portal, the app, a hall terminal) or a department system allowed to call the hub: its app key,
 * its role and, for a department, which department it speaks for. The secret comes from configuration or the
 * environment and lives only in memory.
 */
public record RegisteredClient(String key, Role role, String department, byte[] secret) {

    /** What kind of caller it is. */
    public enum Role { CHANNEL, DEPARTMENT }

    public static RegisteredClient of(String key, Role role, String department, String secret) {
        return new RegisteredClient(key, role, department, secret.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "RegisteredClient[" + key + ", " + role + (department == null ? "" : ", " + department) + "]";
    }
}
