package gov.onceonly.hub.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Spring Security's authentication filter for the registered clients: an API request goes on only if a registered
 * client signed it ({@link RequestSignature}, checked by {@link SignedRequestAuthenticationProvider}) within the time
 * window, with a nonce it has not used before, and within the rate limits (429 with Retry-After beyond them). It
 * leaves a {@link SignedClientAuthentication}, whose role the rules of config/SecurityConfiguration check, and the
 * client in the {@link #CLIENT} attribute for object-level checks. The public catalogue, the OpenAPI document and the
 * operator's endpoints (which have their own login) are not signed.
 */
public final class SignedRequestFilter extends OncePerRequestFilter {

    public static final String CLIENT = "gov.onceonly.hub.security.RegisteredClient";

    private static final Pattern TIMESTAMP = Pattern.compile("\\d{1,12}");
    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    private static final String[] UNSIGNED = {"/api/v1/bundles", "/api/v1/openapi", "/api/v1/ops/"};

    private final ClientRegistry clients;
    private final SignedRequestAuthenticationProvider provider;
    private final SeenNonces nonces;
    private final ClientRateLimits limits;
    private final Clock clock;
    private final Duration window;

    /** The bucket of each remote address: {@code hub.security.address-limit.requests-per-second} and {@code .burst}. */
    public record AddressLimit(double requestsPerSecond, int burst) {
    }

    private final AddressLimit addressLimit;

    public SignedRequestFilter(ClientRegistry clients, SeenNonces nonces, ClientRateLimits limits, AddressLimit addressLimit,
                               Clock clock, Duration window) {
        this.addressLimit = addressLimit;
        this.provider = new SignedRequestAuthenticationProvider(clients);
        this.clients = clients;
        this.nonces = nonces;
        this.limits = limits;
        this.clock = clock;
        this.window = window;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (!path.startsWith("/api/")) {
            return true;
        }
        for (String unsigned : UNSIGNED) {
            if (path.startsWith(unsigned)) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // Per address first, before any work: a caller that is no client at all is throttled too. The client's own
        // bucket comes after its signature, so that no one can spend another client's budget by naming its key.
        long addressWait = limits.secondsToWait("address:" + request.getRemoteAddr(), addressLimit.requestsPerSecond(),
                addressLimit.burst());
        if (addressWait > 0) {
            response.setHeader("Retry-After", String.valueOf(addressWait));
            ProblemResponses.write(response, 429, "rate-limited", "Too many requests", "this address is over its rate "
                    + "limit (hub.security.address-limit); retry after " + addressWait + " s", request.getRequestURI(),
                    "address", "rate-limit");
            return;
        }
        for (String header : new String[] {RequestSignature.KEY, RequestSignature.TIMESTAMP, RequestSignature.NONCE,
                RequestSignature.SIGNATURE}) {
            if (request.getHeader(header) == null) {
                refuse(request, response, header, "missing", "is missing: every call is signed (see docs/security.md)");
                return;
            }
        }
        String timestamp = request.getHeader(RequestSignature.TIMESTAMP);
        if (!TIMESTAMP.matcher(timestamp).matches()
                || Math.abs(clock.instant().getEpochSecond() - Long.parseLong(timestamp)) > window.toSeconds()) {
            refuse(request, response, RequestSignature.TIMESTAMP, "time-window",
                    "must be the current Unix time in seconds, within " + window.toMinutes() + " minutes of the hub's clock");
            return;
        }
        String nonce = request.getHeader(RequestSignature.NONCE);
        if (!NONCE.matcher(nonce).matches()) {
            refuse(request, response, RequestSignature.NONCE, "format", "must be 16 to 64 characters of A-Z a-z 0-9 _ -");
            return;
        }
        // An unknown key is refused before a byte of the body is read, with the answer a wrong signature gets: the
        // response must not confirm which keys exist.
        Optional<RegisteredClient> client = clients.find(request.getHeader(RequestSignature.KEY));
        if (client.isEmpty()) {
            refuse(request, response, RequestSignature.SIGNATURE, "signature",
                    "does not match a registered client's signature of this request");
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (BodyTooLargeException e) {
            ProblemResponses.write(response, 413, "body-too-large", "Body too large", "the " + e.getMessage(),
                    request.getRequestURI(), "body", "max-size");
            return;
        }
        String query = request.getQueryString();
        String canonical = RequestSignature.canonical(client.get().key(), request.getMethod(),
                request.getRequestURI() + (query == null ? "" : "?" + query), timestamp, nonce, body);
        Authentication authenticated;
        try {
            authenticated = provider.authenticate(new SignedRequestAuthenticationProvider.SignedRequest(
                    client.get().key(), canonical, request.getHeader(RequestSignature.SIGNATURE),
                    ClientCertificates.sha256(request)));
        } catch (AuthenticationException e) {
            refuse(request, response, RequestSignature.SIGNATURE, "signature", e.getMessage());
            return;
        }
        long wait = limits.secondsToWait(client.get());
        if (wait > 0) {
            response.setHeader("Retry-After", String.valueOf(wait));
            ProblemResponses.write(response, 429, "rate-limited", "Too many requests", RequestSignature.KEY
                    + " is over its rate limit; retry after " + wait + " s", request.getRequestURI(), RequestSignature.KEY,
                    "rate-limit");
            return;
        }
        if (!nonces.firstUse(client.get().key(), nonce)) {
            refuse(request, response, RequestSignature.NONCE, "replay", "was already used: this request is a replay");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authenticated);
        SecurityContextHolder.setContext(context);
        request.setAttribute(CLIENT, client.get());
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, String header, String rule,
                               String message) throws IOException {
        ProblemResponses.write(response, 401, "unauthenticated", "Unauthenticated", header + " " + message,
                request.getRequestURI(), header, rule);
    }
}
