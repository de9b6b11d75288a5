package gov.onceonly.hub.archive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.onceonly.hub.evidence.EvidenceRecorder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/**
 * Every read of a subject's archive, as evidence: a READ ledger entry (the reader, what was read, the SHA-256 of the
 * JSON served) and, in the same transaction, its link to the subject ({@code subject_read}), which is how the subject's
 * access log finds it. Recorded before the archive is served: an archive whose read could not be recorded is not served.
 */
public class ArchiveReads {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final EvidenceRecorder evidence;
    private final ObjectMapper json;

    public ArchiveReads(JdbcTemplate jdbc, TransactionTemplate tx, EvidenceRecorder evidence, ObjectMapper json) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.evidence = evidence;
        this.json = json;
    }

    /** {@code reader}: a channel's key or {@code operator:<login>}; {@code what}: archive or recommendations. */
    public void record(String subject, String reader, String what, List<String> sections, Object served) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(served);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write what is served", e);
        }
        tx.executeWithoutResult(status -> {
            String eventKey = evidence.read(reader, what, sections, bytes);
            jdbc.update("insert into subject_read (event_key, subject_key) values (?, ?)", eventKey, subject);
        });
    }
}
