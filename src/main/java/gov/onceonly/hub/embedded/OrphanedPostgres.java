package gov.onceonly.hub.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The embedded PostgreSQL runs as its own process (pg_ctl daemonizes it), so a hub killed with SIGKILL leaves it
 * running, holding {@code postmaster.pid} of its data directory, and the next start fails with "lock file already
 * exists". Before a start, this stops such an orphan: a live process named in that file whose command line is a
 * postgres of this very directory. A fast shutdown (SIGINT) is clean; the WAL makes every committed transaction
 * survive either way. A stale file (its process gone) is left to PostgreSQL, which replaces it itself.
 */
final class OrphanedPostgres {

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostgres.class);
    private static final Duration FAST_SHUTDOWN = Duration.ofSeconds(30);

    private OrphanedPostgres() {
    }

    static void stopIfRunning(Path dataDirectory) throws IOException {
        Optional<ProcessHandle> orphan = find(dataDirectory);
        if (orphan.isEmpty()) {
            return;
        }
        ProcessHandle postgres = orphan.get();
        log.warn("Embedded PostgreSQL (pid {}) of {} outlived its hub (killed?); stopping it before starting a new one",
                postgres.pid(), dataDirectory);
        signal(postgres, "INT");
        try {
            postgres.onExit().get(FAST_SHUTDOWN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception notYet) {
            log.warn("Embedded PostgreSQL (pid {}) did not stop within {}; killing it", postgres.pid(), FAST_SHUTDOWN);
            postgres.destroyForcibly();
            postgres.onExit().join();
        }
    }

    /** The live postgres named by the directory's {@code postmaster.pid}, if its command line is about this directory. */
    static Optional<ProcessHandle> find(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        // Its first line is the postmaster's pid, its second the data directory it serves (absolute).
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 2 || !lines.get(0).strip().matches("\\d+")
                || !Path.of(lines.get(1).strip()).equals(dataDirectory.toRealPath())) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
                .filter(ProcessHandle::isAlive)
                .filter(process -> commandLine(process).contains("postgres"));
    }

    private static String commandLine(ProcessHandle process) {
        Path proc = Path.of("/proc", Long.toString(process.pid()), "cmdline");
        try {
            if (Files.isReadable(proc)) {
                return new String(Files.readAllBytes(proc)).replace('\0', ' ');
            }
        } catch (IOException e) {
            // fall back to what the JDK knows
        }
        return process.info().commandLine().orElse("");
    }

    private static void signal(ProcessHandle process, String signal) throws IOException {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
            if (kill.waitFor(5, TimeUnit.SECONDS) && kill.exitValue() == 0) {
                return;
            }
        } catch (IOException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
        process.destroy(); // SIGTERM: a smart shutdown, which the dead hub's connections no longer hold up
    }
}
