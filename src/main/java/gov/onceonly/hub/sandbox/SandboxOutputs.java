package gov.onceonly.hub.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import gov.onceonly.hub.subject.CitizenIdNumber;
import gov.onceonly.hub.subject.CreditCode;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The value a sandbox department decides an output with: the field of the same name the item received, if it had
 * one (a registration confirms the credit code it was asked for); otherwise a citizen ID number, a credit code, a
 * date or a number, whichever matches the output's pattern, derived from the idempotency key so that a repeat
 * decides the same.
 */
final class SandboxOutputs {

    private SandboxOutputs() {
    }

    /** Null if nothing the sandbox can make matches the pattern. */
    static String value(String name, String pattern, JsonNode received, String idempotencyKey, LocalDate today) {
        Pattern matcher = pattern == null || pattern.isEmpty() ? null : Pattern.compile(pattern);
        List<String> candidates = new ArrayList<>();
        if (received.hasNonNull(name)) {
            candidates.add(received.get(name).asText());
        }
        int seed = Math.floorMod(idempotencyKey.hashCode(), 1_000_000_000);
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith("date") || lower.endsWith("on")) {
            candidates.add(today.toString());
        }
        if (lower.endsWith("idnumber")) {
            candidates.add(citizenIdNumber(received, seed, today));
        }
        if (lower.contains("creditcode")) {
            String first17 = "915001" + "%011d".formatted(seed);
            candidates.add(first17 + CreditCode.checkCharacter(first17));
        }
        candidates.add("%s%09d".formatted(prefix(name), seed));
        candidates.add("%012d".formatted(seed));
        return candidates.stream().filter(v -> matcher == null || matcher.matcher(v).matches()).findFirst().orElse(null);
    }

    /**
     * A citizen ID number as 公安 would issue it at a birth registration (GB 11643): the area of the mother's
     * registration, the date of birth received, a sequence number, the check character.
     */
    private static String citizenIdNumber(JsonNode received, int seed, LocalDate today) {
        String mother = received.path("motherIdNumber").asText("");
        String area = mother.length() >= 6 && mother.substring(0, 6).chars().allMatch(Character::isDigit)
                ? mother.substring(0, 6) : "500103";
        LocalDate born = date(received.path("birthTime").asText("")).orElse(today);
        String first17 = area + born.toString().replace("-", "") + "%03d".formatted(seed % 1000);
        return first17 + CitizenIdNumber.checkCharacter(first17);
    }

    /** The date a received date or date-time starts with, if it is one (an applicant's material may be any text). */
    static Optional<LocalDate> date(String text) {
        try {
            return Optional.of(LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Two capitals from the output's name, as a department's number series might start. */
    private static String prefix(String name) {
        String capitals = name.chars().filter(Character::isUpperCase).limit(2)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return (Character.toUpperCase(name.charAt(0)) + capitals).substring(0, Math.min(2, 1 + capitals.length()));
    }
}
