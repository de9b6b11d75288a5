package gov.onceonly.hub.logging;

import ch.qos.logback.core.boolex.PropertyConditionBase;

/**
 * For logback-spring.xml's {@code <condition>}: whether a property is set to something, e.g.
 * {@code CONSOLE_LOG_STRUCTURED_FORMAT}, which Spring Boot's defaults.xml always defines, empty unless
 * {@code logging.structured.format.console} is set. Logback's own conditions tell only defined from undefined.
 */
public class NonBlankPropertyCondition extends PropertyConditionBase {

    private String key;

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    @Override
    public void start() {
        if (key == null) {
            addError("NonBlankPropertyCondition needs a key");
            return;
        }
        super.start();
    }

    @Override
    public boolean evaluate() {
        String value = property(key);
        return value != null && !value.isBlank();
    }
}
