// Renders survey-tool style XHTML to PDF the way the survey tool (EUSurvey) does:
// Flying Saucer (org.xhtmlrenderer.pdf.ITextRenderer) on iText 2.x, fonts embedded
// as Identity-H. Here: Debian's Flying Saucer R8 (libcore-renderer-java) and
// iText 2.1.7 (libitext-java); the survey tool uses Flying Saucer 9.x on the same iText.
//
// Usage: java -cp core-renderer.jar:itext.jar:. RenderPdf IN.xhtml OUT.pdf BASE_DIR DATE
//   BASE_DIR  directory that relative image URLs (images/*.png) resolve against
//   DATE      creation/modification date for the Info dictionary, yyyyMMddHHmmss+HH'mm'
//
// What it adds around ITextRenderer, each imitating the survey tool's output:
//  - Info dictionary from the page's <title> and <meta name content> tags (/Title,
//    /Subject = contribution id, /Keywords = "<survey id>, <alias>", other names as
//    custom keys) and the DisplayDocTitle viewer preference;
//  - the page's <input type="hidden" name value> become widget-less AcroForm fields
//    (/T name, /V value as a name, "Yes" when empty), as in the survey tool's own PDFs
//    (the two in ../shared/corpus/pdf-flat have them; Debian's R8 ignores form inputs);
//  - long words: Flying Saucer 9 honours the template's "word-wrap: break-word" and breaks
//    a word wider than its free-text box across lines; R8 lets it run past the box and
//    off the page (and then loses the line breaks that follow). So each word wider than
//    a free-text box (pre.prepdf directly in a survey element) is cut here into pieces
//    that fit, one per line, before layout: the same lines FS 9 would draw;
//  - determinism: fixed CreationDate/ModDate, /ID derived from the file's bytes, font
//    subset tags derived from the font names (iText draws them at random). The last
//    two are patched in place with strings of the same length, so offsets stay valid.
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfFormField;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SimpleTimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xhtmlrenderer.pdf.ITextRenderer;
import org.xhtmlrenderer.pdf.PDFCreationListener;
import org.xhtmlrenderer.resource.XMLResource;

public final class RenderPdf {
    private static final String[] FONT_DIRS = {
        "/usr/share/fonts/truetype/freefont/", "/usr/share/fonts/truetype/dejavu/",
        "/usr/share/fonts/truetype/liberation/"};
    // The font families the survey tool registers (its src/main/resources/Fonts/), and
    // Liberation for the layout sweep (tools/make-layout-sweep); a font is embedded only
    // where a page uses it.
    private static final String[] FONTS = {
        "FreeSans.ttf", "FreeSansBold.ttf", "FreeSansOblique.ttf", "FreeSansBoldOblique.ttf",
        "FreeMono.ttf", "FreeMonoBold.ttf", "FreeMonoOblique.ttf", "FreeMonoBoldOblique.ttf",
        "FreeSerif.ttf", "FreeSerifBold.ttf", "FreeSerifItalic.ttf", "FreeSerifBoldItalic.ttf",
        "DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf", "DejaVuSans-BoldOblique.ttf",
        "LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf", "LiberationSans-Italic.ttf",
        "LiberationSans-BoldItalic.ttf", "LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf",
        "LiberationSerif-Italic.ttf", "LiberationSerif-BoldItalic.ttf"};

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: RenderPdf IN.xhtml OUT.pdf BASE_DIR yyyyMMddHHmmss+HH'mm'");
            System.exit(2);
        }
        Document dom;
        try (InputStream in = new FileInputStream(args[0])) {
            dom = XMLResource.load(in).getDocument();
        }
        String base = new File(args[2]).getAbsoluteFile().toURI().toString();
        Calendar date = parseDate(args[3]);

        ITextRenderer renderer = new ITextRenderer();
        for (String name : FONTS) {
            for (String dir : FONT_DIRS) {
                File f = new File(dir + name);
                if (f.isFile()) {
                    renderer.getFontResolver().addFont(f.getPath(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
                }
            }
        }
        breakLongWords(dom);
        renderer.setListener(new Listener(dom, date));
        renderer.setDocument(dom, base);
        renderer.layout();
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        renderer.createPDF(buf);
        byte[] pdf = makeDeterministic(buf.toByteArray());
        try (FileOutputStream out = new FileOutputStream(args[1])) {
            out.write(pdf);
        }
    }

    // Text area of a free-text box on an A4 page: the box is 18cm wide minus its 20px left
    // margin, 5px padding and 1px border on each side (in pt: 510.24 - 15 - 2 * 4.5).
    private static final float FREE_TEXT_WIDTH_PT = 486.2f;
    private static final float FREE_TEXT_FONT_PT = 9.75f; // 13px FreeSans

    static void breakLongWords(Document dom) throws Exception {
        BaseFont font = BaseFont.createFont(FONT_DIRS[0] + "FreeSans.ttf", BaseFont.IDENTITY_H, BaseFont.NOT_EMBEDDED);
        NodeList pres = dom.getElementsByTagName("pre");
        for (int i = 0; i < pres.getLength(); i++) {
            Element pre = (Element) pres.item(i);
            Element parent = (Element) pre.getParentNode();
            if (!pre.getAttribute("class").contains("prepdf")
                || !parent.getAttribute("class").contains("survey-element")) {
                continue;
            }
            breakTextNodes(pre, font);
        }
    }

    private static void breakTextNodes(org.w3c.dom.Node n, BaseFont font) {
        for (org.w3c.dom.Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeType() == org.w3c.dom.Node.TEXT_NODE) {
                c.setNodeValue(breakText(c.getNodeValue(), font));
            } else {
                breakTextNodes(c, font);
            }
        }
    }

    static String breakText(String text, BaseFont font) {
        StringBuilder out = new StringBuilder();
        Matcher m = Pattern.compile("[^ \n]+|[ \n]").matcher(text);
        while (m.find()) {
            String tok = m.group();
            if (font.getWidthPoint(tok, FREE_TEXT_FONT_PT) <= FREE_TEXT_WIDTH_PT) {
                out.append(tok);
                continue;
            }
            int start = 0;
            for (int end = 1; end <= tok.length(); end++) {
                if (font.getWidthPoint(tok.substring(start, end), FREE_TEXT_FONT_PT) > FREE_TEXT_WIDTH_PT) {
                    out.append(tok, start, end - 1).append('\n');
                    start = end - 1;
                }
            }
            out.append(tok.substring(start));
        }
        return out.toString();
    }

    private static Calendar parseDate(String s) {
        Matcher m = Pattern.compile("(\\d{4})(\\d\\d)(\\d\\d)(\\d\\d)(\\d\\d)(\\d\\d)([+-])(\\d\\d)'(\\d\\d)'?").matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException("bad date " + s);
        }
        int offset = (Integer.parseInt(m.group(8)) * 60 + Integer.parseInt(m.group(9))) * 60000;
        if (m.group(7).equals("-")) {
            offset = -offset;
        }
        Calendar c = Calendar.getInstance(new SimpleTimeZone(offset, "fixed"));
        c.clear();
        c.set(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)) - 1, Integer.parseInt(m.group(3)),
              Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)));
        return c;
    }

    private static final class Listener implements PDFCreationListener {
        private final Map<String, String> metas = new LinkedHashMap<>();
        private final List<String[]> hidden = new ArrayList<>();
        private final Calendar date;

        Listener(Document dom, Calendar date) {
            this.date = date;
            Element head = (Element) dom.getDocumentElement().getElementsByTagName("head").item(0);
            NodeList ms = head.getElementsByTagName("meta");
            for (int i = 0; i < ms.getLength(); i++) {
                Element m = (Element) ms.item(i);
                String name = m.getAttribute("name");
                String content = m.getAttribute("content");
                if (!name.isEmpty() && !content.isEmpty()) {
                    metas.put(name, content);
                }
            }
            if (!metas.containsKey("title")) {
                metas.put("title", head.getElementsByTagName("title").item(0).getTextContent().trim());
            }
            NodeList inputs = dom.getElementsByTagName("input");
            for (int i = 0; i < inputs.getLength(); i++) {
                Element in = (Element) inputs.item(i);
                if (in.getAttribute("type").equals("hidden") && !in.getAttribute("name").isEmpty()) {
                    hidden.add(new String[] {in.getAttribute("name"), in.getAttribute("value")});
                }
            }
        }

        @Override
        public void preOpen(ITextRenderer r) {
        }

        @Override
        public void onClose(ITextRenderer r) {
            PdfWriter w = r.getWriter();
            w.setViewerPreferences(PdfWriter.DisplayDocTitle);
            PdfDictionary info = w.getInfo();
            Map<String, PdfName> known = new HashMap<>();
            known.put("title", PdfName.TITLE);
            known.put("author", PdfName.AUTHOR);
            known.put("subject", PdfName.SUBJECT);
            known.put("keywords", PdfName.KEYWORDS);
            known.put("creator", PdfName.CREATOR);
            for (Map.Entry<String, String> e : metas.entrySet()) {
                PdfName key = known.getOrDefault(e.getKey(), new PdfName(e.getKey()));
                info.put(key, new PdfString(e.getValue(), PdfObject.TEXT_UNICODE));
            }
            info.put(PdfName.CREATIONDATE, new PdfDate(date));
            info.put(PdfName.MODDATE, new PdfDate(date));
            try {
                for (String[] h : hidden) {
                    PdfFormField f = PdfFormField.createEmpty(w);
                    f.setFieldName(h[0]);
                    f.setValueAsName(h[1].isEmpty() ? "Yes" : h[1]);
                    w.addToBody(f, f.getIndirectReference());
                    w.getAcroForm().addDocumentField(f.getIndirectReference());
                }
            } catch (java.io.IOException e) {
                throw new RuntimeException(e);
            }
        }
    }

    static byte[] makeDeterministic(byte[] pdf) throws Exception {
        String s = new String(pdf, StandardCharsets.ISO_8859_1);
        StringBuilder out = new StringBuilder(s);
        // Subset tags: "/ABCDEF+FontName" -> tag from the font name (same length).
        Matcher m = Pattern.compile("/([A-Z]{6})\\+([A-Za-z0-9-]+)").matcher(s);
        Map<String, String> tags = new HashMap<>();
        while (m.find()) {
            String tag = tags.computeIfAbsent(m.group(1), k -> tagFor(m.group(2), tags.size()));
            out.replace(m.start(1), m.end(1), tag);
        }
        // File identifier: "/ID [<32 hex><32 hex>]" -> MD5 of the file with the ID blanked.
        Matcher id = Pattern.compile("/ID ?\\[ ?<([0-9a-fA-F]{32})> ?<([0-9a-fA-F]{32})> ?\\]").matcher(out);
        List<int[]> spans = new ArrayList<>();
        while (id.find()) {
            spans.add(new int[] {id.start(1), id.end(1)});
            spans.add(new int[] {id.start(2), id.end(2)});
        }
        for (int[] sp : spans) {
            out.replace(sp[0], sp[1], "00000000000000000000000000000000");
        }
        byte[] digest = MessageDigest.getInstance("MD5").digest(out.toString().getBytes(StandardCharsets.ISO_8859_1));
        StringBuilder hex = new StringBuilder();
        for (byte b : digest) {
            hex.append(String.format("%02x", b));
        }
        for (int[] sp : spans) {
            out.replace(sp[0], sp[1], hex.toString());
        }
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String tagFor(String fontName, int ordinal) {
        try {
            byte[] d = MessageDigest.getInstance("MD5").digest((fontName + "#" + ordinal).getBytes(StandardCharsets.UTF_8));
            StringBuilder t = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                t.append((char) ('A' + (d[i] & 0xff) % 26));
            }
            return t.toString();
        } catch (Exception e) {
            throw new RuntimeException(e);
        }
    }
}
