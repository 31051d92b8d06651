package org.earchive.capture.infrastructure.imageio;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/** A scanned page as the original the archive keeps: a lossless (LZW) TIFF that states its resolution. */
public final class TiffPage {
    private TiffPage() {}

    public static byte[] encode(BufferedImage page, int dpi) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = lzw(writer);
            writer.write(null, new IIOImage(page, null, resolution(writer, page, param, dpi)), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** Lossless LZW compression for a TIFF writer. */
    public static ImageWriteParam lzw(ImageWriter writer) {
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionType("LZW");
        return param;
    }

    /** A page's image metadata stating its resolution, which the pipeline reads back as the scan's DPI. */
    public static IIOMetadata resolution(ImageWriter writer, BufferedImage page, ImageWriteParam param, int dpi)
            throws IOException {
        IIOMetadata md = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(page), param);
        IIOMetadataNode root = new IIOMetadataNode("javax_imageio_1.0");
        IIOMetadataNode dim = new IIOMetadataNode("Dimension");
        for (String axis : new String[] {"HorizontalPixelSize", "VerticalPixelSize"}) {
            IIOMetadataNode n = new IIOMetadataNode(axis);
            n.setAttribute("value", Double.toString(25.4 / dpi));
            dim.appendChild(n);
        }
        root.appendChild(dim);
        md.mergeTree("javax_imageio_1.0", root);
        return md;
    }
}
