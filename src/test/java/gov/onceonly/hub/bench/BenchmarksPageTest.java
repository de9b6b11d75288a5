package gov.onceonly.hub.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchmarksPageTest {

    private static final String PAGE = "# Benchmarks\n\nBy hand.\n\n## Latest run\n\n" + BenchmarksPage.BEGIN
            + "\n\nold numbers\n\n" + BenchmarksPage.END + "\n\n## Analysis\n\nBy hand too.\n";

    @Test
    void theRunReplacesWhatIsBetweenTheMarkersAndNothingElse() {
        String page = BenchmarksPage.withLatestRun(PAGE, "# Benchmark results\n\n## Headline\n\n| a |\n#### Threads\n");
        assertThat(page).startsWith("# Benchmarks\n\nBy hand.\n\n## Latest run\n\n" + BenchmarksPage.BEGIN)
                .endsWith(BenchmarksPage.END + "\n\n## Analysis\n\nBy hand too.\n")
                .doesNotContain("old numbers")
                .contains("\n### Benchmark results\n", "\n#### Headline\n", "\n###### Threads\n", "| a |");
    }

    @Test
    void aSecondRunReplacesTheFirst() {
        String once = BenchmarksPage.withLatestRun(PAGE, "## First\n");
        String twice = BenchmarksPage.withLatestRun(once, "## Second\n");
        assertThat(twice).contains("#### Second").doesNotContain("First");
        assertThat(twice.length() - twice.replace(BenchmarksPage.BEGIN, "").length()).isEqualTo(BenchmarksPage.BEGIN.length());
    }

    @Test
    void aPageWithoutItsMarkersIsRefusedNamingThem() {
        assertThatThrownBy(() -> BenchmarksPage.withLatestRun("# Benchmarks\n", "## Run\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("docs/benchmarks.md").hasMessageContaining(BenchmarksPage.BEGIN);
        assertThatThrownBy(() -> BenchmarksPage.withLatestRun(BenchmarksPage.END + BenchmarksPage.BEGIN, "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
