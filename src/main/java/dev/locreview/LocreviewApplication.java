package dev.locreview;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

import dev.locreview.cli.Cli;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class LocreviewApplication {

    /** The server, or with a command (check, casebook, rules, keys) the command line. */
    public static void main(String[] args) {
        if (args.length > 0 && Cli.COMMANDS.contains(args[0])) {
            System.exit(Cli.run(args));
        }
        SpringApplication.run(LocreviewApplication.class, args);
    }
}
