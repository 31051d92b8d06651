package org.earchive.capture.pipeline;

import java.util.List;
import org.earchive.capture.pipeline.port.ImageCleaner.Appearance;
import org.earchive.capture.pipeline.port.OcrEngine.Word;

/**
 * A cleaned page ready for the PDF/A: the image to keep (bitonal, grey or colour, as its appearance requires) and the
 * words of its invisible text layer in that image's pixel coordinates.
 */
public record ArchivalPage(PageRaster image, Appearance appearance, List<Word> words) {}
