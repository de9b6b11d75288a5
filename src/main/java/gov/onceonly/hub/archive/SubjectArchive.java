package gov.onceonly.hub.archive;

import gov.onceonly.hub.recommendation.Recommendation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A subject's archive (一人一档 for a person, 一企一档 for an enterprise), derived at each read from what the hub holds:
 * every application and each item's outcome, the materials supplied (names and digests, never the content), the
 * certificates known for the subject, and the bundles they may still be entitled to.
 */
public record SubjectArchive(String subject, String subjectType, Instant readAt, List<ArchivedApplication> applications,
                             List<SuppliedMaterial> materials, List<HeldCertificate> certificates,
                             List<Recommendation> entitlements) {

    /**
     * One application: the subject's own ({@code role} applicant, with its items), or someone else's that the subject
     * is a party of ({@code role} party: the bundle and status only, the items being the applicant's).
     */
    public record ArchivedApplication(UUID applicationId, String bundle, String bundleName, String role, String status,
                                      Instant submittedAt, Instant updatedAt, List<ArchivedItem> items) {
    }

    /**
     * One item's outcome: its department's status, decision ({@code result}), the certificate number it reported,
     * the outputs it was decided with (decision numbers: a credit code, a licence number, a certificate number) or
     * why it was sent back ({@code reason}).
     */
    public record ArchivedItem(String item, String department, String status, String result, String certificateNo,
                               Map<String, Object> outputs, String reason, Instant decidedAt) {
    }

    /** A material the subject supplied for an application: its name and the SHA-256 of its value, not the value. */
    public record SuppliedMaterial(UUID applicationId, String name, String sha256) {
    }

    /**
     * A certificate known for the subject: one the e-certificate library answered for an application ({@code source}
     * library), or one a department issued with an item and the hub sent to the library ({@code source} issued;
     * {@code inLibrary} once the library took it). {@code certificate} is the library's connector/dataset.
     */
    public record HeldCertificate(String certificate, String title, String number, String source, Boolean inLibrary,
                                  UUID applicationId, String item, Instant at) {
    }
}
