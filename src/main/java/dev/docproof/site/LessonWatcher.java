package dev.docproof.site;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches lesson files and reports each one that changed, once per burst of writes (editors often
 * write a file in several steps).
 */
public final class LessonWatcher implements AutoCloseable {

    private static final long QUIET_MILLIS = 150;

    private final WatchService service;
    private final Set<Path> files;
    private final Consumer<Path> onChange;
    private final Thread thread;

    private LessonWatcher(WatchService service, Set<Path> files, Consumer<Path> onChange) {
        this.service = service;
        this.files = files;
        this.onChange = onChange;
        this.thread = new Thread(this::loop, "lesson-watcher");
        this.thread.setDaemon(true);
    }

    /** @param onChange called on the watcher's thread with the changed file (absolute, normalised) */
    public static LessonWatcher watch(Collection<Path> lessonFiles, Consumer<Path> onChange) throws IOException {
        WatchService service = FileSystems.getDefault().newWatchService();
        Set<Path> files = new LinkedHashSet<>();
        Set<Path> dirs = new LinkedHashSet<>();
        for (Path file : lessonFiles) {
            Path absolute = file.toAbsolutePath().normalize();
            files.add(absolute);
            dirs.add(absolute.getParent());
        }
        for (Path dir : dirs) {
            dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
        }
        LessonWatcher watcher = new LessonWatcher(service, files, onChange);
        watcher.thread.start();
        return watcher;
    }

    private void loop() {
        try {
            while (true) {
                Set<Path> changed = new LinkedHashSet<>();
                collect(service.take(), changed);
                // Gather the rest of the burst: stop once nothing has arrived for QUIET_MILLIS.
                WatchKey next;
                while ((next = service.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    collect(next, changed);
                }
                changed.forEach(onChange);
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: the preview is stopping
        }
    }

    private void collect(WatchKey key, Set<Path> changed) {
        Path dir = (Path) key.watchable();
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.context() instanceof Path name) {
                Path file = dir.resolve(name).normalize();
                if (files.contains(file)) {
                    changed.add(file);
                }
            }
        }
        key.reset();
    }

    @Override
    public void close() throws IOException {
        service.close();
        thread.interrupt();
    }
}
