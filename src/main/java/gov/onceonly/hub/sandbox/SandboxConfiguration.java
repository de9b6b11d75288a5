package gov.onceonly.hub.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import gov.onceonly.hub.api.ExampleApplication;
import gov.onceonly.hub.catalog.BundleCatalog;
import gov.onceonly.hub.configfile.ConfigRootProperties;
import gov.onceonly.hub.connector.KafkaProperties;
import gov.onceonly.hub.embedded.EmbeddedProperties;
import gov.onceonly.hub.evidence.EvidenceProperties;
import gov.onceonly.hub.evidence.EvidenceSigner;
import gov.onceonly.hub.identity.IdentityProperties;
import gov.onceonly.hub.pipeline.TopicsProperties;
import gov.onceonly.hub.security.ClientsProperties;
import gov.onceonly.hub.security.DepartmentCallSigner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
@EnableConfigurationProperties({SandboxProperties.class, EmbeddedProperties.class})
public class SandboxConfiguration {

    /** The departments publish their addresses in the environment ({@code hub.sandbox.url}...) once they run. */
    @Bean(destroyMethod = "close")
    SandboxDepartments sandboxDepartments(SandboxProperties sandbox, ConfigurableEnvironment env, DataSource dataSource,
                                          ObjectMapper json, DepartmentCallSigner hubSigner, EvidenceSigner evidenceSigner,
                                          ApplicationContext context, ClientsProperties clients, IdentityProperties identity,
                                          KafkaProperties kafka, EvidenceProperties evidence, EmbeddedProperties embedded,
                                          DataSourceProperties database) throws Exception {
        ClientsProperties.Client reporter = clients.clients().get(ApprovalStatusReporter.CLIENT);
        SandboxDepartments.Hub hub = new SandboxDepartments.Hub(() -> "http://127.0.0.1:" + hubPort(context),
                reporter == null ? null : reporter.secret(), identity.audience(), kafka.groupPrefix(), evidence.origin(),
                embedded.dataPath(), database.getUrl(), database.getUsername(), database.getPassword(),
                embedded.postgres().adminUser());
        // The departments trust the public half of the hub's key, as a real one would from /.well-known/jwks.json;
        // the witness the public half of its checkpoint key.
        return new SandboxDepartments(sandbox, hub, env, dataSource, json, hubSigner, evidenceSigner);
    }

    /** The hub's port once its server runs (what Spring publishes as local.server.port); 8080 without one. */
    private static int hubPort(ApplicationContext context) {
        return context instanceof WebServerApplicationContext web && web.getWebServer() != null
                ? web.getWebServer().getPort() : 8080;
    }

    /** The stand-in departments of the connectors with fixtures (connectors/fixtures/), served on the same server. */
    @Bean
    StandInFixtures standInFixtures(SandboxDepartments departments, ConfigRootProperties configRoot, ObjectMapper json) {
        StandInFixtures fixtures = new StandInFixtures(configRoot.root());
        StandInDepartments.serve(departments.http(), fixtures, departments.inbox(), departments.lookups(), json);
        return fixtures;
    }

    /**
     * The jdbc and kafka stand-ins: their databases and topics made from the fixtures before the hub's routes start,
     * then kept in step with the folder (StandInWatcher).
     */
    @Bean(destroyMethod = "close")
    StandInWatcher standInWatcher(SandboxDepartments departments, ConfigRootProperties configRoot,
                                  StandInFixtures fixtures, ObjectMapper json) {
        CatalogueDepartments.Servers servers = departments.servers();
        return new StandInWatcher(configRoot.root(), fixtures, new StandInDatabases(servers),
                new StandInStreams(servers.kafka(), servers.groupPrefix(), departments.inbox(), json),
                departments.inbox()).start();
    }

    @Bean
    SandboxApplications sandboxApplications(SandboxDepartments departments, BundleCatalog bundles, StandInFixtures fixtures,
                                            ObjectMapper json) {
        return SandboxApplications.serve(departments, bundles, fixtures, json);
    }

    /** The departments deciding what they receive, on the status topic, when asked (hub.sandbox.report-status). */
    @Bean(destroyMethod = "close")
    SandboxDecisions sandboxDecisions(SandboxDepartments departments, BundleCatalog bundles, ObjectMapper json,
                                      SandboxProperties sandbox, TopicsProperties topics) {
        SandboxDecisions decisions = new SandboxDecisions(bundles, json, sandbox.kafkaBootstrapServers(),
                topics.itemStatus(), sandbox.reportStatus(), departments.clock(),
                new DepartmentRules(departments.clock(), departments.catalogue().records()));
        departments.inbox().onFirstReceipt(decisions::received);
        departments.inbox().onFirstReceipt(new CertificateLibrary(departments.catalogue().records(), json)::received);
        decisions.readExchangeTables(departments.catalogue()::exchangedSince);
        return decisions;
    }

    @Bean
    ExampleApplication sandboxExample(SandboxApplications served, SandboxDepartments departments) {
        return new SandboxExample(departments::baseUrl); // served: the examples are up once this bean is
    }
}
