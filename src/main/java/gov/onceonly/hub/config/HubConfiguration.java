package gov.onceonly.hub.config;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.onceonly.hub.api.BodySizeLimitFilter;
import gov.onceonly.hub.api.ExampleApplication;
import gov.onceonly.hub.api.ProblemErrorReportValve;
import gov.onceonly.hub.api.ReadyBanner;
import gov.onceonly.hub.application.ApplicationAccess;
import gov.onceonly.hub.application.ApplicationQueries;
import gov.onceonly.hub.application.ApplicationStore;
import gov.onceonly.hub.application.PayloadResealer;
import gov.onceonly.hub.catalog.BundleCatalog;
import gov.onceonly.hub.connector.ConnectorCatalog;
import gov.onceonly.hub.connector.DepartmentCalls;
import gov.onceonly.hub.connector.SourceLimits;
import gov.onceonly.hub.evidence.EvidenceRecorder;
import gov.onceonly.hub.identity.IdentityTokens;
import gov.onceonly.hub.intake.ApplicantIdentity;
import gov.onceonly.hub.intake.ApplicationValidator;
import gov.onceonly.hub.intake.Intake;
import gov.onceonly.hub.outbox.Outbox;
import gov.onceonly.hub.outbox.OutboxWakeup;
import gov.onceonly.hub.pipeline.DeliveryRetries;
import gov.onceonly.hub.pipeline.ItemRemapper;
import gov.onceonly.hub.security.PayloadCipher;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Path;
import java.util.List;

/** Wiring of the catalogue (connectors and mappings), the store, the intake and the API's error answers. */
@Configuration(proxyBeanMethods = false)
public class HubConfiguration {

    @Bean
    ConnectorCatalog connectorCatalog(Environment env) {
        Path root = Path.of(env.getProperty("hub.config-root", "."));
        return ConnectorCatalog.load(root, root.resolve("connectors"));
    }

    @Bean
    BundleCatalog bundleCatalog(Environment env, ConnectorCatalog connectors) {
        Path root = Path.of(env.getProperty("hub.config-root", "."));
        return BundleCatalog.load(root, root.resolve("mappings"), connectors);
    }

    @Bean
    ApplicationStore applicationStore(JdbcTemplate jdbc, ObjectMapper json, PayloadCipher cipher, BundleCatalog bundles,
                                      DeliveryRetries deliveries, EvidenceRecorder evidence) {
        return new ApplicationStore(jdbc, json, cipher, new ItemRemapper(bundles), deliveries::queueReleased, evidence);
    }

    @Bean
    ApplicationQueries applicationQueries(JdbcTemplate jdbc, ObjectMapper json, PayloadCipher cipher) {
        return new ApplicationQueries(jdbc, json, cipher);
    }

    @Bean
    PayloadResealer payloadResealer(JdbcTemplate jdbc, PayloadCipher cipher) {
        return new PayloadResealer(jdbc, cipher);
    }

    @Bean
    ApplicationAccess applicationAccess(JdbcTemplate jdbc, ApplicationQueries queries) {
        return new ApplicationAccess(jdbc, queries);
    }

    @Bean
    Outbox outbox(JdbcTemplate jdbc, OutboxWakeup outboxWakeup) {
        return new Outbox(jdbc, outboxWakeup);
    }

    @Bean
    Intake intake(BundleCatalog bundles, ApplicantIdentity identity, ApplicationStore store, Outbox outbox,
                  TransactionTemplate tx, ObjectMapper json, Environment env, EvidenceRecorder evidence, Tracer tracer,
                  Propagator propagator) {
        return new Intake(new ApplicationValidator(bundles), identity, store, outbox, tx, json,
                env.getRequiredProperty("hub.topics.applications"), evidence, tracer, propagator);
    }

    /** Applicants' identity tokens, verified against the identity provider's keys (hub.identity.*). */
    @Bean
    ApplicantIdentity applicantIdentity(Environment env, DepartmentCalls calls) {
        return new ApplicantIdentity(new IdentityTokens(env), calls,
                env.getProperty("hub.identity.enterprise-registry", "scjg-enterprise-registry/enterprise"),
                List.of(env.getProperty("hub.identity.enterprise-agent-fields", "legalRepIdNumber").split("\\s*,\\s*")));
    }

    /**
     * Limits on every JSON document the hub parses (API bodies, Kafka messages, department answers): nesting depth,
     * string length and token count. A body over them is a 400 naming the limit (ApiProblems); a department answer
     * over them is a failed answer.
     */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer jsonLimits(Environment env) {
        StreamReadConstraints limits = StreamReadConstraints.builder()
                .maxNestingDepth(env.getProperty("hub.json.max-depth", Integer.class, 32))
                .maxStringLength(env.getProperty("hub.json.max-string-chars", Integer.class, SourceLimits.DEFAULT_MAX_STRING_CHARS))
                .maxTokenCount(env.getProperty("hub.json.max-tokens", Long.class, 100_000L))
                .build();
        return builder -> builder.postConfigurer(mapper -> mapper.getFactory().setStreamReadConstraints(limits));
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(Environment env, ObjectMapper json) {
        long max = env.getProperty("hub.intake.max-body-bytes", Long.class, 65536L);
        FilterRegistrationBean<BodySizeLimitFilter> registration = new FilterRegistrationBean<>(new BodySizeLimitFilter(max, json));
        registration.addUrlPatterns("/api/*");
        // Before Spring Security's chain, whose signature check reads the body.
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
        return registration;
    }

    /** Errors Tomcat answers itself (a path its connector refuses) are problems too, not its HTML page. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> ((StandardHost) context.getParent())
                .setErrorReportValveClass(ProblemErrorReportValve.class.getName()));
    }

    @Bean
    ReadyBanner readyBanner(Environment env, ObjectProvider<ExampleApplication> example) {
        return new ReadyBanner(env, example);
    }
}
