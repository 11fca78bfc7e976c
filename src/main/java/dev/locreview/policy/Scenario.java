package dev.locreview.policy;

/** One entry of the scenario vocabulary (rules/data/scenarios.yaml); `navigation`: to an offline place. */
public record Scenario(String code, Kind kind, String label, String labelEn, boolean navigation) {

    public enum Kind { QUALIFYING, LIMITING }
}
