package dev.locreview.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import dev.locreview.security.ApiKeys;
import dev.locreview.security.StoredKeys;

/**
 * API keys in the store the service is configured with (every instance accepts a new key, and refuses a
 * revoked one, within seconds, without a restart), or appended to a properties file as a bootstrap key.
 */
@Command(name = "keys", mixinStandardHelpOptions = true,
        subcommands = {KeysCommand.Create.class, KeysCommand.ListKeys.class, KeysCommand.Revoke.class},
        description = "API keys for reviewers, rules admins and keys admins, in the store (the configured "
                + "datasource; --spring.datasource.url=… to name another).")
final class KeysCommand {


    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a key in the store (or with --file, append its hash to a keys file read at start-up) "
                    + "and print the key once. Only its SHA-256 hash is kept.")
    static final class Create extends InStore implements Callable<Integer> {

        @Option(names = "--name", required = true, description = "Who holds the key (shown in the history)")
        String name;

        @Option(names = "--role", split = ",", defaultValue = ApiKeys.REVIEWER,
                description = "REVIEWER (default: history and batch review), RULES_ADMIN (reload, preview, upload and "
                        + "activate rules), KEYS_ADMIN (/api/v1/keys), or several: --role REVIEWER,RULES_ADMIN")
        List<String> roles;

        @Option(names = "--file", description = "Append to this keys file instead (a bootstrap key, read at start-up; "
                + "the service must be restarted to accept it), e.g. config/keys.properties")
        Path file;

        @Override
        public Integer call() throws IOException {
            Optional<String> problem = ApiKeys.problem(name, roles);
            if (problem.isPresent()) {
                System.err.println("error: " + problem.get());
                return 2;
            }
            List<String> distinct = roles.stream().distinct().toList();
            String key = file == null ? Store.with(springArguments, StoredKeys.class, keys -> keys.create(name, distinct, CALLER))
                    : appendTo(file, distinct);
            System.out.println(key);
            System.err.printf("Key for %s (%s) created; its hash is in %s. Keep the key: it is not stored.%n",
                    name, String.join(",", distinct), file == null ? "the store" : file);
            return 0;
        }

        private String appendTo(Path file, List<String> roles) throws IOException {
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
                            + "locreview.security.keys[%d].roles=%s%n", index, name, index, ApiKeys.sha256(key), index,
                    String.join(",", roles));
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, entry, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return key;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "The keys in the store, revoked ones included (name, roles, hash prefix, who and when).")
    static final class ListKeys extends InStore implements Callable<Integer> {
        @Override
        public Integer call() {
            List<StoredKeys.Listed> keys = Store.with(springArguments, StoredKeys.class, StoredKeys::list);
            System.out.printf("%-24s %-32s %-12s %-25s %s%n", "NAME", "ROLES", "HASH", "CREATED", "REVOKED");
            for (StoredKeys.Listed key : keys) {
                System.out.printf("%-24s %-32s %-12s %-25s %s%n", key.name(), String.join(",", key.roles()),
                        key.hashPrefix(), key.createdAt() + " " + key.createdBy(),
                        key.revokedAt() == null ? "-" : key.revokedAt() + " " + key.revokedBy());
            }
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revoke every key of that name in the store: every instance refuses it within seconds. "
                    + "Exit 1 when the store holds no valid key of that name.")
    static final class Revoke extends InStore implements Callable<Integer> {

        @Option(names = "--name", required = true, description = "Whose keys to revoke")
        String name;

        @Override
        public Integer call() {
            int revoked = Store.with(springArguments, StoredKeys.class, keys -> keys.revoke(name, CALLER));
            System.out.println(revoked + " key(s) of " + name + " revoked");
            return revoked > 0 ? 0 : 1;
        }
    }
}
