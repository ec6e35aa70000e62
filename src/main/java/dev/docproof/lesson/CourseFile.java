package dev.docproof.lesson;

import java.nio.file.Path;

/**
 * A file or folder the course ships that a lesson's working folder holds before its first step, as if the learner
 * had the course's files at hand ({@code files:} in {@code docproof.yml}).
 *
 * @param source where it is on this machine
 * @param target where it goes, relative to the working folder ({@code .}: a folder's content into the folder itself)
 */
public record CourseFile(Path source, String target) {}
