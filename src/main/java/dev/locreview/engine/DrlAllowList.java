package dev.locreview.engine;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AtomicExprDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BindingDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConstraintConnectiveDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RelationalExprDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlExprParser;
import org.drools.drl.parser.DrlExprParserFactory;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.kie.internal.builder.conf.LanguageLevelOption;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.ArrayCreationLevel;
import com.github.javaparser.ast.Modifier.Keyword;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.comments.Comment;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.InstanceOfExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.EmptyStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.VarType;
import com.github.javaparser.ast.type.VoidType;

import dev.locreview.policy.ApiFamily;
import dev.locreview.policy.AppCategory;
import dev.locreview.policy.AppScenario;
import dev.locreview.policy.Application;
import dev.locreview.policy.Finding;
import dev.locreview.policy.GateCheck;
import dev.locreview.policy.Grant;
import dev.locreview.policy.OfficialTable;
import dev.locreview.policy.Outlook;
import dev.locreview.policy.Qualifying;
import dev.locreview.policy.RejectionPattern;
import dev.locreview.policy.Submission;
import dev.locreview.policy.ToAttach;
import dev.locreview.policy.VerdictFinding;
import dev.locreview.reading.LocationScoped;
import dev.locreview.reading.Mention;
import dev.locreview.reading.ReasonText;
import dev.locreview.reading.Signal;
import dev.locreview.reading.UnreadPurpose;
import dev.locreview.reading.VaguePurpose;

/**
 * What a DRL file may say, checked on the parsed DRL before anything of it is compiled (Drools evaluates
 * annotation values while compiling, so checking the compiled set would be too late). A rule set speaks
 * only of the policy model: its imports are the model's fact types and a few java.util collections, it
 * declares no globals, types, queries or units, and every expression — constraints, evals, `from` and
 * accumulate sources, functions and consequences — is parsed (Drools' own expression parser, then
 * JavaParser) and walked against an allow-list of node kinds, types, methods and properties. Method names
 * are checked without resolving the receiver's type: the only objects a rule can reach are facts, their
 * properties, strings and collections, and none of the allowed names does harm on those.
 */
public final class DrlAllowList {

    /** The fact types and helpers a rule set may import: what today's rules/*.drl use. */
    static final List<Class<?>> MODEL = List.of(ApiFamily.class, Grant.class, LocationScoped.class, Mention.class,
            VaguePurpose.class, Signal.class, ReasonText.class, UnreadPurpose.class, AppCategory.class, AppScenario.class, AppScenario.Source.class,
            Application.class, Finding.class, Qualifying.class, RejectionPattern.class, OfficialTable.class,
            Submission.class, GateCheck.class, GateCheck.Gate.class, ToAttach.class, VerdictFinding.class,
            Outlook.Verdict.class);
    /** Harmless JDK types a rule may name (java.lang ones need no import). */
    private static final List<Class<?>> JDK_TYPES = List.of(String.class, Object.class, Integer.class, Long.class,
            Boolean.class, java.util.List.class, java.util.ArrayList.class, java.util.Set.class,
            java.util.HashSet.class, java.util.LinkedHashSet.class, java.util.Map.class, java.util.HashMap.class,
            java.util.LinkedHashMap.class, java.util.TreeSet.class, java.util.Collection.class);
    /** String and collection methods that read or build values, and nothing else. */
    private static final Set<String> JDK_METHODS = Set.of("length", "isEmpty", "isBlank", "substring", "contains",
            "startsWith", "endsWith", "indexOf", "lastIndexOf", "charAt", "equals", "equalsIgnoreCase", "compareTo",
            "toLowerCase", "toUpperCase", "trim", "strip", "replace", "concat", "join", "valueOf", "size", "get",
            "add", "addAll", "containsAll", "containsKey", "containsValue", "put", "putAll", "keySet", "values",
            "getOrDefault", "remove", "toString", "hashCode", "name", "ordinal", "of", "intValue", "longValue",
            "booleanValue");
    /** What a consequence may ask of the session: the working memory operations, nothing of the runtime. */
    private static final Set<String> MEMORY = Set.of("insert", "insertLogical", "update", "delete", "retract");
    private static final Set<String> CONTEXT = Set.of("kcontext", "drools");
    private static final Set<String> ATTRIBUTES = Set.of("salience", "no-loop", "lock-on-active", "agenda-group", "ruleflow-group",
            "activation-group", "auto-focus", "dialect", "enabled");
    private static final Set<String> OPERATORS = Set.of("==", "!=", "<", ">", "<=", ">=", "contains", "memberOf");
    private static final Set<String> ACCUMULATE = Set.of("count", "sum", "min", "max", "average", "collectList",
            "collectSet");
    /** Never allowed, whatever a model class declares. */
    private static final Set<String> NEVER = Set.of("getClass", "wait", "notify", "notifyAll", "getDeclaringClass",
            "clone", "finalize");
    private static final int MAX_ARRAY = 64;

    private static final Map<String, Class<?>> TYPES = new HashMap<>();
    private static final Set<String> IMPORTS = new HashSet<>();
    private static final Set<String> METHODS = new HashSet<>(JDK_METHODS);
    private static final Set<String> PROPERTIES = new HashSet<>(Set.of("this", "size", "empty", "length"));

    static {
        Deque<Class<?>> todo = new ArrayDeque<>(MODEL);
        Set<Class<?>> model = new LinkedHashSet<>();
        while (!todo.isEmpty()) {
            Class<?> type = todo.pop();
            if (!model.add(type)) {
                continue;
            }
            for (Method m : type.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic() && !NEVER.contains(m.getName())) {
                    METHODS.add(m.getName());
                    property(m).ifPresent(PROPERTIES::add);
                    // What a getter returns is reachable, so its methods may be called too (Evidence.text()).
                    if (m.getReturnType().getName().startsWith("dev.locreview.")) {
                        todo.add(m.getReturnType());
                    }
                }
            }
            if (type.isRecord()) {
                for (RecordComponent c : type.getRecordComponents()) {
                    PROPERTIES.add(c.getName());
                }
            }
            for (Field f : type.getFields()) {
                PROPERTIES.add(f.getName());
            }
            for (Class<?> inner : type.getDeclaredClasses()) {
                if (Modifier.isPublic(inner.getModifiers()) && (inner.isEnum() || inner.isRecord())) {
                    todo.add(inner);
                }
            }
        }
        for (Class<?> type : model) {
            name(type);
        }
        for (Class<?> type : MODEL) {
            IMPORTS.add(type.getCanonicalName());
        }
        for (Class<?> type : JDK_TYPES) {
            name(type);
            if (type.getPackageName().equals("java.util")) {
                IMPORTS.add(type.getCanonicalName());
            }
        }
    }

    private static void name(Class<?> type) {
        TYPES.put(type.getCanonicalName(), type);
        TYPES.put(type.getSimpleName(), type);
        for (Class<?> outer = type.getEnclosingClass(), inner = type; outer != null;
             inner = outer, outer = outer.getEnclosingClass()) {
            TYPES.put(outer.getSimpleName() + type.getCanonicalName().substring(outer.getCanonicalName().length()),
                    type);
        }
    }

    private static java.util.Optional<String> property(Method m) {
        String n = m.getName();
        if (m.getParameterCount() > 0) {
            return java.util.Optional.empty();
        }
        if (n.startsWith("get") && n.length() > 3) {
            return java.util.Optional.of(Character.toLowerCase(n.charAt(3)) + n.substring(4));
        }
        if (n.startsWith("is") && n.length() > 2) {
            return java.util.Optional.of(Character.toLowerCase(n.charAt(2)) + n.substring(3));
        }
        return java.util.Optional.empty();
    }

    private static final ThreadLocal<JavaParser> JAVA = ThreadLocal.withInitial(() -> new JavaParser(
            new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)));

    private DrlAllowList() {
    }

    /** Where code runs: a rule's conditions, a DRL function, or a rule's consequence. */
    private enum Place { CONDITION, FUNCTION, CONSEQUENCE }

    /** Checks the DRL files of a rule set (path relative to the rules folder → text); problems as file:line. */
    public static List<String> problems(Map<String, String> drlFiles) {
        List<String> problems = new ArrayList<>();
        Map<String, PackageDescr> parsed = new LinkedHashMap<>();
        Set<String> functions = new HashSet<>();
        Set<String> queries = new HashSet<>();
        for (Map.Entry<String, String> file : drlFiles.entrySet()) {
            // The Java compiler turns \\uXXXX into characters before it reads the code, so an escape inside a
            // string or comment could end it and start code this check never saw.
            int escape = file.getValue().indexOf("\\u");
            if (escape >= 0) {
                problems.add(file.getKey() + ":" + lineAt(file.getValue(), escape) + ": unicode escapes (\\uXXXX) "
                        + "are not allowed; write the character itself");
                continue;
            }
            DrlParser parser = new DrlParser();
            PackageDescr pkg;
            try {
                pkg = parser.parse(false, file.getValue());
            } catch (DroolsParserException e) {
                problems.add(file.getKey() + ":1: does not parse: " + e.getMessage());
                continue;
            }
            if (parser.hasErrors() || pkg == null) {
                for (DroolsError error : parser.getErrors()) {
                    int[] lines = error.getLines();
                    problems.add(file.getKey() + ":" + (lines.length > 0 ? Math.max(1, lines[0]) : 1)
                            + ": does not parse: " + error.getMessage().strip());
                }
                continue;
            }
            parsed.put(file.getKey(), pkg);
            pkg.getFunctions().forEach(f -> functions.add(f.getName()));
            pkg.getRules().stream().filter(RuleDescr::isQuery).forEach(q -> queries.add(q.getName()));
        }
        for (Map.Entry<String, PackageDescr> file : parsed.entrySet()) {
            new FileCheck(file.getKey(), drlFiles.get(file.getKey()), functions, queries, problems).check(file.getValue());
        }
        return problems;
    }

    private static int lineAt(String text, int index) {
        return (int) text.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
    }

    /** The checks of one file; each problem names the file and line. */
    private static final class FileCheck {
        private final String file;
        private final String text;
        private final Set<String> functions;
        private final Set<String> queries;
        private final List<String> problems;

        FileCheck(String file, String text, Set<String> functions, Set<String> queries, List<String> problems) {
            this.file = file;
            this.text = text;
            this.functions = functions;
            this.queries = queries;
            this.problems = problems;
        }

        void problem(int line, String message) {
            problems.add(file + ":" + Math.max(line, 1) + ": " + message);
        }

        void check(PackageDescr pkg) {
            if (!"locreview".equals(pkg.getName())) {
                problem(pkg.getLine(), "package " + pkg.getName() + " is not allowed: rules live in package locreview");
            }
            for (ImportDescr i : pkg.getImports()) {
                if (!IMPORTS.contains(i.getTarget())) {
                    problem(i.getLine(), "import " + i.getTarget() + " is not allowed: a rule set imports only the "
                            + "policy model's types and java.util collections");
                }
            }
            pkg.getFunctionImports().forEach(i -> problem(i.getLine(), "import function " + i.getTarget()
                    + " is not allowed"));
            pkg.getAccumulateImports().forEach(i -> problem(i.getLine(), "import accumulate is not allowed"));
            for (GlobalDescr g : pkg.getGlobals()) {
                problem(g.getLine(), "global " + g.getType() + " " + g.getIdentifier()
                        + " is not allowed: the service sets no globals");
            }
            pkg.getTypeDeclarations().forEach(t -> problem(t.getLine(), "declare " + t.getTypeName()
                    + " is not allowed: facts are the policy model's types"));
            pkg.getEnumDeclarations().forEach(t -> problem(t.getLine(), "declare enum " + t.getTypeName()
                    + " is not allowed"));
            pkg.getEntryPointDeclarations().forEach(e -> problem(e.getLine(), "entry points are not allowed"));
            pkg.getWindowDeclarations().forEach(w -> problem(w.getLine(), "windows are not allowed"));
            if (pkg.getUnit() != null) {
                problem(pkg.getUnit().getLine(), "rule units are not allowed");
            }
            attributes(pkg.getAttributes());
            for (FunctionDescr f : pkg.getFunctions()) {
                function(f);
            }
            for (RuleDescr rule : pkg.getRules()) {
                rule(rule);
            }
        }

        private void attributes(Iterable<AttributeDescr> attributes) {
            for (AttributeDescr a : attributes) {
                String name = a.getName();
                String value = a.getValue() == null ? "" : a.getValue().strip();
                if (!ATTRIBUTES.contains(name)) {
                    problem(a.getLine(), "attribute " + name + " is not allowed");
                } else if (name.equals("salience") && !value.matches("-?\\d{1,9}")) {
                    problem(a.getLine(), "salience must be a whole number, not an expression: " + value);
                } else if (name.equals("dialect") && !value.replace("\"", "").equals("java")) {
                    problem(a.getLine(), "dialect " + value + " is not allowed: consequences are written in java");
                } else if (name.equals("enabled") && !value.matches("true|false")) {
                    problem(a.getLine(), "enabled must be true or false, not an expression: " + value);
                }
            }
        }

        private void annotations(int line, Iterable<AnnotationDescr> annotations, Set<String> allowedNames) {
            for (AnnotationDescr a : annotations) {
                if (allowedNames != null && !allowedNames.contains(a.getName())) {
                    problem(line, "annotation @" + a.getName() + " is not allowed here");
                    continue;
                }
                // Drools evaluates annotation values while compiling: only plain literals.
                for (Object value : a.getValueMap().values()) {
                    String v = String.valueOf(value).strip();
                    ParseResult<Expression> parsed = JAVA.get().parseExpression(v);
                    boolean literal = parsed.isSuccessful() && parsed.getResult().map(e -> e instanceof LiteralExpr
                            || (e instanceof UnaryExpr u && u.getExpression() instanceof LiteralExpr)).orElse(false);
                    if (!literal) {
                        problem(line, "annotation @" + a.getName() + " value must be a literal, not " + v);
                    }
                }
            }
        }

        private void function(FunctionDescr f) {
            Scope scope = new Scope(Place.FUNCTION);
            type(f.getLine(), f.getReturnType(), "return type of function " + f.getName());
            for (int i = 0; i < f.getParameterNames().size(); i++) {
                type(f.getLine(), f.getParameterTypes().get(i), "parameter type of function " + f.getName());
                scope.locals.add(f.getParameterNames().get(i));
            }
            block(f.getBody(), lineOf(f.getBody(), f.getLine()), scope, "function " + f.getName());
        }

        private void rule(RuleDescr rule) {
            int line = rule.getLine();
            String what = (rule.isQuery() ? "query \"" : "rule \"") + rule.getName() + "\"";
            // A query names a condition several rules share; without parameters and calling no query, it can
            // neither recurse nor bind anything a rule did not see.
            if (rule.isQuery() && rule instanceof org.drools.drl.ast.descr.QueryDescr q && q.getParameters().length > 0) {
                problem(line, what + ": query parameters are not allowed");
            }
            if (rule.getUnit() != null) {
                problem(line, what + ": rule units are not allowed");
            }
            attributes(rule.getAttributes().values());
            annotations(line, rule.getAnnotations(), null);
            if (!rule.getNamedConsequences().isEmpty()) {
                problem(rule.getConsequenceLine(), what + ": named consequences are not allowed");
            }
            Scope scope = new Scope(Place.CONDITION, !rule.isQuery());
            condition(rule.getLhs(), scope, what);
            if (rule.getConsequence() instanceof String consequence && !consequence.isBlank()) {
                Scope then = new Scope(Place.CONSEQUENCE);
                then.locals.addAll(scope.locals);
                block(Modify.rewrite(consequence), lineOf(consequence, rule.getConsequenceLine()), then, what);
            } else if (rule.getConsequence() != null && !(rule.getConsequence() instanceof String)) {
                problem(rule.getConsequenceLine(), what + ": the consequence must be java code");
            }
        }

        private void condition(BaseDescr d, Scope scope, String what) {
            if (d instanceof AndDescr || d instanceof OrDescr || d instanceof NotDescr || d instanceof ExistsDescr
                    || d instanceof ForallDescr) {
                for (BaseDescr child : ((org.drools.drl.ast.descr.ConditionalElementDescr) d).getDescrs()
                        .stream().map(BaseDescr.class::cast).toList()) {
                    condition(child, scope, what);
                }
            } else if (d instanceof PatternDescr p) {
                pattern(p, scope, what);
            } else if (d instanceof EvalDescr eval) {
                expression(String.valueOf(eval.getContent()), eval.getLine(), scope, what + " eval");
            } else {
                problem(d.getLine(), what + ": " + kind(d) + " is not allowed in a condition");
            }
        }

        private void pattern(PatternDescr p, Scope scope, String what) {
            int line = p.getLine();
            if (queries.contains(p.getObjectType()) || p.isQuery()) {
                queryCall(p, scope, what);
                return;
            }
            if (!TYPES.containsKey(p.getObjectType()) || p.getObjectType().equals("Object")) {
                problem(line, what + ": fact type " + p.getObjectType() + " is not allowed: patterns match the "
                        + "policy model's facts or collected lists");
            }
            if (!p.getBehaviors().isEmpty()) {
                problem(line, what + ": sliding windows are not allowed");
            }
            annotations(line, p.getAnnotations(), Set.of("watch"));
            if (p.getSource() != null) {
                source(p.getSource(), line, scope, what);
            }
            if (p.getIdentifier() != null) {
                scope.locals.add(p.getIdentifier());
            }
            for (BaseDescr c : p.getDescrs()) {
                if (c instanceof ExprConstraintDescr e) {
                    constraint(e.getExpression(), e.getLine() > 0 ? e.getLine() : line, scope, what);
                } else {
                    problem(c.getLine() > 0 ? c.getLine() : line, what + ": " + kind(c) + " is not allowed in a pattern");
                }
            }
        }

        /** A call of a query of the rule set: by its name alone, from a rule, never from a query. */
        private void queryCall(PatternDescr p, Scope scope, String what) {
            if (!queries.contains(p.getObjectType())) {
                problem(p.getLine(), what + ": query " + p.getObjectType() + " is not declared in the rule set");
            } else if (!scope.queryCalls) {
                problem(p.getLine(), what + ": a query may not call a query");
            } else if (!p.getDescrs().isEmpty() || p.getIdentifier() != null || p.getSource() != null) {
                problem(p.getLine(), what + ": a query is called by its name alone, " + p.getObjectType() + "()");
            }
        }

        private void source(BaseDescr source, int patternLine, Scope scope, String what) {
            int line = source.getLine() > 0 ? source.getLine() : patternLine;
            if (source instanceof CollectDescr collect) {
                condition(collect.getInputPattern(), new Scope(scope), what);
            } else if (source instanceof AccumulateDescr acc) {
                if (!acc.isExternalFunction()) {
                    problem(line, what + ": accumulate with inline init/action/result code is not allowed; "
                            + "use count, sum, min, max, average, collectList or collectSet");
                    return;
                }
                Scope inner = new Scope(scope);
                condition(acc.getInput(), inner, what);
                for (AccumulateDescr.AccumulateFunctionCallDescr f : acc.getFunctions()) {
                    if (!ACCUMULATE.contains(f.getFunction())) {
                        problem(line, what + ": accumulate function " + f.getFunction() + " is not allowed");
                    }
                    for (String param : f.getParams()) {
                        expression(param, line, inner, what + " accumulate");
                    }
                    if (f.getBind() != null) {
                        scope.locals.add(f.getBind());
                    }
                }
            } else if (source instanceof FromDescr from) {
                expression(from.getExpression(), line, scope, what + " from");
            } else {
                problem(line, what + ": " + kind(source) + " is not allowed as a pattern source");
            }
        }

        /** A pattern constraint, split by Drools' own expression parser into bindings and comparisons. */
        private void constraint(String expression, int line, Scope scope, String what) {
            DrlExprParser parser = DrlExprParserFactory.getDrlExprParser(LanguageLevelOption.DRL6);
            ConstraintConnectiveDescr parsed = parser.parse(expression);
            if (parser.hasErrors() || parsed == null) {
                problem(line, what + ": constraint does not parse: " + expression);
                return;
            }
            constraintPart(parsed, line, scope, what);
        }

        private void constraintPart(BaseDescr d, int line, Scope scope, String what) {
            if (d instanceof ConstraintConnectiveDescr c) {
                c.getDescrs().forEach(child -> constraintPart(child, line, scope, what));
            } else if (d instanceof BindingDescr b) {
                if (!b.getExpression().strip().equals("this")) {
                    expression(b.getExpression(), line, scope, what);
                }
                scope.locals.add(b.getVariable());
            } else if (d instanceof RelationalExprDescr r) {
                if (!OPERATORS.contains(r.getOperator())) {
                    problem(line, what + ": operator " + r.getOperator() + " is not allowed");
                }
                constraintPart(r.getLeft(), line, scope, what);
                constraintPart(r.getRight(), line, scope, what);
            } else if (d instanceof AtomicExprDescr a) {
                expression(a.getExpression(), line, scope, what);
            } else {
                problem(line, what + ": " + kind(d) + " is not allowed in a constraint");
            }
        }

        private void expression(String source, int line, Scope scope, String what) {
            // MVEL's null-safe navigation reads the same members as a plain dot.
            ParseResult<Expression> parsed = JAVA.get().parseExpression(source.replace("!.", "."));
            if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
                problem(line, what + ": expression does not parse: " + source.strip());
                return;
            }
            new Walk(scope, line - 1, what).node(parsed.getResult().get());
        }

        private void block(String source, int firstLine, Scope scope, String what) {
            ParseResult<BlockStmt> parsed = JAVA.get().parseBlock("{" + source + "\n}");
            if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
                String why = parsed.getProblems().isEmpty() ? "" : parsed.getProblem(0).getMessage().lines()
                        .findFirst().orElse("");
                int at = parsed.getProblems().isEmpty() ? 1 : parsed.getProblem(0).getLocation()
                        .flatMap(l -> l.getBegin().getRange()).map(r -> r.begin.line).orElse(1);
                problem(firstLine + at - 1, what + ": does not parse as java: " + why);
                return;
            }
            new Walk(scope, firstLine - 1, what).node(parsed.getResult().get());
        }

        private void type(int line, String type, String what) {
            if (type == null || type.isBlank()) {
                return;
            }
            ParseResult<Type> parsed = JAVA.get().parseType(type.strip());
            if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
                problem(line, what + " does not parse: " + type);
                return;
            }
            new Walk(new Scope(Place.FUNCTION), line - 1, what).node(parsed.getResult().get());
        }

        /** The line of a piece of code (a consequence, a function body) found after a descriptor's line. */
        private int lineOf(String code, int fromLine) {
            int start = 0;
            for (int l = 1; l < fromLine && start >= 0; l++) {
                start = text.indexOf('\n', start) + 1;
            }
            int at = text.indexOf(code.strip(), Math.max(start, 0));
            if (at < 0) {
                return fromLine;
            }
            return lineAt(text, at);
        }

        private static String kind(Object d) {
            return d.getClass().getSimpleName().replaceFirst("Descr$", "");
        }

        /** Walks one parsed piece of Java: every node must be of an allowed kind, naming allowed things. */
        private final class Walk {
            private final Scope scope;
            private final int lineOffset;
            private final String what;

            Walk(Scope scope, int lineOffset, String what) {
                this.scope = scope;
                this.lineOffset = lineOffset;
                this.what = what;
            }

            private void refuse(Node n, String message) {
                problem(lineOffset + n.getBegin().map(p -> p.line).orElse(1), what + ": " + message);
            }

            void node(Node n) {
                if (n instanceof Comment) {
                    return;
                }
                if (n instanceof WhileStmt || n instanceof DoStmt || n instanceof ForStmt
                        || (n instanceof ForEachStmt && scope.place != Place.FUNCTION)) {
                    refuse(n, "loops are not allowed in " + place() + (scope.place == Place.FUNCTION
                            ? " (a function may use a for-each over a collection)" : ""));
                    return;
                }
                if (n instanceof MethodCallExpr call) {
                    call(call);
                } else if (n instanceof FieldAccessExpr access) {
                    access(access);
                } else if (n instanceof NameExpr name) {
                    name(name);
                } else if (n instanceof ObjectCreationExpr create) {
                    create(create);
                } else if (n instanceof ClassOrInterfaceType type) {
                    classType(type);
                } else if (n instanceof ArrayCreationExpr array) {
                    array(array);
                } else if (n instanceof VariableDeclarator v) {
                    scope.locals.add(v.getNameAsString());
                    children(n);
                } else if (n instanceof ThisExpr && scope.place != Place.CONDITION) {
                    refuse(n, "this is not allowed in " + place());
                } else if (n instanceof com.github.javaparser.ast.Modifier m && m.getKeyword() != Keyword.FINAL) {
                    refuse(n, "modifier " + m.getKeyword().asString() + " is not allowed");
                } else if (allowedKind(n)) {
                    children(n);
                } else {
                    refuse(n, describe(n) + " is not allowed in " + place());
                }
            }

            private void children(Node n) {
                for (Node child : n.getChildNodes()) {
                    node(child);
                }
            }

            private String place() {
                return switch (scope.place) {
                    case CONDITION -> "a condition";
                    case FUNCTION -> "a function";
                    case CONSEQUENCE -> "a consequence";
                };
            }

            private void call(MethodCallExpr call) {
                String name = call.getNameAsString();
                call.getTypeArguments().ifPresent(args -> args.forEach(this::node));
                call.getArguments().forEach(this::node);
                if (call.getScope().isEmpty()) {
                    boolean allowed = switch (scope.place) {
                        case CONSEQUENCE -> MEMORY.contains(name) || functions.contains(name);
                        case CONDITION -> functions.contains(name) || METHODS.contains(name);
                        case FUNCTION -> false;
                    };
                    if (!allowed) {
                        refuse(call, "call " + name + "(…) is not allowed in " + place()
                                + (scope.place == Place.CONSEQUENCE ? "; a consequence may call insert, insertLogical, "
                                + "modify, update, delete, retract and the rule set's functions" : ""));
                    }
                    return;
                }
                Expression target = call.getScope().get();
                String dotted = dotted(target);
                if (dotted != null && CONTEXT.contains(dotted) && scope.place == Place.CONSEQUENCE) {
                    if (!MEMORY.contains(name)) {
                        refuse(call, dotted + "." + name + "(…) is not allowed: a consequence may only insert, "
                                + "update or delete facts");
                    }
                    return;
                }
                if (dotted != null && !isValue(dotted)) {
                    Class<?> type = TYPES.get(dotted);
                    if (type == null && isConstant(dotted)) {
                        if (!METHODS.contains(name)) {
                            refuse(call, dotted + "." + name + "(…) is not allowed");
                        }
                    } else if (type == null) {
                        refuse(call, dotted + "." + name + "(…) is not allowed: " + dotted
                                + " is not a type of the policy model");
                    } else if (!METHODS.contains(name) || !hasStatic(type, name)) {
                        refuse(call, dotted + "." + name + "(…) is not allowed");
                    }
                    return;
                }
                if (!METHODS.contains(name)) {
                    refuse(call, "method " + name + "(…) is not allowed: only the policy model's methods and "
                            + "plain string and collection methods");
                }
                node(target);
            }

            private void access(FieldAccessExpr access) {
                String field = access.getNameAsString();
                String dotted = dotted(access.getScope());
                if (dotted != null && !isValue(dotted)) {
                    Class<?> type = TYPES.get(dotted);
                    if (type == null) {
                        // a fully-qualified type name used as a value
                        String whole = dotted + "." + field;
                        refuse(access, (TYPES.containsKey(whole) ? whole + " is not a value" : dotted
                                + " is not a type of the policy model") + ": " + whole + " is not allowed");
                    } else if (!hasStaticField(type, field)) {
                        refuse(access, dotted + "." + field + " is not allowed");
                    }
                    return;
                }
                if (!PROPERTIES.contains(field)) {
                    refuse(access, "property " + field + " is not allowed: not a property of the policy model");
                    return;
                }
                node(access.getScope());
            }

            /** A name chain that starts with a value (binding, local, or in a condition a fact property). */
            private boolean isValue(String dotted) {
                int dot = dotted.indexOf('.');
                String first = dot < 0 ? dotted : dotted.substring(0, dot);
                return scope.isVariable(first) || (scope.place == Place.CONDITION && PROPERTIES.contains(first))
                        || (scope.place == Place.CONSEQUENCE && CONTEXT.contains(first));
            }

            /** An allowed type's static field (ApiFamily.CONTINUOUS), used as a value. */
            private boolean isConstant(String dotted) {
                int dot = dotted.lastIndexOf('.');
                Class<?> type = dot < 0 ? null : TYPES.get(dotted.substring(0, dot));
                return type != null && hasStaticField(type, dotted.substring(dot + 1));
            }

            private void name(NameExpr name) {
                String n = name.getNameAsString();
                boolean allowed = scope.isVariable(n)
                        || (scope.place == Place.CONSEQUENCE && CONTEXT.contains(n))
                        || (scope.place == Place.CONDITION && PROPERTIES.contains(n));
                if (!allowed) {
                    refuse(name, "name " + n + " is not allowed: not a fact property, binding or local variable");
                }
            }

            private void create(ObjectCreationExpr create) {
                if (create.getAnonymousClassBody().isPresent()) {
                    refuse(create, "anonymous classes are not allowed");
                    return;
                }
                if (create.getScope().isPresent()) {
                    refuse(create, "inner class creation is not allowed");
                    return;
                }
                create.getArguments().forEach(this::node);
                String typeName = create.getType().getNameWithScope();
                Class<?> type = TYPES.get(typeName);
                if (type == null) {
                    refuse(create, "new " + typeName + "(…) is not allowed: not a type of the policy model or "
                            + "a java.util collection");
                    return;
                }
                // A JDK collection made with a capacity could take the whole heap.
                if (type.getName().startsWith("java.") && !create.getArguments().isEmpty()) {
                    refuse(create, "new " + typeName + "(…) takes no arguments here");
                    return;
                }
                create.getType().getTypeArguments().ifPresent(args -> args.forEach(this::node));
            }

            private void classType(ClassOrInterfaceType type) {
                String typeName = type.getNameWithScope();
                if (!TYPES.containsKey(typeName)) {
                    refuse(type, "type " + typeName + " is not allowed: not a type of the policy model or "
                            + "a java.util collection");
                    return;
                }
                type.getTypeArguments().ifPresent(args -> args.forEach(this::node));
            }

            private void array(ArrayCreationExpr array) {
                node(array.getElementType());
                for (ArrayCreationLevel level : array.getLevels()) {
                    boolean small = level.getDimension().map(d -> d instanceof IntegerLiteralExpr i
                            && i.asNumber().longValue() <= MAX_ARRAY).orElse(true);
                    if (!small) {
                        refuse(array, "an array's size must be a number up to " + MAX_ARRAY);
                    }
                }
                array.getInitializer().ifPresent(this::node);
            }

            private String describe(Node n) {
                return n.getClass().getSimpleName().replaceFirst("(Stmt|Expr|Declaration)$", "")
                        .replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT)
                        + " (" + n.toString().lines().findFirst().orElse("").strip() + ")";
            }
        }
    }

    private static boolean allowedKind(Node n) {
        return n instanceof BlockStmt || n instanceof ExpressionStmt || n instanceof IfStmt
                || n instanceof ReturnStmt || n instanceof EmptyStmt || n instanceof ForEachStmt
                || n instanceof VariableDeclarationExpr || n instanceof SimpleName
                || n instanceof com.github.javaparser.ast.expr.Name || n instanceof BinaryExpr
                || n instanceof UnaryExpr || n instanceof AssignExpr || n instanceof ConditionalExpr
                || n instanceof EnclosedExpr || n instanceof CastExpr || n instanceof InstanceOfExpr
                || n instanceof StringLiteralExpr || n instanceof IntegerLiteralExpr || n instanceof LongLiteralExpr
                || n instanceof DoubleLiteralExpr || n instanceof BooleanLiteralExpr || n instanceof NullLiteralExpr
                || n instanceof CharLiteralExpr || n instanceof TextBlockLiteralExpr || n instanceof ThisExpr
                || n instanceof ArrayInitializerExpr || n instanceof ArrayAccessExpr || n instanceof PrimitiveType
                || n instanceof ArrayType || n instanceof VarType || n instanceof VoidType || n instanceof com.github.javaparser.ast.Modifier;
    }

    /** A name or a chain of names (a.b.c), or null for any other expression. */
    private static String dotted(Expression e) {
        if (e instanceof NameExpr n) {
            return n.getNameAsString();
        }
        if (e instanceof FieldAccessExpr f) {
            String scope = dotted(f.getScope());
            return scope == null ? null : scope + "." + f.getNameAsString();
        }
        return null;
    }

    private static boolean hasStatic(Class<?> type, String name) {
        for (Method m : type.getMethods()) {
            if (m.getName().equals(name) && Modifier.isStatic(m.getModifiers())) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasStaticField(Class<?> type, String name) {
        try {
            return Modifier.isStatic(type.getField(name).getModifiers());
        } catch (NoSuchFieldException e) {
            return false;
        }
    }

    /** The names a piece of code may use as values: bindings, parameters and locals. */
    private static final class Scope {
        final Place place;
        final Set<String> locals;
        /** Whether a query of the rule set may be called here (in a rule, not in a query). */
        final boolean queryCalls;

        Scope(Place place) {
            this(place, false);
        }

        Scope(Place place, boolean queryCalls) {
            this.place = place;
            this.locals = new HashSet<>();
            this.queryCalls = queryCalls;
        }

        /** A nested scope (collect, accumulate) sees the outer names; what it binds stays inside. */
        Scope(Scope outer) {
            this.place = outer.place;
            this.locals = new HashSet<>(outer.locals);
            this.queryCalls = outer.queryCalls;
        }

        boolean isVariable(String dotted) {
            int dot = dotted.indexOf('.');
            return locals.contains(dot < 0 ? dotted : dotted.substring(0, dot));
        }
    }

    /**
     * Drools' `modify (x) { a(), b() }` block is not Java: rewritten, line for line, as the calls it stands
     * for — `update(x); { (x).a(); (x).b(); }` — so the calls are checked as calls on x.
     */
    static final class Modify {

        private Modify() {
        }

        static String rewrite(String code) {
            StringBuilder out = new StringBuilder();
            int i = 0;
            while (i < code.length()) {
                int at = next(code, i);
                if (at < 0) {
                    out.append(code, i, code.length());
                    break;
                }
                int open = skipSpace(code, at + "modify".length());
                int close = open < code.length() && code.charAt(open) == '(' ? match(code, open, '(', ')') : -1;
                int brace = close < 0 ? -1 : skipSpace(code, close + 1);
                int end = brace >= 0 && brace < code.length() && code.charAt(brace) == '{'
                        ? match(code, brace, '{', '}') : -1;
                if (end < 0) {
                    out.append(code, i, at + "modify".length());
                    i = at + "modify".length();
                    continue;
                }
                String target = code.substring(open + 1, close);
                String flat = target.replaceAll("\\s+", " ").strip();
                out.append(code, i, at).append("update(").append(target).append(");")
                        .append(code, close + 1, brace).append('{');
                for (String item : splitTopLevel(code.substring(brace + 1, end))) {
                    int lead = item.length() - item.stripLeading().length();
                    out.append(item, 0, lead);
                    if (!item.isBlank()) {
                        out.append('(').append(flat).append(").").append(item.substring(lead)).append(';');
                    }
                }
                out.append('}');
                i = end + 1;
            }
            return out.toString();
        }

        /** The next `modify` keyword outside strings and comments, or -1. */
        private static int next(String code, int from) {
            for (int i = from; i < code.length(); i++) {
                char c = code.charAt(i);
                if (c == '"' || c == '\'') {
                    i = endOfLiteral(code, i);
                } else if (code.startsWith("//", i)) {
                    int eol = code.indexOf('\n', i);
                    i = eol < 0 ? code.length() : eol;
                } else if (code.startsWith("/*", i)) {
                    int close = code.indexOf("*/", i + 2);
                    i = close < 0 ? code.length() : close + 1;
                } else if (code.startsWith("modify", i) && (i == 0 || !Character.isJavaIdentifierPart(code.charAt(i - 1)))
                        && (i + 6 >= code.length() || !Character.isJavaIdentifierPart(code.charAt(i + 6)))) {
                    return i;
                }
            }
            return -1;
        }

        private static int endOfLiteral(String code, int start) {
            char quote = code.charAt(start);
            for (int i = start + 1; i < code.length(); i++) {
                if (code.charAt(i) == '\\') {
                    i++;
                } else if (code.charAt(i) == quote) {
                    return i;
                }
            }
            return code.length();
        }

        private static int skipSpace(String code, int i) {
            while (i < code.length() && Character.isWhitespace(code.charAt(i))) {
                i++;
            }
            return i;
        }

        private static int match(String code, int open, char up, char down) {
            int depth = 0;
            for (int i = open; i < code.length(); i++) {
                char c = code.charAt(i);
                if (c == '"' || c == '\'') {
                    i = endOfLiteral(code, i);
                } else if (c == up) {
                    depth++;
                } else if (c == down && --depth == 0) {
                    return i;
                }
            }
            return -1;
        }

        private static List<String> splitTopLevel(String body) {
            List<String> items = new ArrayList<>();
            int depth = 0;
            int start = 0;
            for (int i = 0; i < body.length(); i++) {
                char c = body.charAt(i);
                if (c == '"' || c == '\'') {
                    i = endOfLiteral(body, i);
                } else if (c == '(' || c == '{' || c == '[') {
                    depth++;
                } else if (c == ')' || c == '}' || c == ']') {
                    depth--;
                } else if (c == ',' && depth == 0) {
                    items.add(body.substring(start, i) + " ");
                    start = i + 1;
                }
            }
            items.add(body.substring(start));
            return items;
        }
    }
}
