package dev.locreview.review;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An access application as a client submits it. Validated here for shape; Intake checks names. */
@Schema(description = "A location-API access application (or a developer's pre-check of one)")
public record ReviewRequest(
        @Schema(description = "The API applied for; the wx. prefix is optional, case is ignored",
                example = "wx.getLocation", requiredMode = Schema.RequiredMode.REQUIRED)
        @NotNull String api,

        @ArraySchema(minItems = 1, maxItems = 5, schema = @Schema(implementation = CategoryRef.class,
                description = "\"一级-二级\" / \"一级-二级-三级\" or {level1, level2, level3}"))
        @NotNull @Size(min = 1, max = 5) List<@NotNull @Valid CategoryRef> categories,

        @ArraySchema(maxItems = 26, schema = @Schema(description = "Scenario code from GET /api/v1/vocabulary",
                example = "DESIGNATED_DRIVING"))
        @Size(max = 26) List<@NotNull String> scenarios,

        @Schema(description = "The 申请原因 text (the real form takes at most 300 characters)", maxLength = 2000)
        @Size(max = 2000) String reason,

        @Schema(description = "Mini-program AppID, echoed", maxLength = 64)
        @Size(max = 64) String appId,

        @Schema(description = "Mini-program name, echoed", maxLength = 100)
        @Size(max = 100) String appName) {
}
