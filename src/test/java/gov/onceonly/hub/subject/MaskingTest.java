package gov.onceonly.hub.subject;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MaskingTest {

    @Test
    void aKeyKeepsItsFirstSixAndLastFourCharacters() {
        assertThat(Masking.mask("500101198808170106")).isEqualTo("500101********0106");
        assertThat(Masking.mask("short")).isEqualTo("**********");
    }

    @Test
    void validKeysInATextAreMaskedAndOtherEighteenCharacterRunsLeftAlone() {
        String credit = "91500000MA5U8YTR3" + CreditCode.checkCharacter("91500000MA5U8YTR3");
        assertThat(CreditCode.isValid(credit)).isTrue();
        assertThat(Masking.maskKeysIn("/api/v1/subjects/500101198808170106/access-log?x=" + credit))
                .isEqualTo("/api/v1/subjects/500101********0106/access-log?x=" + Masking.mask(credit));
        String wrongCheck = "500101198808170107";
        assertThat(Masking.maskKeysIn("id " + wrongCheck)).as("its check character can be computed")
                .isEqualTo("id 500101********0107");
        String notAKey = "ABCDEFGHJKLMNPQRTU";
        assertThat(CreditCode.isValid(notAKey)).isFalse();
        assertThat(Masking.maskKeysIn("code " + notAKey + " and trace 0af7651916cd43dd8448eb211c80319c"))
                .as("not a key, and part of a longer token").contains(notAKey)
                .contains("0af7651916cd43dd8448eb211c80319c");
    }
}
