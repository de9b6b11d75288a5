package gov.onceonly.hub.metrics;

import gov.onceonly.hub.kpi.KpiQueries;
import gov.onceonly.hub.kpi.KpiReport;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The reform KPIs of {@link KpiQueries} as Prometheus gauges per bundle, over all applications so far, for the
 * dashboard. The JSON report ({@code GET /api/v1/kpis}) is the one to quote for a period.
 */
public final class KpiGauges {

    private final KpiQueries queries;
    private final Clock clock;
    private final GaugeFamily fieldsFilled;
    private final GaugeFamily materialsExempted;
    private final GaugeFamily toAcceptance;
    private final GaugeFamily toCompletion;
    private final GaugeFamily itemsCompleted;

    public KpiGauges(KpiQueries queries, Clock clock, MeterRegistry registry) {
        this.queries = queries;
        this.clock = clock;
        fieldsFilled = new GaugeFamily("hub.kpi.fields.filled",
                "减材料: demanded fields filled, by bundle and by whom (hub or applicant)", registry);
        materialsExempted = new GaugeFamily("hub.kpi.materials.exempted",
                "减材料: materials the applicants no longer brought, by bundle", registry);
        toAcceptance = new GaugeFamily("hub.kpi.acceptance.seconds",
                "减时间: from application to an item's acceptance, by bundle and percentile", registry);
        toCompletion = new GaugeFamily("hub.kpi.completion.seconds",
                "减时间: from application to its completion, by bundle and percentile", registry);
        itemsCompleted = new GaugeFamily("hub.kpi.items.completed",
                "减跑动: items completed, by bundle and whether the applicant acted after submitting", registry);
    }

    /** The figures over all applications so far: a bundle, once counted, stays, so no gauge is ever removed. */
    public void refresh() {
        KpiReport report = queries.report(Optional.empty(), Instant.EPOCH, clock.instant().plusSeconds(1));
        for (KpiReport.BundleKpis kpis : report.bundles()) {
            Tags bundle = Tags.of("bundle", kpis.bundle());
            fieldsFilled.set(bundle.and("by", "hub"), kpis.lessMaterials().fieldsFilledByHub());
            fieldsFilled.set(bundle.and("by", "applicant"), kpis.lessMaterials().fieldsFilledByApplicant());
            materialsExempted.set(bundle, kpis.lessMaterials().materialsExempted());
            percentiles(toAcceptance, bundle, kpis.lessTime().toItemAcceptance());
            percentiles(toCompletion, bundle, kpis.lessTime().toCompletion());
            long without = kpis.fewerTrips().itemsCompletedWithoutApplicantAction();
            itemsCompleted.set(bundle.and("applicant_action", "none"), without);
            itemsCompleted.set(bundle.and("applicant_action", "some"), kpis.fewerTrips().itemsCompleted() - without);
        }
    }

    private static void percentiles(GaugeFamily gauges, Tags bundle, KpiReport.Durations durations) {
        if (durations.count() > 0) {
            gauges.set(bundle.and("percentile", "50"), durations.p50Seconds());
            gauges.set(bundle.and("percentile", "90"), durations.p90Seconds());
        }
    }
}
