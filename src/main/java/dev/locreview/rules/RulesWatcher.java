package dev.locreview.rules;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

/**
 * Opt-in (locreview.rules-watch=true): reloads when a file under the rules folder changes, after the
 * changes settle, so an editor's save of several files makes one reload. Decided when the bean starts, not by
 * a condition on the bean: an ahead-of-time build (-Dspring.aot.enabled) fixes conditions when it is built.
 */
@Component
public class RulesWatcher {

    private static final Logger log = LoggerFactory.getLogger(RulesWatcher.class);
    private static final long SETTLE_MS = 500;

    private final WatchService watcher;
    private final Thread thread;

    public RulesWatcher(LiveRules liveRules, LocreviewProperties properties,
                        @Value("${locreview.rules-watch:false}") boolean enabled) throws IOException {
        if (!enabled) {
            this.watcher = null;
            this.thread = null;
            return;
        }
        this.watcher = FileSystems.getDefault().newWatchService();
        try (Stream<Path> dirs = Files.walk(properties.rulesDir())) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
        this.thread = new Thread(() -> watch(liveRules), "rules-watcher");
        thread.setDaemon(true);
        thread.start();
        log.info("Watching {} for rule changes", properties.rulesDir().toAbsolutePath());
    }

    private void watch(LiveRules liveRules) {
        try {
            while (true) {
                WatchKey key = watcher.take();
                drain(key);
                // Let a burst of saves settle, then reload once.
                for (WatchKey more; (more = watcher.poll(SETTLE_MS, TimeUnit.MILLISECONDS)) != null; ) {
                    drain(more);
                }
                liveRules.reload("rules-watch");
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void drain(WatchKey key) {
        key.pollEvents();
        key.reset();
    }

    @PreDestroy
    void stop() throws IOException {
        if (watcher == null) {
            return;
        }
        watcher.close();
        thread.interrupt();
    }
}
