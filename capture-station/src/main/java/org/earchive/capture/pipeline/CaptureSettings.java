package org.earchive.capture.pipeline;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;

/**
 * The pipeline's settings, one typed object. Read from system properties and the environment by
 * {@link #fromEnvironment()}: {@code EARCHIVE_OCR_LANG} (default chi_sim), {@code EARCHIVE_OCR_PSM} (default 4),
 * {@code EARCHIVE_OCR_ADAPTIVE} (default true), {@code EARCHIVE_TESSDATA}, {@code EARCHIVE_CAPTURE_FONT},
 * {@code EARCHIVE_CAPTURE_WORKERS}, {@code EARCHIVE_STATION}, {@code EARCHIVE_OPERATOR}.
 *
 * @param adaptiveOcrResolution read ordinary print at the resolution OCR likes best (about 200 dpi), small print at
 *     full resolution; false reads every page at its scan resolution
 * @param blankCoverage a page with less ink than this share of its area is blank
 * @param orientationConfidence the orientation detector's score above which a page is turned
 */
public record CaptureSettings(
        String language,
        int pageSegmentation,
        boolean adaptiveOcrResolution,
        String tessdata,
        Path fontFile,
        int workers,
        CaptureLimits limits,
        double blankCoverage,
        float orientationConfidence,
        String station,
        String operator) {

    public static CaptureSettings fromEnvironment() {
        return new CaptureSettings(
                value("earchive.ocr.lang", "EARCHIVE_OCR_LANG", "chi_sim"),
                // one column of text of varying sizes: reads form titles the automatic layout (3) drops; compare with
                // EARCHIVE_OCR_PSM=3 ./earchive bench capture
                Integer.parseInt(value("earchive.ocr.psm", "EARCHIVE_OCR_PSM", "4")),
                Boolean.parseBoolean(value("earchive.ocr.adaptive", "EARCHIVE_OCR_ADAPTIVE", "true")),
                value("earchive.tessdata", "EARCHIVE_TESSDATA", "/usr/share/tesseract-ocr/5/tessdata"),
                Path.of(value(
                        "earchive.capture.font",
                        "EARCHIVE_CAPTURE_FONT",
                        "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")),
                Integer.parseInt(value(
                        "earchive.capture.workers",
                        "EARCHIVE_CAPTURE_WORKERS",
                        String.valueOf(Math.max(1, Runtime.getRuntime().availableProcessors())))),
                CaptureLimits.defaults(),
                0.0002,
                1.5f,
                value("earchive.station", "EARCHIVE_STATION", hostName()),
                value("earchive.operator", "EARCHIVE_OPERATOR", System.getProperty("user.name")));
    }

    public CaptureSettings withLanguage(String lang) {
        return new CaptureSettings(
                lang,
                pageSegmentation,
                adaptiveOcrResolution,
                tessdata,
                fontFile,
                workers,
                limits,
                blankCoverage,
                orientationConfidence,
                station,
                operator);
    }

    public CaptureSettings withPageSegmentation(int psm) {
        return new CaptureSettings(
                language,
                psm,
                adaptiveOcrResolution,
                tessdata,
                fontFile,
                workers,
                limits,
                blankCoverage,
                orientationConfidence,
                station,
                operator);
    }

    public CaptureSettings withAdaptiveOcrResolution(boolean adaptive) {
        return new CaptureSettings(
                language,
                pageSegmentation,
                adaptive,
                tessdata,
                fontFile,
                workers,
                limits,
                blankCoverage,
                orientationConfidence,
                station,
                operator);
    }

    public CaptureSettings withWorkers(int n) {
        return new CaptureSettings(
                language,
                pageSegmentation,
                adaptiveOcrResolution,
                tessdata,
                fontFile,
                n,
                limits,
                blankCoverage,
                orientationConfidence,
                station,
                operator);
    }

    private static String value(String property, String env, String fallback) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            v = System.getenv(env);
        }
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "station";
        }
    }
}
