package gov.onceonly.hub.config;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.onceonly.hub.api.BodySizeLimitFilter;
import gov.onceonly.hub.api.ExampleApplication;
import gov.onceonly.hub.api.JsonProperties;
import gov.onceonly.hub.api.ProblemErrorReportValve;
import gov.onceonly.hub.api.ReadyBanner;
import gov.onceonly.hub.application.ApplicationAccess;
import gov.onceonly.hub.application.ApplicationQueries;
import gov.onceonly.hub.application.ApplicationStore;
import gov.onceonly.hub.application.PayloadResealer;
import gov.onceonly.hub.catalog.BundleCatalog;
import gov.onceonly.hub.configfile.ConfigRootProperties;
import gov.onceonly.hub.connector.ConnectorCatalog;
import gov.onceonly.hub.connector.DepartmentCalls;
import gov.onceonly.hub.evidence.EvidenceRecorder;
import gov.onceonly.hub.identity.IdentityProperties;
import gov.onceonly.hub.identity.IdentityTokens;
import gov.onceonly.hub.intake.ApplicantIdentity;
import gov.onceonly.hub.intake.ApplicationValidator;
import gov.onceonly.hub.intake.Intake;
import gov.onceonly.hub.intake.IntakeProperties;
import gov.onceonly.hub.intake.RequestConstraints;
import gov.onceonly.hub.outbox.Outbox;
import gov.onceonly.hub.outbox.OutboxWakeup;
import gov.onceonly.hub.pipeline.DeliveryRetries;
import gov.onceonly.hub.pipeline.ItemRemapper;
import gov.onceonly.hub.pipeline.TopicsProperties;
import gov.onceonly.hub.security.PayloadCipher;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import jakarta.validation.Validator;
import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.bind.Binder;
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
    ConnectorCatalog connectorCatalog(ConfigRootProperties configRoot) {
        Path root = configRoot.root();
        return ConnectorCatalog.load(root, root.resolve("connectors"));
    }

    @Bean
    BundleCatalog bundleCatalog(ConfigRootProperties configRoot, ConnectorCatalog connectors) {
        Path root = configRoot.root();
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

    /** Request bodies' own constraints, checked with Spring Boot's Bean Validation validator. */
    @Bean
    RequestConstraints requestConstraints(Validator validator) {
        return new RequestConstraints(validator);
    }

    @Bean
    Intake intake(BundleCatalog bundles, ApplicantIdentity identity, ApplicationStore store, Outbox outbox,
                  TransactionTemplate tx, ObjectMapper json, TopicsProperties topics, EvidenceRecorder evidence,
                  RequestConstraints constraints, Tracer tracer, Propagator propagator) {
        return new Intake(new ApplicationValidator(bundles, constraints), identity, store, outbox, tx, json,
                topics.applications(), evidence, tracer, propagator);
    }

    /**
     * Applicants' identity tokens, verified against the identity provider's keys (hub.identity.*). The provider's
     * settings are bound again at the first verification, not taken from the bean bound at startup: in the sandbox
     * hub.identity.jwks-uri names ${hub.sandbox.url}, which the sandbox publishes only once its server is up.
     */
    @Bean
    ApplicantIdentity applicantIdentity(Environment env, IdentityProperties identity, DepartmentCalls calls) {
        return new ApplicantIdentity(new IdentityTokens(() -> Binder.get(env).bindOrCreate("hub.identity",
                IdentityProperties.class)), calls, identity.enterpriseRegistry(),
                List.of(identity.enterpriseAgentFields().split("\\s*,\\s*")));
    }

    /**
     * Limits on every JSON document the hub parses (API bodies, Kafka messages, department answers): nesting depth,
     * string length and token count. A body over them is a 400 naming the limit (ApiProblems); a department answer
     * over them is a failed answer.
     */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer jsonLimits(JsonProperties json) {
        StreamReadConstraints limits = StreamReadConstraints.builder()
                .maxNestingDepth(json.maxDepth())
                .maxStringLength(json.maxStringChars())
                .maxTokenCount(json.maxTokens())
                .build();
        return builder -> builder.postConfigurer(mapper -> mapper.getFactory().setStreamReadConstraints(limits));
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(IntakeProperties intake, ObjectMapper json) {
        long max = intake.maxBodyBytes();
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
        // Spring's local.server.port: where the server listens, known once it runs.
        return new ReadyBanner(() -> env.getProperty("local.server.port", "8080"), example);
    }
}
