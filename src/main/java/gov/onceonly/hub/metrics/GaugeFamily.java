package gov.onceonly.hub.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Gauges of one name, one per tag set, each registered once and then only given new values. Re-registering rows
 * (Micrometer's MultiGauge with overwrite) removes and adds meters while a scrape may be reading them, and the
 * Prometheus registry then refuses the whole scrape for a duplicate label set; a value set in place cannot race.
 * Every gauge of the hub with a label per row (pipeline counts, circuits, KPIs) is one.
 */
final class GaugeFamily {

    private final String name;
    private final String description;
    private final MeterRegistry registry;
    private final Map<Tags, AtomicReference<Double>> values = new ConcurrentHashMap<>();

    GaugeFamily(String name, String description, MeterRegistry registry) {
        this.name = name;
        this.description = description;
        this.registry = registry;
    }

    /**
     * This refresh's counts: the tag sets given, and 0 for each one counted before and not now (none of it is left),
     * where re-registered rows would have dropped the series.
     */
    void update(Map<Tags, ? extends Number> counts) {
        values.forEach((tags, value) -> {
            if (!counts.containsKey(tags)) {
                value.set(0.0);
            }
        });
        counts.forEach((tags, count) -> set(tags, count.doubleValue()));
    }

    void set(Tags tags, double value) {
        values.computeIfAbsent(tags, t -> {
            AtomicReference<Double> holder = new AtomicReference<>(value);
            Gauge.builder(name, holder, AtomicReference::get).description(description).tags(t).register(registry);
            return holder;
        }).set(value);
    }
}
