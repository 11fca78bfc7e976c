package dev.locreview.policy;

/** The real application form's limits (rules/data/form.yaml). */
public record Form(int reasonMaxLength) {
}
