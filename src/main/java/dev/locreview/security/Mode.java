package dev.locreview.security;

/** Who asked: an anonymous developer pre-checking, or an authenticated reviewer deciding. */
public enum Mode { PRECHECK, REVIEW }
