package dev.locreview.policy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The files of a rules folder, or of a folder in it: what a version's hash, a bundle and the kept words are made of. */
public final class RuleFiles {

    private RuleFiles() {
    }

    /** Every file under the folder, in path order. */
    public static List<Path> of(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new RuleSetException(root + ": " + e.getMessage(), e);
        }
    }
}
