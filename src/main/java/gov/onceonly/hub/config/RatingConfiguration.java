package gov.onceonly.hub.config;

import gov.onceonly.hub.evidence.EvidenceRecorder;
import gov.onceonly.hub.rating.RatingEligibility;
import gov.onceonly.hub.rating.RatingProperties;
import gov.onceonly.hub.rating.Ratings;
import gov.onceonly.hub.rating.Rectifications;
import gov.onceonly.hub.security.PayloadCipher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;

/** 好差评: ratings by the applicant's channel and the rectification cases (整改) a 差评 opens (hub.rating.*). */
@Configuration(proxyBeanMethods = false)
public class RatingConfiguration {

    @Bean
    RatingEligibility ratingEligibility(JdbcTemplate jdbc, Clock clock) {
        return new RatingEligibility(jdbc, clock);
    }

    @Bean
    Ratings ratings(JdbcTemplate jdbc, TransactionTemplate tx, RatingEligibility eligibility, PayloadCipher cipher,
                    EvidenceRecorder evidence, Clock clock, RatingProperties rating) {
        return new Ratings(jdbc, tx, eligibility, cipher, evidence, clock, rating.rectificationDays());
    }

    @Bean
    Rectifications rectifications(JdbcTemplate jdbc, TransactionTemplate tx, PayloadCipher cipher,
                                  EvidenceRecorder evidence, Clock clock) {
        return new Rectifications(jdbc, tx, cipher, evidence, clock);
    }
}
