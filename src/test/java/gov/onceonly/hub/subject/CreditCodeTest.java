package gov.onceonly.hub.subject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * GB 32100-2015 check character: values from "0123456789ABCDEFGHJKLMNPQRTUWXY" (I, O, S, V, Z left out),
 * weights 3^(i-1) mod 31 = 1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28, check = (31 - sum mod 31) mod 31.
 */
class CreditCodeTest {

    private static final String FORMAT = "must be 18 characters of digits and capital letters without I, O, S, V, Z (GB 32100)";
    private static final String CHECK = "has a wrong check character (GB 32100, weights 3^(i-1) mod 31)";

    @Test
    void weightsArePowersOfThreeModuloThirtyOne() {
        // computed from the standard's definition rather than copied, then compared with the published table
        int[] published = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        int weight = 1;
        for (int expected : published) {
            assertThat(weight).isEqualTo(expected);
            weight = weight * 3 % 31;
        }
        assertThat(CreditCode.ALPHABET).hasSize(31).doesNotContain("I", "O", "S", "V", "Z");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            // values 9,1,3,5,0,1,0,0,M=21,0,0,0,1,0,0,Y=30,4; weighted sum 1640, 1640 mod 31 = 28, 31 - 28 = 3
            "91350100M000100Y4, 3",
            // values 9,1,4,4,0,3,0,0,1,9,2,2,0,3,8,2,1; weighted sum 831, 831 mod 31 = 25, 31 - 25 = 6
            "91440300192203821, 6"
    })
    void computesTheCheckCharacterByHand(String first17, char expected) {
        assertThat(CreditCode.checkCharacter(first17)).isEqualTo(expected);
    }

    /** Codes as printed on business licences and in public registries. */
    @ParameterizedTest
    @ValueSource(strings = {
            "91350100M000100Y43", // the example commonly cited with the standard
            "914403001922038216", // 华为技术有限公司
            "91440300708461136T", // 腾讯科技（深圳）有限公司
            "91110108551385082Q"  // 小米科技有限责任公司
    })
    void acceptsPublishedCodes(String value) {
        assertThat(CreditCode.problem(value)).isEmpty();
        assertThat(CreditCode.isValid(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "91350100M000100Y42", // the cited example with its check character off by one
            "91350100M000100Y34", // its last two characters swapped
            "914403001922038217", // Huawei's code with a wrong check character
            "91440300708461136U"  // Tencent's code with a wrong check character
    })
    void rejectsAWrongCheckCharacterNamingTheRule(String value) {
        assertThat(CreditCode.problem(value)).contains(CHECK);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "91350100M000100Y4",   // 17 characters
            "91350100M000100Y433", // 19 characters
            "91350100M000100Y4I",  // I is not in the alphabet (it reads as 1)
            "91350100O000100Y43",  // O is not in the alphabet (it reads as 0)
            "91350100M000100y43",  // lower case
            " 91350100M000100Y43"  // no trimming
    })
    void rejectsMalformedValuesNamingTheFormatRule(String value) {
        assertThat(CreditCode.problem(value)).contains(FORMAT);
    }

    @Test
    void requiresADigitalDivisionCode() {
        String first17 = "9135A100M000100Y4";
        String value = first17 + CreditCode.checkCharacter(first17);
        assertThat(CreditCode.problem(value)).contains(
                "must carry a 6-digit administrative division code in characters 3 to 8 (GB 32100)");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void reportsAMissingValueAsRequired(String value) {
        assertThat(CreditCode.problem(value)).contains("is required");
    }

    @Test
    void checkCharacterNeedsSeventeenCharactersOfTheAlphabet() {
        assertThatIllegalArgumentException().isThrownBy(() -> CreditCode.checkCharacter("91350100M000100Y"));
        assertThatIllegalArgumentException().isThrownBy(() -> CreditCode.checkCharacter("91350100M000100YI"));
    }
}
