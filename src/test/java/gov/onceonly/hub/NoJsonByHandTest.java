package gov.onceonly.hub;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No JSON built by hand in the main code: a string literal (or text block) shaped like JSON, a key in an object
 * ({@code {"status":}, {@code ,"fields":}), a key and a string value ({@code ":"}) or a string closing an object
 * ({@code "}}), that is concatenated ({@code +}), formatted ({@code .formatted(}, {@code String.format(}) or appended
 * to a {@code StringBuilder} writes JSON that a value with a quote or a backslash breaks, or turns into other JSON.
 * Jackson writes it (ObjectMapper, ObjectNode, {@code putRawValue} to splice JSON in, ProblemDetail for errors).
 * ArchUnit sees no string constants, so this reads the source; a JSON literal used as it is (a constant answer, an
 * example) is allowed.
 */
class NoJsonByHandTest {

    /** A key opening an object or following a value, a key and a string value, or a string closing an object. */
    private static final Pattern JSON_SHAPED = Pattern.compile("[{,]\\s*\"[^\"\\s]*\"\\s*:|\"\\s*:\\s*\"|^\"?\\s*}|\"\\s*}");
    private static final Pattern FORMATTING_CALL_BEFORE = Pattern.compile(
            "(String\\.format|\\.formatted|\\.append|MessageFormat\\.format|\\.printf)\\s*\\(\\s*$");
    private static final Pattern CONCATENATED_AFTER = Pattern.compile("^\\)*\\s*(\\+|\\.formatted\\s*\\()");
    private static final Pattern CONCATENATED_BEFORE = Pattern.compile("\\+\\s*\\(*\\s*$");

    @Test
    void theMainCodeBuildsNoJsonByHand() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(f -> found.addAll(findings(f, read(f))));
        }
        assertThat(found).as("JSON built by concatenation or formatting: write it with Jackson").isEmpty();
    }

    @Test
    void theScanFindsConcatenatedFormattedAndAppendedJsonAndNothingElse() {
        assertThat(findings(Path.of("A.java"), """
                class A {
                    String a(String key) { return "{\\"accepted\\":\\"" + key + "\\"}"; }
                    String b(String at) { return "{\\"status\\":\\"DONE\\",\\"at\\":\\"%s\\"}".formatted(at); }
                    String c(String f) { return head + ",\\"fields\\":" + f + "}"; }
                    void d(StringBuilder out, String v) { out.append("{\\"v\\":").append(v); }
                    String e(String v) { return String.format("{\\"v\\":%s}", v); }
                    String f(String v) { return \"""
                            {"v": "%s"}
                            \""".formatted(v); }
                }
                """)).extracting(found -> found.substring(0, found.indexOf(": ")))
                .containsOnly("A.java:2", "A.java:3", "A.java:4", "A.java:5", "A.java:6", "A.java:7");
        assertThat(findings(Path.of("B.java"), """
                class B {
                    static final String ERROR = "{\\"error\\":\\"no such person\\"}";
                    String sql(String column) { return column + " <> '{}'::jsonb and x->>'sealed' like ?"; }
                    String base(String name, String value) { return "\\"" + name + "\\": " + value; }
                    String html(String x) { return "<a href=\\"" + x + "\\">"; }
                    // "{\\"commented\\":\\"" + out
                    /* "{\\"commented\\":\\"" + out */
                    String text() { return "say \\"hi\\": " + name; }
                }
                """)).isEmpty();
    }

    /** {@code file:line: literal} for each JSON-shaped literal that is concatenated, formatted or appended. */
    static List<String> findings(Path file, String source) {
        StringBuilder code = new StringBuilder(source.length());
        List<int[]> literals = new ArrayList<>();
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = blank(code, source, i, end < 0 ? source.length() : end);
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = blank(code, source, i, end < 0 ? source.length() : end + 2);
            } else if (source.startsWith("\"\"\"", i)) {
                int end = i + 3;
                while ((end = source.indexOf("\"\"\"", end)) > 0 && source.charAt(end - 1) == '\\') {
                    end++;
                }
                end = end < 0 ? source.length() : end + 3;
                literals.add(new int[] {i, end});
                code.append(source, i, end);
                i = end;
            } else if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < source.length() && source.charAt(end) != c) {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(end + 1, source.length());
                if (c == '"') {
                    literals.add(new int[] {i, end});
                }
                code.append(source, i, end);
                i = end;
            } else {
                code.append(c);
                i++;
            }
        }
        List<String> found = new ArrayList<>();
        for (int[] literal : literals) {
            String text = source.substring(literal[0], literal[1]);
            String content = (text.startsWith("\"\"\"") ? text.substring(3, text.length() - 3) : text.substring(1, text.length() - 1))
                    .replace("\\\"", "\"");
            if (!JSON_SHAPED.matcher(content).find()) {
                continue;
            }
            String before = code.substring(Math.max(0, literal[0] - 80), literal[0]);
            String after = code.substring(literal[1], Math.min(code.length(), literal[1] + 80)).stripLeading();
            if (CONCATENATED_BEFORE.matcher(before).find() || FORMATTING_CALL_BEFORE.matcher(before).find()
                    || CONCATENATED_AFTER.matcher(after).find()) {
                int line = (int) source.substring(0, literal[0]).chars().filter(ch -> ch == '\n').count() + 1;
                found.add(file + ":" + line + ": " + text.strip());
            }
        }
        return found;
    }

    private static int blank(StringBuilder code, String source, int from, int to) {
        for (int j = from; j < to; j++) {
            code.append(source.charAt(j) == '\n' ? '\n' : ' ');
        }
        return to;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
