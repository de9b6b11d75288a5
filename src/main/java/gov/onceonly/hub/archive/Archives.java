package gov.onceonly.hub.archive;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.onceonly.hub.application.ApplicationStore;
import gov.onceonly.hub.application.ItemOutputs;
import gov.onceonly.hub.catalog.BundleCatalog;
import gov.onceonly.hub.catalog.CompiledBundle;
import gov.onceonly.hub.connector.ConnectorCatalog;
import gov.onceonly.hub.connector.DatasetDefinition;
import gov.onceonly.hub.evidence.Sha256;
import gov.onceonly.hub.recommendation.BundleFacts;
import gov.onceonly.hub.recommendation.LifeEvent;
import gov.onceonly.hub.recommendation.Recommendation;
import gov.onceonly.hub.recommendation.RecommendationCatalog;
import gov.onceonly.hub.recommendation.RecommendationRanking;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Builds a subject's archive from what the hub already holds, at each read: the applications (the subject's own by
 * their key, and those they are a party of), their items, the outputs (sealed, opened here), the supplied materials
 * (digested here), the certificates the library answered and those the hub sent it. Nothing is copied: there is no
 * second store of personal data to drift or to delete apart (docs/lifelong-service.md, "Retention").
 */
public class Archives {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final ApplicationStore store;
    private final BundleCatalog bundles;
    private final ConnectorCatalog connectors;
    private final RecommendationCatalog rules;
    private final ArchiveProperties settings;
    private final Clock clock;

    public Archives(JdbcTemplate jdbc, ObjectMapper json, ApplicationStore store, BundleCatalog bundles,
                    ConnectorCatalog connectors, RecommendationCatalog rules, ArchiveProperties settings, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.store = store;
        this.bundles = bundles;
        this.connectors = connectors;
        this.rules = rules;
        this.settings = settings;
        this.clock = clock;
    }

    /** {@code channel}: only the applications that channel submitted (as in the access log); null for the operator. */
    public SubjectArchive of(String subject, String subjectType, String channel) {
        List<SubjectArchive.ArchivedApplication> applications = new ArrayList<>();
        List<SubjectArchive.SuppliedMaterial> materials = new ArrayList<>();
        List<SubjectArchive.HeldCertificate> certificates = new ArrayList<>();
        for (Stored a : applications(subject, channel)) {
            if (!a.applicant()) {
                applications.add(new SubjectArchive.ArchivedApplication(a.id(), a.bundle(), bundleName(a.bundle()), "party",
                        a.status(), a.createdAt(), a.updatedAt(), List.of()));
                continue;
            }
            Map<String, ItemOutputs> outputs = store.outputs(a.id());
            List<SubjectArchive.ArchivedItem> items = items(a.id(), outputs, certificates);
            applications.add(new SubjectArchive.ArchivedApplication(a.id(), a.bundle(), bundleName(a.bundle()), "applicant",
                    a.status(), a.createdAt(), a.updatedAt(), items));
            store.opened(ApplicationStore.MATERIALS, a.id(), a.materials()).forEach((name, value) ->
                    materials.add(new SubjectArchive.SuppliedMaterial(a.id(), name,
                            Sha256.hex(String.valueOf(value).getBytes(StandardCharsets.UTF_8)))));
            libraryAnswers(a.id(), certificates);
        }
        return new SubjectArchive(subject, subjectType, clock.instant(), applications, materials, distinct(certificates),
                recommendations(subjectType, applications));
    }

    /** What the subject is likely to need next, from their archive as {@code channel} sees it. */
    public SubjectRecommendations recommendations(String subject, String subjectType, String channel) {
        List<SubjectArchive.ArchivedApplication> applications = applications(subject, channel).stream()
                .filter(Stored::applicant).map(a -> new SubjectArchive.ArchivedApplication(a.id(), a.bundle(), null,
                        "applicant", a.status(), a.createdAt(), a.updatedAt(), List.of())).toList();
        return new SubjectRecommendations(subject, subjectType, LocalDate.now(clock.withZone(zone())),
                recommendations(subjectType, applications));
    }

    private List<Recommendation> recommendations(String subjectType, List<SubjectArchive.ArchivedApplication> applications) {
        String type = "enterprise".equals(subjectType) ? "enterprise" : "personal";
        List<LifeEvent> history = applications.stream().filter(a -> a.role().equals("applicant"))
                .map(a -> new LifeEvent(a.bundle(), LocalDate.ofInstant(a.updatedAt(), zone()), state(a.status()))).toList();
        return rules.forType(type).map(r -> RecommendationRanking.rank(r, BundleFacts.of(bundles.all()), history,
                LocalDate.now(clock.withZone(zone())), settings.recommendations())).orElse(List.of());
    }

    /** Completed: every item decided and some granted; open: still with the hub or the departments. */
    private static LifeEvent.State state(String status) {
        return switch (status) {
            case "COMPLETED" -> LifeEvent.State.COMPLETED;
            case "WITHDRAWN", "WITHDRAWING" -> LifeEvent.State.ENDED;
            default -> LifeEvent.State.OPEN;
        };
    }

    private record Stored(UUID id, String bundle, String status, Instant createdAt, Instant updatedAt, String materials,
                          boolean applicant) {
    }

    private List<Stored> applications(String subject, String channel) {
        return jdbc.query("""
                select id, bundle_id, status, created_at, updated_at, materials::text, true from application
                where subject_key = ? and (?::text is null or submitted_by = ?)
                union all
                select a.id, a.bundle_id, a.status, a.created_at, a.updated_at, null, false
                from application_party p join application a on a.id = p.application_id
                where p.subject_key = ? and a.subject_key <> ? and (?::text is null or a.submitted_by = ?)
                order by 4, 1""",
                (rs, n) -> new Stored(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getBoolean(7)),
                subject, channel, channel, subject, subject, channel, channel);
    }

    private List<SubjectArchive.ArchivedItem> items(UUID applicationId, Map<String, ItemOutputs> outputs,
                                                    List<SubjectArchive.HeldCertificate> certificates) {
        return jdbc.query("""
                select i.item_id, i.department, i.status, i.result, i.certificate_no, i.reason, i.dept_status_at,
                       i.archive::text, n.sent_at
                from application_item i
                     left join target_notice n on n.application_id = i.application_id and n.item_id = i.item_id
                                              and n.kind = 'CERTIFICATE'
                where i.application_id = ? order by i.item_id""", (rs, n) -> {
            String item = rs.getString(1);
            Map<String, Object> decided = Optional.ofNullable(outputs.get(item)).map(ItemOutputs::values).orElse(Map.of());
            String certificateNo = rs.getString(5) != null ? rs.getString(5)
                    : decided.get("certificateNo") == null ? null : decided.get("certificateNo").toString();
            Timestamp decidedAt = rs.getTimestamp(7);
            String archive = rs.getString(8);
            Map<String, Object> archived = archive == null ? Map.of() : read(archive);
            if (archived.get("certificate") != null && "DONE".equals(rs.getString(3)) && !decided.isEmpty()) {
                String certificate = archived.get("certificate").toString();
                String number = certificateNo != null ? certificateNo : decided.values().iterator().next().toString();
                certificates.add(new SubjectArchive.HeldCertificate(certificate, title(certificate), number, "issued",
                        rs.getTimestamp(9) != null, applicationId, item, decidedAt == null ? null : decidedAt.toInstant()));
            }
            return new SubjectArchive.ArchivedItem(item, rs.getString(2), rs.getString(3), rs.getString(4), certificateNo,
                    new LinkedHashMap<>(decided), rs.getString(6), decidedAt == null ? null : decidedAt.toInstant());
        }, applicationId);
    }

    /** The certificates the e-certificate library answered for the application's pulls. */
    private void libraryAnswers(UUID applicationId, List<SubjectArchive.HeldCertificate> certificates) {
        store.pulled(applicationId).stream()
                .filter(p -> p.found() && p.connector().equals(settings.certificateLibrary()))
                .forEach(p -> {
                    Object number = p.fields().getOrDefault("certificateNo", p.fields().get("certificateId"));
                    String certificate = p.connector() + "/" + p.dataset();
                    certificates.add(new SubjectArchive.HeldCertificate(certificate, title(certificate),
                            number == null ? null : number.toString(), "library", true, applicationId, null, p.pulledAt()));
                });
    }

    /** One line per certificate: the first time it is known. */
    private static List<SubjectArchive.HeldCertificate> distinct(List<SubjectArchive.HeldCertificate> certificates) {
        Map<String, SubjectArchive.HeldCertificate> first = new LinkedHashMap<>();
        certificates.forEach(c -> first.putIfAbsent(c.certificate() + "#" + c.number(), c));
        return List.copyOf(first.values());
    }

    private String title(String certificate) {
        int slash = certificate.indexOf('/');
        return slash < 0 ? null : connectors.find(certificate.substring(0, slash))
                .map(c -> c.datasets().get(certificate.substring(slash + 1))).map(DatasetDefinition::title).orElse(null);
    }

    private String bundleName(String bundle) {
        return bundles.find(bundle).map(CompiledBundle::definition).map(d -> d.name()).orElse(null);
    }

    private ZoneId zone() {
        return ZoneId.of(settings.zone());
    }

    private Map<String, Object> read(String text) {
        try {
            return json.readValue(text, MAP);
        } catch (IOException e) {
            throw new IllegalStateException("stored JSON is unreadable", e);
        }
    }
}
