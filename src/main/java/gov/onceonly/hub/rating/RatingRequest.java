package gov.onceonly.hub.rating;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.Map;

/**
 * The body of {@code POST /api/v1/applications/{id}/rating}, e.g.
 * {@code {"level": "不满意", "comment": "材料退回两次", "items": {"household-registration": "非常不满意"}}}.
 *
 * @param level   the whole application's level: 非常满意, 满意, 基本满意, 不满意 or 非常不满意
 * @param comment optional; plain text, at most hub.rating.max-comment-chars characters (markup and control characters
 *                are removed)
 * @param items   optional: item id to its level, for the items the applicant rates one by one
 */
public record RatingRequest(
        @Schema(allowableValues = {"非常满意", "满意", "基本满意", "不满意", "非常不满意"})
        @NotBlank(message = "is required: one of 非常满意, 满意, 基本满意, 不满意, 非常不满意") String level,
        String comment,
        @Size(max = 50, message = "must rate at most {max} items") Map<String, String> items) {

    public Map<String, String> itemsOrNone() {
        return items == null ? Map.of() : items;
    }
}
