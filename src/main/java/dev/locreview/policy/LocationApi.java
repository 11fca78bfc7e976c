package dev.locreview.policy;

/**
 * One entry of the API catalogue (rules/data/apis.yaml). tableDecides: the policy's reference cases do not speak of
 * this API, so its official table alone says which categories it opens.
 */
public record LocationApi(String name, ApiFamily family, boolean needsApplication, boolean selfService, String summary,
                          String summaryEn, boolean tableDecides) {
}
