package gov.onceonly.hub.tracing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TraceParentTest {

    @Test
    void parsesTheW3cExample() {
        TraceParent parent = TraceParent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").orElseThrow();
        assertThat(parent.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(parent.spanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(parent.header()).isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
    }

    @Test
    void refusesWhatTheSpecRefuses() {
        assertThat(TraceParent.parse(null)).isEmpty();
        assertThat(TraceParent.parse("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01")).as("upper case").isEmpty();
        assertThat(TraceParent.parse("00-00000000000000000000000000000000-00f067aa0ba902b7-01")).as("zero trace").isEmpty();
        assertThat(TraceParent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01")).as("zero span").isEmpty();
        assertThat(TraceParent.parse("ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")).as("version ff").isEmpty();
        assertThat(TraceParent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7")).as("no flags").isEmpty();
    }

    @Test
    void aChildKeepsTheTraceWithANewSpan() {
        TraceParent root = TraceParent.newTrace();
        TraceParent child = root.child();
        assertThat(child.traceId()).isEqualTo(root.traceId()).hasSize(32);
        assertThat(child.spanId()).isNotEqualTo(root.spanId()).hasSize(16);
        assertThat(TraceParent.parse(child.header())).contains(child);
    }
}
