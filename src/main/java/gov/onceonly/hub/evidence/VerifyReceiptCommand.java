package gov.onceonly.hub.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code java -jar hub.jar verify-receipt receipt.json --public-key key.pem [--witness-key VERIFIER-KEY]...}: checks a
 * receipt offline, with no database and no hub, against the checkpoint key (PEM, or the X.509 base64 that
 * {@code /api/v1/evidence/public-key} gives). Exits 0 when it holds, 1 when it does not, 2 on bad usage (picocli's usage
 * error) or an unreadable file.
 */
@Command(name = "verify-receipt", sortOptions = false, sortSynopsis = false, usageHelpAutoWidth = true,
        description = "Checks a receipt offline, with no database and no hub, against the checkpoint key. "
                + "Exits 0 when it holds, 1 when it does not, 2 on bad usage or an unreadable file.")
public final class VerifyReceiptCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RECEIPT.json", description = "The receipt (GET /api/v1/applications/{id}/receipt).")
    Path receiptFile;

    @Option(names = "--public-key", paramLabel = "KEY.pem", required = true,
            description = "The checkpoint key: a PEM file, a file holding the X.509 base64, or the base64 itself.")
    String key;

    @Option(names = "--witness-key", paramLabel = "VERIFIER-KEY",
            converter = VerifyEvidenceCommand.WitnessKeyConverter.class,
            description = "A witness whose cosignature the checkpoint must carry (NAME+HASH+KEY); repeatable.")
    List<Cosignature.WitnessKey> witnesses = new ArrayList<>();

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Spec
    CommandSpec spec;

    public static int run(List<String> args, PrintStream out) {
        PrintWriter writer = new PrintWriter(out, true);
        return new CommandLine(new VerifyReceiptCommand()).setOut(writer).setErr(writer)
                .execute(args.toArray(String[]::new));
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        JsonNode receipt;
        String publicKey;
        try {
            receipt = new ObjectMapper().readTree(receiptFile.toFile());
            publicKey = publicKey(key);
            EvidenceSigner.publicKey(publicKey);
        } catch (IOException | IllegalArgumentException e) {
            out.println("verify-receipt: cannot read " + (e instanceof IllegalArgumentException ? "the public key" : receiptFile)
                    + ": " + e.getMessage());
            return 2;
        }
        ReceiptVerifier.Result result = ReceiptVerifier.verify(receipt, publicKey, witnesses);
        if (result.valid()) {
            out.println("valid: " + result.entries() + " entries of application " + receipt.path("applicationId").asText()
                    + ", included in the tree of " + result.checkpoint().size() + " entries that " + result.checkpoint().origin()
                    + " signed at " + result.checkpoint().time() + " (key " + EvidenceSigner.keyId(publicKey) + ")"
                    + (witnesses.isEmpty() ? "" : ", cosigned by a given witness"));
            return 0;
        }
        result.problems().forEach(p -> out.println("INVALID: " + p));
        return 1;
    }

    /** A PEM file, a file holding the base64, or the base64 itself: the X.509 DER in base64. */
    static String publicKey(String value) throws IOException {
        Path file = Path.of(value);
        String text = Files.isRegularFile(file) ? Files.readString(file) : value;
        return text.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
    }
}
