package gov.onceonly.hub.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The one call each stage makes, inside its own transaction, to leave its evidence: a ledger entry per effect, written
 * once and chained soon after the commit ({@link EvidenceChainer}). A pull's and a push's entry carry their field names
 * (never the values) as the entry's detail, which is what the subject's access log shows. Each entry's event key makes a
 * repeated call (a redelivered message) add nothing.
 */
public class EvidenceRecorder {

    /**
     * One dataset's answer: its source, whether the record was found, its field names and the payload's SHA-256; for
     * a party who cannot consent, the legal basis it was pulled on (null otherwise).
     */
    public record Pull(String connector, String dataset, boolean found, Collection<String> fields, String payloadSha256,
                       String legalBasis) {

        public Pull(String connector, String dataset, boolean found, Collection<String> fields, String payloadSha256) {
            this(connector, dataset, found, fields, payloadSha256, null);
        }
    }

    /** One item record delivered: to which target and department, its field names, and the exact bytes sent. */
    public record Push(String item, String target, String department, Collection<String> fields, byte[] envelope) {
    }

    /** The party of what the hub decides itself (a cancellation). */
    public static final String HUB = "hub";

    private final EvidenceLedger ledger;
    private final ObjectMapper json;

    public EvidenceRecorder(EvidenceLedger ledger, ObjectMapper json) {
        this.ledger = ledger;
        this.json = json;
    }

    /** An application received from a channel, {@code body} being the request's exact bytes. */
    public void received(UUID applicationId, String channel, byte[] body) {
        ledger.append(List.of(new EvidenceLedger.Appended(EvidenceKind.INTAKE, applicationId, null, partyOrUnknown(channel),
                Sha256.hex(body), null, "INTAKE:" + applicationId)));
    }

    /**
     * An application received from a channel that confirmed a proactive proposal: the detail links the proposal (its
     * id, rule and the SHA-256 of the event that made it), so the ledger shows what the application came from.
     */
    public void received(UUID applicationId, String channel, byte[] body, Map<String, Object> origin) {
        ledger.append(List.of(new EvidenceLedger.Appended(EvidenceKind.INTAKE, applicationId, null, partyOrUnknown(channel),
                Sha256.hex(body), write(origin), "INTAKE:" + applicationId)));
    }

    /** The answers of an application's sources. */
    public void pulled(UUID applicationId, List<Pull> pulls) {
        ledger.append(pulls.stream().map(p -> {
            String source = p.connector() + "/" + p.dataset();
            String sha = p.payloadSha256() != null ? p.payloadSha256() : Sha256.hex(null);
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("fields", List.copyOf(p.fields()));
            detail.put("found", p.found());
            if (p.legalBasis() != null) {
                detail.put("legalBasis", p.legalBasis());
            }
            // One entry per distinct answer: a redelivered message adds nothing, a retry that got another answer does.
            return new EvidenceLedger.Appended(EvidenceKind.PULL, applicationId, null, source, sha, write(detail),
                    "PULL:" + applicationId + ":" + source + ":" + sha);
        }).toList());
    }

    /** Item records delivered to their targets. */
    public void pushed(UUID applicationId, List<Push> pushes) {
        ledger.append(pushes.stream().map(p -> {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("department", p.department());
            detail.put("fields", List.copyOf(p.fields()));
            return new EvidenceLedger.Appended(EvidenceKind.PUSH, applicationId, p.item(), p.target(),
                    Sha256.hex(p.envelope()), write(detail), "PUSH:" + applicationId + ":" + p.item());
        }).toList());
    }

    /** A department's status report on an item, {@code payload} being the exact bytes received. */
    public void reported(UUID applicationId, String item, String party, byte[] payload) {
        String sha = Sha256.hex(payload);
        ledger.append(List.of(new EvidenceLedger.Appended(EvidenceKind.STATUS, applicationId, item, partyOrUnknown(party),
                sha, null, "STATUS:" + applicationId + ":" + item + ":" + sha)));
    }

    /**
     * An application withdrawn by its channel, {@code body} being the request's exact bytes; the detail names the
     * items cancelled and those whose departments are sent a withdrawal notice.
     */
    public void withdrawn(UUID applicationId, String channel, byte[] body, List<String> cancelled, List<String> notified) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("cancelled", List.copyOf(cancelled));
        detail.put("notified", List.copyOf(notified));
        ledger.append(List.of(new EvidenceLedger.Appended(EvidenceKind.WITHDRAWAL, applicationId, null,
                partyOrUnknown(channel), Sha256.hex(body), write(detail), "WITHDRAWAL:" + applicationId)));
    }

    /** Items the hub cancelled, never to be sent, each with its reason (the reason's SHA-256 is the payload's). */
    public void cancelled(UUID applicationId, Map<String, String> reasons) {
        ledger.append(reasons.entrySet().stream().map(cancelled -> {
            byte[] reason = cancelled.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            return new EvidenceLedger.Appended(EvidenceKind.CANCEL, applicationId, cancelled.getKey(), HUB,
                    Sha256.hex(reason), write(Map.of("reason", cancelled.getValue())),
                    "CANCEL:" + applicationId + ":" + cancelled.getKey());
        }).toList());
    }

    /**
     * A target notice delivered (a withdrawal notice, a certificate for the library): its exact bytes; the field names
     * it carries (a withdrawal notice: none) are the access log's.
     */
    public void noticed(UUID applicationId, String type, Push notice) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("department", notice.department());
        detail.put("fields", List.copyOf(notice.fields()));
        detail.put("notice", type);
        ledger.append(List.of(new EvidenceLedger.Appended(EvidenceKind.PUSH, applicationId, notice.item(), notice.target(),
                Sha256.hex(notice.envelope()), write(detail), "NOTICE:" + applicationId + ":" + notice.item() + ":" + type)));
    }

    /**
     * An application rated by its channel, {@code body} being the request's exact bytes; the detail holds the levels
     * (never the comment) and the rectification cases the 差评 opened.
     */
    public void rated(UUID applicationId, String channel, byte[] body, String level, Map<String, String> items,
                      List<UUID> cases) {
        Map<String, Object> detail = new java.util.TreeMap<>();
        detail.put("cases", cases.stream().map(UUID::toString).toList());
        detail.put("items", new java.util.TreeMap<>(items));
        detail.put("level", level);
        ledger.append(List.of(new EvidenceLedger.Appended(EvidenceKind.RATING, applicationId, null,
                partyOrUnknown(channel), Sha256.hex(body), write(detail), "RATING:" + applicationId)));
    }

    /**
     * A step of a rectification case ({@code step}: opened, answered, closed) by {@code party} (the hub, the
     * department, the channel or the operator), {@code payload} being the exact bytes that caused it; {@code facts}
     * are what the step decided (the department, the due date, the callback's result), never free text.
     */
    public void rectification(UUID applicationId, String item, String party, UUID caseId, String step, byte[] payload,
                              Map<String, String> facts) {
        Map<String, Object> detail = new java.util.TreeMap<>(facts);
        detail.put("case", caseId.toString());
        detail.put("step", step);
        ledger.append(List.of(new EvidenceLedger.Appended(EvidenceKind.RECTIFICATION, applicationId, item,
                partyOrUnknown(party), Sha256.hex(payload), write(detail), "RECTIFICATION:" + caseId + ":" + step)));
    }

    /**
     * A read of a subject's archive ({@code what}: {@code archive}, {@code recommendations}) by {@code party} (a channel's
     * key, {@code operator:<login>}), {@code served} being the exact bytes served; the detail names the sections read.
     * The entry does not name the subject: the caller links its event key to the subject in a table of its own, which
     * the retention policy may delete, while the ledger is never changed. Returns that event key.
     */
    public String read(String party, String what, List<String> sections, byte[] served) {
        String eventKey = "READ:" + UUID.randomUUID();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("read", what);
        detail.put("fields", List.copyOf(sections));
        ledger.append(List.of(new EvidenceLedger.Appended(EvidenceKind.READ, null, what, partyOrUnknown(party),
                Sha256.hex(served), write(detail), eventKey)));
        return eventKey;
    }

    /** A request that reached a stage unsigned (never in service: the signature filter refuses it) still leaves evidence. */
    private static String partyOrUnknown(String party) {
        return party == null || party.isBlank() ? "(unsigned)" : party;
    }

    private String write(Map<String, Object> detail) {
        try {
            return json.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an evidence detail", e);
        }
    }
}
