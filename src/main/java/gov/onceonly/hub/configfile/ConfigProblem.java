package gov.onceonly.hub.configfile;

/** One problem in one configuration file, at a path such as {@code items[2].demands.birthDate.from}. */
public record ConfigProblem(String file, String path, String message) {

    @Override
    public String toString() {
        return path == null || path.isEmpty() ? file + ": " + message : file + ": " + path + ": " + message;
    }
}
