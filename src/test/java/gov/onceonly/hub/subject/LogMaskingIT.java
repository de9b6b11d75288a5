package gov.onceonly.hub.subject;

import gov.onceonly.hub.HubClient;
import gov.onceonly.hub.HubIntegrationTest;
import gov.onceonly.hub.sandbox.SandboxApplications;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.support.TaskUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Everything the hub (and its sandbox departments, in the same JVM) logs during end-to-end runs, a failing target's
 * retries and a department's reports included, holds no full ID number or credit code: only masked ones
 * ({@link Masking}: the first 6 and last 4 characters). The hub's code masks nothing itself: logback-spring.xml does,
 * so the lines libraries write are masked too, a driver's error quoting the value included. (The JSON formats:
 * gov.onceonly.hub.logging.LogMaskingLayerTest, on a Logback context configured from the same file.)
 */
@ExtendWith(OutputCaptureExtension.class)
class LogMaskingIT extends HubIntegrationTest {

    private static final Pattern EIGHTEEN = Pattern.compile("(?<![0-9A-Za-z])[0-9A-Z]{17}[0-9A-Z](?![0-9A-Za-z])");

    @Autowired
    SandboxApplications applications;
    @Autowired
    CamelContext camel;

    @Test
    void noFullIdNumberOrCreditCodeReachesTheLog(CapturedOutput output) throws Exception {
        var mother = familiesWithBirthRecords().get(245).mother();
        sandbox.faults().fail("weijian-approval", 500, 1);
        String newborn = hub.submit(HubClient.newborn(mother.idNumber(), mother.name()));
        String business = hub.submit(applications.sample("business-startup").json());
        String id = hub.awaitEveryItemDelivered(newborn).path("id").asText();
        hub.awaitEveryItemDelivered(business); // the registration decided, the rest delivered after it
        assertThat(hub.reportStatus(id, "birth-certificate", "{\"status\":\"ACCEPTED\"}").statusCode()).isEqualTo(200);
        hub.post("/api/v1/applications", HubClient.newborn(mother.idNumber().substring(0, 17) + "0", mother.name()));
        sandbox.faults().clear("weijian-approval");

        String log = output.getAll();
        assertThat(log).as("the run was logged").contains("Accepted application").contains(Masking.mask(mother.idNumber()));
        assertThat(fullKeys(log)).as("full ID numbers or credit codes in the log").isEmpty();
    }

    @Test
    void linesLibrariesWriteAreMaskedTooADriversErrorQuotingTheValueIncluded(CapturedOutput output) {
        String idNumber = familiesWithBirthRecords().get(246).mother().idNumber();
        String creditCode = "91500000MA5U8YTR3" + CreditCode.checkCharacter("91500000MA5U8YTR3");
        // PostgreSQL's own words, through the driver: ERROR: value "<the ID number>" is out of range for type integer
        DataAccessException driver = catchThrowableOfType(DataAccessException.class,
                () -> jdbc.queryForObject("select cast(? as integer)", Integer.class, idNumber));
        assertThat(driver.getMostSpecificCause().getMessage()).as("the driver quotes the value").contains(idNumber);
        // Spring logs it as it would a scheduled job's failure; Camel's log component logs a message's body.
        TaskUtils.getDefaultErrorHandler(true).handleError(driver);
        camel.createProducerTemplate().sendBody("log:gov.onceonly.hub.LogMaskingIT?level=WARN&showHeaders=true", "applicant " + idNumber
                + ", enterprise " + creditCode);

        String log = output.getAll();
        assertThat(log).contains("Unexpected error occurred in scheduled task")
                .contains("value \"" + Masking.mask(idNumber) + "\" is out of range for type integer")
                .contains("applicant " + Masking.mask(idNumber) + ", enterprise " + Masking.mask(creditCode));
        assertThat(fullKeys(log)).as("full ID numbers or credit codes in the log").isEmpty();
    }

    private static List<String> fullKeys(String log) {
        List<String> found = new ArrayList<>();
        Matcher m = EIGHTEEN.matcher(log);
        while (m.find()) {
            if (Masking.looksLikeIdNumber(m.group()) || CreditCode.isValid(m.group())) {
                int line = log.lastIndexOf('\n', m.start());
                found.add(log.substring(line + 1, Math.min(log.length(), Math.max(m.end(), line + 200))));
            }
        }
        return found;
    }
}
