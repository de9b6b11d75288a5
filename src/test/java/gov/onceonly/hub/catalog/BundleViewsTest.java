package gov.onceonly.hub.catalog;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The catalogue's views and filters over the real mappings. */
class BundleViewsTest {

    private final BundleViews views = new BundleViews(RealCatalogue.CONNECTORS);

    @Test
    void newbornFiguresMatchTheStatusViewOfADeliveredApplication() {
        BundleViews.Summary newborn = views.summary(RealCatalogue.bundle("newborn"));
        assertThat(newborn.figures()).isEqualTo(new BundleFigures(56, 45, 11, 5, 80));
        assertThat(newborn.departments()).containsExactly("市卫生健康委", "市公安局", "市医保局", "市人力社保局");
        assertThat(newborn.links()).containsEntry("demandsCsv", "/api/v1/bundles/newborn/demands.csv");
    }

    @Test
    void theDetailGivesEachItemsDemandsWithTheirOriginAndTheFetchPlan() {
        BundleViews.Detail detail = views.detail(RealCatalogue.bundle("business-startup"));
        assertThat(detail.facts().subjectKey()).isEqualTo("creditCode");
        BundleViews.BundleItem seals = detail.items().stream().filter(i -> i.id().equals("seal-engraving")).findFirst().orElseThrow();
        assertThat(seals.department()).isEqualTo("市公安局");
        assertThat(seals.targetSystem()).isEqualTo("公安政务服务平台");
        assertThat(seals.exemptMaterials()).contains("营业执照");
        assertThat(seals.demands()).contains(new BundleViews.Demand("businessLicence", "营业执照编号", true,
                "item:establishment-registration", "output.establishment-registration.licenceNumber",
                "市场主体登记及准营审批系统", "企业设立登记（办结结果）", "市市场监管局", "办结结果（业务协同）"));
        assertThat(detail.exemptMaterials()).contains("营业执照");
        assertThat(detail.fetchPlan()).extracting(BundleViews.Fetch::source).doesNotHaveDuplicates()
                .contains("scjg-enterprise-registry", "swj-taxpayers");
        assertThat(detail.formSchema()).containsKey("properties");
        int demanded = detail.items().stream().mapToInt(i -> i.demands().size()).sum();
        assertThat(detail.figures().fieldsDemanded()).isEqualTo(demanded);
        assertThat(detail.figures().fieldsFilledByHub() + detail.figures().fieldsFilledByApplicant()).isEqualTo(demanded);
    }

    @Test
    void filtersMatchTypeStageBatchAndAnyDepartmentInvolved() {
        assertThat(count(BundleFilter.of("enterprise", null, null, null))).isEqualTo(26);
        assertThat(count(BundleFilter.of("personal", null, null, "优化提升"))).isEqualTo(8);
        assertThat(count(BundleFilter.of(null, "工程建设阶段", null, null))).isEqualTo(4);
        assertThat(count(BundleFilter.of(null, null, "重庆银保监局", null))).isEqualTo(2); // co-lead of one, item owner of another
        assertThat(count(BundleFilter.of(null, null, "市教委", null))).isGreaterThanOrEqualTo(4);
        assertThat(count(BundleFilter.of(null, " ", "", null))).isEqualTo(50);
    }

    @Test
    void aFilterOutsideItsSetNamesTheParameter() {
        assertThatThrownBy(() -> BundleFilter.of("company", null, null, null)).isInstanceOf(InvalidFilterException.class)
                .hasMessage("must be personal or enterprise").extracting("parameter").isEqualTo("type");
        assertThatThrownBy(() -> BundleFilter.of(null, null, null, "第三批")).isInstanceOf(InvalidFilterException.class)
                .extracting("parameter").isEqualTo("batch");
    }

    private static long count(BundleFilter filter) {
        List<CompiledBundle> all = List.copyOf(RealCatalogue.BUNDLES.all());
        return all.stream().filter(filter::matches).count();
    }
}
