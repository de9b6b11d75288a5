package gov.onceonly.hub.intake;

import gov.onceonly.hub.catalog.BundleCatalog;
import gov.onceonly.hub.catalog.CompiledBundle;
import gov.onceonly.hub.catalog.FormField;
import gov.onceonly.hub.connector.ConnectorCatalog;
import gov.onceonly.hub.connector.SubjectKeyKind;
import jakarta.validation.Validation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The validator against the real catalogue: who may apply for which bundle, and each bundle's form examples. */
class ApplicationValidatorTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final String PERSON = "11010519491231002X";
    private static final String ENTERPRISE = "91350100M000100Y43";

    private static BundleCatalog catalog;
    private static ApplicationValidator validator;

    @BeforeAll
    static void loadTheRealFiles() {
        catalog = BundleCatalog.load(ROOT, ROOT.resolve("mappings"), ConnectorCatalog.load(ROOT, ROOT.resolve("connectors")));
        validator = new ApplicationValidator(catalog,
                new RequestConstraints(Validation.buildDefaultValidatorFactory().getValidator()));
    }

    static List<String> bundles() {
        return catalog().all().stream().map(CompiledBundle::id).toList();
    }

    private static BundleCatalog catalog() {
        if (catalog == null) {
            loadTheRealFiles();
        }
        return catalog;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void theExamplesOfEveryFormAreAValidApplication(String bundleId) {
        CompiledBundle bundle = catalog.find(bundleId).orElseThrow();
        assertThat(validator.validate(withParties(request(bundleId, applicantFor(bundle), examples(bundle)), bundle)))
                .isSameAs(bundle);
    }

    /** A bundle's parties, each by a valid key: the deceased with none of their own consent, the spouse with theirs. */
    @Test
    void everyPartyIsGivenByAValidKeyAndOnlyALivingOneConsents() {
        CompiledBundle afterDeath = catalog.find("after-death").orElseThrow();
        ApplicationRequest plain = request("after-death", applicantFor(afterDeath), examples(afterDeath));
        assertThat(violations(plain)).containsExactly("parties.deceased: required");
        ApplicationRequest.Consent consent = new ApplicationRequest.Consent(true, "一件事一次办", null, null);
        assertThat(violations(new ApplicationRequest(plain.bundle(), plain.applicant(), plain.consent(), plain.form(),
                Map.of("deceased", new ApplicationRequest.Party("110105194912310021", null, null, consent),
                        "cousin", new ApplicationRequest.Party(PERSON, null, null, null)))))
                .containsExactlyInAnyOrder("parties.cousin: declared-party", "parties.deceased.idNumber: GB11643",
                        "parties.deceased.consent: legal-basis");
        CompiledBundle marriage = catalog.find("marriage-and-childbirth").orElseThrow();
        ApplicationRequest withoutConsent = new ApplicationRequest("marriage-and-childbirth", applicantFor(marriage),
                consent, examples(marriage), Map.of("spouse", new ApplicationRequest.Party(PERSON, null, null, null)));
        assertThat(validator.validate(withoutConsent)).as("a spouse who did not consent: nothing of theirs is pulled")
                .isSameAs(marriage);
    }

    private static List<String> violations(ApplicationRequest request) {
        try {
            validator.validate(request);
            return List.of();
        } catch (InvalidApplicationException e) {
            return e.violations().stream().map(v -> v.field() + ": " + v.rule()).toList();
        }
    }

    private static ApplicationRequest withParties(ApplicationRequest request, CompiledBundle bundle) {
        Map<String, ApplicationRequest.Party> parties = new java.util.LinkedHashMap<>();
        bundle.definition().parties().forEach((name, party) -> parties.put(name, new ApplicationRequest.Party(PERSON, null,
                null, party.consents() ? request.consent() : null)));
        return new ApplicationRequest(request.bundle(), request.applicant(), request.consent(), request.form(), parties);
    }

    @Test
    void anEnterpriseBundleIsKeyedByTheCreditCodeWithAnOptionalAgent() {
        Map<String, Object> form = examples(catalog.find("business-startup").orElseThrow());
        validator.validate(request("business-startup", new ApplicationRequest.Applicant(null, "重庆某某科技有限公司", ENTERPRISE), form));
        validator.validate(request("business-startup", new ApplicationRequest.Applicant(PERSON, "重庆某某科技有限公司", ENTERPRISE), form));

        assertThat(violations("business-startup", new ApplicationRequest.Applicant(null, "x", "91350100M000100Y42"), form))
                .containsExactly(new FieldViolation("applicant.creditCode", "GB32100",
                        "has a wrong check character (GB 32100, weights 3^(i-1) mod 31)"));
        assertThat(violations("business-startup", new ApplicationRequest.Applicant(PERSON, "x", null), form))
                .containsExactly(new FieldViolation("applicant.creditCode", "GB32100", "is required"));
        assertThat(violations("business-startup", new ApplicationRequest.Applicant("110105194912310021", "x", ENTERPRISE), form))
                .extracting(FieldViolation::field, FieldViolation::rule).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("applicant.idNumber", "GB11643"));
    }

    @Test
    void aPersonalBundleRefusesACreditCode() {
        Map<String, Object> form = examples(catalog.find("retirement").orElseThrow());
        assertThat(violations("retirement", new ApplicationRequest.Applicant(PERSON, "王芳", ENTERPRISE), form))
                .containsExactly(new FieldViolation("applicant.creditCode", "personal-bundle",
                        "must be absent: this bundle is for a person, keyed by applicant.idNumber"));
    }

    @Test
    void formFieldsThatNameAThirdPartyAreCheckedByTheirStandard() {
        Map<String, Object> form = examples(catalog.find("employee-hiring").orElseThrow());
        form.put("employeeIdNumber", "110105194912310021");
        assertThat(violations("employee-hiring", new ApplicationRequest.Applicant(null, "x", ENTERPRISE), form))
                .extracting(FieldViolation::field, FieldViolation::rule).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("form.employeeIdNumber", "GB11643"));

        Map<String, Object> startup = examples(catalog.find("talent-entrepreneurship").orElseThrow());
        startup.put("enterpriseCreditCode", 91350100);
        assertThat(violations("talent-entrepreneurship", new ApplicationRequest.Applicant(PERSON, "x", null), startup))
                .containsExactly(new FieldViolation("form.enterpriseCreditCode", "type", "must be a string"));
    }

    private static List<FieldViolation> violations(String bundle, ApplicationRequest.Applicant applicant, Map<String, Object> form) {
        return assertThatExceptionOfType(InvalidApplicationException.class)
                .isThrownBy(() -> validator.validate(request(bundle, applicant, form))).actual().violations();
    }

    private static ApplicationRequest.Applicant applicantFor(CompiledBundle bundle) {
        return bundle.subjectKey() == SubjectKeyKind.CREDIT_CODE
                ? new ApplicationRequest.Applicant(null, "重庆某某有限公司", ENTERPRISE)
                : new ApplicationRequest.Applicant(PERSON, "王芳", null);
    }

    private static Map<String, Object> examples(CompiledBundle bundle) {
        Map<String, Object> form = new LinkedHashMap<>();
        for (Map.Entry<String, FormField> field : bundle.definition().form().entrySet()) {
            assertThat(field.getValue().example()).as("%s form.%s has an example", bundle.id(), field.getKey()).isNotNull();
            form.put(field.getKey(), field.getValue().example());
        }
        return new HashMap<>(form);
    }

    private static ApplicationRequest request(String bundle, ApplicationRequest.Applicant applicant, Map<String, Object> form) {
        return new ApplicationRequest(bundle, applicant, new ApplicationRequest.Consent(true, "一件事一次办", null, null), form);
    }
}
