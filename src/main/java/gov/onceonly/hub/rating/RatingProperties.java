package gov.onceonly.hub.rating;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * 好差评 and rectification (hub.rating.*).
 *
 * @param maxCommentChars a rating's comment and a callback's note may be at most this many characters as sent (the
 *        text is then cleaned to plain text, FreeText)
 * @param maxAnswerChars a department's answer to a rectification case may be at most this many characters as sent
 * @param rectificationDays a rectification case opened by a 差评 is due this many calendar days after it was opened
 */
@Validated
@ConfigurationProperties("hub.rating")
public record RatingProperties(
        @DefaultValue("500") @Positive @Max(10_000) int maxCommentChars,
        @DefaultValue("2000") @Positive @Max(10_000) int maxAnswerChars,
        @DefaultValue("15") @Positive @Max(365) int rectificationDays) {
}
