package dev.locreview.reading;

import dev.locreview.policy.Evidence;

/**
 * The reason says which features use the location and that the others do not ("以上仅第2项使用位置",
 * "其余功能都不用位置"), or that the mini-program does only things that are no scenario ("小程序只展示师傅资质和收费标准"):
 * a feature it names without speaking of the location is then not a use. A rule-session fact.
 */
public record LocationScoped(Evidence evidence, boolean exclusive) {

    public Evidence getEvidence() {
        return evidence;
    }

    /**
     * The same sentence restricts the location to one use and says the rest do without it («定位只用于首页天气卡片……，其他
     * 功能都不调用定位»): no other feature is what the location is for.
     */
    public boolean isExclusive() {
        return exclusive;
    }
}
