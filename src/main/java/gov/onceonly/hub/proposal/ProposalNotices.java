package gov.onceonly.hub.proposal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.onceonly.hub.outbox.Outbox;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Puts a new proposal to the subject's channels: a message on each channel's topic, appended to the outbox in the
 * proposal's own transaction, so that a stored proposal is always announced and an announced one always stored. The
 * message names the proposal only: the outbox and the topic hold no personal data, and the channel reads whom it is for
 * and what is filled with a signed {@code GET /api/v1/proposals/{id}}.
 */
public class ProposalNotices {

    private final Outbox outbox;
    private final ObjectMapper json;
    private final Map<String, ProposalProperties.Channel> channels;

    public ProposalNotices(Outbox outbox, ObjectMapper json, Map<String, ProposalProperties.Channel> channels) {
        this.outbox = outbox;
        this.json = json;
        this.channels = Map.copyOf(channels);
    }

    /** Must run inside the proposal's transaction. */
    void announce(UUID id, String bundle, String bundleName, Instant expiresAt) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "proposal");
        message.put("proposalId", id.toString());
        message.put("bundle", bundle);
        message.put("bundleName", bundleName);
        message.put("expiresAt", expiresAt.toString());
        message.put("proposalUrl", "/api/v1/proposals/" + id);
        message.put("confirmationUrl", "/api/v1/proposals/" + id + "/confirmation");
        message.put("declineUrl", "/api/v1/proposals/" + id + "/decline");
        String payload;
        try {
            payload = json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        channels.values().forEach(channel -> outbox.append(channel.topic(), id.toString(), payload));
    }
}
