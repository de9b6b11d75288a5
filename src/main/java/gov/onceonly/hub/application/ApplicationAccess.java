package gov.onceonly.hub.application;

import gov.onceonly.hub.security.CallerProblems;
import gov.onceonly.hub.security.RegisteredClient;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Object-level authorization of applications (OWASP API1): a channel sees only the applications it submitted, a
 * department only its own items of an application. Whatever a caller may not see is answered exactly as an unknown
 * application, so the answer does not reveal that it exists.
 */
public class ApplicationAccess {

    private final JdbcTemplate jdbc;
    private final ApplicationQueries queries;

    public ApplicationAccess(JdbcTemplate jdbc, ApplicationQueries queries) {
        this.jdbc = jdbc;
        this.queries = queries;
    }

    /** The status view as this caller may see it. */
    public ApplicationView view(RegisteredClient caller, UUID id) {
        RegisteredClient client = CallerProblems.require(caller);
        if (client.role() == RegisteredClient.Role.CHANNEL) {
            requireSubmitter(client, id);
            return queries.view(id).orElseThrow(() -> unknown(id));
        }
        ApplicationView view = queries.view(id).orElseThrow(() -> unknown(id));
        List<ApplicationView.Item> own = view.items().stream()
                .filter(item -> Objects.equals(item.department(), client.department())).toList();
        if (own.isEmpty()) {
            throw unknown(id);
        }
        return view.onlyItems(own);
    }

    /**
     * Passes only for the channel that submitted the application (404 for another channel, worded as for an unknown
     * one); a department never gets here (config/SecurityConfiguration).
     */
    public void requireSubmitter(RegisteredClient caller, UUID id) {
        RegisteredClient client = CallerProblems.require(caller);
        boolean submitted = jdbc.queryForList("select submitted_by from application where id = ?", String.class, id)
                .stream().anyMatch(client.key()::equals);
        if (!submitted) {
            throw unknown(id);
        }
    }

    /** The 404 of an unknown application, which is also the answer for one the caller may not see. */
    public static RuntimeException unknown(UUID id) {
        return CallerProblems.notFound("id", "no application " + id);
    }
}
