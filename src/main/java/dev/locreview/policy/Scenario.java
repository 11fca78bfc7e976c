package dev.locreview.policy;

/**
 * One entry of the scenario vocabulary (rules/data/scenarios.yaml); `show` is, for a qualifying use, what
 * the application's screenshots and recording must show a reviewer; `navigation`: to an offline place; `comesToUser`:
 * someone comes to the user (a rider, a worker, a courier), so continuous updates must follow them, not the user;
 * `oneFix`: the use is done with one position at one moment (a check-in), so continuous updates watch no track for it.
 */
public record Scenario(String code, Kind kind, String label, String labelEn, String show, boolean navigation,
                       boolean comesToUser, boolean oneFix) {

    public enum Kind { QUALIFYING, LIMITING }
}
