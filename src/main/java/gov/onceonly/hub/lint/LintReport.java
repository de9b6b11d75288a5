package gov.onceonly.hub.lint;

import java.util.List;

/**
 * What the lint found in one configuration root. {@code unusedFields} are kept apart: the shipped connectors
 * declare fields for bundles still to come, so they are listed only on request ({@code lint --unused}).
 */
public record LintReport(List<LintFinding> findings, List<LintFinding> unusedFields) {

    public LintReport {
        findings = findings.stream().sorted().toList();
        unusedFields = unusedFields.stream().sorted().toList();
    }

    public boolean hasErrors() {
        return findings.stream().anyMatch(LintFinding::isError);
    }

    public List<LintFinding> errors() {
        return findings.stream().filter(LintFinding::isError).toList();
    }

    public long warningCount() {
        return findings.stream().filter(f -> !f.isError()).count();
    }
}
