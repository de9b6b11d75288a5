package gov.onceonly.hub.subject;

import java.util.Optional;

/**
 * The 18-character unified social credit code of GB 32100-2015: a registration-authority code, an
 * organisation-type code, a 6-digit administrative-division code, a 9-character organisation code and a
 * check character. Characters come from a 31-character alphabet (digits and capitals without I, O, S, V, Z);
 * the check character makes the weighted sum, with weights 3^(i-1) mod 31, a multiple of 31.
 */
public final class CreditCode {

    /** Its shape, for the OpenAPI document; the check character is checked by {@link #problem}. */
    public static final String SHAPE = "[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}";
    public static final String PATTERN = "^" + SHAPE + "$";

    /** Each character's value is its index here. */
    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = new int[17];

    static {
        int weight = 1;
        for (int i = 0; i < 17; i++) {
            WEIGHTS[i] = weight;
            weight = weight * 3 % 31;
        }
    }

    private CreditCode() {
    }

    /** The check character for the first 17 characters. */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != 17 || !first17.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            throw new IllegalArgumentException("expected 17 characters of " + ALPHABET);
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    /** Why the value is not a valid credit code, or empty when it is. */
    public static Optional<String> problem(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of("is required");
        }
        if (value.length() != 18 || !value.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return Optional.of("must be 18 characters of digits and capital letters without I, O, S, V, Z (GB 32100)");
        }
        if (!value.substring(2, 8).chars().allMatch(Character::isDigit)) {
            return Optional.of("must carry a 6-digit administrative division code in characters 3 to 8 (GB 32100)");
        }
        if (checkCharacter(value.substring(0, 17)) != value.charAt(17)) {
            return Optional.of("has a wrong check character (GB 32100, weights 3^(i-1) mod 31)");
        }
        return Optional.empty();
    }

    public static boolean isValid(String value) {
        return problem(value).isEmpty();
    }
}
