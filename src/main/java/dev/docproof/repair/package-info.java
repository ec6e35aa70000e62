/**
 * Repairs what the evidence proves, and writes it back.
 *
 * <ul>
 *   <li>{@link dev.docproof.repair.GapRepair}: a failed step's missing Docker argument, filled from what the
 *       lesson itself created and still had ({@code CommandShape} says which kind each command needs).</li>
 *   <li>{@link dev.docproof.repair.SourcePatch}: rewrites only the affected lines of a lesson, byte for byte
 *       elsewhere, and refuses when the file changed since the run; unified diffs for dry runs.</li>
 *   <li>{@link dev.docproof.repair.SampleUpdate} with {@link dev.docproof.repair.SampleAlignment}: a documented
 *       output sample brought in line with the actual output, keeping elisions, placeholders and volatile
 *       values wherever their lines still match ({@link dev.docproof.repair.LineMatch}).</li>
 * </ul>
 * Everything here is pure: values in, values out.
 */
package dev.docproof.repair;
