package gov.onceonly.hub.configfile;

/**
 * One problem in one configuration file, at a path such as {@code items[2].demands.birthDate.from}.
 *
 * @param atValue  the problem is the value written there (a bad enumeration value, an unknown connector), so it is
 *                 shown where the value is, not at its key
 * @param position the line and column, once the file's text has placed it (null until then)
 */
public record ConfigProblem(String file, String path, String message, boolean atValue, YamlLocator.Position position) {

    public ConfigProblem(String file, String path, String message) {
        this(file, path, message, false, null);
    }

    /** A problem with the value at {@code path}. */
    public static ConfigProblem ofValue(String file, String path, String message) {
        return new ConfigProblem(file, path, message, true, null);
    }

    /** This problem placed at its line and column in its file. */
    public ConfigProblem locatedBy(YamlLocator locator) {
        if (position != null) {
            return this;
        }
        return new ConfigProblem(file, path, message, atValue, atValue ? locator.locateValue(path) : locator.locate(path));
    }

    /** The message after its path, as the lint prints it after {@code file:line:column: severity:}. */
    public String pathAndMessage() {
        return path == null || path.isEmpty() ? message : path + ": " + message;
    }

    /** {@code file:line:column: error: path: message} once placed (the lint's form), {@code file: path: message} before. */
    @Override
    public String toString() {
        return position == null ? file + ": " + pathAndMessage()
                : file + ":" + position.line() + ":" + position.column() + ": error: " + pathAndMessage();
    }
}
