package dev.docproof.cli;

import dev.docproof.lesson.Diagnostic;
import dev.docproof.lesson.Plan;
import dev.docproof.plan.CourseConfig;
import dev.docproof.plan.Planner;
import dev.docproof.read.CourseConfigFile;
import dev.docproof.read.LessonFiles;
import dev.docproof.site.SiteModel;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the commands that read lessons ({@code check}, {@code fix}, {@code site}, {@code preview}) read first: the lessons named on the
 * command line, planned, and the folder beside the first one, where its {@code images/} recipes live.
 */
record CourseInput(List<Plan> plans, Path contentDir, Path courseFolder) {

    /** Where lessons are looked for when the command line names none. */
    static final Path DEFAULT_CONTENT = Path.of("content");

    /** The lesson files, in the order they were found. */
    List<Path> files() {
        return plans.stream().map(p -> p.lesson().source()).toList();
    }

    /**
     * The planned lessons under {@code paths}; null, after telling {@code err} why, when a path names nothing
     * to read (missing, unreadable, holding no lesson): a typo in a path must fail CI, not shrink the course.
     */
    static CourseInput read(List<Path> paths, PrintWriter err, String noLesson) {
        LessonFiles.Discovery found = LessonFiles.discover(paths.isEmpty() ? List.of(DEFAULT_CONTENT) : paths);
        found.diagnostics().forEach(d -> err.println(d));
        if (found.files().isEmpty()) {
            err.println("docproof: " + noLesson);
            return null;
        }
        long errors = found.errors();
        if (errors > 0) {
            err.println("docproof: nothing was run; correct or remove the path" + (errors == 1 ? "" : "s") + " above");
            return null;
        }
        Path parent = found.files().get(0).toAbsolutePath().getParent();
        CourseConfig config = config(found, err);
        if (config == null) {
            return null;
        }
        CourseConfig course = config;
        List<Plan> plans = found.read().stream().map(l -> Planner.plan(l, course)).toList();
        List<Path> named = paths.isEmpty() ? List.of(DEFAULT_CONTENT) : paths;
        Path folder = named.size() == 1 && Files.isDirectory(named.get(0)) ? named.get(0).toAbsolutePath().normalize() : null;
        return new CourseInput(plans, parent == null ? Path.of("") : parent, folder);
    }

    /**
     * The lesson at {@code file} read and planned again as the course's first read did: with the course's
     * {@code docproof.yml} (read again too: it may have changed), its includes inside the course. Null, after
     * telling {@code err} why, when that {@code docproof.yml} is no longer usable.
     */
    Plan reread(Path file, PrintWriter err) {
        CourseConfig config = config(contentDir, courseFolder, err);
        return config == null ? null : Planner.plan(LessonFiles.read(file, LessonFiles.courseRoot(file, courseFolder)), config);
    }

    /**
     * The course a site shows: the folder named on the command line (else the folder holding every
     * lesson) and its root document ({@code root}, else its {@code index}).
     */
    SiteModel.Layout layout(String root) {
        return courseFolder == null && root == null ? SiteModel.Layout.of(plans)
                : SiteModel.Layout.of(courseFolder == null ? SiteModel.Layout.of(plans).folder() : courseFolder, root, plans);
    }

    /**
     * The course's {@code docproof.yml}: the nearest above the first lesson found, up to the working folder when the
     * lesson is inside it, else up to the folder named on the command line that holds it; NONE when there is none;
     * null after saying why it is unusable.
     */
    static CourseConfig config(LessonFiles.Discovery found, PrintWriter err) {
        Path first = found.files().get(0);
        Path parent = first.toAbsolutePath().getParent();
        return config(parent == null ? Path.of("") : parent, found.folderOf(first), err);
    }

    private static CourseConfig config(Path folder, Path namedFolder, PrintWriter err) {
        Path here = Path.of("").toAbsolutePath();
        Path top = folder.toAbsolutePath().startsWith(here) || namedFolder == null ? here : namedFolder;
        Optional<Path> file = CourseConfigFile.find(folder, top);
        if (file.isEmpty()) {
            return CourseConfig.NONE;
        }
        CourseConfigFile.Result read = CourseConfigFile.read(file.get());
        read.diagnostics().forEach(d -> err.println("docproof: " + d));
        return read.diagnostics().isEmpty() ? read.config() : null;
    }

    /** Prints what the readers said of every lesson, as {@code file:line:column: severity: message}. */
    void printDiagnostics(PrintWriter err) {
        plans.forEach(p -> p.diagnostics().forEach(err::println));
    }
}
