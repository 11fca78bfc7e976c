package dev.locreview.policy;

/** The verdict the verdict rules reached. A rule-session fact; exactly one rule inserts it. */
public record VerdictFinding(Outlook.Verdict verdict) {

    public Outlook.Verdict getVerdict() {
        return verdict;
    }
}
