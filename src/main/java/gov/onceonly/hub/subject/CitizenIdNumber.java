package gov.onceonly.hub.subject;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The 18-character citizen ID number of GB 11643-1999: a 6-digit region code, an 8-digit birth date,
 * a 3-digit sequence and a check character computed by ISO 7064 MOD 11-2.
 */
public final class CitizenIdNumber {

    /** Its shape, for the OpenAPI document; the check character and the birth date are checked by {@link #problem}. */
    public static final String SHAPE = "[0-9]{17}[0-9X]";
    public static final String PATTERN = "^" + SHAPE + "$";

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK_CHARACTERS = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private CitizenIdNumber() {
    }

    /** The check character for the first 17 digits. */
    public static char checkCharacter(String first17Digits) {
        if (first17Digits.length() != 17 || !first17Digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("expected 17 digits");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17Digits.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS[sum % 11];
    }

    /** Why the value is not a valid ID number, or empty when it is. */
    public static Optional<String> problem(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of("is required");
        }
        if (!value.matches("\\d{17}[\\dX]")) {
            return Optional.of("must be 17 digits followed by a digit or 'X' (GB 11643)");
        }
        try {
            LocalDate.of(Integer.parseInt(value.substring(6, 10)),
                    Integer.parseInt(value.substring(10, 12)), Integer.parseInt(value.substring(12, 14)));
        } catch (DateTimeException e) {
            return Optional.of("has an impossible birth date (GB 11643)");
        }
        if (checkCharacter(value.substring(0, 17)) != value.charAt(17)) {
            return Optional.of("has a wrong check character (GB 11643, ISO 7064 MOD 11-2)");
        }
        return Optional.empty();
    }

    public static boolean isValid(String value) {
        return problem(value).isEmpty();
    }
}
