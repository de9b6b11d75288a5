package gov.onceonly.hub.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * Where an application's time goes inside the hub, from the timestamps its database already keeps, for the
 * applications received since a given moment: intake's transaction start ({@code application.created_at}), the relay's
 * start ({@code outbox.published_at}), the first and the last source answer ({@code pulled_dataset.pulled_at}), and the
 * dispatch transaction's start after the pushes ({@code application_item.delivered_at}). PostgreSQL's {@code now()} is
 * the start of its transaction, so each step includes what ran before the next transaction began.
 */
final class HubTimeline {

    private static final List<String> STEPS = List.of(
            "intake transaction and commit, until the relay starts",
            "relay, Kafka, consumer, worker, and the first source answer (one department call, 20 ± 5 ms)",
            "the other source answers (the spread of their latencies)",
            "collect transaction and the pushes (one department call, 20 ± 5 ms), until the dispatch transaction starts");

    private HubTimeline() {
    }

    /** A markdown table: each step's p50 and p90 in milliseconds, over the applications received since {@code since}. */
    static String markdown(BenchDatabase db, String database, Instant since) throws SQLException {
        String sql = """
                with t as (
                  select a.created_at,
                         (select min(o.published_at) from outbox o where o.message_key = a.id::text) as relayed,
                         (select min(p.pulled_at) from pulled_dataset p where p.application_id = a.id) as first_answer,
                         (select max(p.pulled_at) from pulled_dataset p where p.application_id = a.id) as last_answer,
                         (select max(i.delivered_at) from application_item i where i.application_id = a.id) as delivered
                  from application a where a.created_at >= ?),
                steps as (
                  select extract(epoch from relayed - created_at) * 1000 as s0,
                         extract(epoch from first_answer - relayed) * 1000 as s1,
                         extract(epoch from last_answer - first_answer) * 1000 as s2,
                         extract(epoch from delivered - last_answer) * 1000 as s3
                  from t where delivered is not null)
                select count(*),
                       percentile_cont(0.5) within group (order by s0), percentile_cont(0.9) within group (order by s0),
                       percentile_cont(0.5) within group (order by s1), percentile_cont(0.9) within group (order by s1),
                       percentile_cont(0.5) within group (order by s2), percentile_cont(0.9) within group (order by s2),
                       percentile_cont(0.5) within group (order by s3), percentile_cont(0.9) within group (order by s3)
                from steps""";
        try (Connection c = db.connect(database); PreparedStatement s = c.prepareStatement(sql)) {
            s.setTimestamp(1, Timestamp.from(since));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                StringBuilder out = new StringBuilder("The hub's own timeline of these applications (")
                        .append(rs.getLong(1)).append(" of them, from its database's timestamps):\n\n")
                        .append("| step | p50 ms | p90 ms |\n| --- | --- | --- |\n");
                for (int i = 0; i < STEPS.size(); i++) {
                    out.append("| ").append(STEPS.get(i)).append(" | ").append(ResultTables.number(rs.getDouble(2 + 2 * i)))
                            .append(" | ").append(ResultTables.number(rs.getDouble(3 + 2 * i))).append(" |\n");
                }
                return out.append('\n').toString();
            }
        }
    }
}
