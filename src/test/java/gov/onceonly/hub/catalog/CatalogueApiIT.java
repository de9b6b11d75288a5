package gov.onceonly.hub.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import gov.onceonly.hub.HubIntegrationTest;
import gov.onceonly.hub.sandbox.SandboxApplications;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalogue over HTTP: bundles, filters, one bundle's detail, its diagrams and CSV, and the errors. */
class CatalogueApiIT extends HubIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    SandboxApplications applications;
    @Autowired
    org.springframework.core.env.Environment env;

    @Test
    void listsTheFiftyBundlesInTheListsOrderWithTheirFigures() throws Exception {
        JsonNode all = ok("/api/v1/bundles", "application/json");
        assertThat(all).hasSize(50);
        assertThat(all.get(0).path("id").asText()).isEqualTo("newborn");
        assertThat(all.get(12).path("id").asText()).isEqualTo("simplified-deregistration");
        assertThat(all.get(13).path("batch").asText()).isEqualTo("加快实施");
        assertThat(all.get(13).path("sequence").asInt()).isEqualTo(1);
        JsonNode newborn = all.get(0);
        assertThat(newborn.path("leadDepartment").asText()).isEqualTo("市卫生健康委");
        assertThat(newborn.path("figures").path("fieldsDemanded").asInt()).isEqualTo(56);
        assertThat(newborn.path("figures").path("fieldsFilledByHub").asInt()).isEqualTo(45);
        assertThat(newborn.path("figures").path("fieldsFilledByApplicant").asInt()).isEqualTo(11);
        assertThat(newborn.path("links").path("model").asText()).isEqualTo("/api/v1/bundles/newborn/model");
    }

    @Test
    void filtersByTypeStageDepartmentAndBatch() throws Exception {
        assertThat(ids("?type=enterprise")).hasSize(26).contains("business-startup").doesNotContain("newborn");
        assertThat(ids("?batch=" + encode("优化提升"))).hasSize(13);
        assertThat(ids("?type=personal&batch=" + encode("加快实施"))).hasSize(16);
        assertThat(ids("?stage=" + encode("工程建设阶段"))).containsExactly("land-use-pre-review", "water-impact-assessment",
                "municipal-facilities-approval", "low-risk-construction-permit");
        assertThat(ids("?department=" + encode("重庆银保监局"))).contains("mortgaged-property-transfer");
        JsonNode problem = problem(get("/api/v1/bundles?type=company", "application/json"), 400);
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("type");
        assertThat(problem.path("errors").get(0).path("rule").asText()).isEqualTo("one-of");
    }

    @Test
    void aBundleShowsItemsDemandsOriginsExemptMaterialsFormSchemaAndFigures() throws Exception {
        JsonNode bundle = ok("/api/v1/bundles/business-startup", "application/json");
        assertThat(bundle.path("type").asText()).isEqualTo("enterprise");
        assertThat(bundle.path("subjectKey").asText()).isEqualTo("creditCode");
        assertThat(bundle.path("items")).hasSize(8);
        JsonNode licence = bundle.path("items").get(0);
        assertThat(licence.path("id").asText()).isEqualTo("establishment-registration");
        assertThat(licence.path("targetSystem").asText()).isEqualTo("市场主体登记及准营审批系统");
        JsonNode name = StreamSupport.stream(licence.path("demands").spliterator(), false)
                .filter(d -> d.path("field").asText().equals("enterpriseName")).findFirst().orElseThrow();
        assertThat(name.path("origin").asText()).isEqualTo("scjg-enterprise-registry/enterprise");
        assertThat(name.path("responsibleDepartment").asText()).isEqualTo("市市场监管局");
        assertThat(name.path("sharingMethod").asText()).isEqualTo("接口调用（HTTP）");
        assertThat(bundle.path("exemptMaterials").toString()).contains("营业执照");
        assertThat(bundle.path("formSchema").path("properties").has("sealTypes")).isTrue();
        assertThat(bundle.path("formSchema").path("properties").has("enterpriseName")).isFalse();
        JsonNode figures = bundle.path("figures");
        assertThat(figures.path("fieldsFilledByHub").asInt() + figures.path("fieldsFilledByApplicant").asInt())
                .isEqualTo(figures.path("fieldsDemanded").asInt());
        assertThat(bundle.path("fetchPlan").toString()).contains("\"source\":\"swj-taxpayers\"");

        HttpResponse<String> schema = get("/api/v1/bundles/business-startup/form-schema", "*/*");
        assertThat(schema.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/schema+json"));
        problem(get("/api/v1/bundles/moon-landing", "application/json"), 404);
    }

    @Test
    void theModelComesAsMermaidSvgOrAPageAndTheCollaborationModelAsMermaid() throws Exception {
        HttpResponse<String> mermaid = get("/api/v1/bundles/newborn/model", "*/*");
        assertThat(mermaid.statusCode()).isEqualTo(200);
        assertThat(mermaid.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(mermaid.body()).contains("flowchart LR", "T_gongan_household_exchange");
        HttpResponse<String> svg = get("/api/v1/bundles/newborn/model?format=svg", "*/*");
        assertThat(svg.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("image/svg+xml"));
        assertThat(svg.body()).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"");
        HttpResponse<String> page = get("/api/v1/bundles/newborn/model", "text/html,application/xhtml+xml");
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("<svg", "flowchart LR").doesNotContain("<script");
        HttpResponse<String> startupPage = get("/api/v1/bundles/business-startup/model?format=html", "*/*");
        assertThat(startupPage.body()).as("both models and the 专班 on one page").contains("<h2>工作专班</h2>",
                "企业开办专班", "<h2>业务协同模型</h2>", "establishment-registration.creditCode", "flowchart TD");
        HttpResponse<String> collaboration = get("/api/v1/bundles/newborn/model?format=collaboration", "*/*");
        assertThat(collaboration.statusCode()).isEqualTo(200);
        assertThat(collaboration.body()).contains("业务协同模型", "flowchart TD", "application --> item0");
        JsonNode problem = problem(get("/api/v1/bundles/newborn/model?format=png", "*/*"), 400);
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("format");
        assertThat(problem.path("errors").get(0).path("message").asText()).contains("collaboration");
    }

    @Test
    void theDemandListDownloadsAsASpreadsheetReadyCsv() throws Exception {
        HttpResponse<byte[]> csv = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/bundles/retirement/demands.csv")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).contains("attachment"));
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF序号,事项编码,事项名称,办理部门,字段");
        assertThat(text).contains(",pension-claim,基本养老保险待遇申领（企业职工退休）,市人力社保局,contributionMonths,累计缴费月数,是,社会保险信息系统,"
                + "rlsb-social-insurance/insured-person,个人参保信息,insured-person.contributionMonths,市人力社保局,库表交换（JDBC）\r\n");
    }

    @Test
    void anEnterpriseApplicantIsCheckedByTheCreditCode() throws Exception {
        long before = count("application");
        String sample = applications.sample("business-startup").json();
        String creditCode = json.readTree(sample).path("applicant").path("creditCode").asText();
        String broken = creditCode.substring(0, 17) + (creditCode.charAt(17) == '0' ? '1' : '0');
        HttpResponse<String> response = hub.post("/api/v1/applications", sample.replace(creditCode, broken));
        JsonNode problem = problem(response, 422);
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("applicant.creditCode");
        assertThat(problem.path("errors").get(0).path("rule").asText()).isEqualTo("GB32100");
        assertThat(count("application")).isEqualTo(before);
    }

    @Test
    void theSandboxServesASampleApplicationForAnyBundle() throws Exception {
        String sandboxUrl = env.getRequiredProperty("hub.sandbox.url");
        HttpResponse<String> sample = HTTP.send(HttpRequest.newBuilder(URI.create(sandboxUrl + "/sandbox/examples/elderly-care")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(sample.statusCode()).isEqualTo(200);
        assertThat(json.readTree(sample.body()).path("bundle").asText()).isEqualTo("elderly-care");
    }

    private List<String> ids(String query) throws Exception {
        return StreamSupport.stream(ok("/api/v1/bundles" + query, "application/json").spliterator(), false)
                .map(b -> b.path("id").asText()).toList();
    }

    private JsonNode ok(String path, String accept) throws Exception {
        HttpResponse<String> response = get(path, accept);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private JsonNode problem(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        return json.readTree(response.body());
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
