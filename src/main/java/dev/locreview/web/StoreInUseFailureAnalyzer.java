package dev.locreview.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * A second instance on the same H2 files fails in one sentence that says so, naming the file and, where
 * the OS tells (Linux's /proc/locks), the process that holds it, instead of pages of stack trace.
 */
public class StoreInUseFailureAnalyzer implements FailureAnalyzer {

    /** H2's DATABASE_ALREADY_OPEN_1: "Database may be already in use". */
    private static final int ALREADY_OPEN = 90020;
    private static final Pattern FILE = Pattern.compile("\"([^\"]+)\"");

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getErrorCode() == ALREADY_OPEN) {
                Matcher file = FILE.matcher(String.valueOf(sql.getMessage()));
                String path = file.find() ? file.group(1) : "under the data directory";
                return new FailureAnalysis("The decision store " + path + " is in use by " + holder(path)
                        + ": one H2 store serves one process.",
                        "Stop the other instance, give this one its own data directory (spring.datasource.url), "
                                + "or point every instance at one PostgreSQL database.", sql);
            }
        }
        return null;
    }

    /** The process holding a lock on the file, from /proc/locks (Linux); "another process" elsewhere. */
    private static String holder(String path) {
        try {
            Object inode = Files.getAttribute(Path.of(path), "unix:ino");
            for (String line : Files.readAllLines(Path.of("/proc/locks"))) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length > 5 && fields[5].endsWith(":" + inode)) {
                    return "process " + fields[4];
                }
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // not Linux, or the file is gone: say what is known
        }
        return "another process";
    }
}
