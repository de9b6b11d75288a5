package gov.onceonly.hub.evidence;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * {@code java -jar hub.jar verify-evidence --jdbc-url URL [--user NAME] [--password-env VAR] [--public-key BASE64]...
 * [--witnessed FILE --witness-key VERIFIER-KEY...]}: recomputes the evidence ledger's chain, tree roots and checkpoint
 * signatures straight from the database, without starting the hub. Given the witnessed checkpoints an auditor kept
 * (the hub's checkpoint file or topic), it also finds a rewrite whose author rewrote the database's checkpoints too. Prints the verdict and the first bad sequence number; exits 0 when intact, 1 when not, 2 on bad usage or when
 * the database cannot be read. The password is read from the environment variable named (default
 * {@code SPRING_DATASOURCE_PASSWORD}), never from the command line.
 */
public final class VerifyEvidenceCommand {

    static final String USAGE = "usage: verify-evidence --jdbc-url URL [--user NAME] [--password-env VAR] "
            + "[--public-key BASE64]... [--witnessed FILE --witness-key VERIFIER-KEY...]";

    private VerifyEvidenceCommand() {
    }

    public static int run(List<String> args, PrintStream out) {
        return run(args, System.getenv(), out);
    }

    static int run(List<String> args, Map<String, String> env, PrintStream out) {
        String url = env.get("HUB_EVIDENCE_JDBC_URL");
        String user = env.get("SPRING_DATASOURCE_USERNAME");
        String passwordEnv = "SPRING_DATASOURCE_PASSWORD";
        List<String> keys = new ArrayList<>();
        Path witnessedFile = null;
        List<Cosignature.WitnessKey> witnessKeys = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("-h") || arg.equals("--help")) {
                out.println(USAGE);
                return 0;
            }
            if (i + 1 >= args.size() || !arg.startsWith("--")) {
                out.println("verify-evidence: " + (arg.startsWith("--") ? arg + " needs a value" : "unexpected " + arg)
                        + "; " + USAGE);
                return 2;
            }
            String value = args.get(++i);
            switch (arg) {
                case "--jdbc-url" -> url = value;
                case "--user" -> user = value;
                case "--password-env" -> passwordEnv = value;
                case "--public-key" -> keys.add(value);
                case "--witnessed" -> witnessedFile = Path.of(value);
                case "--witness-key" -> {
                    try {
                        witnessKeys.add(Cosignature.WitnessKey.parse(value));
                    } catch (IllegalArgumentException e) {
                        out.println("verify-evidence: --witness-key " + value + ": " + e.getMessage());
                        return 2;
                    }
                }
                default -> {
                    out.println("verify-evidence: unknown option " + arg + "; " + USAGE);
                    return 2;
                }
            }
        }
        if (url == null || url.isBlank()) {
            out.println("verify-evidence: --jdbc-url is missing; " + USAGE);
            return 2;
        }
        if (witnessedFile != null && (witnessKeys.isEmpty() || keys.isEmpty())) {
            out.println("verify-evidence: --witnessed needs the hub's --public-key and the witnesses' --witness-key; " + USAGE);
            return 2;
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

    static void print(VerificationReport report, PrintStream out) {
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
