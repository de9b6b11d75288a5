package gov.onceonly.hub.connector;

import org.junit.jupiter.api.Test;
import gov.onceonly.hub.api.JsonProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SourceLimitsTest {

    @Test
    void theDefaultsLeaveRoomForAHundredKilobyteDocument() {
        SourceLimits limits = limits(new MockEnvironment());
        assertThat(limits.maxAnswerBytes()).isEqualTo(262144);
        assertThat(limits.maxFieldChars()).isEqualTo(131072).isGreaterThan(100 * 1024);
    }

    @Test
    void aFieldLimitAboveWhatTheParserReadsBackIsRefusedNamingBoth() {
        MockEnvironment env = new MockEnvironment().withProperty("hub.sources.max-field-chars", "70000")
                .withProperty("hub.json.max-string-chars", "65536");
        assertThatThrownBy(() -> limits(env)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("hub.sources.max-field-chars (70000)")
                .hasMessageContaining("hub.json.max-string-chars (65536)");
        assertThatThrownBy(() -> limits(new MockEnvironment().withProperty("hub.sources.max-field-chars", "0")))
                .hasMessageContaining("at least 1");
    }

    /** The limits as config/PipelineConfiguration makes them, from hub.sources.* and hub.json.max-string-chars. */
    private static SourceLimits limits(Environment env) {
        Binder binder = Binder.get(env);
        return SourceLimits.of(binder.bindOrCreate("hub.sources", SourcesProperties.class),
                binder.bindOrCreate("hub.json", JsonProperties.class).maxStringChars());
    }
}
