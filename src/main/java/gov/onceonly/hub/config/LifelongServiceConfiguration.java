package gov.onceonly.hub.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import gov.onceonly.hub.application.ApplicationStore;
import gov.onceonly.hub.archive.ArchiveProperties;
import gov.onceonly.hub.archive.ArchiveReads;
import gov.onceonly.hub.archive.Archives;
import gov.onceonly.hub.archive.SubjectAccess;
import gov.onceonly.hub.catalog.BundleCatalog;
import gov.onceonly.hub.configfile.ConfigRootProperties;
import gov.onceonly.hub.connector.ConnectorCatalog;
import gov.onceonly.hub.evidence.EvidenceRecorder;
import gov.onceonly.hub.intake.ApplicantIdentity;
import gov.onceonly.hub.recommendation.BundleFacts;
import gov.onceonly.hub.recommendation.RecommendationCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Path;
import java.time.Clock;

/** Wiring of the lifelong services (docs/lifelong-service.md): archives and recommendations. */
@Configuration(proxyBeanMethods = false)
public class LifelongServiceConfiguration {

    /** recommendations/*.yaml, checked against the catalogue; hot-reloaded with it (reload/ConfigReloader). */
    @Bean
    RecommendationCatalog recommendationCatalog(ConfigRootProperties configRoot, BundleCatalog bundles) {
        Path root = configRoot.root();
        return RecommendationCatalog.load(root, root.resolve("recommendations"), BundleFacts.of(bundles.all()));
    }

    @Bean
    Archives archives(JdbcTemplate jdbc, ObjectMapper json, ApplicationStore store, BundleCatalog bundles,
                      ConnectorCatalog connectors, RecommendationCatalog rules, ArchiveProperties archive, Clock clock) {
        return new Archives(jdbc, json, store, bundles, connectors, rules, archive, clock);
    }

    @Bean
    ArchiveReads archiveReads(JdbcTemplate jdbc, TransactionTemplate tx, EvidenceRecorder evidence, ObjectMapper json) {
        return new ArchiveReads(jdbc, tx, evidence, json);
    }

    @Bean
    SubjectAccess subjectAccess(ApplicantIdentity identity) {
        return new SubjectAccess(identity);
    }
}
