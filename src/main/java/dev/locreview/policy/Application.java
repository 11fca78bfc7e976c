package dev.locreview.policy;

import java.util.List;


/** The normalised application the rules decide on: which API, for which categories. A rule-session fact. */
public final class Application {

    private final LocationApi api;
    private final List<AppCategory> categories;
    private final String reason;
    private final Form form;

    public Application(LocationApi api, List<AppCategory> categories, String reason, Form form) {
        this.api = api;
        this.categories = List.copyOf(categories);
        this.reason = reason;
        this.form = form;
    }

    public String getApi() { return api.name(); }
    public ApiFamily getFamily() { return api.family(); }
    public boolean isPrecise() { return api.family().isPrecise(); }
    public boolean isContinuous() { return api.family() == ApiFamily.CONTINUOUS; }
    public boolean isTableDecides() { return api.tableDecides(); }
    public boolean isBackground() { return api.background(); }
    public boolean isSelfService() { return api.selfService(); }
    public List<AppCategory> getCategories() { return categories; }
    public String getReason() { return reason; }
    /** The real form's limit on the 申请原因 (rules/data/form.yaml). */
    public int getReasonMaxLength() { return form.reasonMaxLength(); }
    public boolean isReasonOverFormLimit() { return reason != null && reason.length() > form.reasonMaxLength(); }
    public LocationApi api() { return api; }

    public boolean hasCategoryIn(Grant grant) {
        return categories.stream().anyMatch(grant::covers);
    }
}
