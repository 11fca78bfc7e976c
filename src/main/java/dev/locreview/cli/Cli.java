package dev.locreview.cli;

import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.locreview.policy.RuleSet;
import dev.locreview.review.InvalidApplicationException;
import dev.locreview.review.ReviewRequest;
import dev.locreview.review.Reviewer;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line, for developers and policy authors without a server. Exit codes: 0 all good,
 * 1 a case failed / an application was rejected, 2 bad input or a rule set that does not load.
 */
@Command(name = "locreview", mixinStandardHelpOptions = true, version = "locreview 0.1",
        subcommands = {CasebookCommand.class},
        description = "Review WeChat mini-program location API applications against the policy rules.")
public final class Cli {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** The sub-commands the jar's main hands to the command line instead of starting the server. */
    public static final List<String> COMMANDS = List.of("casebook", "check", "rules", "--help", "-h", "--version");

    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Cli());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + e.getMessage());
            return 2;
        });
        return cli.execute(args);
    }

    public static void main(String... args) {
        System.exit(run(args));
    }

    /** Decides one request (as JSON) with a rule set; bad input is a JSON problem with the field. */
    static JsonNode decide(RuleSet rules, JsonNode request) {
        try {
            ReviewRequest parsed = JSON.treeToValue(request, ReviewRequest.class);
            return JSON.valueToTree(Reviewer.review(rules, parsed));
        } catch (InvalidApplicationException e) {
            return JSON.createObjectNode().put("status", 400).put("field", e.field()).put("detail", e.getMessage());
        } catch (Exception e) {
            return JSON.createObjectNode().put("status", 400).put("field", "body").put("detail", e.getMessage());
        }
    }
}
