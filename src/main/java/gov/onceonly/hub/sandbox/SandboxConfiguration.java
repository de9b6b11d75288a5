package gov.onceonly.hub.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import gov.onceonly.hub.api.ExampleApplication;
import gov.onceonly.hub.catalog.BundleCatalog;
import gov.onceonly.hub.evidence.EvidenceSigner;
import gov.onceonly.hub.security.DepartmentCallSigner;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.ConfigurableEnvironment;

import javax.sql.DataSource;

/**
 * The sandbox profile: simulated departments for a newcomer's first run and for end-to-end tests. The
 * embedded default turns it on; the core never depends on anything here.
 */
@Configuration(proxyBeanMethods = false)
@Profile("sandbox")
@ConditionalOnProperty(name = "hub.sandbox.departments", havingValue = "true", matchIfMissing = true)
public class SandboxConfiguration {

    @Bean(destroyMethod = "close")
    SandboxDepartments sandboxDepartments(ConfigurableEnvironment env, DataSource dataSource, ObjectMapper json,
                                          DepartmentCallSigner hubSigner, EvidenceSigner evidenceSigner) throws Exception {
        // The departments trust the public half of the hub's key, as a real one would from /.well-known/jwks.json;
        // the witness the public half of its checkpoint key.
        return new SandboxDepartments(env, dataSource, json, hubSigner, evidenceSigner);
    }

    @Bean
    SandboxApplications sandboxApplications(SandboxDepartments departments, BundleCatalog bundles, ObjectMapper json) {
        return SandboxApplications.serve(departments, bundles, json);
    }

    /** The departments deciding what they receive, on the status topic, when asked (hub.sandbox.report-status). */
    @Bean(destroyMethod = "close")
    SandboxDecisions sandboxDecisions(SandboxDepartments departments, BundleCatalog bundles, ObjectMapper json, Environment env) {
        SandboxDecisions decisions = new SandboxDecisions(bundles, json, env.getRequiredProperty("hub.sandbox.kafka-bootstrap-servers"),
                env.getRequiredProperty("hub.topics.item-status"),
                env.getProperty("hub.sandbox.report-status", Boolean.class, false), departments.clock(),
                new DepartmentRules(departments.clock(), departments.catalogue().records()));
        departments.inbox().onFirstReceipt(decisions::received);
        departments.inbox().onFirstReceipt(new CertificateLibrary(departments.catalogue().records(), json)::received);
        decisions.readExchangeTables(departments.catalogue()::exchangedSince);
        return decisions;
    }

    @Bean
    ExampleApplication sandboxExample(SandboxApplications served, Environment env) {
        return new SandboxExample(env); // served: the examples are up once this bean is
    }
}
