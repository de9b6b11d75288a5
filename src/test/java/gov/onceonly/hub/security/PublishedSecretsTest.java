package gov.onceonly.hub.security;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing published in the repository may serve outside the sandbox: every secret-looking value in its files (a
 * property, environment variable, YAML key or Java constant named secret, password or key, or the default of a
 * {@code ${VAR:default}}) must be refused by {@link ProductionSafety}, because it is listed in
 * {@code published-secrets.sha256} or because it is too short or a placeholder anyway.
 */
class PublishedSecretsTest {

    private static final Pattern ASSIGNED = Pattern.compile(
            "(?i)(?:secret|password|signing[-_.]key|encryption[-_.]key|evidence[-_]key)[\"']?\\s*[=:]\\s*[\"']?([A-Za-z0-9+/=_.-]{6,})");
    private static final Pattern DEFAULTED = Pattern.compile(
            "\\$\\{[A-Z0-9_]*(?:SECRET|PASSWORD|_KEY)[A-Z0-9_]*:-?([^}]{6,})}");
    private static final List<String> ROOTS = List.of("src", "docs", "docker", "scripts", "connectors", "routes",
            "mappings", "README.md", ".ci");

    private final ProductionSafety safety = new ProductionSafety(PublishedSecrets.load());

    @Test
    void everySecretTheRepositoryPublishesIsRefusedInProduction() throws IOException {
        Map<String, String> found = publishedValues();
        assertThat(found).as("secret-looking values found in the repository").hasSizeGreaterThan(5)
                .containsKey("NlVF+937OslNZfXl2+gkOuMMrll3/QoehRgb/LQoLUU=");
        found.forEach((value, where) -> assertThat(refused(value))
                .as("%s (%s) would serve a hub in production: add its SHA-256 to %s", value, where, PublishedSecrets.RESOURCE)
                .isTrue());
    }

    @Test
    void theDigestFileHoldsNoSecretInClear() throws IOException {
        String digests = new String(getClass().getResourceAsStream(PublishedSecrets.RESOURCE).readAllBytes(),
                StandardCharsets.UTF_8);
        PublishedSecrets published = PublishedSecrets.load();
        assertThat(publishedValues().keySet()).filteredOn(published::contains).hasSizeGreaterThanOrEqualTo(6)
                .allSatisfy(value -> assertThat(digests).doesNotContain(value));
    }

    private boolean refused(String value) {
        return !ProductionSafetyTest.problems(safety, ProductionSafetyTest.strong().withProperty("hub.security.operator.password", value)).isEmpty()
                && !ProductionSafetyTest.problems(safety, ProductionSafetyTest.strong().withProperty("hub.encryption.key", value)).isEmpty()
                && !ProductionSafetyTest.problems(safety, ProductionSafetyTest.strong().withProperty("hub.evidence.signing-key", value)).isEmpty()
                && !ProductionSafetyTest.problems(safety, ProductionSafetyTest.strong().withProperty("hub.signing.private-key", value)).isEmpty();
    }

    private static Map<String, String> publishedValues() throws IOException {
        Map<String, String> found = new TreeMap<>();
        for (String root : ROOTS) {
            Path path = Path.of(root);
            if (!Files.exists(path)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(path)) {
                for (Path file : files.filter(Files::isRegularFile).filter(PublishedSecretsTest::isText).toList()) {
                    String text;
                    try {
                        text = Files.readString(file);
                    } catch (MalformedInputException binary) {
                        continue;
                    }
                    collect(ASSIGNED.matcher(text), file, found);
                    collect(DEFAULTED.matcher(text), file, found);
                }
            }
        }
        return found;
    }

    private static void collect(Matcher matcher, Path file, Map<String, String> found) {
        while (matcher.find()) {
            String value = matcher.group(1);
            found.putIfAbsent(matcher.group(1), file.toString());
        }
    }

    private static boolean isText(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".java") || name.endsWith(".properties") || name.endsWith(".yaml") || name.endsWith(".yml")
                || name.endsWith(".md") || name.endsWith(".sh") || name.endsWith(".env") || !name.contains(".");
    }
}
