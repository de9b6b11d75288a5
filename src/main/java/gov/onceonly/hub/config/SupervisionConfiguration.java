package gov.onceonly.hub.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import gov.onceonly.hub.catalog.BundleCatalog;
import gov.onceonly.hub.configfile.ConfigRootProperties;
import gov.onceonly.hub.connector.KafkaClientSettings;
import gov.onceonly.hub.connector.KafkaProperties;
import gov.onceonly.hub.metrics.MetricsProperties;
import gov.onceonly.hub.metrics.SupervisionGauges;
import gov.onceonly.hub.outbox.Outbox;
import gov.onceonly.hub.pipeline.KafkaTopics;
import gov.onceonly.hub.rating.RatingFigures;
import gov.onceonly.hub.schedule.ClusterLock;
import gov.onceonly.hub.schedule.PeriodicJobs;
import gov.onceonly.hub.supervision.CalendarFiles;
import gov.onceonly.hub.supervision.ItemClocks;
import gov.onceonly.hub.supervision.OverdueItems;
import gov.onceonly.hub.supervision.OverdueSweep;
import gov.onceonly.hub.supervision.SupervisionProperties;
import gov.onceonly.hub.supervision.SupervisionQueries;
import gov.onceonly.hub.supervision.TimeLimits;
import gov.onceonly.hub.supervision.WorkingCalendar;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/** Supervision (督办): the working-day calendar, the items' clocks, the overdue sweep and its topic, the figures. */
@Configuration(proxyBeanMethods = false)
public class SupervisionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SupervisionConfiguration.class);

    /** calendar/ under the configuration root, checked at startup like the other folders. */
    @Bean
    TimeLimits timeLimits(ConfigRootProperties configRoot, SupervisionProperties supervision, Clock clock) {
        WorkingCalendar calendar = CalendarFiles.load(configRoot.root());
        int year = LocalDate.now(clock.withZone(supervision.zone())).getYear();
        for (int y : new int[] {year, year + 1}) {
            if (!calendar.covers(y)) {
                log.warn("No calendar/{}.yaml: time limits in {} count weekends only, no public holiday", y, y);
            }
        }
        return new TimeLimits(calendar, supervision.zone(), supervision.dueSoonWorkingDays());
    }

    @Bean
    ItemClocks itemClocks(JdbcTemplate jdbc, BundleCatalog bundles, TimeLimits limits, SupervisionProperties supervision) {
        return new ItemClocks(jdbc, bundles, limits, supervision.defaultTimeLimit());
    }

    @Bean
    OverdueSweep overdueSweep(JdbcTemplate jdbc, TransactionTemplate tx, Outbox outbox, ObjectMapper json,
                              SupervisionProperties supervision, Clock clock, KafkaProperties kafka,
                              KafkaClientSettings kafkaClient) {
        // Created with the others' before a message goes there; a consumer subscribing later finds it.
        KafkaTopics.ensure(kafka.bootstrapServers(), kafkaClient, List.of(supervision.topic()),
                PipelineConfiguration.replication(kafka));
        return new OverdueSweep(jdbc, tx, outbox, json, supervision.topic(), clock);
    }

    /** The sweep on one instance of a cluster at a time; the gauge on each (every instance is scraped). */
    @Bean
    List<PeriodicJobs.Scheduled> supervisionJobs(PeriodicJobs jobs, ClusterLock lock, OverdueSweep sweep,
                                                 SupervisionProperties supervision, JdbcTemplate jdbc,
                                                 MeterRegistry registry, MetricsProperties metrics) {
        SupervisionGauges gauges = new SupervisionGauges(jdbc, registry);
        return List.of(
                jobs.every("The overdue sweep", Duration.ofSeconds(5), supervision.sweepPeriod(),
                        lock.alone("supervision-sweep", sweep::sweep)),
                jobs.every("The supervision gauges", metrics.refresh(), gauges::refresh));
    }

    /** The figures per department, with the ratings' side (好差评, 整改) from the ratings feature. */
    @Bean
    SupervisionQueries supervisionQueries(NamedParameterJdbcTemplate jdbc, BundleCatalog bundles, Clock clock) {
        return new SupervisionQueries(jdbc, bundles, new RatingFigures(jdbc, clock));
    }

    @Bean
    OverdueItems overdueItems(JdbcTemplate jdbc, BundleCatalog bundles, TimeLimits limits, Clock clock) {
        return new OverdueItems(jdbc, bundles, limits, clock);
    }
}
