package gov.onceonly.hub.config;

import gov.onceonly.hub.api.ApiProperties;
import gov.onceonly.hub.archive.ArchiveProperties;
import gov.onceonly.hub.api.JsonProperties;
import gov.onceonly.hub.configfile.ConfigRootProperties;
import gov.onceonly.hub.connector.ConnectorsProperties;
import gov.onceonly.hub.connector.KafkaProperties;
import gov.onceonly.hub.connector.SourcesProperties;
import gov.onceonly.hub.evidence.EvidenceProperties;
import gov.onceonly.hub.health.HealthProperties;
import gov.onceonly.hub.identity.IdentityProperties;
import gov.onceonly.hub.intake.IntakeProperties;
import gov.onceonly.hub.metrics.MetricsProperties;
import gov.onceonly.hub.outbox.OutboxProperties;
import gov.onceonly.hub.pipeline.CollectProperties;
import gov.onceonly.hub.pipeline.DispatchProperties;
import gov.onceonly.hub.pipeline.PipelineProperties;
import gov.onceonly.hub.pipeline.TopicsProperties;
import gov.onceonly.hub.proposal.ProposalProperties;
import gov.onceonly.hub.rating.RatingProperties;
import gov.onceonly.hub.reload.ReloadProperties;
import gov.onceonly.hub.schedule.SchedulerProperties;
import gov.onceonly.hub.security.ClientsProperties;
import gov.onceonly.hub.security.EncryptionProperties;
import gov.onceonly.hub.security.SecurityProperties;
import gov.onceonly.hub.security.SigningProperties;
import gov.onceonly.hub.supervision.SupervisionProperties;
import gov.onceonly.hub.witness.WitnessProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * The hub's configuration ({@code hub.*}): one {@code @ConfigurationProperties} record per feature, owned by the
 * feature's package, bound and validated here at startup, so that a wrong value stops the start and names its key.
 * The other configurations pass the records' values to the features' classes as constructor arguments. The sandbox
 * ({@code SandboxProperties}) and the embedded infrastructure ({@code EmbeddedProperties}) bind their own: they are
 * left out of the production build.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({
        ApiProperties.class, ArchiveProperties.class, ClientsProperties.class, CollectProperties.class, ConfigRootProperties.class,
        ConnectorsProperties.class, DispatchProperties.class, EncryptionProperties.class, EvidenceProperties.class,
        HealthProperties.class, IdentityProperties.class, IntakeProperties.class, JsonProperties.class,
        KafkaProperties.class, MetricsProperties.class, OutboxProperties.class, PipelineProperties.class,
        ProposalProperties.class, RatingProperties.class, ReloadProperties.class, SchedulerProperties.class,
        SecurityProperties.class, SigningProperties.class, SourcesProperties.class, SupervisionProperties.class,
        TopicsProperties.class, WitnessProperties.class})
public class PropertiesConfiguration {
}
