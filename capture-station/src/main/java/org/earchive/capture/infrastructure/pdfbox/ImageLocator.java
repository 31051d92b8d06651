package org.earchive.capture.infrastructure.pdfbox;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.contentstream.PDFStreamEngine;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.OperatorName;
import org.apache.pdfbox.contentstream.operator.state.Concatenate;
import org.apache.pdfbox.contentstream.operator.state.Restore;
import org.apache.pdfbox.contentstream.operator.state.Save;
import org.apache.pdfbox.contentstream.operator.state.SetGraphicsStateParameters;
import org.apache.pdfbox.contentstream.operator.state.SetMatrix;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.color.PDColorSpace;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDInlineImage;
import org.apache.pdfbox.util.Matrix;

/**
 * Walks a page's content (without decoding any image) to find where each image is drawn and at what size, which gives
 * a scan's real resolution.
 */
final class ImageLocator extends PDFStreamEngine {
    private final PDPage page;
    private final List<Placed> placed = new ArrayList<>();

    ImageLocator(PDPage page) {
        this.page = page;
        addOperator(new Concatenate(this));
        addOperator(new SetGraphicsStateParameters(this));
        addOperator(new Save(this));
        addOperator(new Restore(this));
        addOperator(new SetMatrix(this));
    }

    void locate() throws IOException {
        processPage(page);
    }

    List<Placed> placed() {
        return placed;
    }

    /** The image drawn over the largest area, or null. */
    Placed largest() {
        Placed best = null;
        for (Placed p : placed) {
            if (best == null || p.area() > best.area()) {
                best = p;
            }
        }
        return best;
    }

    @Override
    protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
        String name = operator.getName();
        if (OperatorName.DRAW_OBJECT.equals(name) && !operands.isEmpty() && operands.get(0) instanceof COSName n) {
            PDXObject x = getResources().getXObject(n);
            if (x instanceof PDImageXObject image) {
                record(image);
            } else if (x instanceof PDFormXObject form) {
                showForm(form);
            }
        } else if (OperatorName.BEGIN_INLINE_IMAGE.equals(name) && operator.getImageParameters() != null) {
            record(new PDInlineImage(operator.getImageParameters(), operator.getImageData(), getResources()));
        } else {
            super.processOperator(operator, operands);
        }
    }

    private void record(PDImage image) throws IOException {
        Matrix ctm = getGraphicsState().getCurrentTransformationMatrix();
        double width = Math.abs(ctm.getScalingFactorX());
        double height = Math.abs(ctm.getScalingFactorY());
        // the scaling factors are the lengths of the image's own axes on the page, turned or not
        int px = image.getWidth();
        int py = image.getHeight();
        boolean colour = false;
        try {
            PDColorSpace cs = image.isStencil() ? null : image.getColorSpace();
            colour = cs != null && cs.getNumberOfComponents() >= 3;
        } catch (IOException | RuntimeException e) {
            colour = true; // unknown colour space: render in colour, to be safe
        }
        if (width < 1 || height < 1) {
            return;
        }
        boolean upright = ctm.getShearX() == 0 && ctm.getShearY() == 0 && ctm.getScaleX() > 0 && ctm.getScaleY() > 0;
        placed.add(new Placed(px, py, width, height, colour, upright, image));
    }

    /** An image as drawn: its pixels and the length in points of its own x and y axes on the page. */
    record Placed(
            int pixelWidth,
            int pixelHeight,
            double pointsWide,
            double pointsHigh,
            boolean colour,
            boolean upright,
            PDImage image) {
        double area() {
            return pointsWide * pointsHigh;
        }

        double xDpi() {
            return pixelWidth / (pointsWide / 72.0);
        }

        double yDpi() {
            return pixelHeight / (pointsHigh / 72.0);
        }
    }
}
