package gov.onceonly.hub.connector;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A department's answer is untrusted input (OWASP API10): bounded, checked against its dataset, never echoed. */
class SourceCallsTest {

    private static final ConnectorCatalog CONNECTORS = ConnectorCatalog.load(Path.of("."), Path.of("connectors"));
    private static final FetchRequest PERSON = new FetchRequest("app-1", "gongan-population", "person", "110101199003070000");
    private static final String SECRET = "VALUE-THAT-MUST-NOT-BE-ECHOED";

    private final SourceCalls calls = new SourceCalls(CONNECTORS, new ObjectMapper(),
                new SourceLimits(4096, 64, SourceLimits.DEFAULT_MAX_DROP_BYTES));

    @Test
    void aWellFormedAnswerKeepsOnlyTheDeclaredFields() throws Exception {
        SourceAnswer answer = calls.fromHttp(answer(200, "{\"name\":\"张三\",\"gender\":\"男\",\"undeclared\":\"x\"}"));
        assertThat(answer.outcome()).isEqualTo(SourceAnswer.Outcome.FOUND);
        assertThat(answer.fields()).containsOnlyKeys("name", "gender");
    }

    @Test
    void aHostileAnswerFailsWithAReasonThatNamesTheRuleAndNeverTheContent() {
        assertRefused(answer(200, "{\"name\":\"" + SECRET + "x".repeat(5000) + "\"}"), "larger than 4096 bytes");
        assertRefused(answer(200, "{\"name\":{\"nested\":\"" + SECRET + "\"}}"), "field 'name' is not a plain value");
        assertRefused(answer(200, "{\"name\":\"" + SECRET + "x".repeat(64) + "\"}"), "field 'name' is longer than 64 characters");
        assertRefused(answer(200, "[\"" + SECRET + "\"]"), "not a JSON object");
        assertRefused(answer(200, "<html>" + SECRET), "not a JSON object");
        assertRefused(answer(500, "{\"error\":\"" + SECRET + "\"}"), "HTTP 500");
    }

    @Test
    void aKeyIsEncodedSoItCannotSteerTheCallElsewhere() {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty(SourceCalls.FETCH, new FetchRequest("app-1", "gongan-population", "person",
                "../../admin?x=1#@evil.example.org/"));
        assertThat(calls.httpPath(exchange)).isEqualTo("/persons/..%2F..%2Fadmin%3Fx%3D1%23%40evil.example.org%2F")
                .doesNotContain("/admin").doesNotContain("?").doesNotContain("#");
    }

    private void assertRefused(Exchange exchange, String reason) {
        assertThatThrownBy(() -> calls.fromHttp(exchange)).isInstanceOf(SourceUnavailableException.class)
                .hasMessageContaining("gongan-population").hasMessageContaining(reason)
                .message().doesNotContain(SECRET);
    }

    private static Exchange answer(int status, String body) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty(SourceCalls.FETCH, PERSON);
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setBody(body.getBytes(StandardCharsets.UTF_8));
        return exchange;
    }
}
