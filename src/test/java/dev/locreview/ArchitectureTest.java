package dev.locreview;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

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

    /**
     * The code every decision runs stays in methods the optimising JIT compiles. The reading as one method of 5,500
     * bytes of bytecode made C2 work ~12 s and take 150–200 MB of native memory, then give up: the reading ran in
     * first-tier code and the service's resident memory grew by that much. Measured with the JDK's javap: the offset of
     * a method's last instruction.
     */
    @Test
    void decisionCodeStaysInMethodsTheJitCompiles() throws IOException {
        List<String> classes = new ArrayList<>(List.of("-c", "-p"));
        for (String pkg : List.of("reading", "engine", "policy")) {
            try (Stream<Path> files = Files.walk(Path.of("target", "classes", "dev", "locreview", pkg))) {
                files.filter(f -> f.toString().endsWith(".class")).forEach(f -> classes.add(f.toString()));
            }
        }
        StringWriter out = new StringWriter();
        int status = ToolProvider.findFirst("javap").orElseThrow()
                .run(new PrintWriter(out), new PrintWriter(new StringWriter()), classes.toArray(String[]::new));
        assertThat(status).isZero();
        Map<String, Integer> large = new TreeMap<>();
        String type = null;
        String method = null;
        for (String line : out.toString().split("\n")) {
            Matcher opened = TYPE.matcher(line);
            if (opened.matches()) {
                type = opened.group(1);
            }
            Matcher declared = DECLARED.matcher(line);
            Matcher instruction = INSTRUCTION.matcher(line);
            if (declared.matches()) {
                method = type + ": " + line.strip();
            } else if (method != null && instruction.matches() && Integer.parseInt(instruction.group(1)) > LARGEST_METHOD) {
                large.put(method, Integer.parseInt(instruction.group(1)));
            }
        }
        assertThat(out.toString()).contains("ReasonReader$Pass");
        assertThat(large).as("methods past %d bytes of bytecode: split them", LARGEST_METHOD).isEmpty();
    }

    private static final Pattern TYPE = Pattern.compile("^\\S.*\\b(?:class|interface|enum) ([\\w.$]+).*\\{$");
    private static final Pattern DECLARED = Pattern.compile("^  \\S.*\\);$");
    private static final Pattern INSTRUCTION = Pattern.compile("^\\s+(\\d+): \\w.*");

    /** Bytes of bytecode: the largest decision method is about 1,300; the one C2 gave up on, 5,500. */
    static final int LARGEST_METHOD = 2_500;
}
