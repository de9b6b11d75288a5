package gov.onceonly.hub.lint;

import gov.onceonly.hub.configfile.ConfigFileException;
import gov.onceonly.hub.configfile.ConfigProblem;
import gov.onceonly.hub.configfile.YamlLocator;
import gov.onceonly.hub.connector.ConnectorCatalog;
import gov.onceonly.hub.connector.KafkaProperties;
import gov.onceonly.hub.connector.TransportSecurity;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code lint --production}: the connectors as this environment (its variables, as a production hub would read them)
 * resolves them. An endpoint that still falls back to the sandbox names the variable to set; one that would travel in
 * clear is what the hub would refuse at startup outside the sandbox ({@link TransportSecurity}).
 */
final class ProductionEndpoints {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):");

    private ProductionEndpoints() {
    }

    static List<LintFinding> check(Path root) {
        ConnectorCatalog connectors;
        try {
            connectors = ConnectorCatalog.load(root, root.resolve("connectors"));
        } catch (ConfigFileException e) {
            return List.of(); // already reported by the lint itself
        }
        StandardEnvironment env = new StandardEnvironment();
        List<LintFinding> findings = new ArrayList<>();
        for (ConnectorCatalog.Entry entry : connectors.entries()) {
            TransportSecurity.endpointOf(entry.definition())
                    .filter(endpoint -> env.resolvePlaceholders(endpoint.value()).contains("${hub.sandbox."))
                    .ifPresent(endpoint -> {
                        Matcher variable = VARIABLE.matcher(endpoint.value());
                        findings.add(finding(root, entry.file(), endpoint.path(), "falls back to the sandbox outside it: "
                                + "set " + (variable.find() ? variable.group(1) : "its address")));
                    });
        }
        if (findings.isEmpty()) {
            // No Spring context here (lint runs before it): the hub's Kafka settings and Camel's protocol option are
            // bound from the environment as the hub would bind them.
            Binder binder = Binder.get(env);
            KafkaProperties kafka = binder.bindOrCreate("hub.kafka", KafkaProperties.class);
            String camelProtocol = binder.bind("camel.component.kafka.security-protocol", String.class).orElse(null);
            for (ConfigProblem problem : TransportSecurity.problems(connectors, env, kafka, camelProtocol)) {
                findings.add(finding(root, problem.file(), problem.path(), problem.message()));
            }
        }
        return findings;
    }

    private static LintFinding finding(Path root, String file, String path, String message) {
        YamlLocator.Position at;
        try {
            at = YamlLocator.parse(Files.readString(root.resolve(file))).locate(path);
        } catch (IOException | RuntimeException e) {
            at = new YamlLocator.Position(1, 1);
        }
        return new LintFinding(file, at.line(), at.column(), LintFinding.Severity.ERROR, message);
    }
}
