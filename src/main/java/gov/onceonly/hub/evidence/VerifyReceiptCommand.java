package gov.onceonly.hub.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code java -jar hub.jar verify-receipt receipt.json --public-key key.pem}: checks a receipt offline, with no
 * database and no hub, against the checkpoint key (PEM, or the X.509 base64 that {@code /api/v1/evidence/public-key}
 * gives). Exits 0 when it holds, 1 when it does not, 2 on bad usage or an unreadable file.
 */
public final class VerifyReceiptCommand {

    static final String USAGE = "usage: verify-receipt RECEIPT.json --public-key KEY.pem [--witness-key VERIFIER-KEY]...";

    private VerifyReceiptCommand() {
    }

    public static int run(List<String> args, PrintStream out) {
        Path receiptFile = null;
        String key = null;
        List<Cosignature.WitnessKey> witnesses = new java.util.ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("-h") || arg.equals("--help")) {
                out.println(USAGE);
                return 0;
            }
            if (arg.equals("--public-key")) {
                if (i + 1 >= args.size()) {
                    out.println("verify-receipt: --public-key needs a value; " + USAGE);
                    return 2;
                }
                key = args.get(++i);
            } else if (arg.equals("--witness-key")) {
                try {
                    witnesses.add(Cosignature.WitnessKey.parse(i + 1 < args.size() ? args.get(++i) : null));
                } catch (IllegalArgumentException e) {
                    out.println("verify-receipt: --witness-key: " + e.getMessage() + "; " + USAGE);
                    return 2;
                }
            } else if (arg.startsWith("--") || receiptFile != null) {
                out.println("verify-receipt: unexpected " + arg + "; " + USAGE);
                return 2;
            } else {
                receiptFile = Path.of(arg);
            }
        }
        if (receiptFile == null || key == null) {
            out.println("verify-receipt: " + (receiptFile == null ? "the receipt file" : "--public-key") + " is missing; " + USAGE);
            return 2;
        }
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
