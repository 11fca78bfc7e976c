package dev.locreview.admin;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import dev.locreview.security.ApiKeys;
import dev.locreview.security.Audit;
import dev.locreview.security.Caller;
import dev.locreview.security.KeyRing;
import dev.locreview.security.StoredKeys;
import dev.locreview.support.InvalidApplicationException;
import dev.locreview.support.NotFoundException;

/** The API keys in the store, for a KEYS_ADMIN: every instance accepts or refuses a change within seconds. */
@RestController
@SecurityRequirement(name = "apiKey")
public class KeysController {

    private final StoredKeys stored;
    private final KeyRing ring;

    public KeysController(StoredKeys stored, KeyRing ring) {
        this.stored = stored;
        this.ring = ring;
    }

    public record NewKey(String name, List<String> roles) {
    }

    /** The key itself is in this answer only; the store keeps its SHA-256. */
    public record Created(String name, List<String> roles, String key) {
    }

    public record Revoked(String name, int revoked) {
    }

    @Operation(summary = "The keys in the store (not the bootstrap keys of the properties), revoked ones included")
    @GetMapping("/api/v1/keys")
    public List<StoredKeys.Listed> list() {
        Audit.record("list keys", "");
        return stored.list();
    }

    @Operation(summary = "Create a key (roles REVIEWER by default): answered once, stored as its SHA-256")
    @PostMapping("/api/v1/keys")
    public ResponseEntity<Created> create(@RequestBody NewKey request) {
        List<String> roles = request.roles() == null ? List.of(ApiKeys.REVIEWER) : request.roles();
        ApiKeys.problem(request.name(), roles).ifPresent(problem -> {
            throw new InvalidApplicationException(problem.startsWith("the name") ? "name" : "roles", problem, List.of());
        });
        String key = stored.create(request.name(), roles, Caller.current().name());
        ring.refresh();
        Audit.record("create key", request.name() + " " + roles);
        return ResponseEntity.status(HttpStatus.CREATED).body(new Created(request.name(), roles, key));
    }

    @Operation(summary = "Revoke every key of that name: refused by every instance within seconds")
    @DeleteMapping("/api/v1/keys/{name}")
    public Revoked revoke(@PathVariable String name) {
        int revoked = stored.revoke(name, Caller.current().name());
        Audit.record("revoke key", name + ": " + revoked);
        if (revoked == 0) {
            throw new NotFoundException("no valid key named '" + name + "' in the store");
        }
        ring.refresh();
        return new Revoked(name, revoked);
    }
}
