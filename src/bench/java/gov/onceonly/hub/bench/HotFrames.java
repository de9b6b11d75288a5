package gov.onceonly.hub.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the hub's CPU went, from a JFR recording's execution samples: the hottest top frames (self), the
 * packages they are in, the threads that ran them, and the hub's own methods with everything they called
 * (inclusive). The same as {@code jfr print --events jdk.ExecutionSample}, counted.
 */
final class HotFrames {

    private HotFrames() {
    }

    static String summarize(Path recording, int top) throws IOException {
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> packages = new HashMap<>();
        Map<String, Long> threads = new HashMap<>();
        Map<String, Long> hubInclusive = new HashMap<>();
        long samples = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                    continue;
                }
                RecordedStackTrace stack = event.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty()) {
                    continue;
                }
                samples++;
                RecordedFrame first = stack.getFrames().get(0);
                self.merge(frame(first), 1L, Long::sum);
                packages.merge(packageOf(first), 1L, Long::sum);
                RecordedThread thread = event.getThread("sampledThread");
                threads.merge(thread == null ? "?" : threadGroup(thread.getJavaName()), 1L, Long::sum);
                Set<String> seen = new HashSet<>();
                for (RecordedFrame frame : stack.getFrames()) {
                    String name = frame(frame);
                    if (name.startsWith("gov.onceonly.") && seen.add(name)) {
                        hubInclusive.merge(name, 1L, Long::sum);
                    }
                }
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(samples).append(" execution samples.\n\n");
        out.append(table("Threads (samples by thread name, digits folded)", threads, samples, top));
        out.append(table("Packages of the top frame", packages, samples, top));
        out.append(table("Top frames (self)", self, samples, top));
        out.append(table("The hub's own methods, inclusive of what they call", hubInclusive, samples, top));
        return out.toString();
    }

    private static String table(String title, Map<String, Long> counts, long samples, int top) {
        List<List<String>> rows = new ArrayList<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .forEach(e -> rows.add(List.of("`" + e.getKey() + "`", String.valueOf(e.getValue()),
                        String.format(java.util.Locale.ROOT, "%.1f%%", 100.0 * e.getValue() / Math.max(1, samples)))));
        return "#### " + title + "\n\n" + MarkdownTable.render(List.of("frame", "samples", "share"), rows) + "\n";
    }

    private static String frame(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static String packageOf(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        String[] parts = type.split("\\.");
        int keep = Math.min(parts.length - 1, type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.") ? 2 : 3);
        return keep <= 0 ? type : String.join(".", java.util.Arrays.copyOf(parts, keep));
    }

    static String threadGroup(String name) {
        return name == null ? "?" : name.replaceAll("\\d+", "N");
    }
}
