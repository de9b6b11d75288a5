package gov.onceonly.hub.evidence;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;

/**
 * {@code java -jar hub.jar verify-evidence --jdbc-url URL [--user NAME] [--password-env VAR] [--public-key BASE64]...
 * [--witnessed FILE --witness-key VERIFIER-KEY...]}: recomputes the evidence ledger's chain, tree roots and checkpoint
 * signatures straight from the database, without starting the hub. Given the witnessed checkpoints an auditor kept
 * (the hub's checkpoint file or topic), it also finds a rewrite whose author rewrote the database's checkpoints too. Prints the verdict and the first bad sequence number; exits 0 when intact, 1 when not, 2 on bad usage (picocli's
 * usage error) or when the database cannot be read. The password is read from the environment variable named (default
 * {@code SPRING_DATASOURCE_PASSWORD}), never from the command line.
 */
@Command(name = "verify-evidence", sortOptions = false, sortSynopsis = false, usageHelpAutoWidth = true,
        description = "Recomputes the evidence ledger's chain, tree roots and checkpoint signatures from the database, "
                + "without starting the hub. Exits 0 when intact, 1 when not, 2 on bad usage or an unreadable database.")
public final class VerifyEvidenceCommand implements Callable<Integer> {

    @Option(names = "--jdbc-url", paramLabel = "URL",
            description = "The hub's database (default: the environment's HUB_EVIDENCE_JDBC_URL).")
    String url;

    @Option(names = "--user", paramLabel = "NAME",
            description = "The database user (default: the environment's SPRING_DATASOURCE_USERNAME).")
    String user;

    @Option(names = "--password-env", paramLabel = "VAR", defaultValue = "SPRING_DATASOURCE_PASSWORD",
            description = "The environment variable holding the password (default: ${DEFAULT-VALUE}).")
    String passwordEnv;

    @Option(names = "--public-key", paramLabel = "BASE64",
            description = "A checkpoint key (X.509 base64), the hub's current or an earlier one; repeatable.")
    List<String> keys = new ArrayList<>();

    @Option(names = "--witnessed", paramLabel = "FILE",
            description = "The witnessed checkpoints an auditor kept (the hub's checkpoint file or topic).")
    Path witnessedFile;

    @Option(names = "--witness-key", paramLabel = "VERIFIER-KEY", converter = WitnessKeyConverter.class,
            description = "A witness's verifier key (NAME+HASH+KEY); repeatable.")
    List<Cosignature.WitnessKey> witnessKeys = new ArrayList<>();

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Spec
    CommandSpec spec;

    private final Map<String, String> env;

    public VerifyEvidenceCommand() {
        this(System.getenv());
    }

    VerifyEvidenceCommand(Map<String, String> env) {
        this.env = env;
    }

    public static int run(List<String> args, PrintStream out) {
        return run(args, System.getenv(), out);
    }

    static int run(List<String> args, Map<String, String> env, PrintStream out) {
        PrintWriter writer = new PrintWriter(out, true);
        return new CommandLine(new VerifyEvidenceCommand(env)).setOut(writer).setErr(writer)
                .execute(args.toArray(String[]::new));
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        String url = this.url != null ? this.url : env.get("HUB_EVIDENCE_JDBC_URL");
        String user = this.user != null ? this.user : env.get("SPRING_DATASOURCE_USERNAME");
        if (url == null || url.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--jdbc-url is missing (nor is HUB_EVIDENCE_JDBC_URL set)");
        }
        if (witnessedFile != null && (witnessKeys.isEmpty() || keys.isEmpty())) {
            throw new ParameterException(spec.commandLine(),
                    "--witnessed needs the hub's --public-key and the witnesses' --witness-key");
        }
        WitnessedCheckpoints witnessed;
        try {
            witnessed = witnessedFile == null ? WitnessedCheckpoints.none()
                    : WitnessedCheckpoints.read(witnessedFile, keys, witnessKeys);
        } catch (IOException e) {
            out.println("verify-evidence: cannot read " + witnessedFile + ": " + e.getMessage());
            return 2;
        }
        quietLibraries();
        Properties credentials = new Properties();
        if (user != null) {
            credentials.setProperty("user", user);
        }
        if (env.get(passwordEnv) != null) {
            credentials.setProperty("password", env.get(passwordEnv));
        }
        try (Connection connection = DriverManager.getConnection(url, credentials)) {
            VerificationReport report = LedgerVerification.verify(connection, keys, witnessed);
            print(report, out);
            return report.intact() ? 0 : 1;
        } catch (SQLException e) {
            out.println("verify-evidence: cannot read the ledger: " + e.getMessage());
            return 2;
        }
    }

    /** A {@code --witness-key} as {@link Cosignature.WitnessKey#parse} reads it; picocli names the option when it fails. */
    static final class WitnessKeyConverter implements CommandLine.ITypeConverter<Cosignature.WitnessKey> {
        @Override
        public Cosignature.WitnessKey convert(String value) {
            try {
                return Cosignature.WitnessKey.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    static void print(VerificationReport report, PrintStream out) {
        PrintWriter writer = new PrintWriter(out, true);
        print(report, writer);
    }

    static void print(VerificationReport report, PrintWriter out) {
        report.warnings().forEach(w -> out.println("warning: " + w));
        if (report.intact()) {
            out.println("intact: " + report.entries() + " entries, " + report.checkpoints() + " signed checkpoints"
                    + (report.lastCheckpointSequence() == null ? "" : ", the last at " + report.lastCheckpointSequence()));
        } else {
            out.println("TAMPERED at sequence " + report.firstBadSequence() + ": " + report.problem());
        }
    }

    private static void quietLibraries() {
        if (org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.ERROR);
        }
    }
}
