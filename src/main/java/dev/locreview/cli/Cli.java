package dev.locreview.cli;

import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line, for developers and policy authors without a server. Exit codes: 0 all good,
 * 1 a case failed / an application was rejected, 2 bad input or a rule set that does not load.
 */
@Command(name = "locreview", mixinStandardHelpOptions = true, version = "locreview 0.1",
        subcommands = {CheckCommand.class, CasebookCommand.class, RulesCommand.class, KeysCommand.class},
        description = "Review WeChat mini-program location API applications against the policy rules.")
public final class Cli {

    /** The sub-commands the jar's main hands to the command line instead of starting the server. */
    public static final List<String> COMMANDS = List.of("check", "casebook", "rules", "keys", "help", "--help",
            "-h", "--version");

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
}
