package gov.onceonly.hub.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import gov.onceonly.hub.application.ApplicationStore;
import gov.onceonly.hub.connector.DepartmentCalls;
import gov.onceonly.hub.evidence.EvidenceRecorder;
import gov.onceonly.hub.notice.TargetNotices;
import gov.onceonly.hub.pipeline.Backoff;
import gov.onceonly.hub.withdrawal.Withdrawals;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;

/** Target notices (withdrawal notices, certificates for the library) and withdrawal by the applicant's channel. */
@Configuration(proxyBeanMethods = false)
public class NoticeConfiguration {

    /** Notices are retried like deliveries (hub.dispatch.retry-delay-millis, hub.dispatch.max-delay-millis). */
    @Bean
    TargetNotices targetNotices(JdbcTemplate jdbc, TransactionTemplate tx, DepartmentCalls calls, EvidenceRecorder evidence,
                                ApplicationStore store, ObjectMapper json, Environment env) {
        return new TargetNotices(jdbc, tx, calls, evidence, store, json, new Backoff(
                Duration.ofMillis(env.getProperty("hub.dispatch.retry-delay-millis", Long.class, 1000L)),
                Duration.ofMillis(env.getProperty("hub.dispatch.max-delay-millis", Long.class, 300_000L))));
    }

    @Bean
    Withdrawals withdrawals(JdbcTemplate jdbc, TransactionTemplate tx, ApplicationStore store, EvidenceRecorder evidence) {
        return new Withdrawals(jdbc, tx, store, evidence);
    }
}
