package gov.onceonly.hub.configfile;

import com.fasterxml.jackson.databind.JsonMappingException;

/** Renders Jackson's reference chain as a user-facing path such as {@code items[2].demands.birthDate}. */
public final class JacksonPaths {

    private JacksonPaths() {
    }

    public static String of(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            }
        }
        return path.toString();
    }
}
