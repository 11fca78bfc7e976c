package dev.locreview.policy;

/** How precise, and how continuous, a location API is: the axis the policy decides on. */
public enum ApiFamily {
    /** wx.getLocation: one precise fix. */
    PRECISE_ONCE,
    /** wx.onLocationChange and the location-update family: a continuous precise track. */
    CONTINUOUS,
    /** getFuzzyLocation, chooseLocation, choosePoi, chooseAddress: no precise fix of the user's own. */
    LIGHT;

    public boolean isPrecise() {
        return this != LIGHT;
    }
}
