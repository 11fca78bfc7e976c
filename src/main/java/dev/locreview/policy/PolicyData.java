package dev.locreview.policy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The policy's data under rules/data: API catalogue, category tree, scenario vocabulary, grants, rejection
 * patterns with their alternatives, the form's limits and the phases of a decision.
 */
public final class PolicyData {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private final List<LocationApi> apis;
    private final CategoryTree categories;
    private final Map<String, Scenario> scenarios;
    private final List<Scenario> scenarioList;
    private final List<Grant> grants;
    private final List<RejectionPattern> rejections;
    /** Each rejection clause's order (the first pattern of a clause counts), looked up per finding sorted. */
    private final Map<String, Integer> precedence = new java.util.HashMap<>();
    private final Form form;
    private final List<String> phases;
    private final Map<String, OfficialTable> tables;
    private final Map<String, List<Grant>> grantsByLevel1 = new HashMap<>();
    private final Map<String, List<Grant>> grantsByScenario = new HashMap<>();

    public PolicyData(List<LocationApi> apis, CategoryTree categories, List<Scenario> scenarios, List<Grant> grants,
                      List<RejectionPattern> rejections, Form form, List<String> phases,
                      Map<String, OfficialTable> tables) {
        this.apis = List.copyOf(apis);
        this.categories = categories;
        Map<String, Scenario> byCode = new LinkedHashMap<>();
        scenarios.forEach(s -> byCode.put(s.code(), s));
        this.scenarios = Map.copyOf(byCode);
        this.scenarioList = List.copyOf(scenarios);
        this.grants = List.copyOf(grants);
        this.rejections = List.copyOf(rejections);
        this.rejections.forEach(r -> precedence.putIfAbsent(r.clause(), r.order()));
        this.form = form;
        this.phases = List.copyOf(phases);
        this.tables = Map.copyOf(tables);
        for (Grant grant : grants) {
            grant.getCategories().forEach(c -> grantsByLevel1.computeIfAbsent(c.split("-", 2)[0],
                    k -> new ArrayList<>()).add(grant));
            grant.getScenarios().forEach(code -> grantsByScenario.computeIfAbsent(code, k -> new ArrayList<>()).add(grant));
        }
    }

    /** Reads rules/data; every name a grant uses must exist in the vocabulary and the tree. */
    public static PolicyData load(Path dataDir) {
        List<LocationApi> apis = read(dataDir.resolve("apis.yaml"), new TypeReference<>() { });
        List<CategoryNode> nodes = read(dataDir.resolve("categories.yaml"), new TypeReference<>() { });
        List<Scenario> scenarios = read(dataDir.resolve("scenarios.yaml"), new TypeReference<>() { });
        List<GrantEntry> entries = read(dataDir.resolve("grants.yaml"), new TypeReference<>() { });
        List<RejectionPattern> listed = read(dataDir.resolve("rejections.yaml"), new TypeReference<>() { });
        List<RejectionPattern> rejections = new ArrayList<>();
        listed.forEach(r -> rejections.add(new RejectionPattern(r.clause(), r.alternatives(), rejections.size())));
        Form form = read(dataDir.resolve("form.yaml"), new TypeReference<>() { });
        List<String> phases = read(dataDir.resolve("phases.yaml"), new TypeReference<>() { });
        CategoryTree tree = new CategoryTree(nodes);
        Map<String, Scenario> byCode = new LinkedHashMap<>();
        scenarios.forEach(s -> byCode.put(s.code(), s));
        List<Grant> grants = new ArrayList<>();
        for (GrantEntry e : entries) {
            List<String> labels = new ArrayList<>();
            for (String code : e.scenarios()) {
                Scenario scenario = byCode.get(code);
                if (scenario == null) {
                    throw new RuleSetException(dataDir.resolve("grants.yaml") + ": grant " + e.clause()
                            + " names unknown scenario " + code);
                }
                labels.add(scenario.label());
            }
            for (String category : e.categories()) {
                String level1 = category.split("-", 2)[0];
                Optional<CategoryNode> node = tree.level1(level1);
                if (node.isEmpty() || !node.get().name().equals(level1)
                        || (category.contains("-") && tree.level2(node.get(), category.split("-", 2)[1]).isEmpty())) {
                    throw new RuleSetException(dataDir.resolve("grants.yaml") + ": grant " + e.clause()
                            + " names category " + category + " that is not a canonical name of categories.yaml");
                }
            }
            List<String> only = e.apis() == null ? List.of() : e.apis();
            for (String api : only) {
                if (apis.stream().noneMatch(a -> a.name().equals(api) && a.family() == e.family())) {
                    throw new RuleSetException(dataDir.resolve("grants.yaml") + ": grant " + e.clause()
                            + " names API " + api + " that is not of its family " + e.family());
                }
            }
            List<String> unless = e.unless() == null ? List.of() : e.unless();
            unless.stream().filter(code -> !byCode.containsKey(code)).findFirst().ifPresent(code -> {
                throw new RuleSetException(dataDir.resolve("grants.yaml") + ": grant " + e.clause()
                        + " names unknown scenario " + code + " in unless");
            });
            grants.add(new Grant(e.clause(), e.name(), e.family(), e.categories(), e.scenarios(), e.quote(), labels, only,
                    unless));
        }
        for (RejectionPattern pattern : rejections) {
            for (String alternative : pattern.alternatives()) {
                if (apis.stream().noneMatch(a -> a.name().equals(alternative))) {
                    throw new RuleSetException(dataDir.resolve("rejections.yaml") + ": pattern " + pattern.clause()
                            + " names unknown API " + alternative);
                }
            }
        }
        return new PolicyData(apis, tree, scenarios, grants, rejections, form, phases,
                tables(dataDir.resolve("tables.yaml"), apis, tree));
    }

    /** The official category tables, names resolved to the tree's canonical ones; every name must exist. */
    private static Map<String, OfficialTable> tables(Path file, List<LocationApi> apis, CategoryTree tree) {
        Map<String, OfficialTable> tables = new LinkedHashMap<>();
        for (TableEntry table : read(file, new TypeReference<List<TableEntry>>() { })) {
            if (apis.stream().noneMatch(a -> a.name().equals(table.api()))) {
                throw new RuleSetException(file + ": table for unknown API " + table.api());
            }
            List<OfficialTable.Row> rows = new ArrayList<>();
            if (table.sameRowsAs() != null) {
                OfficialTable same = tables.get(table.sameRowsAs());
                if (same == null) {
                    throw new RuleSetException(file + ": " + table.api() + " is the same as " + table.sameRowsAs()
                            + ", which is not listed before it");
                }
                rows.addAll(same.getRows());
            }
            for (RowEntry row : table.rows() == null ? List.<RowEntry>of() : table.rows()) {
                CategoryNode node = tree.level1(row.level1()).orElseThrow(() -> new RuleSetException(
                        file + ": " + table.api() + " names level-1 category " + row.level1() + " unknown to categories.yaml"));
                List<String> level2 = new ArrayList<>();
                for (String name : row.level2() == null ? List.<String>of() : row.level2()) {
                    level2.add(tree.level2(node, name).orElseThrow(() -> new RuleSetException(file + ": " + table.api()
                            + " names level-2 category " + row.level1() + "-" + name + " unknown to categories.yaml")));
                }
                rows.add(new OfficialTable.Row(node.name(), row.level1(), level2, row.uses(),
                        Boolean.TRUE.equals(row.staffOnly())));
            }
            tables.put(table.api(), new OfficialTable(table.api(), table.source(), table.date(), rows));
        }
        apis.stream().filter(LocationApi::needsApplication).filter(a -> !tables.containsKey(a.name())).findFirst()
                .ifPresent(a -> {
                    throw new RuleSetException(file + ": no official category table for " + a.name());
                });
        return tables;
    }

    private static <T> T read(Path file, TypeReference<T> type) {
        try {
            return YAML.readValue(Files.readString(file), type);
        } catch (IOException e) {
            throw new RuleSetException(file + ": " + e.getMessage(), e);
        }
    }

    /** Finds an API by name; the wx. prefix is optional and case is ignored. */
    public Optional<LocationApi> api(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        String withPrefix = wanted.startsWith("wx.") ? wanted : "wx." + wanted;
        return apis.stream().filter(a -> a.name().toLowerCase(Locale.ROOT).equals(withPrefix)).findFirst();
    }

    public List<LocationApi> apis() { return apis; }
    public CategoryTree categories() { return categories; }
    public Optional<Scenario> scenario(String code) { return Optional.ofNullable(scenarios.get(code)); }
    public List<Scenario> scenarios() { return scenarioList; }
    public List<Grant> grants() { return grants; }
    public List<RejectionPattern> rejections() { return rejections; }
    public Form form() { return form; }
    /** The agenda groups of a decision, in firing order. */
    public List<String> phases() { return phases; }

    /** The APIs a rejection pattern recommends instead, best first; none for a clause that is not a pattern. */
    public List<String> alternatives(String clause) {
        return rejections.stream().filter(r -> r.clause().equals(clause)).findFirst()
                .map(RejectionPattern::alternatives).orElse(List.of());
    }

    /** How specific a clause's pattern is: its place in rejections.yaml (most specific first); others after. */
    public int precedence(String clause) {
        return precedence.getOrDefault(clause, rejections.size());
    }

    /** The official category table of an API that needs an application; empty for the lighter APIs. */
    public Optional<OfficialTable> table(String api) { return Optional.ofNullable(tables.get(api)); }

    /** Every official table, one per API that needs an application. */
    public Collection<OfficialTable> tables() { return tables.values(); }

    /**
     * The grants that can matter to an application: those naming one of its level-1 categories or one
     * of its scenarios. Only these need to be facts of its rule session, so the cost of a decision does
     * not grow with the grants that cannot concern it.
     */
    public List<Grant> grantsFor(Collection<String> level1s, Collection<String> scenarioCodes) {
        Set<Grant> relevant = new LinkedHashSet<>();
        level1s.forEach(l -> relevant.addAll(grantsByLevel1.getOrDefault(l, List.of())));
        scenarioCodes.forEach(c -> relevant.addAll(grantsByScenario.getOrDefault(c, List.of())));
        return List.copyOf(relevant);
    }

    record TableEntry(String api, String source, String date, String sameRowsAs, List<RowEntry> rows) {
    }

    record RowEntry(String level1, List<String> level2, String uses, Boolean staffOnly) {
    }

    record GrantEntry(String clause, String name, ApiFamily family, List<String> categories, List<String> scenarios, String quote,
                      List<String> apis, List<String> unless) {
    }
}
