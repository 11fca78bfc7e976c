package dev.locreview.policy;


/** A usage scenario of the application, declared or found in the reason text. A rule-session fact. */
public final class AppScenario {

    public enum Source { DECLARED, REASON_TEXT }

    private final Scenario scenario;
    private final Source source;
    private final Evidence evidence;

    public AppScenario(Scenario scenario, Source source, Evidence evidence) {
        this.scenario = scenario;
        this.source = source;
        this.evidence = evidence;
    }

    public String getCode() { return scenario.code(); }
    public String getLabel() { return scenario.label(); }
    public boolean isQualifying() { return scenario.kind() == Scenario.Kind.QUALIFYING; }
    /** Navigation to an offline place (scenarios.yaml `navigation`). */
    public boolean isNavigation() { return scenario.navigation(); }
    /** Someone comes to the user (scenarios.yaml `comesToUser`). */
    public boolean isComesToUser() { return scenario.comesToUser(); }
    /** Done with one position at one moment (scenarios.yaml `oneFix`). */
    public boolean isOneFix() { return scenario.oneFix(); }
    public Scenario getScenario() { return scenario; }
    public Source getSource() { return source; }
    public Evidence getEvidence() { return evidence; }

    @Override
    public String toString() {
        return scenario.code() + "/" + source;
    }
}
