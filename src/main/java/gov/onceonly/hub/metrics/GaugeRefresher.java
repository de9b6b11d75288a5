package gov.onceonly.hub.metrics;

import gov.onceonly.hub.schedule.PeriodicJobs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Refreshes the gauges that need a query, each on its own period. A failed refresh (the database or broker away
 * for a moment) keeps the last values; PeriodicJobs logs it once until it recovers.
 */
public final class GaugeRefresher implements AutoCloseable {

    private final PeriodicJobs jobs;
    private final List<PeriodicJobs.Scheduled> refreshes = new ArrayList<>();

    public GaugeRefresher(PeriodicJobs jobs) {
        this.jobs = jobs;
    }

    public GaugeRefresher every(Duration period, String what, PeriodicJobs.Job refresh) {
        refreshes.add(jobs.every("Refreshing the gauges of " + what, period, refresh));
        return this;
    }

    @Override
    public void close() {
        refreshes.forEach(PeriodicJobs.Scheduled::close);
    }
}
