package dev.locreview.reading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.locreview.RulesFolder;
import dev.locreview.casebook.CaseFile;
import dev.locreview.casebook.CaseRunner;
import dev.locreview.casebook.Casebook;
import dev.locreview.engine.Engine;
import dev.locreview.engine.ReviewRequest;
import dev.locreview.engine.RuleSet;
import dev.locreview.rules.RuleSetPipeline;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reading's words kept on disk (locreview.cache-dir): a rule set loaded from them answers every casebook case
 * exactly as one that built them, a damaged file is built again, and changed lists are another file.
 */
@ExtendWith(OutputCaptureExtension.class)
class WordCacheTest {

    private static final Path RULES = Path.of("rules");

    @TempDir
    Path dir;
    private Path before;

    @BeforeEach
    void keepWordsInATemporaryDirectory() {
        before = WordCache.directory();
        WordCache.useDirectory(dir.toString());
    }

    @AfterEach
    void restore() {
        WordCache.useDirectory(java.util.Objects.toString(before, null));
    }

    @Test
    void wordsReadBackGiveTheSameFullAnswersAndOnlyTheLastFilesAreKept(CapturedOutput output) throws IOException {
        List<Path> older = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Path old = Files.write(dir.resolve("words-old" + i + ".bin"), new byte[] {1});
            Files.setLastModifiedTime(old, FileTime.fromMillis(1_000_000L * (i + 1)));
            older.add(old);
        }
        List<String> built = answers(RuleSetPipeline.compile(RULES));
        assertThat(output).contains("Built the reading's words in");
        Path kept = onlyNewFile();
        // four kept: the new file and the three used last; the oldest is gone
        assertThat(files()).hasSize(4).contains(kept, older.get(1), older.get(2), older.get(3));

        List<String> read = answers(RuleSetPipeline.compile(RULES));
        assertThat(output).contains("Read the reading's words from " + kept);
        assertThat(read).isEqualTo(built);
    }

    @Test
    void aDamagedFileIsBuiltAgainAndReplaced(CapturedOutput output) throws IOException {
        RuleSetPipeline.compile(RULES);
        Path kept = onlyNewFile();
        byte[] whole = Files.readAllBytes(kept);
        byte[] damaged = whole.clone();
        damaged[damaged.length / 2] ^= 0x5A;
        Files.write(kept, damaged);

        RuleSet rules = RuleSetPipeline.compile(RULES);
        assertThat(output).contains("do not read back (java.io.IOException: its content does not match its checksum)");
        assertThat(Files.readAllBytes(kept)).isEqualTo(whole);
        assertThat(answers(rules)).isEqualTo(answers(RuleSetPipeline.compile(RULES)));
    }

    @Test
    void changedListsAreAnotherFile() throws IOException {
        RuleSetPipeline.compile(RULES);
        Path first = onlyNewFile();
        Path copy = RulesFolder.copy();
        Files.writeString(copy.resolve("reading/cues.yaml"), "\n# a reviewer's note\n",
                java.nio.file.StandardOpenOption.APPEND);
        RuleSetPipeline.compile(copy);
        assertThat(files()).hasSize(2).contains(first);
    }

    /** Every casebook case's full answer but its id and time. */
    private static List<String> answers(RuleSet rules) throws IOException {
        List<String> answers = new ArrayList<>();
        for (CaseFile c : Casebook.load(Path.of("casebook"))) {
            ReviewRequest request = CaseRunner.JSON.treeToValue(c.request(), ReviewRequest.class);
            ObjectNode answer = CaseRunner.JSON.valueToTree(Engine.decide(rules, request));
            answer.remove(List.of("decisionId", "decidedAt"));
            answers.add(answer.toString());
        }
        assertThat(answers).hasSizeGreaterThan(900);
        return answers;
    }

    private Path onlyNewFile() throws IOException {
        List<Path> fresh = files().stream().filter(f -> !f.getFileName().toString().startsWith("words-old")).toList();
        assertThat(fresh).hasSize(1);
        return fresh.get(0);
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
