package gov.onceonly.hub.configfile;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SuggestionsTest {

    @Test
    void theClosestKnownNameWithinTwoEdits() {
        assertThat(Suggestions.closest("weijian-aproval", List.of("weijian-birth-records", "weijian-approval")))
                .contains("weijian-approval");
        assertThat(Suggestions.closest("placmentType", List.of("placementType", "placementDate"))).contains("placementType");
        assertThat(Suggestions.closest("baseurl", List.of("baseUrl", "path", "timeoutMillis"))).contains("baseUrl");
        assertThat(Suggestions.closest("phnoe", List.of("phone", "babyName"))).contains("phone");
    }

    @Test
    void noSuggestionForAnUnrelatedOrShortName() {
        assertThat(Suggestions.closest("income", List.of("name", "address"))).isEmpty();
        // Two edits of a three-letter name would make anything of anything.
        assertThat(Suggestions.closest("pet", List.of("put", "pit"))).contains("pit");
        assertThat(Suggestions.closest("pet", List.of("tip"))).isEmpty();
        assertThat(Suggestions.didYouMean("x", List.of())).isEmpty();
    }

    @Test
    void distanceCountsEditsAndSwaps() {
        assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Suggestions.distance("nmae", "name")).isEqualTo(1);
        assertThat(Suggestions.distance("baseurl", "baseUrl")).isEqualTo(1);
        assertThat(Suggestions.didYouMean("dept-aproval", List.of("dept-approval"))).isEqualTo("; did you mean 'dept-approval'?");
    }
}
