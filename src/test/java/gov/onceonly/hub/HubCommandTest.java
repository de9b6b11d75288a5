package gov.onceonly.hub;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code java -jar hub.jar COMMAND}: picocli's help and usage errors; anything else is the hub's to start. */
class HubCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return HubCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void helpListsEachCommandsOptions() {
        assertThat(run("lint", "--help")).isZero();
        assertThat(out.toString()).startsWith("Usage: java -jar hub.jar lint")
                .contains("--unused", "--strict", "--production", "config-root", "-h, --help");
        out.getBuffer().setLength(0);
        assertThat(run("verify-evidence", "-h")).isZero();
        assertThat(out.toString()).startsWith("Usage: java -jar hub.jar verify-evidence")
                .contains("--jdbc-url=URL", "--user=NAME", "--password-env=VAR", "--public-key=BASE64",
                        "--witnessed=FILE", "--witness-key=VERIFIER-KEY", "SPRING_DATASOURCE_PASSWORD");
        out.getBuffer().setLength(0);
        assertThat(run("verify-receipt", "--help")).isZero();
        assertThat(out.toString()).startsWith("Usage: java -jar hub.jar verify-receipt")
                .contains("RECEIPT.json", "--public-key=KEY.pem", "--witness-key=VERIFIER-KEY");
        out.getBuffer().setLength(0);
        assertThat(run("help")).isZero();
        assertThat(out.toString()).contains("lint", "verify-evidence", "verify-receipt");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aWrongOptionIsPicocliUsageErrorWithExitCodeTwo() {
        assertThat(run("lint", "--bogus")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--bogus'").contains("Usage: java -jar hub.jar lint");
        assertThat(run("verify-receipt", "receipt.json")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--public-key=KEY.pem'");
        assertThat(run("verify-evidence", "--jdbc-url")).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void onlyTheCommandsWordsAreCommandsEverythingElseStartsTheHub() {
        assertThat(HubCommand.isCommand(new String[] {"lint", "."})).isTrue();
        assertThat(HubCommand.isCommand(new String[] {"verify-receipt"})).isTrue();
        assertThat(HubCommand.isCommand(new String[0])).as("java -jar hub.jar").isFalse();
        assertThat(HubCommand.isCommand(new String[] {"--server.port=0", "lint"})).isFalse();
        assertThat(HubCommand.isCommand(new String[] {"--spring.profiles.active=sandbox"})).isFalse();
    }
}
