package dev.locreview.reading;

import dev.locreview.policy.Evidence;

/**
 * A sentence that speaks of using the location but names no scenario the reading knows
 * («所在路段一有突发事件我们就要第一时间推送，所以需要在后台持续获取位置», «记录经纬度用于后台分析»): the text states
 * the location's purpose there, so a limit it only names elsewhere (天气查询 in a list of features) is not what
 * the location is for. A rule-session fact.
 */
public record UnreadPurpose(Evidence evidence) {

    public Evidence getEvidence() {
        return evidence;
    }
}
