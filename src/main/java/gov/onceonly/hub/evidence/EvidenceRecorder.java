package gov.onceonly.hub.evidence;

import gov.onceonly.hub.accesslog.AccessLog;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The one call each stage makes, inside its own transaction, to leave its evidence: the subject's access log row
 * (pulls and pushes) and the ledger entry, written as waiting and chained soon after the commit ({@link EvidenceChainer}).
 * Each entry's event key makes a repeated call (a redelivered message) add nothing.
 */
public class EvidenceRecorder {

    /** One dataset's answer: its source, whether the record was found, its field names and the payload's SHA-256. */
    public record Pull(String connector, String dataset, boolean found, Collection<String> fields, String payloadSha256) {
    }

    private final EvidenceLedger ledger;
    private final AccessLog accessLog;

    public EvidenceRecorder(EvidenceLedger ledger, AccessLog accessLog) {
        this.ledger = ledger;
        this.accessLog = accessLog;
    }

    /** An application received from a channel, {@code body} being the request's exact bytes. */
    public void received(UUID applicationId, String channel, byte[] body) {
        ledger.append(EvidenceKind.INTAKE, applicationId, null, partyOrUnknown(channel), Sha256.hex(body),
                "INTAKE:" + applicationId);
    }

    /** The answers of an application's sources. */
    public void pulled(UUID applicationId, List<Pull> pulls) {
        pulls.forEach(p -> accessLog.pulled(applicationId, p.connector(), p.dataset(), p.found(), p.fields()));
        for (Pull p : pulls) {
            String source = p.connector() + "/" + p.dataset();
            String sha = p.payloadSha256() != null ? p.payloadSha256() : Sha256.hex(null);
            // One entry per distinct answer: a redelivered message adds nothing, a retry that got another answer does.
            ledger.append(EvidenceKind.PULL, applicationId, null, source, sha,
                    "PULL:" + applicationId + ":" + source + ":" + sha);
        }
    }

    /** An item record delivered to its target, {@code envelope} being the exact bytes sent. */
    public void pushed(UUID applicationId, String item, String target, String department, Collection<String> fields,
                       byte[] envelope) {
        accessLog.pushed(applicationId, item, target, department, fields);
        ledger.append(EvidenceKind.PUSH, applicationId, item, target, Sha256.hex(envelope),
                "PUSH:" + applicationId + ":" + item);
    }

    /** A department's status report on an item, {@code payload} being the exact bytes received. */
    public void reported(UUID applicationId, String item, String party, byte[] payload) {
        String sha = Sha256.hex(payload);
        ledger.append(EvidenceKind.STATUS, applicationId, item, partyOrUnknown(party), sha,
                "STATUS:" + applicationId + ":" + item + ":" + sha);
    }

    /** A request that reached a stage unsigned (never in service: the signature filter refuses it) still leaves evidence. */
    private static String partyOrUnknown(String party) {
        return party == null || party.isBlank() ? "(unsigned)" : party;
    }
}
