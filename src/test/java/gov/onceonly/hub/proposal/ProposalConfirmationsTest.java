package gov.onceonly.hub.proposal;

import gov.onceonly.hub.catalog.BundleCatalog;
import gov.onceonly.hub.connector.ConnectorCatalog;
import gov.onceonly.hub.intake.ApplicationRequest;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The application a confirmation makes: the proposal's subject and what the event filled, under what the subject adds. */
class ProposalConfirmationsTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final BundleCatalog BUNDLES = BundleCatalog.load(ROOT, ROOT.resolve("mappings"),
            ConnectorCatalog.load(ROOT, ROOT.resolve("connectors")));
    private static final ApplicationRequest.Consent CONSENT =
            new ApplicationRequest.Consent(true, "公民身后一件事", null, null);

    @Test
    void thePersonProposedToAppliesWithTheFilledFormUnderWhatTheyGiveAndThePartyTheEventNamed() {
        Proposal proposal = proposal("after-death", "500103199003070021",
                Map.of("contactPhone", "13900000000"), Map.of("deceased", "500103194001010011"));
        ApplicationRequest request = ProposalConfirmations.request(proposal, BUNDLES.find("after-death").orElseThrow(),
                new ProposalConfirmation(CONSENT, Map.of("contactPhone", "13811112222"), null, "陈静", null));

        assertThat(request.bundle()).isEqualTo("after-death");
        assertThat(request.applicant()).isEqualTo(new ApplicationRequest.Applicant("500103199003070021", "陈静", null));
        assertThat(request.form()).as("the subject corrects what the event said").containsEntry("contactPhone", "13811112222");
        assertThat(request.parties()).containsEntry("deceased",
                new ApplicationRequest.Party("500103194001010011", null, null, null));
        assertThat(request.consent()).isSameAs(CONSENT);
    }

    @Test
    void anEnterpriseIsTheApplicantAndItsAgentConfirms() {
        Proposal proposal = proposal("employee-hiring", "91500103MA5U7N1Q0X", Map.of(), Map.of());
        ApplicationRequest request = ProposalConfirmations.request(proposal, BUNDLES.find("employee-hiring").orElseThrow(),
                new ProposalConfirmation(CONSENT, Map.of("position", "会计"), null, "某某公司", "500103199003070021"));

        assertThat(request.applicant()).isEqualTo(new ApplicationRequest.Applicant("500103199003070021", "某某公司",
                "91500103MA5U7N1Q0X"));
        assertThat(request.form()).containsExactly(Map.entry("position", "会计"));
        assertThat(request.parties()).isNull();
    }

    private static Proposal proposal(String bundle, String subject, Map<String, Object> form, Map<String, String> parties) {
        return new Proposal(UUID.randomUUID(), "rule", bundle, subject, form, parties, "sha", ProposalStatus.OPEN,
                Instant.now(), Instant.now().plusSeconds(60), null, null, null, null);
    }
}
