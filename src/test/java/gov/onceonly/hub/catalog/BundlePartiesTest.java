package gov.onceonly.hub.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A bundle's other data subjects ({@code parties}) and the demands looked up by their keys ({@code party}). */
class BundlePartiesTest {

    /** The mother applies; the father is a party of his own, looked up by his ID number under his consent. */
    private static final String WITH_FATHER = MappingFixture.FACTS + """
            parties:
              father:
                title: 父亲
                key: idNumber
            items:
              - id: birth-certificate
                name: 出生医学证明
                department: 市卫生健康委
                target: weijian-approval
                demands:
                  motherName: { from: gongan-population/person.name }
                  fatherName: { from: gongan-population/person.name, party: father }
                  fatherAddress: { from: gongan-population/person.householdAddress, party: father }
            """;

    @TempDir
    Path temp;

    @Test
    void aPartysDatasetIsAFetchOfItsOwnLabelledWithTheParty() throws IOException {
        CompiledBundle bundle = MappingFixture.newborn(temp, WITH_FATHER);
        assertThat(bundle.fetchPlan()).extracting(DatasetFetch::label)
                .containsExactly("gongan-population/person", "gongan-population/person@father");
        DatasetFetch father = bundle.fetchPlan().get(1);
        assertThat(father.party()).isEqualTo("father");
        assertThat(father.dataset()).as("the source is asked for its own dataset").isEqualTo("person");
        assertThat(father.fields()).containsExactlyInAnyOrder("name", "householdAddress");
        assertThat(bundle.definition().parties().get("father").consents()).isTrue();
        assertThat(bundle.item("birth-certificate").orElseThrow().demands().get(1).origin())
                .isEqualTo(new Origin.DatasetField("gongan-population", "person", "name", "father"));
    }

    @Test
    void anUndeclaredPartyIsNamedWithThePartiesThereAre() {
        assertThat(loadError(WITH_FATHER.replace("party: father }\n      fatherAddress", "party: dad }\n      fatherAddress")))
                .isEqualTo("mappings/newborn.yaml: items[0].demands.fatherName.party: unknown party 'dad'; "
                        + "this bundle's parties are [father]");
    }

    @Test
    void aPartysDataComesFromADepartmentDataset() {
        String yaml = WITH_FATHER.replace("fatherName: { from: gongan-population/person.name, party: father }",
                "fatherName: { from: form.fatherName, party: father }")
                .replace("parties:", "form:\n  fatherName: { title: 父亲姓名 }\nparties:");
        assertThat(loadError(yaml)).isEqualTo("mappings/newborn.yaml: items[0].demands.fatherName.party: a party's data "
                + "comes from a department dataset; 'form.fatherName' is not one");
    }

    @Test
    void aPartysDatasetIsKeyedLikeTheParty() {
        assertThat(loadError(WITH_FATHER.replace("key: idNumber", "key: creditCode")))
                .contains("items[0].demands.fatherName.from: dataset 'person' is keyed by idNumber but party 'father' is "
                        + "keyed by creditCode");
    }

    @Test
    void theApplicantIsNotAParty() {
        assertThat(loadError(WITH_FATHER.replace("  father:\n    title: 父亲", "  applicant:\n    title: 申请人")
                .replace("party: father", "party: applicant")))
                .contains("parties: property 'applicant' name is not valid: names the applicant, who is in every bundle already");
    }

    private String loadError(String yaml) {
        return MappingFixture.loadError(temp, yaml);
    }
}
