package gov.onceonly.hub.logging;

import ch.qos.logback.classic.pattern.ExtendedThrowableProxyConverter;
import ch.qos.logback.classic.pattern.MDCConverter;
import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.pattern.RootCauseFirstThrowableProxyConverter;
import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import gov.onceonly.hub.subject.Masking;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;
import org.springframework.boot.logging.logback.WhitespaceThrowableProxyConverter;

/**
 * The plain log's side of the masking layer: logback-spring.xml binds the pattern words that print what a caller or a
 * library put in a log line (the message {@code %m}, the exception {@code %ex}/{@code %wEx} and their synonyms, the
 * MDC {@code %X}) to these converters, which print the same as Logback's and Spring Boot's own with every citizen ID
 * number (GB 11643) and every valid unified social credit code (GB 32100) masked by {@link Masking#maskKeysIn}. So no
 * log call has to mask, and a driver's or a library's message (a constraint violation quoting a value, a Kafka or
 * Camel error) is masked too. The JSON formats' side is {@link MaskingJsonMembersCustomizer}.
 */
public final class MaskingConverters {

    private MaskingConverters() {
    }

    /** {@code %m}, {@code %msg}, {@code %message}. */
    public static class Message extends MessageConverter {
        @Override
        public String convert(ILoggingEvent event) {
            return Masking.maskKeysIn(super.convert(event));
        }
    }

    /** {@code %X}, {@code %mdc}: a value a caller put in the MDC. */
    public static class Mdc extends MDCConverter {
        @Override
        public String convert(ILoggingEvent event) {
            return Masking.maskKeysIn(super.convert(event));
        }
    }

    /** {@code %ex}, {@code %exception}, {@code %throwable}: the messages of the exception and its causes. */
    public static class Throwable extends ThrowableProxyConverter {
        @Override
        protected String throwableProxyToString(IThrowableProxy proxy) {
            return Masking.maskKeysIn(super.throwableProxyToString(proxy));
        }
    }

    /** {@code %xEx}, {@code %xException}, {@code %xThrowable}. */
    public static class ExtendedThrowable extends ExtendedThrowableProxyConverter {
        @Override
        protected String throwableProxyToString(IThrowableProxy proxy) {
            return Masking.maskKeysIn(super.throwableProxyToString(proxy));
        }
    }

    /** {@code %rEx}, {@code %rootException}. */
    public static class RootCauseFirstThrowable extends RootCauseFirstThrowableProxyConverter {
        @Override
        protected String throwableProxyToString(IThrowableProxy proxy) {
            return Masking.maskKeysIn(super.throwableProxyToString(proxy));
        }
    }

    /** Spring Boot's {@code %wex}. */
    public static class WhitespaceThrowable extends WhitespaceThrowableProxyConverter {
        @Override
        protected String throwableProxyToString(IThrowableProxy proxy) {
            return Masking.maskKeysIn(super.throwableProxyToString(proxy));
        }
    }

    /** Spring Boot's {@code %wEx}, the exception word of its console and file patterns. */
    public static class ExtendedWhitespaceThrowable extends ExtendedWhitespaceThrowableProxyConverter {
        @Override
        protected String throwableProxyToString(IThrowableProxy proxy) {
            return Masking.maskKeysIn(super.throwableProxyToString(proxy));
        }
    }
}
