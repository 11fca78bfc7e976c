package dev.locreview.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;

import dev.locreview.security.ApiKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Creates an API key (reviewer, rules admin or both): prints it once, and stores only its hash in the keys file. */
@Command(name = "keys", mixinStandardHelpOptions = true, subcommands = {KeysCommand.Create.class},
        description = "API keys for reviewers and rules admins.")
final class KeysCommand {

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a key, append its SHA-256 hash to the keys file (read at start-up) and print the "
                    + "key once. The service must be restarted to accept it.")
    static final class Create implements Callable<Integer> {

        @Option(names = "--name", required = true, description = "Who holds the key (shown in the history)")
        String name;

        @Option(names = "--role", split = ",", defaultValue = ApiKeys.REVIEWER,
                description = "REVIEWER (default: history and batch review), RULES_ADMIN (reload and preview "
                        + "rules), or both: --role REVIEWER,RULES_ADMIN")
        List<String> roles;

        @Option(names = "--file", defaultValue = "config/keys.properties",
                description = "Keys file (default: config/keys.properties)")
        Path file;

        @Override
        public Integer call() throws IOException {
            if (!name.matches("[A-Za-z0-9._@-]{1,64}")) {
                System.err.println("error: --name is 1 to 64 letters, digits or ._@-");
                return 2;
            }
            if (!ApiKeys.ROLES.containsAll(roles)) {
                System.err.println("error: --role is one or more of " + String.join(", ", ApiKeys.ROLES));
                return 2;
            }
            String role = String.join(",", roles.stream().distinct().toList());
            Properties existing = new Properties();
            if (Files.exists(file)) {
                try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    existing.load(in);
                }
            }
            int index = 0;
            while (existing.containsKey("locreview.security.keys[" + index + "].name")) {
                index++;
            }
            String key = ApiKeys.generate();
            String entry = String.format("locreview.security.keys[%d].name=%s%nlocreview.security.keys[%d].sha256=%s%n"
                    + "locreview.security.keys[%d].roles=%s%n", index, name, index, ApiKeys.sha256(key), index, role);
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, entry, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            System.out.println(key);
            System.err.printf("Key for %s (%s) created; its hash is in %s. Keep the key: it is not stored.%n",
                    name, role, file);
            return 0;
        }
    }
}
