package gov.onceonly.hub.subject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * GB 11643-1999 check character, ISO 7064 MOD 11-2: weights 7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2 and
 * check characters "10X98765432" indexed by (weighted sum mod 11). Every sum below was worked out by hand.
 */
class CitizenIdNumberTest {

    private static final String FORMAT = "must be 17 digits followed by a digit or 'X' (GB 11643)";
    private static final String DATE = "has an impossible birth date (GB 11643)";
    private static final String CHECK = "has a wrong check character (GB 11643, ISO 7064 MOD 11-2)";

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            // the standard's own example: 7+9+0+5+0+20+2+9+24+27+7+18+30+5+0+0+4 = 167, 167 mod 11 = 2 -> 'X'
            "11010519491231002, X",
            // 28+36+0+25+16+16+2+8+48+0+0+9+0+5+0+0+2 = 195, 195 mod 11 = 8 -> '4'
            "44052418800101001, 4",
            // 7+9+0+5+0+4+2+9+54+0+0+27+0+35+32+16+14 = 214, 214 mod 11 = 5 -> '7'
            "11010119900307447, 7",
            // 7+9+0+5+0+4+2+9+54+0+0+27+0+35+0+0+2 = 154, 154 mod 11 = 0 -> '1'
            "11010119900307001, 1",
            // 154 - 2 + 14 = 166, 166 mod 11 = 1 -> '0'
            "11010119900307007, 0",
            // 7+9+0+5+0+4+4+0+0+0+0+18+20+45+0+0+2 = 114, 114 mod 11 = 4 -> '8'
            "11010120000229001, 8"
    })
    void computesTheMod112CheckCharacter(String first17, char expected) {
        assertThat(CitizenIdNumber.checkCharacter(first17)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"11010519491231002X", "440524188001010014", "110101199003074477",
            "110101199003070011", "110101199003070070", "110101200002290018"})
    void acceptsValidNumbers(String value) {
        assertThat(CitizenIdNumber.problem(value)).isEmpty();
        assertThat(CitizenIdNumber.isValid(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "110105194912310021", // the standard's example with '1' instead of 'X'
            "440524188001010015", // last character off by one
            "110101199003074577", // one digit of the sequence changed (4 -> 5): sum 218 -> '3', not '7'
            "110101199003070010"  // '0' where MOD 11-2 gives '1'
    })
    void rejectsAWrongCheckCharacterNamingTheRule(String value) {
        assertThat(CitizenIdNumber.problem(value)).contains(CHECK);
        assertThat(CitizenIdNumber.isValid(value)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "11010519491231002",    // 17 characters
            "11010519491231002X1",  // 19 characters
            "110105491231002",      // the old 15-digit format is not accepted
            "11010519491231002A",   // a letter other than X
            "1101051949123100XX",   // X only allowed as the 18th character
            "11010519491231002x",   // lowercase x is not the check character 'X'
            " 11010519491231002X",  // no trimming
            "１１０１０５１９４９１２３１００２X" // full-width digits
    })
    void rejectsAMalformedValueNamingTheFormatRule(String value) {
        assertThat(CitizenIdNumber.problem(value)).contains(FORMAT);
        assertThat(CitizenIdNumber.isValid(value)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "110101199002300014", // 1990-02-30, check character '4' is right (sum 140, mod 11 = 8)
            "110101199013010012", // month 13, check character '2' is right (sum 131, mod 11 = 10)
            "110101190002290011"  // 1900 is not a leap year, check character '1' is right (sum 121)
    })
    void rejectsAnImpossibleBirthDateEvenWithARightCheckCharacter(String value) {
        assertThat(CitizenIdNumber.checkCharacter(value.substring(0, 17))).isEqualTo(value.charAt(17));
        assertThat(CitizenIdNumber.problem(value)).contains(DATE);
    }

    @Test
    void acceptsTheLeapDayOfALeapYear() {
        assertThat(CitizenIdNumber.problem("110101200002290018")).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void reportsAMissingValueAsRequired(String value) {
        assertThat(CitizenIdNumber.problem(value)).contains("is required");
        assertThat(CitizenIdNumber.isValid(value)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1101051949123100", "11010519491231002X", "1101051949123100A", ""})
    void checkCharacterNeedsExactly17Digits(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> CitizenIdNumber.checkCharacter(value))
                .withMessage("expected 17 digits");
    }
}
