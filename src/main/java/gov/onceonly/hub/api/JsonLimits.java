package gov.onceonly.hub.api;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;

/** Names the JSON limit a document broke (hub.json.*), for a problem that says which one without echoing the input. */
final class JsonLimits {

    private JsonLimits() {
    }

    static String rule(StreamConstraintsException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("nesting depth")) {
            return "maxDepth";
        }
        if (message.contains("String value length")) {
            return "maxStringLength";
        }
        if (message.contains("Token count")) {
            return "maxTokens";
        }
        return "maxSize";
    }

    static String sentence(String rule) {
        return switch (rule) {
            case "maxDepth" -> "is nested too deeply (hub.json.max-depth)";
            case "maxStringLength" -> "holds a string longer than allowed (hub.json.max-string-chars)";
            case "maxTokens" -> "holds too many values (hub.json.max-tokens)";
            default -> "is over a size limit";
        };
    }
}
