package gov.onceonly.hub.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import gov.onceonly.hub.application.ApplicationStore;
import gov.onceonly.hub.catalog.BundleCatalog;
import gov.onceonly.hub.configfile.ConfigRootProperties;
import gov.onceonly.hub.connector.ConnectorCatalog;
import gov.onceonly.hub.connector.KafkaProperties;
import gov.onceonly.hub.connector.SourcesProperties;
import gov.onceonly.hub.dryrun.MappingDryRun;
import gov.onceonly.hub.lint.ConfigLint;
import gov.onceonly.hub.recommendation.RecommendationCatalog;
import gov.onceonly.hub.schema.ConfigSchemas;
import gov.onceonly.hub.connector.ConnectorRoutes;
import gov.onceonly.hub.connector.DepartmentDataSources;
import gov.onceonly.hub.connector.FeedProgress;
import gov.onceonly.hub.proposal.ProposalRules;
import gov.onceonly.hub.reload.ConfigReloader;
import gov.onceonly.hub.reload.ConfigWatcher;
import gov.onceonly.hub.reload.ReloadProperties;
import gov.onceonly.hub.schedule.PeriodicJobs;
import org.apache.camel.CamelContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;

/** Wiring of the integration engineers' tools: schemas, lint, hot reload, mapping dry-runs. */
@Configuration(proxyBeanMethods = false)
public class ToolingConfiguration {

    /** The schemas the catalogues check at load; Camel's YAML DSL schema is compiled when a lint or reload needs it. */
    @Bean
    ConfigSchemas configSchemas() {
        return ConfigSchemas.shared();
    }

    @Bean
    @Lazy
    ConfigLint configLint(ConfigSchemas schemas) {
        return new ConfigLint(schemas);
    }

    /** Always present, so GET /api/v1/ops/config answers; it only acts when the watcher (below) or a test asks. */
    @Bean
    ConfigReloader configReloader(Environment env, ObjectProvider<ConfigLint> lint, ConnectorCatalog connectors,
                                  BundleCatalog bundles, CamelContext camel, DepartmentDataSources dataSources,
                                  FeedProgress feedProgress, SslBundles sslBundles, ConfigRootProperties configRoot,
                                  ReloadProperties reload, KafkaProperties kafka, SourcesProperties sources,
                                  ProposalRules proposals, RecommendationCatalog recommendations) {
        // env resolves the connector files' ${...}.
        return new ConfigReloader(configRoot.root(), reload.enabled(), lint::getObject, connectors, bundles,
                new ConnectorRoutes(connectors, env, kafka, sources, dataSources, feedProgress, sslBundles), camel, proposals)
                .reloading(recommendations);
    }

    /** Hot reload: on in the sandbox profile, off by default (production restarts or rolls instead). */
    @Bean
    @ConditionalOnProperty(name = "hub.reload.enabled", havingValue = "true")
    ConfigWatcher configWatcher(ConfigReloader reloader, PeriodicJobs jobs, ReloadProperties reload) {
        return new ConfigWatcher(reloader, jobs, reload.pollMillis());
    }

    @Bean
    MappingDryRun mappingDryRun(JdbcTemplate jdbc, ApplicationStore store, ObjectProvider<ConfigLint> lint,
                                ConnectorCatalog connectors, BundleCatalog bundles) {
        return new MappingDryRun(jdbc, store, lint::getObject, connectors, bundles);
    }
}
