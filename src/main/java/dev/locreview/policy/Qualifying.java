package dev.locreview.policy;


/** A grant of section 一 that holds: one of the app's categories and one of its scenarios match it. */
public final class Qualifying {

    private final Grant grant;
    private final AppCategory category;
    private final AppScenario scenario;

    public Qualifying(Grant grant, AppCategory category, AppScenario scenario) {
        this.grant = grant;
        this.category = category;
        this.scenario = scenario;
    }

    public String getClause() { return grant.getClause(); }
    public ApiFamily getFamily() { return grant.getFamily(); }
    public Grant getGrant() { return grant; }
    public AppCategory getCategory() { return category; }
    public AppScenario getScenario() { return scenario; }

    /** The grant's name: what fired, when the grant rule approves by this pair. */
    @Override
    public String toString() {
        return grant.getName();
    }
}
