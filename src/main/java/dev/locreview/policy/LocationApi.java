package dev.locreview.policy;

/**
 * One entry of the API catalogue (rules/data/apis.yaml). tableDecides: the policy's reference cases do not speak of
 * this API, so its official table alone says which categories it opens. background: the updates go on after the
 * user leaves the mini-program.
 */
public record LocationApi(String name, ApiFamily family, boolean needsApplication, boolean selfService, String summary,
                          String summaryEn, boolean tableDecides, boolean background) {
}
