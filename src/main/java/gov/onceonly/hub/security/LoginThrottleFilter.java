package gov.onceonly.hub.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * In Spring Security's chain, before the authentication filters: a login attempt (HTTP Basic, or the login form's
 * POST) from a throttled account or address gets a 429 and is not tried ({@link LoginThrottle}). Each chain with a
 * login form names its form's path: {@code /login} (Hawtio's), {@code /console/login} (the console's). A chain whose
 * login is a page of its own (the console's) sends a throttled browser back to that page, which says why, instead.
 */
public final class LoginThrottleFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;
    private final String loginForm;
    private final String throttledPage;

    public LoginThrottleFilter(LoginThrottle throttle) {
        this(throttle, "/login", null);
    }

    /** {@code throttledPage}: where a throttled login attempt is redirected; null: a 429 problem. */
    public LoginThrottleFilter(LoginThrottle throttle, String loginForm, String throttledPage) {
        this.throttle = throttle;
        this.loginForm = loginForm;
        this.throttledPage = throttledPage;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String account = account(request, loginForm);
        if (account != null) {
            Duration wait = throttle.blockedFor(account, request.getRemoteAddr());
            if (!wait.isZero()) {
                long seconds = Math.max(1, wait.toSeconds());
                response.setHeader("Retry-After", String.valueOf(seconds));
                if (throttledPage != null) {
                    response.sendRedirect(request.getContextPath() + throttledPage);
                    return;
                }
                ProblemResponses.write(response, 429, "login-throttled", "Too many failed logins", "too many failed "
                        + "logins for this account or address; retry after " + seconds + " s", request.getRequestURI(),
                        "Authorization", "login-throttle");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The account a request tries to log in as (the form at /login); null when it is no login attempt. */
    static String account(HttpServletRequest request) {
        return account(request, "/login");
    }

    static String account(HttpServletRequest request, String loginForm) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? decoded : decoded.substring(0, colon);
            } catch (IllegalArgumentException e) {
                return "";
            }
        }
        if ("POST".equals(request.getMethod()) && loginForm.equals(request.getRequestURI())) {
            String username = request.getParameter("username");
            return username == null ? "" : username;
        }
        return null;
    }
}
