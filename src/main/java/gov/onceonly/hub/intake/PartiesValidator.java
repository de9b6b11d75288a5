package gov.onceonly.hub.intake;

import gov.onceonly.hub.catalog.CompiledBundle;
import gov.onceonly.hub.catalog.PartyDefinition;
import gov.onceonly.hub.connector.SubjectKeyKind;
import gov.onceonly.hub.subject.CitizenIdNumber;
import gov.onceonly.hub.subject.CreditCode;

import java.util.List;
import java.util.Map;

/**
 * The bundle's other data subjects in an application: every declared party is given, by a key that passes its check
 * character; no undeclared one is; a party who cannot consent (the mapping gives a legal basis) brings no consent, and
 * a living one's consent, if given, is a yes or a no. Without a yes nothing of theirs is pulled.
 */
final class PartiesValidator {

    private PartiesValidator() {
    }

    static void check(Map<String, ApplicationRequest.Party> given, CompiledBundle bundle, List<FieldViolation> violations) {
        Map<String, ApplicationRequest.Party> parties = given == null ? Map.of() : given;
        if (bundle == null) {
            return;
        }
        Map<String, PartyDefinition> declared = bundle.definition().parties();
        parties.keySet().stream().filter(name -> !declared.containsKey(name)).forEach(name ->
                violations.add(new FieldViolation("parties." + NulCharacters.without(name), "declared-party",
                        declared.isEmpty() ? "this bundle has no party besides the applicant"
                                : "is not a party of this bundle; its parties are " + declared.keySet())));
        declared.forEach((name, definition) -> {
            String at = "parties." + name;
            ApplicationRequest.Party party = parties.get(name);
            if (party == null) {
                violations.add(new FieldViolation(at, "required", "is required: " + definition.title()
                        + (definition.consents() ? ", with their consent" : "")));
                return;
            }
            if (definition.key() == SubjectKeyKind.CREDIT_CODE) {
                CreditCode.problem(party.creditCode()).ifPresent(problem ->
                        violations.add(new FieldViolation(at + ".creditCode", "GB32100", problem)));
            } else {
                CitizenIdNumber.problem(party.idNumber()).ifPresent(problem ->
                        violations.add(new FieldViolation(at + ".idNumber", "GB11643", problem)));
            }
            if (!definition.consents() && party.consent() != null) {
                violations.add(new FieldViolation(at + ".consent", "legal-basis", "must be absent: " + definition.title()
                        + " cannot consent; their data is pulled on the legal basis the mapping states"));
            }
            if (definition.consents() && party.consent() != null && party.consent().granted() == null) {
                violations.add(new FieldViolation(at + ".consent.granted", "required", "is required: true or false"));
            }
            NulCharacters.check(at + ".idNumber", party.idNumber(), violations);
            NulCharacters.check(at + ".creditCode", party.creditCode(), violations);
            NulCharacters.check(at + ".name", party.name(), violations);
        });
    }
}
