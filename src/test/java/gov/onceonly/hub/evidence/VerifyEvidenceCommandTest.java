package gov.onceonly.hub.evidence;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class VerifyEvidenceCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private int run(String... args) {
        return VerifyEvidenceCommand.run(List.of(args), Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpPrintsTheUsage() {
        assertThat(run("--help")).isZero();
        assertThat(output()).startsWith("Usage: verify-evidence").contains("--jdbc-url=URL", "--user=NAME",
                "--password-env=VAR", "--public-key=BASE64", "--witnessed=FILE", "--witness-key=VERIFIER-KEY");
    }

    @Test
    void badUsageExitsWithTwo() {
        assertThat(run()).isEqualTo(2);
        assertThat(output()).contains("--jdbc-url is missing");
        assertThat(run("--frobnicate", "x")).isEqualTo(2);
        assertThat(output()).contains("Unknown options: '--frobnicate', 'x'").contains("Usage: verify-evidence");
        assertThat(run("--jdbc-url")).isEqualTo(2);
        assertThat(output()).contains("Missing required parameter for option '--jdbc-url' (URL)");
        assertThat(run("--jdbc-url", "jdbc:postgresql://127.0.0.1:1/hub", "--witness-key", "not-a-key")).isEqualTo(2);
        assertThat(output()).contains("Invalid value for option '--witness-key'");
    }

    @Test
    void aDatabaseThatCannotBeReadExitsWithTwo() {
        assertThat(run("--jdbc-url", "jdbc:postgresql://127.0.0.1:1/hub?connectTimeout=2")).isEqualTo(2);
        assertThat(output()).contains("cannot read the ledger");
    }

    @Test
    void theVerdictNamesTheFirstBadSequence() {
        VerifyEvidenceCommand.print(new VerificationReport(false, 11, 2, 10L, 7L, "entry 7 was changed", List.of("w")),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(output()).isEqualTo("warning: w\nTAMPERED at sequence 7: entry 7 was changed\n");
    }
}
