package gov.onceonly.hub.lint;

import gov.onceonly.hub.schema.ConfigSchemas;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code java -jar hub.jar lint [--unused] [--strict] [--production] [root]}: checks connectors/, mappings/ and routes/
 * without starting the hub (no database, no broker, no Spring); with {@code --production}, also the connectors'
 * endpoints as this environment resolves them (ProductionEndpoints). Prints {@code file:line:column: severity: message}
 * and exits 1 when there is an error (or, with {@code --strict}, a warning), 2 on bad usage (picocli's usage error).
 */
@Command(name = "lint", sortOptions = false, sortSynopsis = false, usageHelpAutoWidth = true,
        description = "Checks connectors/, mappings/ and routes/ without starting the hub. Prints "
                + "file:line:column: severity: message; exits 1 on an error (with --strict, on a warning too), 2 on bad usage.")
public final class LintCommand implements Callable<Integer> {

    @Option(names = "--unused", description = "Also list the dataset fields no bundle demands (counted as warnings).")
    boolean unused;

    @Option(names = "--strict", description = "Exit 1 on warnings too.")
    boolean strict;

    @Option(names = "--production", description = "Also resolve the connectors' endpoints with this environment: "
            + "sandbox fallbacks and endpoints in clear are errors.")
    boolean production;

    @Parameters(paramLabel = "config-root", arity = "0..1", description = "The configuration root (default: .).")
    Path root;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Spec
    CommandSpec spec;

    /** {@code args} after the word {@code lint}: the exit code; the findings, or the usage, printed to {@code out}. */
    public static int run(List<String> args, PrintStream out) {
        PrintWriter writer = new PrintWriter(out, true);
        return new CommandLine(new LintCommand()).setOut(writer).setErr(writer).execute(args.toArray(String[]::new));
    }

    /** Without Spring, logback logs at DEBUG; the lint's output is its findings, nothing else. */
    private static void quietLibraries() {
        if (org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.ERROR);
        }
    }

    @Override
    public Integer call() {
        Path root = this.root == null ? Path.of(".") : this.root;
        if (!Files.isDirectory(root)) {
            throw new ParameterException(spec.commandLine(), root + " is not a directory");
        }
        quietLibraries();
        PrintWriter out = spec.commandLine().getOut();
        LintReport report = new ConfigLint(ConfigSchemas.shared()).check(root);
        if (production) {
            List<LintFinding> findings = new ArrayList<>(report.findings());
            findings.addAll(ProductionEndpoints.check(root));
            report = new LintReport(findings, report.unusedFields());
        }
        String prefix = this.root == null ? "" : root.toString().replaceFirst("/$", "") + "/";
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
