package dev.locreview;

import java.util.List;

/**
 * DRL that tries to run code of its own, each with the line and the words a refusal must name. Each is a
 * whole file, 99-evil.drl, added to a copy of rules/; the header takes lines 1-4, so line 5 is the first
 * of the body. The markers name files under java.io.tmpdir that must never appear.
 */
public final class ForbiddenDrl {

    private ForbiddenDrl() {
    }

    public static final String FILE = "99-evil.drl";
    public static final String MARKER = "locreview-evil-marker";

    public record Case(String name, String body, int line, String says) {
        public String drl() {
            return "package locreview;\nimport dev.locreview.policy.Application;\nimport dev.locreview.policy.Finding;\n\n"
                    + body;
        }
    }

    private static final String RULE = "rule \"EVIL\" @clause(\"EVIL\") when $app : Application() then\n";
    private static final String TMP = "System.getProperty(\"java.io.tmpdir\") + \"/" + MARKER;

    public static final List<Case> CASES = List.of(
            new Case("System.exit in a consequence", RULE + "    System.exit(3);\nend\n", 6,
                    "System.exit(…) is not allowed"),
            new Case("a file written with java.nio", RULE
                    + "    java.nio.file.Files.writeString(java.nio.file.Path.of(\"/tmp/" + MARKER + "-nio\"), \"x\");\nend\n",
                    6, "java.nio.file.Files.writeString(…) is not allowed"),
            new Case("a file written with java.io", RULE
                    + "    java.io.FileWriter w = new java.io.FileWriter(\"/tmp/" + MARKER + "-io\");\nend\n", 6,
                    "type java.io.FileWriter is not allowed"),
            new Case("/etc/hostname read into the result", RULE
                    + "    insert(Finding.rejection(kcontext, null, \"x\",\n"
                    + "        java.nio.file.Files.readString(java.nio.file.Path.of(\"/etc/hostname\"))));\nend\n", 7,
                    "java.nio.file.Files.readString(…) is not allowed"),
            new Case("reflection with Class.forName", RULE
                    + "    Object r = Class.forName(\"java.lang.Runtime\");\nend\n", 6, "Class.forName(…) is not allowed"),
            new Case("reflection with getClass()", RULE
                    + "    Object l = $app.getClass().getClassLoader();\nend\n", 6, "method getClass(…) is not allowed"),
            new Case("a Thread started", RULE + "    new Thread(\"t\").start();\nend\n", 6,
                    "new Thread(…) is not allowed"),
            new Case("code hidden in a string by unicode escapes", RULE
                    + "    String s = \"\\u0022 + System.exit(3) + \\u0022\";\nend\n", 6,
                    "are not allowed; write the character itself"),
            new Case("an endless while loop", RULE + "    int i = 0;\n    while (true) { i++; }\nend\n", 7,
                    "loops are not allowed in a consequence"),
            new Case("the runtime behind kcontext", RULE + "    drools.getKieRuntime().halt();\nend\n", 6,
                    "drools.getKieRuntime(…) is not allowed"),
            new Case("System.exit in a constraint",
                    "rule \"EVIL\" @clause(\"EVIL\") when\n    Application( System.exit(3) == null )\nthen\nend\n", 6,
                    "System.exit(…) is not allowed"),
            new Case("a file read in eval", "rule \"EVIL\" @clause(\"EVIL\") when\n    Application()\n"
                    + "    eval( java.nio.file.Files.exists(java.nio.file.Path.of(\"/etc/hostname\")) )\nthen\nend\n", 7,
                    "java.nio.file.Files.exists(…) is not allowed"),
            new Case("a file read in from", "rule \"EVIL\" @clause(\"EVIL\") when\n    Application()\n"
                    + "    $l : String() from java.nio.file.Files.readAllLines(java.nio.file.Path.of(\"/etc/hostname\"))\n"
                    + "then\nend\n", 7, "java.nio.file.Files.readAllLines(…) is not allowed"),
            new Case("System.exit in a function", "function String evil() {\n    System.exit(3);\n    return \"\";\n}\n",
                    6, "function evil: System.exit(…) is not allowed"),
            new Case("an endless loop in a function", "function void evil() {\n    do { } while (true);\n}\n", 6,
                    "loops are not allowed in a function"),
            new Case("an import of java.io", "import java.io.File;\n", 5, "import java.io.File is not allowed"),
            new Case("an import of a service class", "import dev.locreview.policy.RuleSet;\n", 5,
                    "import dev.locreview.policy.RuleSet is not allowed"),
            new Case("a global", "global java.util.List sink;\n", 5, "global java.util.List sink is not allowed"),
            new Case("code in an annotation (run while compiling)",
                    "rule \"EVIL\" @clause(java.nio.file.Files.createFile(java.nio.file.Path.of(" + TMP + "-ann\")))\n"
                    + "when Application() then\nend\n", 5, "annotation @clause value must be a literal"),
            new Case("code in salience", "rule \"EVIL\" @clause(\"EVIL\") salience( System.exit(3) )\n"
                    + "when Application() then\nend\n", 5, "salience must be a whole number"),
            new Case("a query with parameters", "query evil( String $s )\n    Application()\nend\n", 5,
                    "query parameters are not allowed"),
            new Case("a query that calls itself", "query evil\n    ?evil()\nend\n", 6, "a query may not call a query"),
            new Case("a query called with bindings", "query evil\n    Application()\nend\n"
                    + "rule \"EVIL\" @clause(\"EVIL\") when\n    $x : evil()\nthen\nend\n", 9,
                    "a query is called by its name alone"),
            new Case("a call of a query the rule set does not declare", "rule \"EVIL\" @clause(\"EVIL\") when\n"
                    + "    ?nowhere()\nthen\nend\n", 6, "query nowhere is not declared"),
            new Case("the mvel dialect", "rule \"EVIL\" @clause(\"EVIL\") dialect \"mvel\"\nwhen Application() then\nend\n",
                    5, "dialect mvel is not allowed"));

    /** A rule that re-activates itself for ever: allowed DRL, stopped by the fire budget. */
    public static final Case SELF_REACTIVATING = new Case("a rule that re-activates itself",
            RULE + "    update($app);\nend\n", 0, "exceeded its fire budget");
}
