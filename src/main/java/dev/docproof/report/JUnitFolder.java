package dev.docproof.report;

import dev.docproof.run.Shard;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A {@code --junit} folder that earlier runs may have written into too (a CI workspace kept between builds, a
 * developer's {@code target/junit}): which of its reports are docproof's own, and which of those a run makes stale.
 */
final class JUnitFolder {

    /** The suite property that marks a report as docproof's and names the run that wrote it. */
    static final String RUN_PROPERTY = "docproof.run";

    private static final String WHOLE_COURSE = "whole course";
    private static final String SHARD = "shard ";
    private static final Pattern REPORT_NAME = Pattern.compile("TEST-.*\\.xml");

    private JUnitFolder() {}

    /** {@code whole course}, or {@code shard 2/4}: the value of {@link #RUN_PROPERTY} in the reports of a run. */
    static String runName(Shard shard) {
        return shard == null ? WHOLE_COURSE : SHARD + shard;
    }

    /**
     * Removes the reports in {@code dir} that docproof wrote before and {@code written} does not replace: those of
     * lessons since removed or renamed, or that another run's share of the course held. Only a {@code TEST-*.xml}
     * file whose suite carries {@link #RUN_PROPERTY} is docproof's; any other file (another tool's report, a link,
     * what cannot be read as a suite) stays. So does a report another shard of the same split wrote: the shards may
     * share one folder, each writing its own lessons.
     */
    static void removeStale(Path dir, Shard shard, List<Path> written) throws IOException {
        Set<Path> replaced = new HashSet<>(written);
        List<Path> others;
        try (Stream<Path> files = Files.list(dir)) {
            others = files.filter(f -> !replaced.contains(f) && REPORT_NAME.matcher(f.getFileName().toString()).matches()
                    && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).toList();
        }
        for (Path file : others) {
            Optional<String> run = writtenBy(file);
            if (run.isPresent() && !anotherShardOfTheSplit(run.get(), shard)) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static boolean anotherShardOfTheSplit(String run, Shard shard) {
        if (shard == null || !run.startsWith(SHARD)) {
            return false;
        }
        return Shard.parse(run.substring(SHARD.length()))
                .filter(other -> other.count() == shard.count() && other.index() != shard.index()).isPresent();
    }

    /** The run that wrote {@code file}, read from its suite's properties; empty when it is no report of docproof's. */
    private static Optional<String> writtenBy(Path file) throws IOException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            boolean root = true;
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String element = xml.getLocalName();
                if (root && !element.equals("testsuite") || element.equals("testcase")) {
                    return Optional.empty();
                }
                root = false;
                if (element.equals("property") && RUN_PROPERTY.equals(xml.getAttributeValue(null, "name"))) {
                    return Optional.ofNullable(xml.getAttributeValue(null, "value"));
                }
            }
            return Optional.empty();
        } catch (XMLStreamException notXml) {
            // Not a report docproof wrote (docproof writes well-formed XML): someone else's file, left as it is.
            return Optional.empty();
        }
    }
}
