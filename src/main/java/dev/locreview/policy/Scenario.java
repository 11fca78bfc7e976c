package dev.locreview.policy;

/** One entry of the scenario vocabulary (rules/data/scenarios.yaml). */
public record Scenario(String code, Kind kind, String label, String labelEn) {

    public enum Kind { QUALIFYING, LIMITING }
}
