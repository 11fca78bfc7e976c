package dev.locreview.engine;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
        @Size(max = 100) String appName,

        @Schema(description = "What the real form will carry besides the reason: images, a video, links")
        @Valid Attachments attachments,

        @Schema(description = "Whether the feature can only be reached after logging in (or in a test environment)")
        Boolean loginRequired,

        @Schema(description = "Whether the reason gives the reviewer a test account for that login")
        Boolean testAccountProvided) {

    /** The form's evidence besides the reason: up to 10 images, a video, links (we take up to 5). */
    @Schema(description = "Evidence attached to the application")
    public record Attachments(
            @Schema(description = "How many screenshots (the form takes up to 10)", minimum = "0", maximum = "10")
            @Min(0) @Max(10) Integer images,

            @Schema(description = "Whether a screen recording is attached")
            Boolean video,

            @ArraySchema(maxItems = 5, schema = @Schema(description = "An http(s) link to a page showing the feature"))
            @Size(max = 5) List<@NotNull @Pattern(regexp = "(?i)https?://[^\\s/?#]+[^\\s]*",
                    message = "must be an http(s) URL") String> links) {
    }
}
