package gov.onceonly.hub.lint;

/**
 * One problem the lint found, printed as {@code file:line:column: severity: message}, the form compilers use and
 * editors and CI annotate.
 */
public record LintFinding(String file, int line, int column, Severity severity, String message)
        implements Comparable<LintFinding> {

    public enum Severity {
        /** The hub would refuse to start (or a reload would be rejected). */
        ERROR,
        /** The hub runs, but something is probably not what the engineer meant. */
        WARNING
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + severity.name().toLowerCase(java.util.Locale.ROOT) + ": " + message;
    }

    @Override
    public int compareTo(LintFinding other) {
        int byFile = file.compareTo(other.file);
        if (byFile != 0) return byFile;
        int byLine = Integer.compare(line, other.line);
        return byLine != 0 ? byLine : Integer.compare(column, other.column);
    }
}
