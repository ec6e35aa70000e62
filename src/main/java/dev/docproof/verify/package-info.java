/**
 * Whether a step's actual output agrees with the output its lesson documents.
 *
 * <p>The matching language of a documented sample: a line that is exactly {@code ...} stands for any number
 * of actual lines (none included); {@code ...} inside a line for any text; a {@code <placeholder>} for any
 * text within its line; runs of two or more blanks for any column padding; volatile values
 * ({@link dev.docproof.verify.Volatile}: addresses, ids, timestamps, durations, sizes, progress meters) for any
 * value of their kind, reported as drift. Both sides are read as a terminal displays them
 * ({@link dev.docproof.verify.TerminalText}). {@link dev.docproof.verify.Matcher} is the entry point.
 */
package dev.docproof.verify;
