package gov.onceonly.hub.security;

import java.nio.charset.StandardCharsets;

/**
 * A channel (the portal, the app, a hall terminal) or a department system allowed to call the hub: its app key,
 * its role, for a department which department it speaks for, and its rate limit. The secret comes from configuration or the
 * environment and lives only in memory. {@code certificateSha256}, when set, binds the client to the TLS client
 * certificate it must present (mutual TLS): the SHA-256 of the certificate, lowercase hex.
 */
public record RegisteredClient(String key, Role role, String department, byte[] secret, double requestsPerSecond,
                               int burst, String certificateSha256) {

    /** A client's rate limit when its configuration names none. */
    public static final double DEFAULT_RATE = 100;
    public static final int DEFAULT_BURST = 200;

    /** What kind of caller it is. */
    public enum Role { CHANNEL, DEPARTMENT }

    public static RegisteredClient of(String key, Role role, String department, String secret) {
        return new RegisteredClient(key, role, department, secret.getBytes(StandardCharsets.UTF_8), DEFAULT_RATE,
                DEFAULT_BURST, null);
    }

    @Override
    public String toString() {
        return "RegisteredClient[" + key + ", " + role + (department == null ? "" : ", " + department) + "]";
    }
}
