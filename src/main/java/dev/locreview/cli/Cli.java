package dev.locreview.cli;

import java.util.List;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.ConsoleAppender;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/**
 * The command line, for developers and policy authors without a server. Exit codes: 0 all good,
 * 1 a case failed / an application was rejected, 2 bad input or a rule set that does not load.
 */
@Command(name = "locreview", mixinStandardHelpOptions = true, version = "locreview 0.1",
        subcommands = {HelpCommand.class, CheckCommand.class, CasebookCommand.class, RulesCommand.class, KeysCommand.class},
        description = "Review WeChat mini-program location API applications against the policy rules.")
public final class Cli {

    private static final List<String> OPTIONS = List.of("--help", "-h", "--version", "-V");

    /** Whether the jar's first argument is for the command line: any word, or its own options. */
    public static boolean isCommandLine(String first) {
        return !first.startsWith("-") || OPTIONS.contains(first);
    }

    public static int run(String... args) {
        logToStandardError();
        CommandLine cli = new CommandLine(new Cli());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + e.getMessage());
            return 2;
        });
        return cli.execute(args);
    }

    /** Logs go to standard error: standard output carries the answers (`check --json` writes JSON Lines there). */
    private static void logToStandardError() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context && context
                .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE") instanceof ConsoleAppender<?> console) {
            console.stop();
            console.setTarget("System.err");
            console.start();
        }
    }

    public static void main(String... args) {
        System.exit(run(args));
    }
}
