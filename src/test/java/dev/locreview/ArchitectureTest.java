package dev.locreview;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The floor plan: feature packages, each importing only the floors below it. The engine sits in the middle —
 * the policy model and the reading below it, every face (HTTP, batch, the command line, the casebook,
 * previews) above it — so a change to a face never reaches into the decision.
 */
class ArchitectureTest {

    /** Bottom to top: a package may use its own floor and the floors below, never one above. */
    static final List<String> FLOORS = List.of(
            "support",   // problem details, strict JSON, request errors
            "policy",    // the policy model: data of rules/ and the facts the rules see
            "reading",   // the reading of the 申请原因
            "engine",    // one rule set compiled; Engine.decide(RuleSet, ReviewRequest) -> Decision
            "web",       // the HTTP edge: body limits, problems, JSON requests
            "casebook",  // reviewed cases run against the engine
            "fleet",     // what tells every instance that the store changed (LISTEN/NOTIFY, or polling)
            "security",  // keys, roles, rate limits, audit
            "rules",     // the live rule set and the one pipeline a candidate goes through
            "history",   // the decision store and what records into it
            "admin",     // rule administration: reload, preview
            "review",    // the faces: single decisions ...
            "batch",     // ... and batches
            "cli");      // the command line

    static final JavaClasses MAIN = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.locreview");

    @Test
    void everyPackageImportsOnlyDownward() {
        for (int floor = 0; floor < FLOORS.size(); floor++) {
            String[] above = FLOORS.subList(floor + 1, FLOORS.size()).stream().map(p -> "dev.locreview." + p + "..")
                    .toArray(String[]::new);
            if (above.length == 0) {
                continue;
            }
            noClasses().that().resideInAPackage("dev.locreview." + FLOORS.get(floor) + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(above)
                    .because(FLOORS.get(floor) + " is below " + Arrays.toString(above)).check(MAIN);
        }
    }

    /** A new package must take its place in FLOORS, or the rule above would not see it. */
    @Test
    void everyPackageIsAFloor() {
        Set<String> packages = new TreeSet<>();
        MAIN.forEach(c -> {
            String rest = c.getPackageName().substring("dev.locreview".length());
            if (!rest.isEmpty()) {
                packages.add(rest.substring(1).split("\\.")[0]);
            }
        });
        assertThat(packages).isNotEmpty().isSubsetOf(FLOORS);
    }

    @Test
    void thereAreNoCycles() {
        slices().matching("dev.locreview.(*)..").should().beFreeOfCycles().check(MAIN);
    }
}
