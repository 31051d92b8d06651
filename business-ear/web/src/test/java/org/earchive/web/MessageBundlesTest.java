package org.earchive.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every text of the pages is in both resource bundles: Chinese first, English complete, no key missing. */
class MessageBundlesTest {
    static final Path WEBAPP = Path.of("src/main/webapp");

    static Set<String> keys(Path bundle) throws Exception {
        Set<String> keys = new TreeSet<>();
        Matcher m = Pattern.compile("^\\s*\"([^\"]+)\"\\s*:", Pattern.MULTILINE).matcher(Files.readString(bundle));
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }

    @Test
    void bothBundlesHaveTheSameKeysAndEveryKeyThePagesUse() throws Exception {
        Set<String> zh = keys(WEBAPP.resolve("i18n/messages_zh-CN.json"));
        Set<String> en = keys(WEBAPP.resolve("i18n/messages_en.json"));
        assertEquals(zh, en, "the English bundle has exactly the Chinese one's keys");
        Set<String> used = new TreeSet<>();
        Pattern literal = Pattern.compile("\\bt\\('([a-zA-Z.]+[a-zA-Z])'[,)]");
        Pattern attribute = Pattern.compile("data-i18n=\"([a-zA-Z.]+)\"");
        try (Stream<Path> files = Files.walk(WEBAPP)) {
            for (Path f : files.filter(
                            p -> p.toString().endsWith(".js") || p.toString().endsWith(".html"))
                    .toList()) {
                String source = Files.readString(f);
                for (Pattern p : new Pattern[] {literal, attribute}) {
                    Matcher m = p.matcher(source);
                    while (m.find()) {
                        used.add(m.group(1));
                    }
                }
            }
        }
        assertTrue(used.size() > 100, "the pages' texts were found: " + used.size());
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(zh);
        assertTrue(missing.isEmpty(), "texts missing from the bundles: " + missing);
    }

    /**
     * The keys the pages build from a code ({@code t('status.' + c.status)}): every value the API can send has its text
     * in both languages, so no screen shows a raw key such as {@code channel.TRANSFER}.
     */
    @Test
    void everyCodeThePagesTranslateHasItsTextInBothLanguages() throws Exception {
        Set<String> needed = new TreeSet<>();
        for (var s : org.earchive.archive.domain.model.cases.CaseStatus.values()) {
            needed.add("status." + s.name());
        }
        for (var c : org.earchive.archive.domain.model.cases.Channel.values()) {
            needed.add("channel." + c.name());
        }
        for (var r : org.earchive.archive.domain.model.catalogue.Retention.values()) {
            needed.add("retention." + r.name());
        }
        for (var d : org.earchive.archive.domain.model.transfer.TransferEntry.Direction.values()) {
            needed.add("transfer.direction." + d.name());
        }
        for (var o : org.earchive.archive.domain.model.transfer.TransferEntry.Outcome.values()) {
            needed.add("transfer.outcome." + o.name());
        }
        for (String o : new String[] {"LISTED", "DESTROYED", "SKIPPED"}) {
            needed.add("disposal.outcome." + o);
        }
        for (String g : new String[] {"businessType", "hall", "channel", "reviewer", "day", "none"}) {
            needed.add("stat.group." + g);
        }
        for (String bundle : new String[] {"i18n/messages_zh-CN.json", "i18n/messages_en.json"}) {
            Set<String> missing = new TreeSet<>(needed);
            missing.removeAll(keys(WEBAPP.resolve(bundle)));
            assertTrue(missing.isEmpty(), bundle + " lacks " + missing);
        }
    }

    @Test
    void noPageLoadsAScriptOrStyleFromAnotherSite() throws Exception {
        try (Stream<Path> files = Files.walk(WEBAPP)) {
            for (Path f : files.filter(
                            p -> p.toString().endsWith(".js") || p.toString().endsWith(".html"))
                    .toList()) {
                String source = Files.readString(f);
                assertTrue(!source.matches("(?s).*(src|href)=\"https?://.*"), f + " loads something from another site");
            }
        }
    }
}
