package gov.onceonly.hub.security;

import gov.onceonly.hub.evidence.Sha256;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Every secret value the repository publishes (the sandbox profile's, the tests', the templates'), kept as SHA-256
 * digests in {@code security/published-secrets.sha256} so that the production jar carries none of them in clear.
 * {@code PublishedSecretsTest} fails when a secret-looking value appears in the repository without its digest here.
 */
public final class PublishedSecrets {

    static final String RESOURCE = "/security/published-secrets.sha256";

    private final Set<String> digests;

    PublishedSecrets(Set<String> digests) {
        this.digests = Set.copyOf(digests);
    }

    public static PublishedSecrets load() {
        try (InputStream in = PublishedSecrets.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            Set<String> digests = new HashSet<>();
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .forEach(line -> digests.add(line.split("\\s+", 2)[0].toLowerCase(java.util.Locale.ROOT)));
            return new PublishedSecrets(digests);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean contains(String value) {
        return value != null && digests.contains(digest(value.strip()));
    }

    static String digest(String value) {
        return Sha256.hex(value.getBytes(StandardCharsets.UTF_8));
    }
}
