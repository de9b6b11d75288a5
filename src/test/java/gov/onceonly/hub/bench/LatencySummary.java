package gov.onceonly.hub.bench;

/** The percentiles a report shows, in milliseconds. */
public record LatencySummary(long count, double p50, double p99, double p999, double max) {

    public static final LatencySummary EMPTY = new LatencySummary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
}
