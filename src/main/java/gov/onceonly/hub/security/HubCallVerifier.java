package gov.onceonly.hub.security;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What a department runs on each call that claims to be the hub's ({@link DepartmentCallSigner}): the signature must
 * cover the method, the target URI it was received on and, with a body, a Content-Digest that matches it; it must
 * verify with the hub's published key of its {@code keyid}, be recent, and its nonce new. The sandbox departments use
 * it; a department's own system does the same with any RFC 9421 implementation.
 */
public final class HubCallVerifier {

    private final Map<String, PublicKey> hubKeys;
    private final Clock clock;
    private final Duration window;
    /** Nonces seen, with their creation time; pruned past twice the window, which refuses them anyway. */
    private final Map<String, Long> seenNonces = new ConcurrentHashMap<>();
    private volatile long nextPrune;

    public HubCallVerifier(Map<String, PublicKey> hubKeys, Clock clock, Duration window) {
        this.hubKeys = Map.copyOf(hubKeys);
        this.clock = clock;
        this.window = window;
    }

    /** Why the call is not the hub's; empty when it is. {@code header} finds a request header by name. */
    public Optional<String> refusal(String method, String targetUri, byte[] body, Function<String, String> header) {
        var input = HttpMessageSignatures.parseInput(header.apply(HttpMessageSignatures.SIGNATURE_INPUT))
                .filter(i -> i.label().equals(DepartmentCallSigner.LABEL));
        if (input.isEmpty()) {
            return Optional.of("no hub signature (Signature-Input " + DepartmentCallSigner.LABEL + "=...)");
        }
        Map<String, String> covered = DepartmentCallSigner.covered(method, targetUri, body);
        List<String> required = List.copyOf(covered.keySet());
        if (!input.get().components().equals(required)) {
            return Optional.of("the signature covers " + input.get().components() + ", not " + required);
        }
        PublicKey key = input.get().parameter("keyid").map(hubKeys::get).orElse(null);
        if (key == null || !"ed25519".equals(input.get().parameter("alg").orElse(""))) {
            return Optional.of("unknown key " + input.get().parameter("keyid").orElse("(none)"));
        }
        long created;
        try {
            created = Long.parseLong(input.get().parameter("created").orElse(""));
        } catch (NumberFormatException e) {
            return Optional.of("no creation time");
        }
        if (Math.abs(clock.instant().getEpochSecond() - created) > window.toSeconds()) {
            return Optional.of("created " + created + ", outside the window of " + window);
        }
        if (covered.containsKey("content-digest")
                && !covered.get("content-digest").equals(header.apply(HttpMessageSignatures.CONTENT_DIGEST))) {
            return Optional.of("Content-Digest does not match the body");
        }
        byte[] signature = HttpMessageSignatures.parseSignature(header.apply(HttpMessageSignatures.SIGNATURE),
                DepartmentCallSigner.LABEL).orElse(null);
        if (signature == null || !HttpMessageSignatures.verify(key, HttpMessageSignatures.base(covered,
                input.get().serialized()), signature)) {
            return Optional.of("the signature does not verify for " + method + " " + targetUri);
        }
        String nonce = input.get().parameter("nonce").orElse("");
        if (nonce.isEmpty() || seenNonces.putIfAbsent(nonce, created) != null) {
            return Optional.of("nonce missing or seen before: a replay");
        }
        long now = clock.instant().getEpochSecond();
        if (now >= nextPrune) {
            // Once a window: nonces older than twice the window are refused by their creation time anyway.
            nextPrune = now + window.toSeconds();
            seenNonces.values().removeIf(at -> at < now - 2 * window.toSeconds());
        }
        return Optional.empty();
    }
}
