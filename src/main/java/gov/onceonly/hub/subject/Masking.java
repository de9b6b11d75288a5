package gov.onceonly.hub.subject;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Masks a subject key for logs: the first 6 and last 4 characters stay, the rest become '*'. */
public final class Masking {

    /** An ID number or a credit code standing alone in a text (a URL path, a message). */
    private static final Pattern KEY = Pattern.compile("(?<![0-9A-Za-z])[0-9A-Z]{17}[0-9A-Z](?![0-9A-Za-z])");

    private Masking() {
    }

    public static String mask(String key) {
        if (key == null || key.length() <= 10) {
            return "**********";
        }
        return key.substring(0, 6) + "*".repeat(key.length() - 10) + key.substring(key.length() - 4);
    }

    /**
     * The text with every ID number (any 17 digits and a check character: a wrong check character hides nothing, it
     * can be computed) and every valid credit code in it masked, e.g. a request path before it is logged.
     */
    public static String maskKeysIn(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = KEY.matcher(text);
        StringBuilder masked = new StringBuilder();
        while (m.find()) {
            String key = m.group();
            m.appendReplacement(masked, looksLikeIdNumber(key) || CreditCode.isValid(key) ? mask(key) : key);
        }
        return m.appendTail(masked).toString();
    }

    /** 17 digits and a digit or X: an ID number, whether or not its check character is right. */
    public static boolean looksLikeIdNumber(String token) {
        return token.length() == 18 && token.chars().limit(17).allMatch(Character::isDigit)
                && (Character.isDigit(token.charAt(17)) || token.charAt(17) == 'X');
    }
}
