package gov.onceonly.hub.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.onceonly.hub.subject.CreditCode;
import gov.onceonly.hub.subject.Masking;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The masking layer on a real Logback {@link LoggerContext} configured from the hub's logback-spring.xml, as Spring
 * Boot configures it: the plain format (its pattern words bound to {@link MaskingConverters}) and the JSON formats
 * ({@link MaskingJsonMembersCustomizer}, found in META-INF/spring.factories). A line written by hand, one carrying a
 * driver's exception (PostgreSQL quoting the value of a violated key), and the MDC: no full ID number or valid credit
 * code in any of them.
 */
class LogMaskingLayerTest {

    private static final String ID = "500101198808170106";
    private static final String CREDIT = "91500000MA5U8YTR3" + CreditCode.checkCharacter("91500000MA5U8YTR3");
    private static final String NOT_A_KEY = "ABCDEFGHJKLMNPQRTU";

    private LoggerContext context;

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        if (context != null) {
            context.stop();
        }
    }

    @Test
    void thePlainFormatMasksMessagesExceptionsAndTheMdc() throws Exception {
        ByteArrayOutputStream out = configure(Map.of());
        log(context.getLogger("gov.onceonly.hub.intake.Intake"));
        String lines = out.toString(StandardCharsets.UTF_8);

        assertThat(lines).contains("Accepted application from " + Masking.mask(ID) + " for " + Masking.mask(CREDIT))
                .contains("Key (subject_key)=(" + Masking.mask(ID) + ") already exists")
                .contains("Caused by: java.lang.IllegalStateException: seen " + Masking.mask(CREDIT))
                .contains("[" + Masking.mask(ID) + "]")
                .as("not a key: left alone").contains(NOT_A_KEY);
        assertThat(lines).doesNotContain(ID).doesNotContain(CREDIT);
    }

    @Test
    void theJsonFormatsMaskTheMessageTheStackTraceAndTheMdc() throws Exception {
        Map<String, String> messages = Map.of("ecs", "/message", "logstash", "/message", "gelf", "/short_message");
        Map<String, String> stackTraces = Map.of("ecs", "/error/stack_trace", "logstash", "/stack_trace",
                "gelf", "/_error_stack_trace");
        for (String format : List.of("ecs", "logstash", "gelf")) {
            ByteArrayOutputStream out = configure(Map.of("CONSOLE_LOG_STRUCTURED_FORMAT", format));
            log(context.getLogger("org.postgresql.jdbc.PgStatement"));
            String lines = out.toString(StandardCharsets.UTF_8);
            assertThat(lines).as(format).doesNotContain(ID).doesNotContain(CREDIT).contains(NOT_A_KEY);

            List<JsonNode> json = lines.lines().map(LogMaskingLayerTest::parse).toList();
            assertThat(json).as(format).hasSize(2);
            assertThat(json.get(0).at(messages.get(format)).asText()).as(format)
                    .isEqualTo("Accepted application from " + Masking.mask(ID) + " for " + Masking.mask(CREDIT)
                            + " (not a key: " + NOT_A_KEY + ")");
            JsonNode failed = json.get(1);
            String stackTrace = failed.at(stackTraces.get(format)).asText();
            assertThat(stackTrace).as(format).contains("Key (subject_key)=(" + Masking.mask(ID) + ") already exists")
                    .contains("seen " + Masking.mask(CREDIT));
            if (format.equals("ecs")) {
                assertThat(failed.path("error").path("message").asText()).contains(Masking.mask(ID));
            }
            assertThat(failed.toString()).as(format + ": the MDC").contains(Masking.mask(ID));
            context.stop();
        }
    }

    @Test
    void aFileOnlyWhenSpringBootWouldWriteOne() throws Exception {
        configure(Map.of());
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("FILE")).isNull();
        context.stop();
        configure(Map.of("LOG_FILE", dir.resolve("hub.log").toString()));
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("FILE")).isNotNull();
    }

    /** One line with the keys in its arguments, one with a driver's exception that quotes one, each with an MDC. */
    private void log(Logger logger) {
        LogbackMDCAdapter mdc = (LogbackMDCAdapter) context.getMDCAdapter();
        mdc.put("subject", ID);
        logger.info("Accepted application from {} for {} (not a key: {})", ID, CREDIT, NOT_A_KEY);
        PSQLException driver = new PSQLException(new ServerErrorMessage("SERROR\0C23505\0Mduplicate key value violates "
                + "unique constraint \"subject_pkey\"\0DKey (subject_key)=(" + ID + ") already exists.\0"));
        driver.initCause(new IllegalStateException("seen " + CREDIT));
        logger.error("Batch entry 0 failed", driver);
        mdc.clear();
    }

    /** A new context configured from logback-spring.xml, with these properties; the console's output. */
    private ByteArrayOutputStream configure(Map<String, String> properties) throws JoranException {
        context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        Environment environment = new MockEnvironment().withProperty("spring.application.name", "onceonly-hub");
        context.putObject(Environment.class.getName(), environment);
        properties.forEach(context::putProperty);
        context.putProperty("LOG_CORRELATION_PATTERN", "[%X{subject}] ");
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(getClass().getResource("/logback-spring.xml"));
        List<Status> errors = context.getStatusManager().getCopyOfStatusList().stream()
                .filter(s -> s.getLevel() >= Status.WARN).toList();
        assertThat(errors).as("logback-spring.xml configures cleanly").isEmpty();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OutputStreamAppender<?> console = (OutputStreamAppender<?>) context.getLogger(Logger.ROOT_LOGGER_NAME)
                .getAppender("CONSOLE");
        console.setOutputStream(out);
        return out;
    }

    private static JsonNode parse(String line) {
        try {
            return new ObjectMapper().readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not a JSON line: " + line, e);
        }
    }
}
