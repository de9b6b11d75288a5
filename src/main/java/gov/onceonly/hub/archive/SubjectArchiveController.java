package gov.onceonly.hub.archive;

import gov.onceonly.hub.intake.ApplicantIdentity;
import gov.onceonly.hub.transparency.AccessLogController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * A subject's archive (一人一档, 一企一档) and what they are likely to need next (智能推荐). A channel reads them with
 * the subject's identity token, an operator under /api/v1/ops; every read is recorded first, in the ledger and the
 * subject's access log ({@link ArchiveReads}).
 */
@RestController
public class SubjectArchiveController {

    private static final Logger log = LoggerFactory.getLogger(SubjectArchiveController.class);
    private static final String TOKEN = "The subject's identity token (for an enterprise, its legal representative's)";
    static final List<String> ARCHIVE_SECTIONS = List.of("applications", "materials", "certificates", "entitlements");
    static final List<String> RECOMMENDATION_SECTIONS = List.of("recommendations");

    private final Archives archives;
    private final ArchiveReads reads;
    private final SubjectAccess access;

    public SubjectArchiveController(Archives archives, ArchiveReads reads, SubjectAccess access) {
        this.archives = archives;
        this.reads = reads;
        this.access = access;
    }

    @Operation(summary = "A subject's archive: applications, outcomes, materials, certificates, entitlements (the subject's own view)")
    @GetMapping("/api/v1/subjects/{id}/archive")
    public SubjectArchive archive(@PathVariable @Parameter(description = AccessLogController.SUBJECT,
                                          schema = @Schema(pattern = AccessLogController.SUBJECT_PATTERN)) String id,
                                  @RequestHeader(name = ApplicantIdentity.HEADER, required = false)
                                  @Parameter(description = TOKEN) String identity, HttpServletRequest request) {
        String type = AccessLogController.subjectType(id);
        String channel = access.channel(request, id, type, identity);
        return archive(id, type, channel, channel);
    }

    @Operation(summary = "A subject's archive (operator's view)")
    @GetMapping("/api/v1/ops/subjects/{id}/archive")
    public SubjectArchive archiveForOperator(@PathVariable @Parameter(description = AccessLogController.SUBJECT,
            schema = @Schema(pattern = AccessLogController.SUBJECT_PATTERN)) String id, HttpServletRequest request) {
        return archive(id, AccessLogController.subjectType(id), SubjectAccess.operator(request), null);
    }

    @Operation(summary = "Bundles a subject is likely to need next, each with its reason and facts (the subject's own view)")
    @GetMapping("/api/v1/subjects/{id}/recommendations")
    public SubjectRecommendations recommendations(@PathVariable @Parameter(description = AccessLogController.SUBJECT,
                                                          schema = @Schema(pattern = AccessLogController.SUBJECT_PATTERN)) String id,
                                                  @RequestHeader(name = ApplicantIdentity.HEADER, required = false)
                                                  @Parameter(description = TOKEN) String identity, HttpServletRequest request) {
        String type = AccessLogController.subjectType(id);
        String channel = access.channel(request, id, type, identity);
        return recommendations(id, type, channel, channel);
    }

    @Operation(summary = "Bundles a subject is likely to need next (operator's view)")
    @GetMapping("/api/v1/ops/subjects/{id}/recommendations")
    public SubjectRecommendations recommendationsForOperator(@PathVariable @Parameter(description = AccessLogController.SUBJECT,
            schema = @Schema(pattern = AccessLogController.SUBJECT_PATTERN)) String id, HttpServletRequest request) {
        return recommendations(id, AccessLogController.subjectType(id), SubjectAccess.operator(request), null);
    }

    /** {@code channel}: what that channel submitted only; null for the operator's whole archive. */
    private SubjectArchive archive(String id, String type, String reader, String channel) {
        SubjectArchive archive = archives.of(id, type, channel);
        reads.record(id, reader, "archive", ARCHIVE_SECTIONS, archive);
        log.info("Archive of {} ({} applications) read by {}", id, archive.applications().size(), reader);
        return archive;
    }

    private SubjectRecommendations recommendations(String id, String type, String reader, String channel) {
        SubjectRecommendations recommendations = archives.recommendations(id, type, channel);
        reads.record(id, reader, "recommendations", RECOMMENDATION_SECTIONS, recommendations);
        log.info("Recommendations for {} ({}) read by {}", id, recommendations.recommendations().size(), reader);
        return recommendations;
    }
}
