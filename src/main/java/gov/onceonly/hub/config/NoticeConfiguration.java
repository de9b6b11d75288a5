package gov.onceonly.hub.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import gov.onceonly.hub.application.ApplicationStore;
import gov.onceonly.hub.connector.DepartmentCalls;
import gov.onceonly.hub.evidence.EvidenceRecorder;
import gov.onceonly.hub.notice.TargetNotices;
import gov.onceonly.hub.pipeline.DispatchProperties;
import gov.onceonly.hub.withdrawal.Withdrawals;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Target notices (withdrawal notices, certificates for the library) and withdrawal by the applicant's channel. */
@Configuration(proxyBeanMethods = false)
public class NoticeConfiguration {

    /** Notices are retried like deliveries (hub.dispatch.retry-delay-millis, hub.dispatch.max-delay-millis). */
    @Bean
    TargetNotices targetNotices(JdbcTemplate jdbc, TransactionTemplate tx, DepartmentCalls calls, EvidenceRecorder evidence,
                                ApplicationStore store, ObjectMapper json, DispatchProperties dispatch) {
        return new TargetNotices(jdbc, tx, calls, evidence, store, json, dispatch.backoff());
    }

    @Bean
    Withdrawals withdrawals(JdbcTemplate jdbc, TransactionTemplate tx, ApplicationStore store, EvidenceRecorder evidence) {
        return new Withdrawals(jdbc, tx, store, evidence);
    }
}
