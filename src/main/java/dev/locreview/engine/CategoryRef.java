package dev.locreview.engine;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A service category as submitted: either the string "一级-二级[-三级]" as the policy writes it,
 * or an object with the levels named. Both forms end up here with the levels split.
 */
@Schema(description = "A service category; as a string \"餐饮-外卖平台\" or as an object")
public record CategoryRef(
        @NotBlank @Size(max = 40) String level1,
        @Size(max = 60) String level2,
        @Size(max = 60) String level3) {

    /** Level separators applicants use: ASCII hyphen and the full-width/dash forms. */
    private static final String SEPARATORS = "[-－–—]";

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public static CategoryRef of(@JsonProperty("level1") String level1, @JsonProperty("level2") String level2,
                                 @JsonProperty("level3") String level3) {
        return new CategoryRef(blankToNull(level1), blankToNull(level2), blankToNull(level3));
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static CategoryRef parse(String path) {
        String[] levels = path.strip().split("\\s*" + SEPARATORS + "\\s*", -1);
        if (levels.length > 3) {
            throw new IllegalArgumentException("a category has at most three levels (一级-二级-三级)");
        }
        return of(levels[0], levels.length > 1 ? levels[1] : null, levels.length > 2 ? levels[2] : null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
