package org.earchive.capture.testing;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageOutputStream;
import org.earchive.capture.infrastructure.imageio.TiffPage;

/**
 * Synthetic 300 dpi scans of Chinese social-insurance forms with known text: the ground truth for OCR accuracy, and
 * controlled defects (skew, upside-down feed, red seal, specks, a photographed sheet). Deterministic for a seed.
 */
public final class FormScans {
    public static final int DPI = 300;
    private static final int WIDTH = 2480;
    private static final int HEIGHT = 3508;
    private static final String[] TITLES = {"社会保险参保登记表", "基本养老保险待遇申领表", "养老保险关系转移接续申请表", "一次性待遇领取申请表", "社会保险费补缴申请表"};
    private static final String[] LINES = {
        "申请人承诺所填写的内容真实有效，如有虚假愿承担法律责任。",
        "参保单位应当自用工之日起三十日内为职工办理社会保险登记。",
        "职工基本养老保险个人账户储存额按国家规定计息。",
        "本人已阅读并知晓基本养老金计发办法和领取条件。",
        "经办机构应当在受理之日起十五个工作日内办结。",
        "缴费年限累计满十五年的，按月领取基本养老金。",
        "申请材料不齐全的，经办机构一次性告知需要补正的全部内容。",
        "参保人员跨统筹地区流动就业的，养老保险关系随同转移。",
        "补缴社会保险费应当提供劳动关系存续期间的相关证明材料。",
        "死亡人员的遗属可以领取丧葬补助金和抚恤金。",
        "个人缴费基数按本人上年度月平均工资确定。",
        "视同缴费年限由经办机构根据人事档案审核认定。"
    };
    private static final String[] NAMES = {"张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "赵敏", "黄强"};

    private FormScans() {}

    /** A page and the text a reader must find on it, line by line, with each drawn string's ink box. */
    public record Scan(BufferedImage image, String truth, List<TruthWord> words) {
        public Scan(BufferedImage image, String truth) {
            this(image, truth, List.of());
        }
    }

    /** A string as drawn on the page and the box its ink covers, in page pixels. */
    public record TruthWord(String text, int left, int top, int right, int bottom) {}

    /** Draws {@code text} with its baseline at ({@code x}, {@code y}) and records where its ink went. */
    private static void draw(Graphics2D g, String text, int x, int y, List<TruthWord> words) {
        g.drawString(text, x, y);
        java.awt.Rectangle ink = g.getFont()
                .createGlyphVector(g.getFontRenderContext(), text)
                .getPixelBounds(g.getFontRenderContext(), x, y);
        words.add(new TruthWord(text, ink.x, ink.y, ink.x + ink.width, ink.y + ink.height));
    }

    public static Font font(float size) {
        try {
            return Font.createFont(Font.TRUETYPE_FONT, new File("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"))
                    .deriveFont(size);
        } catch (FontFormatException | IOException e) {
            throw new IllegalStateException("install fonts-wqy-zenhei", e);
        }
    }

    /** A clean form page: title, labelled fields in a table, eight lines of body text. */
    public static Scan form(long seed, boolean redSeal) {
        Random random = new Random(seed);
        BufferedImage page = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = page.createGraphics();
        StringBuilder truth = new StringBuilder();
        List<TruthWord> words = new ArrayList<>();
        title(g, TITLES[random.nextInt(TITLES.length)], truth, words);
        String name = NAMES[random.nextInt(NAMES.length)];
        String first17 = String.format(
                "110101%04d%02d%02d%03d",
                1950 + random.nextInt(50), 1 + random.nextInt(12), 1 + random.nextInt(28), random.nextInt(1000));
        random.nextInt(10); // was the last digit: the draws after it stay as they were for every seed
        String id = first17 + checkCharacter(first17);
        String[][] fields = {
            {"姓名", name},
            {"公民身份号码", id},
            {"联系电话", "138" + (10000000 + random.nextInt(89999999))},
            {"申请日期", "2026年" + (1 + random.nextInt(12)) + "月" + (1 + random.nextInt(28)) + "日"}
        };
        return page(g, page, truth, words, fields, random, redSeal);
    }

    private static final String[] EMPLOYERS = {
        "北京华信科技有限公司", "深圳鹏程物流有限公司", "上海明达建筑工程有限公司", "广州嘉禾餐饮管理有限公司", "成都蜀山机械制造有限公司"
    };

    /**
     * An employer's registration form: the company's name and its unified social credit code (GB 32100, with a valid
     * check character), the person handling it and the date.
     */
    public static Scan employerForm(long seed) {
        Random random = new Random(seed);
        BufferedImage page = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = page.createGraphics();
        StringBuilder truth = new StringBuilder();
        List<TruthWord> words = new ArrayList<>();
        title(g, "用人单位社会保险登记表", truth, words);
        String[][] fields = {
            {"单位名称", EMPLOYERS[random.nextInt(EMPLOYERS.length)]},
            {"统一社会信用代码", creditCode(random)},
            {"经办人", NAMES[random.nextInt(NAMES.length)]},
            {"申请日期", "2026年" + (1 + random.nextInt(12)) + "月" + (1 + random.nextInt(28)) + "日"}
        };
        return page(g, page, truth, words, fields, random, false);
    }

    /** The credit code written on an employer form. */
    public static String creditCode(Scan scan) {
        return scan.truth()
                .lines()
                .filter(l -> l.startsWith("统一社会信用代码"))
                .findFirst()
                .orElseThrow()
                .substring("统一社会信用代码".length());
    }

    private static final String CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] CREDIT_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    /** A unified social credit code: 9 (enterprise), 1, an area, nine organisation characters, the MOD 31 check. */
    private static String creditCode(Random random) {
        String[] areas = {"110105", "440305", "310115", "440106", "510104"};
        StringBuilder code = new StringBuilder("91").append(areas[random.nextInt(areas.length)]);
        for (int i = 0; i < 9; i++) {
            // letters are rarer than digits in real organisation codes
            code.append(
                    random.nextInt(4) == 0
                            ? CREDIT_ALPHABET.charAt(10 + random.nextInt(CREDIT_ALPHABET.length() - 10))
                            : (char) ('0' + random.nextInt(10)));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CREDIT_ALPHABET.indexOf(code.charAt(i)) * CREDIT_WEIGHTS[i];
        }
        return code.append(CREDIT_ALPHABET.charAt((31 - sum % 31) % 31)).toString();
    }

    /** A white page with its title centred at the top; the pen left black at the fields' size. */
    private static void title(Graphics2D g, String title, StringBuilder truth, List<TruthWord> words) {
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(Color.BLACK);
        g.setFont(font(84f));
        draw(g, title, (WIDTH - g.getFontMetrics().stringWidth(title)) / 2, 330, words);
        truth.append(title).append('\n');
        g.setFont(font(50f));
    }

    /** The labelled fields in a table, then eight lines of body text and the seal if any. */
    private static Scan page(
            Graphics2D g,
            BufferedImage page,
            StringBuilder truth,
            List<TruthWord> words,
            String[][] fields,
            Random random,
            boolean redSeal) {
        int top = 480, rowHeight = 110, left = 250, split = 900, right = WIDTH - 250;
        g.setStroke(new BasicStroke(4f));
        for (int i = 0; i < fields.length; i++) {
            int y = top + i * rowHeight;
            g.drawRect(left, y, right - left, rowHeight);
            g.drawLine(split, y, split, y + rowHeight);
            draw(g, fields[i][0], left + 30, y + 75, words);
            draw(g, fields[i][1], split + 30, y + 75, words);
            truth.append(fields[i][0]).append(fields[i][1]).append('\n');
        }
        int y = top + fields.length * rowHeight + 160;
        for (int i = 0; i < 8; i++) {
            String line = LINES[random.nextInt(LINES.length)];
            draw(g, line, left, y, words);
            truth.append(line).append('\n');
            y += 95;
        }
        if (redSeal) {
            drawSeal(g, WIDTH - 850, y + 100);
        }
        g.dispose();
        return new Scan(page, truth.toString(), List.copyOf(words));
    }

    /** The GB 11643 check character of a citizen ID's first 17 digits (an ID on a real form always has the right one). */
    public static char checkCharacter(String first17) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return "10X98765432".charAt(sum % 11);
    }

    /** The citizen ID written on the form (its truth's 公民身份号码 line). */
    public static String citizenId(Scan scan) {
        return scan.truth()
                .lines()
                .filter(l -> l.startsWith("公民身份号码"))
                .findFirst()
                .orElseThrow()
                .substring("公民身份号码".length());
    }

    /** The application date written on the form, as yyyy-MM-dd. */
    public static String applicationDate(Scan scan) {
        String line = scan.truth()
                .lines()
                .filter(l -> l.startsWith("申请日期"))
                .findFirst()
                .orElseThrow();
        var m = java.util.regex.Pattern.compile("(\\d{4})年(\\d{1,2})月(\\d{1,2})日")
                .matcher(line);
        if (!m.find()) {
            throw new IllegalStateException(line);
        }
        return java.time.LocalDate.of(
                        Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))
                .toString();
    }

    /** The applicant's name written on the form. */
    public static String name(Scan scan) {
        return scan.truth()
                .lines()
                .filter(l -> l.startsWith("姓名"))
                .findFirst()
                .orElseThrow()
                .substring(2);
    }

    /** A round red official seal (公章): ring, star and arc text — colour that the archive must keep. */
    private static void drawSeal(Graphics2D g, int x, int y) {
        g.setColor(new Color(220, 30, 40));
        g.setStroke(new BasicStroke(14f));
        g.drawOval(x, y, 480, 480);
        g.setFont(font(60f));
        String text = "社会保险事业管理中心";
        for (int i = 0; i < text.length(); i++) {
            double angle = Math.toRadians(-150 + i * 300.0 / (text.length() - 1));
            AffineTransform saved = g.getTransform();
            g.translate(x + 240 + Math.cos(angle - Math.PI / 2) * 180, y + 240 + Math.sin(angle - Math.PI / 2) * 180);
            g.rotate(angle);
            g.drawString(String.valueOf(text.charAt(i)), -30, 20);
            g.setTransform(saved);
        }
        g.fillPolygon(star(x + 240, y + 240, 70, 28));
    }

    private static Polygon star(int cx, int cy, int outer, int inner) {
        Polygon p = new Polygon();
        for (int i = 0; i < 10; i++) {
            double a = Math.PI / 2 + i * Math.PI / 5;
            int r = i % 2 == 0 ? outer : inner;
            p.addPoint((int) (cx + r * Math.cos(a)), (int) (cy - r * Math.sin(a)));
        }
        return p;
    }

    /** An empty sheet with a little scanner dust: the back of a one-sided form in a duplex scan. */
    public static BufferedImage blank(long seed) {
        Random random = new Random(seed);
        BufferedImage page = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        g.setColor(new Color(246, 246, 246));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(Color.DARK_GRAY);
        for (int i = 0; i < 40; i++) {
            g.fillRect(random.nextInt(WIDTH), random.nextInt(HEIGHT), 1 + random.nextInt(2), 1 + random.nextInt(2));
        }
        g.dispose();
        return page;
    }

    /** A cover sheet with a QR code carrying {@code text}, and its human-readable line. */
    public static BufferedImage coverSheet(String text) {
        BufferedImage page = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        try {
            BitMatrix m = new QRCodeWriter()
                    .encode(
                            text,
                            BarcodeFormat.QR_CODE,
                            900,
                            900,
                            Map.of(EncodeHintType.CHARACTER_SET, "UTF-8", EncodeHintType.MARGIN, 2));
            g.drawImage(MatrixToImageWriter.toBufferedImage(m), (WIDTH - 900) / 2, 700, null);
        } catch (WriterException e) {
            throw new IllegalStateException(e);
        }
        g.setColor(Color.BLACK);
        g.setFont(font(70f));
        g.drawString("材料封面 " + text, 250, 400);
        g.dispose();
        return page;
    }

    /** Turns a page by {@code degrees} (counter-clockwise as seen), on white, keeping the page size. */
    public static BufferedImage skew(BufferedImage page, double degrees) {
        BufferedImage out = new BufferedImage(page.getWidth(), page.getHeight(), page.getType());
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.rotate(Math.toRadians(-degrees), page.getWidth() / 2.0, page.getHeight() / 2.0);
        g.drawImage(page, 0, 0, null);
        g.dispose();
        return out;
    }

    /** The page fed sideways: turned a quarter clockwise. */
    public static BufferedImage sideways(BufferedImage page) {
        BufferedImage out = new BufferedImage(page.getHeight(), page.getWidth(), page.getType());
        Graphics2D g = out.createGraphics();
        g.translate(page.getHeight(), 0);
        g.rotate(Math.PI / 2);
        g.drawImage(page, 0, 0, null);
        g.dispose();
        return out;
    }

    /** The page fed upside down. */
    public static BufferedImage upsideDown(BufferedImage page) {
        BufferedImage out = new BufferedImage(page.getWidth(), page.getHeight(), page.getType());
        Graphics2D g = out.createGraphics();
        g.rotate(Math.PI, page.getWidth() / 2.0, page.getHeight() / 2.0);
        g.drawImage(page, 0, 0, null);
        g.dispose();
        return out;
    }

    /**
     * The sheet as a phone or document camera sees it: smaller, in perspective, on a dark desk, lit from one side.
     */
    public static BufferedImage photographed(BufferedImage page) {
        int w = 3000, h = 4000;
        BufferedImage photo = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = photo.createGraphics();
        g.setColor(new Color(60, 50, 45));
        g.fillRect(0, 0, w, h);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        // a mild keystone: the top edge narrower than the bottom, the sheet a little turned
        double[] src = {0, 0, page.getWidth(), 0, page.getWidth(), page.getHeight(), 0, page.getHeight()};
        double[] dst = {420, 330, 2560, 280, 2760, 3720, 230, 3650};
        BufferedImage warped = Perspective.warp(page, src, dst, w, h);
        g.drawImage(warped, 0, 0, null);
        g.dispose();
        // uneven light: darker towards the right
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = photo.getRGB(x, y);
                double f = 1.0 - 0.35 * x / w;
                int r = (int) (((rgb >> 16) & 0xff) * f),
                        gr = (int) (((rgb >> 8) & 0xff) * f),
                        b = (int) ((rgb & 0xff) * f);
                photo.setRGB(x, y, (r << 16) | (gr << 8) | b);
            }
        }
        return photo;
    }

    /** Writes pages as a multi-page TIFF with its resolution, as a scanner does (LZW; colour pages stay colour). */
    public static Path tiff(Path file, List<BufferedImage> pages, int dpi) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (BufferedImage page : pages) {
                ImageWriteParam param = TiffPage.lzw(writer);
                IIOMetadata md = TiffPage.resolution(writer, page, param, dpi);
                writer.writeToSequence(new IIOImage(page, null, md), param);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return file;
    }

    /** Character error rate: edit distance over the truth's length, whitespace ignored on both sides. */
    public static double characterErrorRate(String truth, String read) {
        String a = truth.replaceAll("\\s+", "");
        String b = read.replaceAll("\\s+", "");
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return a.isEmpty() ? 0 : previous[b.length()] / (double) a.length();
    }

    /** A page as a grey scanner delivers it (8 bits, one channel). */
    public static BufferedImage grey(BufferedImage colour) {
        BufferedImage grey = new BufferedImage(colour.getWidth(), colour.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        grey.getGraphics().drawImage(colour, 0, 0, null);
        return grey;
    }

    /** Several forms in a row, for benchmarks. */
    public static List<Scan> forms(long seed, int count) {
        List<Scan> scans = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Scan s = form(seed + i, i % 5 == 4);
            double skew = ((i * 37) % 11 - 5) * 0.3;
            scans.add(new Scan(skew(s.image(), skew), s.truth()));
        }
        return scans;
    }
}
