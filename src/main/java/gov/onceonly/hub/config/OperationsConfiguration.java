package gov.onceonly.hub.config;

import gov.onceonly.hub.api.ApiProperties;
import gov.onceonly.hub.api.ObjectMeansAnyJson;
import gov.onceonly.hub.api.OpenApiDocument;
import gov.onceonly.hub.api.RecordNullability;
import gov.onceonly.hub.catalog.BundleCatalog;
import gov.onceonly.hub.connector.ConnectorCatalog;
import gov.onceonly.hub.connector.DepartmentDataSources;
import gov.onceonly.hub.connector.KafkaClientSettings;
import gov.onceonly.hub.connector.KafkaProperties;
import gov.onceonly.hub.health.BackgroundHealth;
import gov.onceonly.hub.health.BrokerHealth;
import gov.onceonly.hub.health.ConnectorActivity;
import gov.onceonly.hub.health.ConnectorHealth;
import gov.onceonly.hub.health.ConnectorProbes;
import gov.onceonly.hub.health.HealthProperties;
import gov.onceonly.hub.kpi.KpiQueries;
import gov.onceonly.hub.metrics.ConnectorCallMetrics;
import gov.onceonly.hub.metrics.ConsumerLag;
import gov.onceonly.hub.metrics.GaugeRefresher;
import gov.onceonly.hub.schedule.PeriodicJobs;
import gov.onceonly.hub.metrics.KpiGauges;
import gov.onceonly.hub.metrics.MetricsProperties;
import gov.onceonly.hub.metrics.PipelineGauges;
import gov.onceonly.hub.metrics.PrometheusConventions;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.jdbc.DataSourceHealthIndicator;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;

/** Wiring of what operators watch: metrics, the reform KPIs, health and the OpenAPI document (tracing: TracingConfiguration). */
@Configuration(proxyBeanMethods = false)
public class OperationsConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** {@code Object} in the code is any JSON in the document, not only an object. */
    @Bean
    ObjectMeansAnyJson objectMeansAnyJson() {
        return new ObjectMeansAnyJson();
    }

    /** Nullable and required, as the API's records say (springdoc registers every ModelConverter bean). */
    @Bean
    RecordNullability recordNullability() {
        return new RecordNullability();
    }

    @Bean
    OpenApiDocument openApiDocument(ApiProperties api) {
        return new OpenApiDocument(api.version());
    }

    /** Spring Boot applies every MeterFilter bean to the registries before any meter is registered. */
    @Bean
    PrometheusConventions prometheusConventions() {
        return new PrometheusConventions();
    }

    @Bean
    KpiQueries kpiQueries(NamedParameterJdbcTemplate jdbc, BundleCatalog bundles) {
        return new KpiQueries(jdbc, bundles);
    }

    /** Added before the routes start, so that Camel emits the send events it listens to. */
    @Bean
    CamelContextConfiguration connectorCallMetrics(MeterRegistry registry, ConnectorActivity activity) {
        ConnectorCallMetrics metrics = new ConnectorCallMetrics(registry, activity);
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camel) {
                camel.getManagementStrategy().addEventNotifier(metrics);
            }

            @Override
            public void afterApplicationStart(CamelContext camel) {
            }
        };
    }

    @Bean
    ConnectorActivity connectorActivity() {
        return new ConnectorActivity();
    }

    @Bean(destroyMethod = "close")
    ConnectorProbes connectorProbes(ConnectorCatalog connectors, DepartmentDataSources dataSources, Environment env,
                                    KafkaProperties kafka, HealthProperties health, PeriodicJobs jobs) {
        // env resolves the connector files' ${...}.
        return new ConnectorProbes(connectors, dataSources, env, kafka.bootstrapServers(), jobs,
                probeWorkers().getThreadPoolExecutor(), health.probeTimeout());
    }

    /** Probes run side by side on up to four threads, which end between rounds. */
    private static ThreadPoolTaskExecutor probeWorkers() {
        ThreadPoolTaskExecutor workers = new ThreadPoolTaskExecutor();
        workers.setCorePoolSize(4);
        workers.setMaxPoolSize(4);
        workers.setKeepAliveSeconds(5);
        workers.setAllowCoreThreadTimeOut(true);
        workers.setThreadNamePrefix("hub-probe-");
        workers.setDaemon(true);
        workers.initialize();
        return workers;
    }

    /** Probing starts once the hub is up: the sandbox's addresses, for one, are known only then. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> startConnectorProbes(ConnectorProbes probes, HealthProperties health) {
        return ready -> probes.every(health.probePeriod());
    }

    /** {@code /actuator/health/departments/<connector>}: one indicator per department connector. */
    @Bean
    CompositeHealthContributor departments(ConnectorCatalog connectors, ConnectorProbes probes,
                                           ConnectorActivity activity, CamelContext camel) {
        return CompositeHealthContributor.fromMap(ConnectorHealth.all(connectors, probes, activity, camel));
    }

    @Bean(destroyMethod = "close")
    BrokerHealth brokerCheck(KafkaProperties kafka, KafkaClientSettings kafkaClient) {
        return new BrokerHealth(kafka.bootstrapServers(), kafkaClient);
    }

    /**
     * Readiness's own checks, {@code broker} and {@code database}, answered from the background (BackgroundHealth):
     * a probe answers at once, whatever the load. Spring Boot's inline {@code db} indicator is off
     * (management.health.db.enabled); Camel's checks run in the background too (camel.health.async-camel-health-check).
     */
    @Bean
    BackgroundHealth broker(BrokerHealth brokerCheck, HealthProperties health, Clock clock) {
        return new BackgroundHealth(brokerCheck, backgroundMaxAge(health), clock);
    }

    @Bean
    BackgroundHealth database(DataSource dataSource, HealthProperties health, Clock clock) {
        return new BackgroundHealth(new DataSourceHealthIndicator(dataSource, "select 1"), backgroundMaxAge(health), clock);
    }

    /** Checks every hub.health.check-period (5 s) from the start, on the hub's scheduler. */
    @Bean
    List<PeriodicJobs.Scheduled> backgroundHealthChecks(List<BackgroundHealth> checks, PeriodicJobs jobs,
                                                        HealthProperties health) {
        return checks.stream()
                .map(check -> jobs.every("A readiness check", Duration.ZERO, health.checkPeriod(), check::refresh))
                .toList();
    }

    /** A result is stale after three periods and the broker's own 3 s timeouts. */
    private static Duration backgroundMaxAge(HealthProperties health) {
        return health.checkPeriod().multipliedBy(3).plusSeconds(6);
    }

    @Bean(destroyMethod = "close")
    ConsumerLag consumerLag(KafkaProperties kafka, MeterRegistry registry, KafkaClientSettings kafkaClient) {
        String prefix = kafka.groupPrefix();
        return new ConsumerLag(kafka.bootstrapServers(), kafkaClient,
                List.of(prefix + "-pipeline", prefix + "-status"), registry);
    }

    @Bean(destroyMethod = "close")
    GaugeRefresher gaugeRefresher(JdbcTemplate jdbc, CamelContext camel, ConnectorCatalog connectors,
                                  KpiQueries kpis, ConsumerLag lag, Clock clock, MeterRegistry registry, PeriodicJobs jobs,
                                  MetricsProperties metrics) {
        PipelineGauges pipeline = new PipelineGauges(jdbc, camel, connectors, registry);
        KpiGauges kpiGauges = new KpiGauges(kpis, clock, registry);
        Duration every = metrics.refresh();
        return new GaugeRefresher(jobs)
                .every(every, "the pipeline", pipeline::refresh)
                .every(every, "consumer lag", lag::refresh)
                .every(metrics.kpiRefresh(), "the KPIs", kpiGauges::refresh);
    }
}
