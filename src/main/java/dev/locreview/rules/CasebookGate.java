package dev.locreview.rules;

import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import dev.locreview.casebook.CaseRunner;
import dev.locreview.casebook.Casebook;


/** A reloaded rule set goes live only if the casebook (less the held-out set) still passes against it. */
@Component
public class CasebookGate {

    public CasebookGate(LiveRules liveRules, @Value("${locreview.casebook-dir:casebook}") Path folder) {
        liveRules.requireCasebook(rules -> Files.isDirectory(folder)
                ? CaseRunner.failures(rules, Casebook.load(folder, "heldout"))
                : java.util.List.of());
    }
}
