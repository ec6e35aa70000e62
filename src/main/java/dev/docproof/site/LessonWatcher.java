package dev.docproof.site;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
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
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Watches a course's folders and reports each file that changed or appeared and that {@code relevant}
 * accepts, once per burst of writes (editors often write a file in several steps). Folders created
 * later are watched too, so a new lesson in a new folder is seen.
 */
public final class LessonWatcher implements AutoCloseable {

    private static final long QUIET_MILLIS = 150;

    private final WatchService service;
    private final Predicate<Path> relevant;
    private final Consumer<Path> onChange;
    private final Thread thread;

    private LessonWatcher(WatchService service, Predicate<Path> relevant, Consumer<Path> onChange) {
        this.service = service;
        this.relevant = relevant;
        this.onChange = onChange;
        this.thread = new Thread(this::loop, "lesson-watcher");
        this.thread.setDaemon(true);
    }

    /**
     * @param roots    lesson files (their folder is watched) and folders (watched with every folder below)
     * @param relevant which changed files to report (absolute, normalised paths)
     * @param onChange called on the watcher's thread with the changed file (absolute, normalised)
     */
    public static LessonWatcher watch(Collection<Path> roots, Predicate<Path> relevant, Consumer<Path> onChange)
            throws IOException {
        WatchService service = FileSystems.getDefault().newWatchService();
        LessonWatcher watcher = new LessonWatcher(service, relevant, onChange);
        Set<Path> dirs = new LinkedHashSet<>();
        for (Path root : roots) {
            Path absolute = root.toAbsolutePath().normalize();
            dirs.add(Files.isDirectory(absolute) ? absolute : absolute.getParent());
        }
        for (Path dir : dirs) {
            watcher.register(dir, Files.isDirectory(dir) && roots.stream()
                    .anyMatch(r -> r.toAbsolutePath().normalize().equals(dir)));
        }
        watcher.thread.start();
        return watcher;
    }

    private void register(Path dir, boolean recursive) throws IOException {
        if (!recursive) {
            dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            return;
        }
        try (Stream<Path> tree = Files.walk(dir)) {
            for (Path d : tree.filter(Files::isDirectory)
                    .filter(d -> d.equals(dir) || !d.getFileName().toString().startsWith(".")).toList()) {
                d.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            }
        }
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
                if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(file)) {
                    try {
                        register(file, true); // a new folder: its lessons count too
                    } catch (IOException e) {
                        // it vanished again; nothing to watch
                    }
                } else if (relevant.test(file)) {
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
