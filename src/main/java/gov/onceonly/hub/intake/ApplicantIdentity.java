package gov.onceonly.hub.intake;

import gov.onceonly.hub.catalog.CompiledBundle;
import gov.onceonly.hub.connector.DepartmentCalls;
import gov.onceonly.hub.connector.FetchRequest;
import gov.onceonly.hub.connector.SourceAnswer;
import gov.onceonly.hub.connector.SubjectKeyKind;
import gov.onceonly.hub.identity.IdentityTokens;

import java.util.List;
import java.util.Optional;

/**
 * Whose application it is, proven: the channel sends the applicant's identity token ({@value #HEADER}), and the hub
 * accepts the application only if the token verifies and is the applicant's (a person's ID number), or, for an
 * enterprise, its agent's, whom the business registry shows to be its legal representative or registered agent
 * ({@code hub.identity.enterprise-registry}, {@code hub.identity.enterprise-agent-fields}).
 */
public final class ApplicantIdentity {

    public static final String HEADER = "X-Applicant-Identity";

    /** The business registry could not be asked whether the agent may act: the channel tries again later. */
    public static final class RegistryUnavailableException extends RuntimeException {
        RegistryUnavailableException(String reason) {
            super(reason);
        }
    }

    private final IdentityTokens tokens;
    private final DepartmentCalls calls;
    private final String registryConnector;
    private final String registryDataset;
    private final List<String> agentFields;

    public ApplicantIdentity(IdentityTokens tokens, DepartmentCalls calls, String registry, List<String> agentFields) {
        this.tokens = tokens;
        this.calls = calls;
        this.registryConnector = registry.substring(0, registry.indexOf('/'));
        this.registryDataset = registry.substring(registry.indexOf('/') + 1);
        this.agentFields = List.copyOf(agentFields);
    }

    void check(ApplicationRequest request, CompiledBundle bundle, String token) {
        if (token == null || token.isBlank()) {
            throw refused(HEADER, "missing", "is missing: the applicant's identity token from the identity provider "
                    + "(docs/security.md)");
        }
        IdentityTokens.Verified identity;
        try {
            identity = tokens.verify(token.strip());
        } catch (IdentityTokens.Rejected e) {
            throw refused(HEADER, "invalid", "does not verify: " + e.getMessage());
        }
        String person = request.applicant().idNumber();
        boolean enterprise = bundle.subjectKey() == SubjectKeyKind.CREDIT_CODE;
        if (person == null) {
            throw refused("applicant.idNumber", "required", "is required: an enterprise applies through an agent, "
                    + "whose identity token comes with the application");
        }
        if (!identity.subject().equals(person)) {
            throw refused(HEADER, "subject", "is the identity of someone other than applicant.idNumber");
        }
        if (enterprise) {
            checkAgent(request.applicant().creditCode(), person);
        }
    }

    /**
     * Whether {@code token} proves its bearer is the subject (a person, by ID number) or may act for it (an enterprise,
     * by credit code: its legal representative or registered agent in the business registry), for the subject's own
     * views (the archive): empty if it does, else why not, naming the header.
     *
     * @throws RegistryUnavailableException if the business registry could not be asked
     */
    public Optional<FieldViolation> refusal(String subjectKey, boolean enterprise, String token) {
        if (token == null || token.isBlank()) {
            return Optional.of(new FieldViolation(HEADER, "missing", "is missing: the subject's identity token from "
                    + "the identity provider (for an enterprise, its legal representative's)"));
        }
        String bearer;
        try {
            bearer = tokens.verify(token.strip()).subject();
        } catch (IdentityTokens.Rejected e) {
            return Optional.of(new FieldViolation(HEADER, "invalid", "does not verify: " + e.getMessage()));
        }
        if (!enterprise) {
            return bearer.equals(subjectKey) ? Optional.empty()
                    : Optional.of(new FieldViolation(HEADER, "subject", "is the identity of someone other than the subject"));
        }
        try {
            checkAgent(subjectKey, bearer);
            return Optional.empty();
        } catch (InvalidApplicationException e) {
            return Optional.of(new FieldViolation(HEADER, "agent", "is not the identity of the enterprise's legal "
                    + "representative or a registered agent in the business registry"));
        }
    }

    private void checkAgent(String creditCode, String agent) {
        SourceAnswer registered = calls.fetch(new FetchRequest(null, registryConnector, registryDataset, creditCode));
        switch (registered.outcome()) {
            case FAILED -> throw new RegistryUnavailableException("the business registry could not be asked whether "
                    + "the agent may act for the enterprise; try again later");
            case NOT_FOUND -> throw refused("applicant.creditCode", "registered", "is not in the business registry");
            case FOUND -> {
                boolean mayAct = agentFields.stream().map(registered.fields()::get).anyMatch(agent::equals);
                if (!mayAct) {
                    throw refused("applicant.idNumber", "agent", "is not the legal representative or a registered "
                            + "agent of applicant.creditCode in the business registry");
                }
            }
        }
    }

    private static InvalidApplicationException refused(String field, String rule, String message) {
        return new InvalidApplicationException(List.of(new FieldViolation(field, rule, message)));
    }
}
