package dev.docproof.site;

import org.asciidoctor.Asciidoctor;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The process's one Asciidoctor instance, created on a background thread as soon as a command knows
 * it will render: booting JRuby takes seconds, so it overlaps the lesson run.
 */
public final class AsciidoctorBoot implements Supplier<Asciidoctor>, AutoCloseable {

    private final CompletableFuture<Asciidoctor> instance = new CompletableFuture<>();

    private AsciidoctorBoot() {}

    public static AsciidoctorBoot start() {
        AsciidoctorBoot boot = new AsciidoctorBoot();
        Thread thread = new Thread(() -> {
            try {
                Asciidoctor asciidoctor = Asciidoctor.Factory.create();
                // Conversion warnings (e.g. a dangling cross reference) must not reach the user's terminal:
                // the library never prints. They are dropped here; the page shows what it can.
                asciidoctor.registerLogHandler(record -> { });
                boot.instance.complete(asciidoctor);
            } catch (Throwable e) {
                boot.instance.completeExceptionally(e);
            }
        }, "asciidoctor-boot");
        thread.setDaemon(true);
        thread.start();
        return boot;
    }

    /** Waits for the instance if it is still booting. */
    @Override
    public Asciidoctor get() {
        try {
            return instance.join();
        } catch (CompletionException e) {
            throw new IllegalStateException("Asciidoctor could not start: " + e.getCause(), e.getCause());
        }
    }

    @Override
    public void close() {
        instance.thenAccept(Asciidoctor::close);
    }
}
