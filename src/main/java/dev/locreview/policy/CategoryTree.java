package dev.locreview.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.text.similarity.LevenshteinDistance;

/** The category tree: resolves the names applicants write to the canonical names the rules use. */
public final class CategoryTree {

    private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

    private final List<CategoryNode> nodes;
    private final Map<String, CategoryNode> byName = new LinkedHashMap<>();

    public CategoryTree(List<CategoryNode> nodes) {
        this.nodes = List.copyOf(nodes);
        for (CategoryNode node : nodes) {
            byName.put(key(node.name()), node);
            node.aliases().forEach(alias -> byName.put(key(alias), node));
        }
    }

    public List<CategoryNode> nodes() {
        return nodes;
    }

    public Optional<CategoryNode> level1(String name) {
        return Optional.ofNullable(byName.get(key(name)));
    }

    /** The canonical level-2 name under a level-1, or empty when the tree does not know it. */
    public Optional<String> level2(CategoryNode node, String name) {
        String wanted = name.strip();
        for (String known : node.level2()) {
            if (known.equalsIgnoreCase(wanted)) {
                return Optional.of(known);
            }
        }
        return Optional.ofNullable(node.level2Aliases().get(wanted));
    }

    /** Up to three known level-1 names closest to an unknown one, for the 400 answer. */
    public List<String> suggestLevel1(String unknown) {
        String wanted = key(unknown);
        List<Map.Entry<String, Integer>> scored = new ArrayList<>();
        byName.forEach((name, node) -> scored.add(Map.entry(node.name(), score(wanted, name))));
        return scored.stream()
                .sorted(Comparator.comparingInt(Map.Entry<String, Integer>::getValue))
                .map(Map.Entry::getKey)
                .distinct()
                .limit(3)
                .toList();
    }

    private static int score(String wanted, String known) {
        int distance = DISTANCE.apply(wanted, known);
        // A name that contains, or is contained in, the unknown one is the likeliest meant.
        return (known.contains(wanted) || wanted.contains(known)) ? distance - 10 : distance;
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
