package dev.locreview.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.locreview.policy.AppCategory;
import dev.locreview.policy.AppScenario;
import dev.locreview.policy.Application;
import dev.locreview.policy.CategoryNode;
import dev.locreview.policy.LocationApi;
import dev.locreview.policy.PolicyData;
import dev.locreview.policy.Scenario;
import dev.locreview.support.InvalidApplicationException;

/**
 * Turns a submitted request into the facts the rules decide on, resolving names against the policy
 * data. Names the policy does not know are refused with the field; doubtful ones become warnings.
 */
public final class Intake {

    private final PolicyData data;
    private final List<String> warnings = new ArrayList<>();

    public Intake(PolicyData data) {
        this.data = data;
    }

    public List<String> warnings() {
        return warnings;
    }

    public Application application(ReviewRequest request) {
        LocationApi api = data.api(request.api()).orElseThrow(() -> new InvalidApplicationException("api",
                "unknown API '" + request.api() + "'", data.apis().stream().map(LocationApi::name).toList()));
        return new Application(api, categories(request.categories()), request.reason(), data.form());
    }

    private List<AppCategory> categories(List<CategoryRef> refs) {
        List<AppCategory> categories = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < refs.size(); i++) {
            AppCategory category = category(refs.get(i), "categories[" + i + "]");
            if (seen.add(category.getPath())) {
                categories.add(category);
            } else {
                warnings.add("categories[" + i + "]: 类目「" + category.getPath() + "」重复，已合并");
            }
        }
        return categories;
    }

    private AppCategory category(CategoryRef ref, String field) {
        CategoryNode node = data.categories().level1(ref.level1()).orElseThrow(() -> new InvalidApplicationException(
                field + ".level1", "unknown level-1 category '" + ref.level1() + "'",
                data.categories().suggestLevel1(ref.level1())));
        String level2 = ref.level2();
        if (level2 == null) {
            warnings.add(field + ": 类目「" + node.name() + "」未给出二级类目；要求二级类目的条款无法匹配");
        } else {
            String known = data.categories().level2(node, level2).orElse(null);
            if (known == null) {
                warnings.add(field + ": 二级类目「" + level2 + "」不在「" + node.name() + "」的已知二级类目中，按原样使用");
            } else {
                level2 = known;
            }
        }
        return new AppCategory(node.name(), level2, ref.level3(), node.isNews(level2));
    }

    public List<AppScenario> declaredScenarios(List<String> codes) {
        List<AppScenario> scenarios = new ArrayList<>();
        if (codes == null) {
            return scenarios;
        }
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            String field = "scenarios[" + i + "]";
            String submitted = codes.get(i);
            String code = submitted.strip().toUpperCase(Locale.ROOT);
            Scenario scenario = data.scenario(code).orElseThrow(() -> new InvalidApplicationException(
                    field, "unknown scenario code '" + submitted + "'",
                    data.scenarios().stream().map(Scenario::code).toList()));
            if (seen.add(code)) {
                scenarios.add(new AppScenario(scenario, AppScenario.Source.DECLARED, null));
            }
        }
        return scenarios;
    }
}
