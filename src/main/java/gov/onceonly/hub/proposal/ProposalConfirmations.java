package gov.onceonly.hub.proposal;

import gov.onceonly.hub.catalog.BundleCatalog;
import gov.onceonly.hub.catalog.CompiledBundle;
import gov.onceonly.hub.catalog.PartyDefinition;
import gov.onceonly.hub.connector.SubjectKeyKind;
import gov.onceonly.hub.intake.ApplicationRequest;
import gov.onceonly.hub.intake.Intake;
import gov.onceonly.hub.security.CallerProblems;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a channel does with a proposal. Confirming makes it an ordinary application through intake (the same
 * validation, identity check, outbox and evidence, the intake entry linking the proposal), marked CONFIRMED in the
 * transaction that stores the application: a proposal becomes one application at most. Declining closes it.
 */
public class ProposalConfirmations {

    private final ProposalStore store;
    private final BundleCatalog bundles;
    private final Intake intake;
    private final Clock clock;
    private final java.util.Set<String> channels;

    /** {@code channels}: the channels proposals go to (hub.proposals.channels); only they see or answer one. */
    public ProposalConfirmations(ProposalStore store, BundleCatalog bundles, Intake intake, Clock clock,
                                 java.util.Set<String> channels) {
        this.channels = java.util.Set.copyOf(channels);
        this.store = store;
        this.bundles = bundles;
        this.intake = intake;
        this.clock = clock;
    }

    public ProposalView view(UUID id) {
        Proposal p = find(id);
        CompiledBundle bundle = bundles.find(p.bundleId()).orElse(null);
        List<String> toFill = bundle == null ? List.of() : bundle.definition().form().keySet().stream()
                .filter(field -> !p.form().containsKey(field)).toList();
        return new ProposalView(p.id(), p.ruleId(), p.bundleId(), bundle == null ? null : bundle.definition().name(),
                p.statusAt(clock.instant()), p.subject(), p.form(), p.parties(), toFill, p.createdAt(), p.expiresAt(),
                p.decidedAt(), p.declineReason(), p.applicationId(),
                p.applicationId() == null ? null : "/api/v1/applications/" + p.applicationId());
    }

    /** The application the confirmed proposal became (202), or a problem: the same as a submitted application's. */
    public Intake.Accepted confirm(UUID id, ProposalConfirmation confirmation, String identityToken, String channel,
                                   byte[] body) {
        Proposal p = find(id);
        if (!p.openAt(clock.instant())) {
            throw new ProposalClosedException(id, p.statusAt(clock.instant()));
        }
        CompiledBundle bundle = bundles.find(p.bundleId()).orElseThrow(() -> new ProposalClosedException(id,
                ProposalStatus.EXPIRED));
        ApplicationRequest request = request(p, bundle, confirmation);
        Map<String, Object> origin = new LinkedHashMap<>();
        origin.put("proposal", id.toString());
        origin.put("rule", p.ruleId());
        origin.put("eventSha256", p.eventSha256());
        return intake.submit(request, identityToken, channel, body, origin, applicationId -> {
            if (!store.confirmed(id, applicationId, channel)) {
                // Another request confirmed or declined it meanwhile, or it expired: this application is not stored.
                throw new ProposalClosedException(id, store.find(id).map(Proposal::status).orElse(ProposalStatus.EXPIRED));
            }
        });
    }

    public ProposalView decline(UUID id, ProposalDecline decline, String channel) {
        Proposal p = find(id);
        if (p.status() == ProposalStatus.DECLINED) {
            return view(id); // declining twice is declining once
        }
        if (!p.openAt(clock.instant()) || !store.declined(id, channel, decline == null ? null : decline.reason())) {
            throw new ProposalClosedException(id, find(id).statusAt(clock.instant()));
        }
        return view(id);
    }

    /** The application the subject confirms: the proposal's subject, what the event filled, what they add. */
    static ApplicationRequest request(Proposal p, CompiledBundle bundle, ProposalConfirmation c) {
        boolean enterprise = bundle.subjectKey() == SubjectKeyKind.CREDIT_CODE;
        ApplicationRequest.Applicant applicant = enterprise
                ? new ApplicationRequest.Applicant(c.agentIdNumber(), c.applicantName(), p.subject())
                : new ApplicationRequest.Applicant(p.subject(), c.applicantName(), null);
        Map<String, Object> form = new LinkedHashMap<>(p.form());
        if (c.form() != null) {
            form.putAll(c.form()); // the applicant may correct what the event said
        }
        Map<String, ApplicationRequest.Party> parties = new LinkedHashMap<>();
        p.parties().forEach((name, key) -> {
            PartyDefinition definition = bundle.definition().parties().get(name);
            boolean byCode = definition != null && definition.key() == SubjectKeyKind.CREDIT_CODE;
            parties.put(name, new ApplicationRequest.Party(byCode ? null : key, byCode ? key : null, null, null));
        });
        if (c.parties() != null) {
            c.parties().forEach((name, given) -> {
                ApplicationRequest.Party known = parties.get(name);
                parties.put(name, known == null || given == null ? given : new ApplicationRequest.Party(
                        known.idNumber(), known.creditCode(), given.name(), given.consent()));
            });
        }
        return new ApplicationRequest(bundle.id(), applicant, c.consent(), form, parties.isEmpty() ? null : parties);
    }

    /** 404 for a channel proposals do not go to, worded as for a proposal that does not exist. */
    public void requireChannel(String channel, UUID id) {
        if (!channels.contains(channel)) {
            throw CallerProblems.notFound("id", "no proposal " + id);
        }
    }

    private Proposal find(UUID id) {
        return store.find(id).orElseThrow(() -> CallerProblems.notFound("id", "no proposal " + id));
    }
}
