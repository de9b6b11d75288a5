package gov.onceonly.hub.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;

import java.util.Map;
import java.util.Set;

/**
 * Makes the libraries' meters follow Prometheus's naming rules, so that {@code promtool check metrics} passes on
 * the whole scrape (MetricsIT): a HELP text for the meters that come without one, a name without the {@code _count}
 * suffix that only histograms and summaries may have, and no meters in abbreviated units (Micrometer exports the
 * JIT's time in ms and the process's CPU time in ns, and a filter cannot rescale them). docs/operations.md lists
 * each change and why.
 */
public final class PrometheusConventions implements MeterFilter {

    /** Meters a library registers without a description, and what they count. */
    static final Map<String, String> DESCRIPTIONS = Map.of(
            "http.server.requests", "HTTP requests served: their duration, by method, uri, status and outcome",
            "http.server.requests.active", "HTTP requests being served now",
            "tomcat.sessions.active.current", "Sessions Tomcat holds now (Hawtio's logins: API calls hold none)",
            "tomcat.sessions.active.max", "The most sessions Tomcat has held at once",
            "tomcat.sessions.alive.max", "The longest a session has lived",
            "tomcat.sessions.created", "Sessions created",
            "tomcat.sessions.expired", "Sessions that expired",
            "tomcat.sessions.rejected", "Sessions refused because Tomcat held its maximum");

    static final Map<String, String> RENAMED = Map.of("system.cpu.count", "system.cpu.processors");

    /** In ms and ns; process_cpu_usage and the JVM's GC pauses say what an operator needs of them. */
    static final Set<String> DENIED = Set.of("jvm.compilation.time", "process.cpu.time");

    @Override
    public MeterFilterReply accept(Meter.Id id) {
        return DENIED.contains(id.getName()) ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
    }

    @Override
    public Meter.Id map(Meter.Id id) {
        String name = RENAMED.getOrDefault(id.getName(), id.getName());
        String description = id.getDescription() == null || id.getDescription().isBlank()
                ? DESCRIPTIONS.get(id.getName()) : id.getDescription();
        if (name.equals(id.getName()) && description == id.getDescription()) {
            return id;
        }
        return new Meter.Id(name, Tags.of(id.getTags()), id.getBaseUnit(), description,
                id.getType());
    }
}
