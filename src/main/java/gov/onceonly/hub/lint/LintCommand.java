package gov.onceonly.hub.lint;

import gov.onceonly.hub.schema.ConfigSchemas;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar hub.jar lint [--unused] [--strict] [--production] [root]}: checks connectors/, mappings/ and routes/
 * without starting the hub (no database, no broker, no Spring); with {@code --production}, also the connectors'
 * endpoints as this environment resolves them (ProductionEndpoints). Prints {@code file:line:column: severity: message}
 * and exits 1 when there is an error (or, with {@code --strict}, a warning), 2 on bad usage.
 */
public final class LintCommand {

    private LintCommand() {
    }

    /** Without Spring, logback logs at DEBUG; the lint's output is its findings, nothing else. */
    private static void quietLibraries() {
        if (org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.ERROR);
        }
    }

    public static int run(List<String> args, PrintStream out) {
        boolean unused = false;
        boolean strict = false;
        boolean production = false;
        List<String> roots = new ArrayList<>();
        for (String arg : args) {
            switch (arg) {
                case "--unused" -> unused = true;
                case "--strict" -> strict = true;
                case "--production" -> production = true;
                case "-h", "--help" -> {
                    out.println("usage: lint [--unused] [--strict] [--production] [config-root (default: .)]");
                    return 0;
                }
                default -> {
                    if (arg.startsWith("-")) {
                        out.println("lint: unknown option " + arg + "; usage: lint [--unused] [--strict] [--production] [config-root]");
                        return 2;
                    }
                    roots.add(arg);
                }
            }
        }
        quietLibraries();
        Path root = Path.of(roots.isEmpty() ? "." : roots.get(0));
        if (!Files.isDirectory(root)) {
            out.println("lint: " + root + " is not a directory");
            return 2;
        }
        LintReport report = new ConfigLint(ConfigSchemas.shared()).check(root);
        if (production) {
            List<LintFinding> findings = new ArrayList<>(report.findings());
            findings.addAll(ProductionEndpoints.check(root));
            report = new LintReport(findings, report.unusedFields());
        }
        String prefix = roots.isEmpty() ? "" : root.toString().replaceFirst("/$", "") + "/";
        report.findings().forEach(f -> out.println(prefix + f));
        if (unused) {
            report.unusedFields().forEach(f -> out.println(prefix + f));
        }
        long warnings = report.warningCount() + (unused ? report.unusedFields().size() : 0);
        out.println(report.errors().size() + " error(s), " + warnings + " warning(s)"
                + (unused || report.unusedFields().isEmpty() ? ""
                : "; " + report.unusedFields().size() + " dataset(s) declare fields no bundle demands (lint --unused lists them)"));
        return report.hasErrors() || strict && warnings > 0 ? 1 : 0;
    }
}
