package gov.onceonly.hub.kpi;

import java.time.Instant;
import java.util.List;

/**
 * The reform's own figures for a period, per bundle, for a supervision report: 减材料 (less material: fields
 * the hub filled rather than the applicant, and materials no longer asked for), 减时间 (less time: from the
 * application to each item's acceptance and to completion) and 减跑动 (fewer trips: items completed with no
 * action of the applicant after submitting). Periods are of submission time, from inclusive, to exclusive.
 */
public record KpiReport(Instant from, Instant to, List<BundleKpis> bundles) {

    public record BundleKpis(String bundle, String name, long applications, long completedApplications,
                             LessMaterials lessMaterials, LessTime lessTime, FewerTrips fewerTrips) {
    }

    /** 减材料. {@code hubShare} is filledByHub / (filledByHub + filledByApplicant), 0 when nothing was filled. */
    public record LessMaterials(long fieldsFilledByHub, long fieldsFilledByApplicant, double hubShare,
                                long materialsExempted) {
    }

    /** 减时间, in seconds. */
    public record LessTime(Durations toItemAcceptance, Durations toCompletion) {
    }

    public record Durations(long count, Double meanSeconds, Double p50Seconds, Double p90Seconds) {

        static final Durations NONE = new Durations(0, null, null, null);
    }

    /** 减跑动: of the items the departments completed, those whose applicant did nothing after submitting. */
    public record FewerTrips(long itemsCompleted, long itemsCompletedWithoutApplicantAction, double share) {
    }
}
