package dev.locreview.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The API keys configured by SHA-256 hash only (locreview.security.keys[n].*): the bootstrap keys, accepted
 * beside those in the store (StoredKeys). Keys are 256-bit random strings, so an unsalted fast hash is
 * enough and keeps each request cheap.
 */
@ConfigurationProperties("locreview.security")
public record ApiKeys(@DefaultValue List<Key> keys) {

    public static final String REVIEWER = "REVIEWER";
    /** Changes and previews the rules; on its own it does not review (a key may hold both roles). */
    public static final String RULES_ADMIN = "RULES_ADMIN";
    /** Creates, lists and revokes the keys in the store (/api/v1/keys). */
    public static final String KEYS_ADMIN = "KEYS_ADMIN";
    public static final List<String> ROLES = List.of(REVIEWER, RULES_ADMIN, KEYS_ADMIN);
    public static final String PREFIX = "lr_";

    /** A configured key: who holds it, its hash, and its roles (REVIEWER when none is written, as in older key files). */
    public record Key(String name, String sha256, List<String> roles) {
        public Key {
            roles = roles == null || roles.isEmpty() ? List.of(REVIEWER) : List.copyOf(roles);
        }
    }

    /** The keys by hash, for one lookup per request. */
    public Map<String, Key> byHash() {
        return keys.stream().filter(k -> k.sha256() != null)
                .collect(Collectors.toUnmodifiableMap(k -> k.sha256().toLowerCase(Locale.ROOT), Function.identity(),
                        (a, b) -> a));
    }

    /** What is wrong with a new key's name or roles, if anything. */
    public static Optional<String> problem(String name, List<String> roles) {
        if (name == null || !name.matches("[A-Za-z0-9._@-]{1,64}")) {
            return Optional.of("the name is 1 to 64 letters, digits or ._@-");
        }
        if (roles == null || roles.isEmpty() || !ROLES.containsAll(roles)) {
            return Optional.of("the roles are one or more of " + String.join(", ", ROLES));
        }
        return Optional.empty();
    }

    public static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new random key: "lr_" and 43 URL-safe characters. */
    public static String generate() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
