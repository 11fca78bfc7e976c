package dev.locreview.policy;

/**
 * One entry of the scenario vocabulary (rules/data/scenarios.yaml); `show` is, for a qualifying use, what
 * the application's screenshots and recording must show a reviewer; `navigation`: to an offline place.
 */
public record Scenario(String code, Kind kind, String label, String labelEn, String show, boolean navigation) {

    public enum Kind { QUALIFYING, LIMITING }
}
