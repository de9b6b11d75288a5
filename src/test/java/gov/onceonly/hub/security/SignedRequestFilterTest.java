package gov.onceonly.hub.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The limits that come before any work: per address, then an unknown key before the body. */
class SignedRequestFilterTest {

    private final SignedRequestFilter filter = new SignedRequestFilter(new ClientRegistry(Map.of()), null,
            new ClientRateLimits(), new SignedRequestFilter.AddressLimit(1, 2), Clock.systemUTC(), Duration.ofMinutes(5));

    @Test
    void anAddressOverItsBucketIsRefusedBeforeAnythingElse() throws Exception {
        assertThat(call("10.0.0.1").getStatus()).isEqualTo(401);
        assertThat(call("10.0.0.1").getStatus()).isEqualTo(401);
        MockHttpServletResponse third = call("10.0.0.1");
        assertThat(third.getStatus()).isEqualTo(429);
        assertThat(third.getHeader("Retry-After")).isEqualTo("1");
        assertThat(third.getContentAsString()).contains("\"field\":\"address\"", "hub.security.address-limit");
        assertThat(call("10.0.0.2").getStatus()).as("another address").isEqualTo(401);
    }

    @Test
    void anUnknownKeyIsRefusedWithTheAnswerOfAWrongSignatureAndTheBodyUnread() throws Exception {
        MockHttpServletRequest request = request("10.0.0.3");
        request.addHeader(RequestSignature.KEY, "no-such-client");
        request.addHeader(RequestSignature.TIMESTAMP, String.valueOf(java.time.Instant.now().getEpochSecond()));
        request.addHeader(RequestSignature.NONCE, "n".repeat(20));
        request.addHeader(RequestSignature.SIGNATURE, "c2lnbmF0dXJl");
        request.setContent("{\"unread\":true}".getBytes());
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, new MockFilterChain());

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentAsString()).contains("\"field\":\"X-Hub-Signature\"", "\"rule\":\"signature\"");
        assertThat(request.getInputStream().available()).as("body bytes left unread").isPositive();
    }

    private MockHttpServletResponse call(String address) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request(address), response, new MockFilterChain());
        return response;
    }

    private static MockHttpServletRequest request(String address) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/applications");
        request.setRemoteAddr(address);
        return request;
    }
}
