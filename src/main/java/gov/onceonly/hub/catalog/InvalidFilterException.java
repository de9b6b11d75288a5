package gov.onceonly.hub.catalog;

/** A catalogue query parameter with a value outside its set; answered with 400 naming the parameter and the rule. */
public class InvalidFilterException extends RuntimeException {

    private final String parameter;
    private final String rule;

    public InvalidFilterException(String parameter, String rule, String message) {
        super(message);
        this.parameter = parameter;
        this.rule = rule;
    }

    public String parameter() {
        return parameter;
    }

    public String rule() {
        return rule;
    }
}
