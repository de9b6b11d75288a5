package gov.onceonly.hub.config;

import gov.onceonly.hub.schedule.ClusterLock;
import gov.onceonly.hub.schedule.PeriodicJobs;
import gov.onceonly.hub.schedule.SchedulerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import javax.sql.DataSource;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The hub's one scheduler: the periodic jobs of every feature (PeriodicJobs) and Camel's {@code scheduler:} routes
 * (their {@code scheduledExecutorService=#hubScheduledExecutor}) share its few threads. Jobs are short: a query, a
 * batch, a probe round handed to its own workers.
 */
@Configuration(proxyBeanMethods = false)
public class SchedulingConfiguration {

    @Bean
    ThreadPoolTaskScheduler hubScheduler(SchedulerProperties properties) {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(properties.threads());
        scheduler.setThreadNamePrefix("hub-scheduled-");
        scheduler.setDaemon(true);
        scheduler.setRemoveOnCancelPolicy(true);
        // Jobs end at the context's close rather than hold it: each one's next run redoes what it left.
        scheduler.setWaitForTasksToCompleteOnShutdown(false);
        return scheduler;
    }

    /** The same threads as a JDK executor, for Camel's scheduled consumers. */
    @Bean
    ScheduledExecutorService hubScheduledExecutor(ThreadPoolTaskScheduler hubScheduler) {
        return hubScheduler.getScheduledExecutor();
    }

    @Bean
    PeriodicJobs periodicJobs(ThreadPoolTaskScheduler hubScheduler) {
        return new PeriodicJobs(hubScheduler);
    }

    @Bean
    ClusterLock clusterLock(DataSource dataSource) {
        return new ClusterLock(dataSource);
    }
}
