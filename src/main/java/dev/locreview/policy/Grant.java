package dev.locreview.policy;

import java.util.List;


/**
 * One category + scenario pairing of section 一 of the policy or of an API's official category table
 * (rules/data/grants.yaml), with the name and quote its approvals cite. A fact in the rule session: rule GRANT
 * (05-grants.drl) decides what it means.
 */
public final class Grant {

    private final String clause;
    private final String name;
    private final ApiFamily family;
    private final List<String> categories;
    private final List<String> scenarios;
    private final String quote;
    private final List<String> scenarioLabels;
    private final List<String> apis;
    private final List<String> unless;

    public Grant(String clause, String name, ApiFamily family, List<String> categories, List<String> scenarios,
                 String quote, List<String> scenarioLabels, List<String> apis, List<String> unless) {
        this.clause = clause;
        this.name = name;
        this.family = family;
        this.categories = List.copyOf(categories);
        this.scenarios = List.copyOf(scenarios);
        this.quote = quote;
        this.scenarioLabels = List.copyOf(scenarioLabels);
        this.apis = List.copyOf(apis);
        this.unless = List.copyOf(unless);
    }

    /** A use the policy rejects in so many words undoes this row (R2's address-only takeaway undoes meal delivery). */
    public boolean isUndoneBy(String scenarioCode) {
        return unless.contains(scenarioCode);
    }

    /**
     * A table's row speaks of its own API only (grants.yaml checks its `apis` are of its family); a reference case of
     * section 一, of its whole family and, through GL8, of wx.getLocation.
     */
    public boolean appliesTo(String api) {
        return apis.isEmpty() || apis.contains(api);
    }

    /** A reference case of section 一 (no `apis`), not a table's row. */
    public boolean isReferenceCase() {
        return apis.isEmpty();
    }

    /** "一级" covers every level-2 below it; "一级-二级" covers that level-2 only. */
    public boolean covers(AppCategory category) {
        for (String pattern : categories) {
            int dash = pattern.indexOf('-');
            if (dash < 0 ? pattern.equals(category.getLevel1())
                    : pattern.substring(0, dash).equals(category.getLevel1())
                      && pattern.substring(dash + 1).equals(category.getLevel2())) {
                return true;
            }
        }
        return false;
    }

    public boolean carries(String scenarioCode) {
        return scenarios.contains(scenarioCode);
    }

    public String getClause() { return clause; }
    public String getName() { return name; }
    public ApiFamily getFamily() { return family; }
    public List<String> getCategories() { return categories; }
    public List<String> getScenarios() { return scenarios; }
    public String getQuote() { return quote; }
    public List<String> getScenarioLabels() { return scenarioLabels; }
    public List<String> getApis() { return apis; }

    /** The categories as a reader would list them: 餐饮-点餐平台、餐饮-外卖平台. */
    public String getCategoryList() {
        return String.join("、", categories);
    }

    @Override
    public String toString() {
        return clause;
    }
}
