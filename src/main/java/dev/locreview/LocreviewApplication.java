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

    /**
     * The server, or with a word (check, casebook, rules, keys, help — or a mistyped one, which gets the usage)
     * the command line. Only options ({@code --server.port=…}) go to the server, so a typo never starts it.
     */
    public static void main(String[] args) {
        if (args.length > 0 && Cli.isCommandLine(args[0])) {
            System.exit(Cli.run(args));
        }
        SpringApplication.run(LocreviewApplication.class, args);
    }
}
