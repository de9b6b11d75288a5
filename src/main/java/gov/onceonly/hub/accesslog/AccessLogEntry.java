package gov.onceonly.hub.accesslog;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One access to a subject's data: a pull of a dataset from a department's system ({@code PULL}: {@code connector},
 * {@code dataset}, whether the record was {@code found}) or a push of an item record to a department ({@code PUSH}:
 * {@code item}, the target {@code connector}, {@code department}), or a read of the subject's archive ({@code READ}:
 * the reader, a channel's key or {@code operator:<login>}, as {@code connector}; {@code archive} or
 * {@code recommendations} as {@code item}; the sections read as {@code fields}; no application). {@code fields} are
 * the field names, never values.
 */
public record AccessLogEntry(String kind, Instant at, UUID applicationId, String bundle, String connector,
                             String dataset, String item, String department, Boolean found, List<String> fields,
                             Consent consent) {

    /**
     * The consent the application carried: its purpose and when it was given. Named apart in the OpenAPI document:
     * the application's own {@code Consent} (a request body, with its constraints) is another schema.
     */
    @Schema(name = "AccessLogConsent")
    public record Consent(String purpose, String givenAt) {
    }

    public AccessLogEntry withDepartment(String name) {
        return new AccessLogEntry(kind, at, applicationId, bundle, connector, dataset, item, name, found, fields, consent);
    }
}
