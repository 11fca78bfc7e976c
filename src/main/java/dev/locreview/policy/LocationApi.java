package dev.locreview.policy;

/** One entry of the API catalogue (rules/data/apis.yaml). */
public record LocationApi(String name, ApiFamily family, boolean needsApplication, boolean selfService, String summary,
                          String summaryEn) {
}
