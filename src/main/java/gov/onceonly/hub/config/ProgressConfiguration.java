package gov.onceonly.hub.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import gov.onceonly.hub.application.ApplicationStore;
import gov.onceonly.hub.evidence.EvidenceRecorder;
import gov.onceonly.hub.notice.TargetNotices;
import gov.onceonly.hub.progress.RejectedStatusReports;
import gov.onceonly.hub.progress.StatusReportConsumer;
import gov.onceonly.hub.progress.StatusReports;
import gov.onceonly.hub.supervision.ItemClocks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wiring of department status callbacks: the store behind the REST endpoint and the status topic's consumer
 * (route {@code item-status} in routes/pipeline-status.yaml). The topic itself is created with the others in
 * {@link PipelineConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
public class ProgressConfiguration {

    @Bean
    StatusReports statusReports(JdbcTemplate jdbc, TransactionTemplate tx, ApplicationStore applications, ObjectMapper json,
                                EvidenceRecorder evidence, TargetNotices notices, ItemClocks clocks) {
        return new StatusReports(jdbc, tx, applications, json, evidence, notices, clocks);
    }

    @Bean
    RejectedStatusReports rejectedStatusReports(JdbcTemplate jdbc, ApplicationStore applications, ObjectMapper json) {
        return new RejectedStatusReports(jdbc, applications, json);
    }

    @Bean
    StatusReportConsumer statusReportConsumer(StatusReports statusReports, ObjectMapper json) {
        return new StatusReportConsumer(statusReports, json);
    }
}
