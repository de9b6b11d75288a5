package gov.onceonly.hub.catalog;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The data-demand list as a spreadsheet opens it: BOM, CRLF, RFC 4180 quoting, one row per item field. */
class DemandsCsvTest {

    @Test
    void oneRowPerItemFieldWithItsOrigin() {
        CompiledBundle newborn = RealCatalogue.bundle("newborn");
        List<DemandLine> lines = DemandLine.of(newborn, RealCatalogue.CONNECTORS);
        byte[] csv = DemandsCsv.of(lines);

        assertThat(csv[0]).isEqualTo((byte) 0xEF);
        assertThat(csv[1]).isEqualTo((byte) 0xBB);
        assertThat(csv[2]).isEqualTo((byte) 0xBF);
        String text = new String(csv, StandardCharsets.UTF_8).substring(1);
        List<String> rows = List.of(text.split("\r\n"));
        assertThat(text).endsWith("\r\n").doesNotContain("\r\n\r\n");
        assertThat(rows.get(0)).isEqualTo("序号,事项编码,事项名称,办理部门,字段,字段名称,是否必需,来源系统,数据集,数据集名称,来源字段,责任部门,共享方式");
        assertThat(rows).hasSize(1 + 56);
        assertThat(rows).contains(
                "1,birth-certificate,出生医学证明,市卫生健康委,babyName,新生儿姓名,是,申请表,form,申请人填写的表单,form.babyName,申请人,申请人填报",
                "9,birth-certificate,出生医学证明,市卫生健康委,motherName,姓名,是,人口信息管理系统,gongan-population/person,常住人口基本信息,person.name,市公安局,接口调用（HTTP）",
                "12,birth-certificate,出生医学证明,市卫生健康委,fatherName,父亲姓名,否,出生医学证明管理系统,weijian-birth-records/birth,新生儿分娩记录（按母亲身份证号）,birth.fatherName,市卫生健康委,库表交换（JDBC）",
                "18,household-registration,户口登记（出生登记）,市公安局,medicalCertificateNo,出生医学证明编号,是,卫生健康政务服务审批系统,item:birth-certificate,出生医学证明（办结结果）,output.birth-certificate.certificateNo,市卫生健康委,办结结果（业务协同）",
                "35,medical-insurance,城乡居民基本医疗保险参保登记,市医保局,guardianInsuredId,医保个人编号,是,医疗保障信息平台,ybj-insured-persons/insured,参保人员信息,insured.insuredId,市医保局,消息订阅（Kafka）");
    }

    @Test
    void cellsAreQuotedOnlyWhereNeededAndFormulasDefused() {
        assertThat(DemandsCsv.cell("姓名")).isEqualTo("姓名");
        assertThat(DemandsCsv.cell("热食类, 冷食类")).isEqualTo("\"热食类, 冷食类\"");
        assertThat(DemandsCsv.cell("6\"×1.2")).isEqualTo("\"6\"\"×1.2\"");
        assertThat(DemandsCsv.cell("a\nb")).isEqualTo("\"a\nb\"");
        assertThat(DemandsCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(DemandsCsv.cell("\t=1+1")).startsWith("'\t").as("a tab first is defused too");
        assertThat(DemandsCsv.cell("\r=1+1")).isEqualTo("\"'\r=1+1\"");
        assertThat(DemandsCsv.cell("-2")).isEqualTo("'-2");
        assertThat(DemandsCsv.cell(null)).as("an empty field alone on its line, quoted as RFC 4180 allows").isEqualTo("\"\"");
    }

    @Test
    void everyBundlesListHasAsManyRowsAsItsItemsDemandFields() {
        for (CompiledBundle bundle : RealCatalogue.BUNDLES.all()) {
            int demands = bundle.items().stream().mapToInt(i -> i.demands().size()).sum();
            String text = new String(DemandsCsv.of(DemandLine.of(bundle, RealCatalogue.CONNECTORS)), StandardCharsets.UTF_8);
            assertThat(text.split("\r\n")).as(bundle.id()).hasSize(demands + 1);
        }
    }
}
