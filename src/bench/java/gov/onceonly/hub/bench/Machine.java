package gov.onceonly.hub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the numbers were measured on. */
final class Machine {

    private Machine() {
    }

    static Map<String, Object> describe() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("memory", memory());
        machine.put("cpu", cpu());
        machine.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        return machine;
    }

    static String markdown() {
        StringBuilder out = new StringBuilder("| machine | |\n|---|---|\n");
        describe().forEach((k, v) -> out.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        return out.toString();
    }

    /** The 1, 5 and 15 minute load averages: on a shared machine, how much else wanted the two cores. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static String memory() {
        return procLine(Path.of("/proc/meminfo"), "MemTotal");
    }

    private static String cpu() {
        return procLine(Path.of("/proc/cpuinfo"), "model name");
    }

    private static String procLine(Path file, String key) {
        try {
            return Files.readAllLines(file).stream().filter(l -> l.startsWith(key)).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }
}
