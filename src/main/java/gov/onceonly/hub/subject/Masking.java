package gov.onceonly.hub.subject;

/** Masks a subject key for logs: the first 6 and last 4 characters stay, the rest become '*'. */
public final class Masking {

    private Masking() {
    }

    public static String mask(String key) {
        if (key == null || key.length() <= 10) {
            return "**********";
        }
        return key.substring(0, 6) + "*".repeat(key.length() - 10) + key.substring(key.length() - 4);
    }
}
