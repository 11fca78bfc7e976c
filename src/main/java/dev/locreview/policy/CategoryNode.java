package dev.locreview.policy;

import java.util.List;
import java.util.Map;

/**
 * A level-1 service category with its aliases and known level-2 names (rules/data/categories.yaml); `news`
 * and `newsLevel2` say which of it is a news and information category (R3).
 */
public record CategoryNode(String name, List<String> aliases, List<String> level2, Map<String, String> level2Aliases,
                           boolean news, List<String> newsLevel2) {

    public CategoryNode {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        newsLevel2 = newsLevel2 == null ? List.of() : List.copyOf(newsLevel2);
        level2 = level2 == null ? List.of() : List.copyOf(level2);
        level2Aliases = level2Aliases == null ? Map.of() : Map.copyOf(level2Aliases);
    }

    /** Whether the category (this level-1 with that level-2) is a news and information category. */
    public boolean isNews(String level2) {
        return news || (level2 != null && newsLevel2.contains(level2));
    }
}
