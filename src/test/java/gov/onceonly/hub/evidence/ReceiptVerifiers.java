package gov.onceonly.hub.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.onceonly.hub.ProjectScript;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two receipt verifiers run as someone holding only the receipt and a public key would: {@code verify-receipt}
 * (Java, no database) and {@code scripts/verify-receipt.py} (Python, written from docs/security.md).
 */
final class ReceiptVerifiers {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final Path DIR = Path.of("target", "receipts");

    private ReceiptVerifiers() {
    }

    /** What verify-receipt (Java) and scripts/verify-receipt.py print for this receipt; each exits 0 only if valid. */
    static List<String> both(String name, JsonNode receipt, Path key, String... more) throws Exception {
        Path file = Files.createDirectories(DIR).resolve(name + ".json");
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(receipt));
        List<String> args = new ArrayList<>(List.of(file.toString(), "--public-key", key.toString()));
        args.addAll(List.of(more));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int java = VerifyReceiptCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8));
        String javaOut = out.toString(StandardCharsets.UTF_8);
        ProjectScript.Result python = new ProjectScript("verify-receipt.py").run("", Duration.ofMinutes(1),
                args.toArray(String[]::new));
        assertThat(java).as(javaOut).isEqualTo(javaOut.startsWith("valid") ? 0 : 1);
        assertThat(python.exitCode()).as(python.output()).isEqualTo(python.output().startsWith("valid") ? 0 : 1);
        assertThat(python.output().startsWith("valid")).as("the two verifiers agree:%n%s%n%s", javaOut, python.output())
                .isEqualTo(javaOut.startsWith("valid"));
        return List.of(javaOut, python.output());
    }

    /** A public key (X.509 DER, base64) as the PEM file both verifiers read. */
    static Path pem(String name, String x509Base64) throws IOException {
        return Files.writeString(Files.createDirectories(DIR).resolve(name + ".pem"),
                "-----BEGIN PUBLIC KEY-----\n" + x509Base64 + "\n-----END PUBLIC KEY-----\n");
    }
}
