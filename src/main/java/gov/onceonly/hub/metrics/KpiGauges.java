package gov.onceonly.hub.metrics;

import gov.onceonly.hub.kpi.KpiQueries;
import gov.onceonly.hub.kpi.KpiReport;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The reform KPIs of {@link KpiQueries} as Prometheus gauges per bundle, over all applications so far, for the
 * dashboard. The JSON report ({@code GET /api/v1/kpis}) is the one to quote for a period.
 */
public final class KpiGauges {

    private final KpiQueries queries;
    private final Clock clock;
    private final MultiGauge fieldsFilled;
    private final MultiGauge materialsExempted;
    private final MultiGauge toAcceptance;
    private final MultiGauge toCompletion;
    private final MultiGauge itemsCompleted;

    public KpiGauges(KpiQueries queries, Clock clock, MeterRegistry registry) {
        this.queries = queries;
        this.clock = clock;
        fieldsFilled = MultiGauge.builder("hub.kpi.fields.filled")
                .description("减材料: demanded fields filled, by bundle and by whom (hub or applicant)").register(registry);
        materialsExempted = MultiGauge.builder("hub.kpi.materials.exempted")
                .description("减材料: materials the applicants no longer brought, by bundle").register(registry);
        toAcceptance = MultiGauge.builder("hub.kpi.acceptance.seconds")
                .description("减时间: from application to an item's acceptance, by bundle and percentile").register(registry);
        toCompletion = MultiGauge.builder("hub.kpi.completion.seconds")
                .description("减时间: from application to its completion, by bundle and percentile").register(registry);
        itemsCompleted = MultiGauge.builder("hub.kpi.items.completed")
                .description("减跑动: items completed, by bundle and whether the applicant acted after submitting")
                .register(registry);
    }

    public void refresh() {
        KpiReport report = queries.report(Optional.empty(), Instant.EPOCH, clock.instant().plusSeconds(1));
        List<MultiGauge.Row<?>> fields = new ArrayList<>();
        List<MultiGauge.Row<?>> exempted = new ArrayList<>();
        List<MultiGauge.Row<?>> acceptance = new ArrayList<>();
        List<MultiGauge.Row<?>> completion = new ArrayList<>();
        List<MultiGauge.Row<?>> completed = new ArrayList<>();
        for (KpiReport.BundleKpis kpis : report.bundles()) {
            Tags bundle = Tags.of("bundle", kpis.bundle());
            fields.add(MultiGauge.Row.of(bundle.and("by", "hub"), kpis.lessMaterials().fieldsFilledByHub()));
            fields.add(MultiGauge.Row.of(bundle.and("by", "applicant"), kpis.lessMaterials().fieldsFilledByApplicant()));
            exempted.add(MultiGauge.Row.of(bundle, kpis.lessMaterials().materialsExempted()));
            percentiles(acceptance, bundle, kpis.lessTime().toItemAcceptance());
            percentiles(completion, bundle, kpis.lessTime().toCompletion());
            long without = kpis.fewerTrips().itemsCompletedWithoutApplicantAction();
            completed.add(MultiGauge.Row.of(bundle.and("applicant_action", "none"), without));
            completed.add(MultiGauge.Row.of(bundle.and("applicant_action", "some"), kpis.fewerTrips().itemsCompleted() - without));
        }
        fieldsFilled.register(fields, true);
        materialsExempted.register(exempted, true);
        toAcceptance.register(acceptance, true);
        toCompletion.register(completion, true);
        itemsCompleted.register(completed, true);
    }

    private static void percentiles(List<MultiGauge.Row<?>> rows, Tags bundle, KpiReport.Durations durations) {
        if (durations.count() > 0) {
            rows.add(MultiGauge.Row.of(bundle.and("percentile", "50"), durations.p50Seconds()));
            rows.add(MultiGauge.Row.of(bundle.and("percentile", "90"), durations.p90Seconds()));
        }
    }
}
