package gov.onceonly.hub.rating;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Free text is kept as plain text: no markup, no control or invisible characters, no runs of blanks. */
class FreeTextTest {

    @Test
    void markupIsRemovedAndTheWordsStay() {
        assertThat(FreeText.plain("<b>办事</b>太慢<script>alert(1)</script>了")).isEqualTo("办事 太慢 alert(1) 了");
        assertThat(FreeText.plain("窗口<img src=x onerror=alert(1)>态度差")).isEqualTo("窗口 态度差");
        assertThat(FreeText.plain("<!-- hidden -->等了三天")).isEqualTo("等了三天");
        assertThat(FreeText.plain("等了很久<a href='x'")).as("a tag left open at the end").isEqualTo("等了很久");
        assertThat(FreeText.plain("3 < 5 and 5 > 3")).as("a comparison is no tag").isEqualTo("3 < 5 and 5 > 3");
    }

    @Test
    void controlAndInvisibleCharactersAreRemovedLineBreaksKept() {
        assertThat(FreeText.plain("a\u0000b\u0007c\u001b[31md")).isEqualTo("abc[31md");
        assertThat(FreeText.plain("\u202e满意\u200b度")).as("a bidi override, a zero-width space").isEqualTo("满意度");
        assertThat(FreeText.plain("第一行\r\n\r\n\r\n\r\n第二行\t\t 很好")).isEqualTo("第一行\n\n第二行 很好");
        assertThat(FreeText.plain("  多余\u3000\u00a0 空格  ")).isEqualTo("多余 空格");
    }

    @Test
    void nothingLeftIsNone() {
        assertThat(FreeText.plain(null)).isNull();
        assertThat(FreeText.plain(" \n\t<br/>\u200b ")).isNull();
    }

    @Test
    void theSameCharactersAreStoredTheSameWay() {
        assertThat(FreeText.plain("e\u0301")).isEqualTo("\u00e9"); // NFC
    }
}
