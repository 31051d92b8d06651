import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes a 300 dpi A4 grey TIFF of a short Chinese form, as a counter scanner would: a sample for the launcher tests
 * and for trying ./earchive capture by hand. Usage: java scripts/make-scan.java OUT.tif [title]
 */
public class MakeScan {
  public static void main(String[] args) throws Exception {
    BufferedImage page = new BufferedImage(2480, 3508, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = page.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, page.getWidth(), page.getHeight());
    g.setColor(Color.BLACK);
    Font font = Font.createFont(Font.TRUETYPE_FONT, new File("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"));
    g.setFont(font.deriveFont(84f));
    g.drawString(args.length > 1 ? args[1] : "社会保险参保登记表", 700, 330);
    g.setFont(font.deriveFont(50f));
    String[] lines = {"姓名 王芳", "公民身份号码 11010519491231002X", "申请人承诺所填写的内容真实有效。",
        "参保单位应当自用工之日起三十日内为职工办理社会保险登记。"};
    for (int i = 0; i < lines.length; i++) {
      g.drawString(lines[i], 250, 600 + i * 110);
    }
    g.dispose();
    ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(new File(args[0]))) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionType("LZW");
      IIOMetadata md = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(page), param);
      IIOMetadataNode root = new IIOMetadataNode("javax_imageio_1.0");
      IIOMetadataNode dim = new IIOMetadataNode("Dimension");
      for (String axis : new String[] {"HorizontalPixelSize", "VerticalPixelSize"}) {
        IIOMetadataNode n = new IIOMetadataNode(axis);
        n.setAttribute("value", Double.toString(25.4 / 300));
        dim.appendChild(n);
      }
      root.appendChild(dim);
      md.mergeTree("javax_imageio_1.0", root);
      writer.write(null, new IIOImage(page, null, md), param);
    }
  }
}
