package org.earchive.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.List;
import java.util.Map;

/**
 * Each third-party library is imported in one package, its wrapper, which the rest of the code sees through a port:
 * swapping an engine, or injecting a fault into it, touches one place.
 */
@AnalyzeClasses(packages = "org.earchive", importOptions = ImportOption.DoNotIncludeTests.class)
class LibraryTest {
    /** The PDF/A kit: the PDF/A rules (XMP, output intent, fonts) and veraPDF, shared by the station and the server. */
    private static final String PDFA_KIT = "org.earchive.pdfa..";

    /** PDFBox: the kit, and one package per program for what only it does (the station builds pages, the server renders them). */
    private static final List<String> PDFBOX = List.of(
            PDFA_KIT, "org.earchive.capture.infrastructure.pdfbox..", "org.earchive.archive.infrastructure.pdfbox..");

    /**
     * A library's packages and the one package (with its sub-packages) allowed to use it, one per program where both the
     * capture station and the server need the library: ZXing (the station reads codes, the web module draws the
     * receipt's QR code) and Tika (the station triages its inputs, the server identifies every upload's format).
     */
    static final Map<String, List<String>> WRAPPERS = Map.ofEntries(
            Map.entry("io.minio..", List.of("org.earchive.storage.minio..")),
            Map.entry("org.verapdf..", List.of(PDFA_KIT)),
            Map.entry("org.apache.pdfbox..", PDFBOX),
            Map.entry("org.apache.xmpbox..", PDFBOX),
            Map.entry("org.apache.fontbox..", PDFBOX),
            Map.entry("org.bouncycastle..", List.of("org.earchive.storage.crypto..")),
            Map.entry("org.apache.lucene..", List.of("org.earchive.archive.infrastructure.search.lucene..")),
            Map.entry("org.apache.solr..", List.of("org.earchive.archive.infrastructure.search.solr..")),
            Map.entry(
                    "org.apache.tika..",
                    List.of(
                            "org.earchive.capture.infrastructure.tika..",
                            "org.earchive.archive.infrastructure.tika..")),
            Map.entry("org.apache.poi..", List.of("org.earchive.web.xlsx..")),
            Map.entry("org.flywaydb..", List.of("org.earchive.archive.infrastructure.persistence.migration..")),
            Map.entry("org.h2..", List.of("org.earchive.archive.infrastructure.persistence")),
            Map.entry("org.postgresql..", List.of("org.earchive.archive.infrastructure.persistence")),
            Map.entry("org.opencv..", List.of("org.earchive.capture.infrastructure.opencv..")),
            Map.entry("net.sourceforge.tess4j..", List.of("org.earchive.capture.infrastructure.tess4j..")),
            Map.entry("com.sun.jna..", List.of("org.earchive.capture.infrastructure.tess4j..")),
            Map.entry("au.com.southsky..", List.of("org.earchive.capture.infrastructure.sane..")),
            Map.entry(
                    "com.google.zxing..",
                    List.of("org.earchive.capture.infrastructure.zxing..", "org.earchive.web.qr..")));

    @ArchTest
    static final ArchRule eachLibraryInOnePackage = CompositeArchRule.of(WRAPPERS.entrySet().stream()
            .map(e -> noClasses()
                    .that()
                    .resideOutsideOfPackages(e.getValue().toArray(String[]::new))
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage(e.getKey())
                    .as(e.getKey() + " is used only in " + e.getValue())
                    .allowEmptyShould(true))
            .map(ArchRule.class::cast)
            .toList());
}
