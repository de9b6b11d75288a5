package gov.onceonly.hub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A JVM the bench started (the hub, the hand-written baseline): its CPU time from /proc, and a clean stop. */
final class JvmProcess implements AutoCloseable {

    /** The JIT's threads live as long as the JVM, so that their CPU can be read off them ({@link #jitCpuSeconds}). */
    static final String KEEP_COMPILER_THREADS = "-XX:-UseDynamicNumberOfCompilerThreads";

    /** Linux reports CPU in clock ticks of USER_HZ, 100 per second on every mainstream kernel. */
    private static final double TICKS_PER_SECOND = 100;

    private final Process process;

    private JvmProcess(Process process) {
        this.process = process;
    }

    static JvmProcess start(List<String> command, Path log) throws IOException {
        return start(command, java.util.Map.of(), log);
    }

    /** The same, with these environment variables besides this JVM's. */
    static JvmProcess start(List<String> command, java.util.Map<String, String> environment, Path log) throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().putAll(environment);
        return new JvmProcess(builder.start());
    }

    static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** User plus system CPU seconds of the whole process (every thread) so far. */
    double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
            // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    /**
     * CPU seconds of the JIT compilers' threads so far. The bench starts its JVMs with
     * {@code -XX:-UseDynamicNumberOfCompilerThreads}, so that no compiler thread ends and takes its count with it.
     */
    double jitCpuSeconds() {
        double total = 0;
        try (var tasks = Files.list(Path.of("/proc/" + process.pid() + "/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (name.contains("CompilerThre")) {
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        total += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
                    }
                } catch (IOException gone) {
                    // the thread ended between the listing and the read
                }
            }
        } catch (IOException e) {
            return Double.NaN;
        }
        return total;
    }

    /** Live threads of the process. */
    int threads() {
        try (var tasks = Files.list(Path.of("/proc/" + process.pid() + "/task"))) {
            return (int) tasks.count();
        } catch (IOException e) {
            return -1;
        }
    }

    /** Runs jcmd against the process (GC, JFR) and returns its output. */
    String jcmd(String... arguments) throws IOException, InterruptedException {
        Path javaHome = Path.of(java()).getParent();
        List<String> command = new java.util.ArrayList<>(List.of(javaHome.resolve("jcmd").toString(), String.valueOf(pid())));
        command.addAll(List.of(arguments));
        Process jcmd = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes());
        jcmd.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(40, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
