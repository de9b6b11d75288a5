package gov.onceonly.hub.connector;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SourceLimitsTest {

    @Test
    void theDefaultsLeaveRoomForAHundredKilobyteDocument() {
        SourceLimits limits = SourceLimits.from(new MockEnvironment());
        assertThat(limits.maxAnswerBytes()).isEqualTo(262144);
        assertThat(limits.maxFieldChars()).isEqualTo(131072).isGreaterThan(100 * 1024);
    }

    @Test
    void aFieldLimitAboveWhatTheParserReadsBackIsRefusedNamingBoth() {
        MockEnvironment env = new MockEnvironment().withProperty("hub.sources.max-field-chars", "70000")
                .withProperty("hub.json.max-string-chars", "65536");
        assertThatThrownBy(() -> SourceLimits.from(env)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("hub.sources.max-field-chars (70000)")
                .hasMessageContaining("hub.json.max-string-chars (65536)");
        assertThatThrownBy(() -> SourceLimits.from(new MockEnvironment().withProperty("hub.sources.max-field-chars", "0")))
                .hasMessageContaining("at least 1");
    }
}
