package gov.onceonly.hub.proposal;

import gov.onceonly.hub.connector.SubjectKeyKind;

/**
 * A rule checked against the catalogue and the connectors: the topic its stream is read from and the kind of key its
 * subject must be (the bundle's), resolved once.
 */
public record CompiledRule(String file, ProposalRule rule, String topic, SubjectKeyKind subjectKey) {

    public String id() {
        return rule.id();
    }
}
