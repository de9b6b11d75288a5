package gov.onceonly.hub.sandbox;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The e-certificate library's intake (归集), as the sandbox's 市大数据发展局 runs it: a certificate the hub sends after
 * an item was decided is kept under its holder's key in the library dataset it names, with a certificate id of the
 * library's own, so the holder's next application finds it there like any certificate.
 */
final class CertificateLibrary {

    static final String INTAKE = "dsj-certificate-intake";
    private static final Logger log = LoggerFactory.getLogger(CertificateLibrary.class);

    private final SandboxRecords records;
    private final ObjectMapper json;

    CertificateLibrary(SandboxRecords records, ObjectMapper json) {
        this.records = records;
        this.json = json;
    }

    /** Called for each record received the first time; keeps the certificates sent to the intake. */
    void received(ApprovalInbox.Received received) {
        if (!INTAKE.equals(received.system())) {
            return;
        }
        try {
            JsonNode envelope = json.readTree(received.body());
            String certificate = envelope.path("certificate").asText();
            String holder = envelope.path("holder").asText();
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("certificateId", "DZZZ-" + Integer.toHexString(received.idempotencyKey().hashCode()).toUpperCase());
            record.putAll(json.convertValue(envelope.path("fields"), new TypeReference<Map<String, Object>>() { }));
            records.put(certificate, holder, record);
            log.info("Sandbox e-certificate library keeps a {} of {}", certificate, holder.substring(0, 6) + "…");
        } catch (Exception e) {
            log.warn("Sandbox e-certificate library cannot keep what it received: {}", e.getMessage());
        }
    }
}
