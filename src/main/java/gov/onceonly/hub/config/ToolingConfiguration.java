package gov.onceonly.hub.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import gov.onceonly.hub.catalog.BundleCatalog;
import gov.onceonly.hub.connector.ConnectorCatalog;
import gov.onceonly.hub.dryrun.MappingDryRun;
import gov.onceonly.hub.lint.ConfigLint;
import gov.onceonly.hub.schema.ConfigSchemas;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;

/** Wiring of the integration engineers' tools: schemas, lint, mapping dry-runs. */
@Configuration(proxyBeanMethods = false)
public class ToolingConfiguration {

    /** Camel's YAML DSL schema takes a second or two to compile: only when a dry-run or a reload first needs it. */
    @Bean
    @Lazy
    ConfigSchemas configSchemas() {
        return ConfigSchemas.load();
    }

    @Bean
    @Lazy
    ConfigLint configLint(ConfigSchemas schemas) {
        return new ConfigLint(schemas);
    }

    @Bean
    MappingDryRun mappingDryRun(JdbcTemplate jdbc, ObjectMapper json, ObjectProvider<ConfigLint> lint,
                                ConnectorCatalog connectors, BundleCatalog bundles) {
        return new MappingDryRun(jdbc, json, lint::getObject, connectors, bundles);
    }
}
