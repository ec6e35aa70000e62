package dev.docproof.cli;

import dev.docproof.lesson.Diagnostic;
import dev.docproof.repair.LineMatch;
import dev.docproof.shell.Placeholders;
import dev.docproof.repair.SampleUpdate;
import dev.docproof.repair.SourcePatch;
import dev.docproof.run.BlockSample;
import dev.docproof.run.LessonResult;
import dev.docproof.run.Outcome;
import dev.docproof.run.Output;
import dev.docproof.run.Status;
import dev.docproof.run.StepResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes what a run proved back into the lessons' sources: each repaired command and, when asked, each
 * output sample that no longer matches. Kept apart from running the lessons, so that it can be exercised
 * with results built by hand.
 */
final class FixWriteBack {

    /**
     * What was done. {@code changes} read {@code file:line: before → after}; {@code diffs} are unified diffs
     * (dry run only); {@code unfixed} are failures nothing could repair or write; {@code setupErrors} are
     * lessons that could not run or files that could not be written.
     */
    record WriteBack(List<String> changes, List<String> diffs, List<String> unfixed, List<String> setupErrors) {
        WriteBack {
            changes = List.copyOf(changes);
            diffs = List.copyOf(diffs);
            unfixed = List.copyOf(unfixed);
            setupErrors = List.copyOf(setupErrors);
        }
    }

    private FixWriteBack() {}

    static WriteBack apply(List<LessonResult> lessons, boolean updateSamples, boolean dryRun) {
        return apply(lessons, updateSamples, dryRun, false);
    }

    /** @param bind also write bound steps back, their placeholders or an author's ids replaced by what they bound to */
    static WriteBack apply(List<LessonResult> lessons, boolean updateSamples, boolean dryRun, boolean bind) {
        List<String> changes = new ArrayList<>();
        List<String> diffs = new ArrayList<>();
        List<String> unfixed = new ArrayList<>();
        List<String> setupErrors = new ArrayList<>();
        Map<Path, List<SourcePatch.Edit>> edits = new LinkedHashMap<>();
        for (LessonResult lesson : lessons) {
            Path source = lesson.plan().lesson().source();
            if (lesson.setupError() != null) {
                setupErrors.add(source + ": not run: " + lesson.setupError());
                continue;
            }
            lesson.plan().diagnostics().stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR)
                    .forEach(d -> unfixed.add(d.toString()));
            for (int i = 0; i < lesson.steps().size(); i++) {
                StepResult result = lesson.steps().get(i);
                Optional<SourcePatch.Edit> edit = edit(result, BlockSample.whole(lesson.steps(), i), updateSamples);
                if (edit.isEmpty() && bind && result.outcome() instanceof Outcome.Bound b && b.ran().succeeded()) {
                    if (Placeholders.authorValues(b.command()).isEmpty()) {
                        edit = Optional.of(new SourcePatch.Edit.Command(result.step().line(), result.step().lastLine(),
                                result.step().command(), b.command()));
                    } else {
                        unfixed.add(result.step().span().fileLine() + ": not written back: bound to an id the engine"
                                + " made up, which changes every run (" + b.evidence() + ")");
                    }
                }
                if (edit.isPresent()) {
                    edits.computeIfAbsent(result.step().span().file(), f -> new ArrayList<>()).add(edit.get());
                } else if (result.outcome() instanceof Outcome.Failed failed) {
                    unfixed.add(result.step().span().fileLine() + ": still failing: " + firstLine(result.step().command())
                            + " — " + failed.describe() + result.notes().stream().map(n -> "; " + n.describe())
                            .collect(Collectors.joining()));
                }
            }
        }
        edits.forEach((file, fileEdits) -> {
            byte[] before;
            try {
                before = Files.readAllBytes(file);
            } catch (IOException e) {
                setupErrors.add(file + ": cannot read the lesson to write the fix back: " + e.getMessage());
                return;
            }
            SourcePatch.Result result = SourcePatch.apply(file, before, fileEdits);
            if (result instanceof SourcePatch.Result.Refused refused) {
                refused.diagnostics().forEach(d -> unfixed.add(d.toString()));
                return;
            }
            SourcePatch.Result.Patched patched = (SourcePatch.Result.Patched) result;
            if (dryRun) {
                diffs.add(SourcePatch.unifiedDiff(file, before, patched.bytes()));
                return;
            }
            try {
                writeAtomically(file, patched.bytes());
                patched.changes().forEach(c -> changes.add(c.toString()));
            } catch (IOException e) {
                setupErrors.add(file + ": cannot write the fix back (the file is unchanged): " + e.getMessage());
            }
        });
        return new WriteBack(changes, diffs, unfixed, setupErrors);
    }

    /** The source edit a step's result proves, if any; {@code sampled}: the output its sample was compared with. */
    private static Optional<SourcePatch.Edit> edit(StepResult result, Output sampled, boolean updateSamples) {
        if (result.repair() != null) {
            var repair = result.repair();
            return Optional.of(new SourcePatch.Edit.Command(result.step().line(), result.step().lastLine(),
                    repair.originalCommand(), repair.command()));
        }
        if (updateSamples && result.outcome() instanceof Outcome.Mismatch) {
            // Only the output of a command that succeeded may become documentation.
            return SampleUpdate.edit(result.step().sample(), sampled.merged(), LineMatch.BASIC)
                    .map(e -> (SourcePatch.Edit) e);
        }
        return Optional.empty();
    }

    /**
     * Temp file beside the target, then a move: a crash leaves the old file or the new one, never half of each.
     * A symlinked lesson is written where its link points (the link stays), with the file's mode, owner and
     * group. Where the owner cannot be given to a new file (not root), the file is rewritten in place instead,
     * which keeps them.
     */
    private static final Set<PosixFilePermission> WRITE = EnumSet.of(PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);

    private static void writeAtomically(Path named, byte[] bytes) throws IOException {
        Path file = named.toRealPath();
        PosixFileAttributes attributes = Files.readAttributes(file, PosixFileAttributes.class);
        if (Collections.disjoint(attributes.permissions(), WRITE) || !Files.isWritable(file)) {
            // Replacing the file would succeed anyway (the folder is writable, or docproof runs as root): a lesson
            // made read-only is one its author does not want rewritten.
            throw new IOException("the lesson is read-only (" + PosixFilePermissions.toString(attributes.permissions())
                    + "); make it writable (chmod u+w) for fix to write it");
        }
        Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName() + ".", ".docproof-tmp");
        try {
            Files.write(temp, bytes);
            PosixFileAttributeView target = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
            target.setPermissions(attributes.permissions());
            try {
                target.setOwner(attributes.owner());
                target.setGroup(attributes.group());
            } catch (IOException notPermitted) {
                Files.write(file, bytes, StandardOpenOption.TRUNCATE_EXISTING);
                return;
            }
            Replace.with(temp, file);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static String firstLine(String command) {
        return command.lines().findFirst().orElse("").strip() + (command.contains("\n") ? " …" : "");
    }
}
