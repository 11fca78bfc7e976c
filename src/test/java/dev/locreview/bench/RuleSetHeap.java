package dev.locreview.bench;

import org.openjdk.jol.info.GraphLayout;

import dev.locreview.engine.RuleSet;
import dev.locreview.rules.RuleSetPipeline;

/**
 * The heap one loaded rule set holds, counted object by object (JOL): what a reload holds twice while it compiles
 * and gates the next set beside the live one, and so what sizes -Xmx. Counted, not timed: the same on a busy
 * machine. Run by bench/run; prints the bytes.
 */
public final class RuleSetHeap {

    private RuleSetHeap() {
    }

    public static void main(String[] args) {
        RuleSet rules = RuleSetPipeline.compile(EngineBenchmark.rulesFolder());
        System.out.println(GraphLayout.parseInstance(rules).totalSize());
    }
}
