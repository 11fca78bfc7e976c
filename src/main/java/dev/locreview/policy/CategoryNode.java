package dev.locreview.policy;

import java.util.List;
import java.util.Map;

/** A level-1 service category with its aliases and known level-2 names (rules/data/categories.yaml). */
public record CategoryNode(String name, List<String> aliases, List<String> level2, Map<String, String> level2Aliases) {

    public CategoryNode {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        level2 = level2 == null ? List.of() : List.copyOf(level2);
        level2Aliases = level2Aliases == null ? Map.of() : Map.copyOf(level2Aliases);
    }
}
