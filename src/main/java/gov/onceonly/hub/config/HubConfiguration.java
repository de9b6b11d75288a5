package gov.onceonly.hub.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import gov.onceonly.hub.api.BodySizeLimitFilter;
import gov.onceonly.hub.api.ExampleApplication;
import gov.onceonly.hub.api.ReadyBanner;
import gov.onceonly.hub.application.ApplicationQueries;
import gov.onceonly.hub.application.ApplicationStore;
import gov.onceonly.hub.catalog.BundleCatalog;
import gov.onceonly.hub.connector.ConnectorCatalog;
import gov.onceonly.hub.intake.ApplicationValidator;
import gov.onceonly.hub.intake.Intake;
import gov.onceonly.hub.outbox.Outbox;
import gov.onceonly.hub.outbox.OutboxWakeup;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Path;

/** Wiring of the catalogue (connectors and mappings), the store and the intake. */
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
    ApplicationStore applicationStore(JdbcTemplate jdbc, ObjectMapper json) {
        return new ApplicationStore(jdbc, json);
    }

    @Bean
    ApplicationQueries applicationQueries(JdbcTemplate jdbc, ObjectMapper json) {
        return new ApplicationQueries(jdbc, json);
    }

    @Bean
    Outbox outbox(JdbcTemplate jdbc, OutboxWakeup outboxWakeup) {
        return new Outbox(jdbc, outboxWakeup);
    }

    @Bean
    Intake intake(BundleCatalog bundles, ApplicationStore store, Outbox outbox, TransactionTemplate tx,
                  ObjectMapper json, Environment env) {
        return new Intake(new ApplicationValidator(bundles), store, outbox, tx, json,
                env.getRequiredProperty("hub.topics.applications"));
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(Environment env, ObjectMapper json) {
        long max = env.getProperty("hub.intake.max-body-bytes", Long.class, 65536L);
        FilterRegistrationBean<BodySizeLimitFilter> registration = new FilterRegistrationBean<>(new BodySizeLimitFilter(max, json));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 20); // before the signature check, which reads the body
        return registration;
    }

    @Bean
    ReadyBanner readyBanner(Environment env, ObjectProvider<ExampleApplication> example) {
        return new ReadyBanner(env, example);
    }
}
