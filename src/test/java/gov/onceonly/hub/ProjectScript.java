package gov.onceonly.hub;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One of the project's {@code scripts/}, run as an engineer runs it. A script that fetches an outside tool exits 69
 * (EX_UNAVAILABLE) when it cannot (no Node.js, no Debian mirror): the test is then skipped, saying why, rather than failed.
 */
public record ProjectScript(String name) {

    /** sysexits.h's EX_UNAVAILABLE: the tool is not there and could not be fetched (promtool itself exits 3 on findings). */
    static final int UNAVAILABLE = 69;

    public record Result(int exitCode, String output) {
    }

    public Result run(String stdin, Duration timeout, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(name.endsWith(".py") ? "python3" : "bash",
                Path.of("scripts", name).toString()));
        command.addAll(List.of(args));
        Path output = Files.createTempFile(name, ".out");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("scripts/" + name + " did not finish in " + timeout + ": " + Files.readString(output));
        }
        String text = Files.readString(output);
        Files.delete(output);
        Assumptions.assumeFalse(process.exitValue() == UNAVAILABLE, () -> "scripts/" + name + " could not get its tool: " + text);
        return new Result(process.exitValue(), text);
    }
}
