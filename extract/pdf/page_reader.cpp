#include "page_reader.hpp"

#include <poppler/Annot.h>
#include <poppler/GfxFont.h>
#include <poppler/GfxState.h>
#include <poppler/PDFDoc.h>
#include <poppler/Page.h>
#include <poppler/Stream.h>
#include <poppler/TextOutputDev.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <memory>

#include "marks.hpp"
#include "pdf_session.hpp"

namespace formsift::extract::pdf {
namespace {

constexpr int kMaxImagePixels = 128;  // bigger images are pictures, not buttons

// Words come from Poppler's text layer; images, paths and symbol glyphs are
// recorded on the way, in the same device space (points, origin top left).
class PageReader : public TextOutputDev {
public:
    explicit PageReader(std::size_t max_objects)
        : TextOutputDev(nullptr, nullptr, false, 0, false, false), max_objects_(max_objects) {}

    bool needNonText() override { return true; }

    void startPage(int pageNum, GfxState* state, XRef* xref) override {
        TextOutputDev::startPage(pageNum, state, xref);
        marks_.clear();
        icons_.clear();
        paths_.clear();
        rules_.clear();
        boxes_.clear();
        fills_.clear();
        spaces_.clear();
        objects_ = 0;
        overflow_ = false;
    }

    void drawImage(GfxState* state, Object*, Stream* str, int width, int height, GfxImageColorMap* colorMap, bool,
                   const int*, bool inlineImg) override {
        record_image(state, str, width, height, colorMap, inlineImg);
    }
    void drawSoftMaskedImage(GfxState* state, Object*, Stream* str, int width, int height, GfxImageColorMap* colorMap,
                             bool, Stream*, int, int, GfxImageColorMap*, bool) override {
        record_image(state, str, width, height, colorMap, false);
    }
    void drawMaskedImage(GfxState* state, Object*, Stream* str, int width, int height, GfxImageColorMap* colorMap, bool,
                         Stream*, int, int, bool, bool) override {
        record_image(state, str, width, height, colorMap, false);
    }

    void stroke(GfxState* state) override {
        TextOutputDev::stroke(state);
        record_path(state, false, true);
    }
    void fill(GfxState* state) override {
        TextOutputDev::fill(state);
        record_path(state, true, false);
    }
    void eoFill(GfxState* state) override {
        TextOutputDev::eoFill(state);
        record_path(state, true, false);
    }

    void drawChar(GfxState* state, double x, double y, double dx, double dy, double originX, double originY, CharCode c,
                  int nBytes, const Unicode* u, int uLen) override {
        TextOutputDev::drawChar(state, x, y, dx, dy, originX, originY, c, nBytes, u, uLen);
        if (uLen == 1 && u != nullptr && u[0] == 0x20 && spaces_.size() < 200000) {
            // a space drawn after a word: at a line end, where the renderer wrapped
            double sx, sy;
            state->transform(x, y, &sx, &sy);
            spaces_.push_back({sx, sy});
        }
        const std::shared_ptr<GfxFont>& font = state->getFont();
        const std::string font_name = font && font->getName() ? *font->getName() : std::string();
        const unsigned unicode = uLen > 0 && u != nullptr ? u[0] : 0;
        const auto kind = classify_glyph(font_name, c, unicode);
        if (!kind || !count()) return;
        // the glyph's box: its advance and the font size, in device space
        const double size = state->getTransformedFontSize();
        double x0, y0, x1, y1;
        state->transform(x, y, &x0, &y0);
        state->transform(x + dx, y + dy, &x1, &y1);
        Mark m;
        m.shape = kind->shape;
        m.checked = kind->checked;
        m.sign = kind->sign;
        m.origin = "glyph-mark";
        m.box = {std::min(x0, x1), std::min(y0, y1) - size * 0.8, std::max(x0, x1), std::max(y0, y1) + size * 0.1};
        glyph_marks_.push_back(m);
    }

    PageContent take(int number, double width, double height) {
        PageContent page;
        page.number = number;
        page.width = width;
        page.height = height;
        std::sort(spaces_.begin(), spaces_.end());
        std::unique_ptr<TextWordList> list = makeWordList();
        for (int i = 0; list && i < list->getLength(); ++i) {
            TextWord* w = list->get(i);
            Word word;
            word.text = text_string_utf8(w);
            w->getBBox(&word.box.x0, &word.box.y0, &word.box.x1, &word.box.y1);
            const TextFontInfo* fi = w->getFontInfo(0);
            if (fi != nullptr && fi->getFontName() != nullptr) word.font = fi->getFontName()->toStr();
            word.bold = (fi != nullptr && fi->isBold()) || word.font.find("Bold") != std::string::npos;
            word.size = w->getFontSize();
            w->getColor(&word.rgb[0], &word.rgb[1], &word.rgb[2]);
            for (auto it = std::lower_bound(spaces_.begin(), spaces_.end(), std::pair{word.box.x1 - 1.0, -1e18});
                 it != spaces_.end() && it->first <= word.box.x1 + 1.0 && !word.space_after; ++it)
                word.space_after = it->second >= word.box.y0 && it->second <= word.box.y1 + 0.3 * word.size;
            page.words.push_back(std::move(word));
        }
        page.marks = std::move(marks_);
        page.icons = std::move(icons_);
        const std::size_t drawn = page.marks.size();
        for (auto& m : combine_vector_marks(paths_)) page.marks.push_back(m);
        const std::size_t outlines = page.marks.size();
        for (auto& m : glyph_marks_) {
            // a sign set inside a drawn box or circle (a flattened form's check
            // box: its border, then a ✔, ✘ or ● of ZapfDingbats) checks it
            bool placed = false;
            if (m.sign)
                for (std::size_t i = drawn; i < outlines; ++i) {
                    Mark& o = page.marks[i];
                    if (o.box.x0 - 1 <= m.box.cx() && m.box.cx() <= o.box.x1 + 1 && o.box.y0 - 1 <= m.box.cy() &&
                        m.box.cy() <= o.box.y1 + 1) {
                        o.checked = true;
                        placed = true;
                    }
                }
            if (placed) continue;
            // a symbol inside a word ("(✓)" in a legend) is text, not a button
            bool in_text = false;
            for (const auto& w : page.words) {
                const bool over = w.box.x0 <= m.box.cx() && m.box.cx() <= w.box.x1 && w.box.y0 <= m.box.cy() &&
                                  m.box.cy() <= w.box.y1;
                if (!over) continue;
                std::size_t code_points = 0;
                for (const char ch : w.text) code_points += (static_cast<unsigned char>(ch) & 0xC0) != 0x80 ? 1 : 0;
                if (code_points > 1) in_text = true;
            }
            if (!in_text) page.marks.push_back(m);
        }
        glyph_marks_.clear();
        page.rules = std::move(rules_);
        page.boxes = std::move(boxes_);
        page.fills = std::move(fills_);
        return page;
    }

    bool overflowed() const { return overflow_; }

    // The direction most of the page's text runs in, in quarter turns
    // clockwise (0: left to right as read).
    int text_rotation() {
        std::size_t chars[4] = {0, 0, 0, 0};
        std::unique_ptr<TextWordList> list = makeWordList();
        for (int i = 0; list && i < list->getLength(); ++i) {
            TextWord* w = list->get(i);
            chars[static_cast<std::size_t>(w->getRotation() & 3)] += static_cast<std::size_t>(w->getLength());
        }
        return static_cast<int>(std::max_element(std::begin(chars), std::end(chars)) - std::begin(chars));
    }

private:
    static std::string text_string_utf8(TextWord* w) {
        std::unique_ptr<GooString> t(w->getText());
        return t ? t->toStr() : std::string();
    }

    bool count() {
        if (++objects_ > max_objects_) {
            overflow_ = true;
            return false;
        }
        return true;
    }

    static Box device_box(GfxState* state) {
        // the unit square through the current transformation
        double xs[4], ys[4];
        state->transform(0, 0, &xs[0], &ys[0]);
        state->transform(1, 0, &xs[1], &ys[1]);
        state->transform(0, 1, &xs[2], &ys[2]);
        state->transform(1, 1, &xs[3], &ys[3]);
        return {*std::min_element(xs, xs + 4), *std::min_element(ys, ys + 4), *std::max_element(xs, xs + 4),
                *std::max_element(ys, ys + 4)};
    }

    void record_image(GfxState* state, Stream* str, int width, int height, GfxImageColorMap* colorMap, bool inlineImg) {
        if (!count()) return;
        const Box box = device_box(state);
        if (width <= 0 || height <= 0 || width > kMaxImagePixels || height > kMaxImagePixels || colorMap == nullptr ||
            box.width() > 40 || box.height() > 40) {
            if (inlineImg) skip_inline(str, width, height, colorMap);
            return;
        }
        std::vector<std::uint8_t> rgba(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
        ImageStream img(str, width, colorMap->getNumPixelComps(), colorMap->getBits());
        img.reset();
        for (int y = 0; y < height; ++y) {
            unsigned char* line = img.getLine();
            if (line == nullptr) break;
            for (int x = 0; x < width; ++x) {
                GfxRGB rgb;
                colorMap->getRGB(
                    line + static_cast<std::size_t>(x) * static_cast<std::size_t>(colorMap->getNumPixelComps()), &rgb);
                const std::size_t i =
                    (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)) * 4;
                rgba[i] = colToByte(rgb.r);
                rgba[i + 1] = colToByte(rgb.g);
                rgba[i + 2] = colToByte(rgb.b);
                rgba[i + 3] = 255;
            }
        }
        img.close();
        // lit: a tenth of its pixels in a strong colour (a rating's chosen star,
        // heart or arrow; the others are grey)
        std::size_t strong = 0;
        for (std::size_t i = 0; i + 3 < rgba.size(); i += 4)
            if (std::max({rgba[i], rgba[i + 1], rgba[i + 2]}) - std::min({rgba[i], rgba[i + 1], rgba[i + 2]}) > 80)
                ++strong;
        icons_.push_back({box, strong * 10 >= rgba.size() / 4});
        const auto kind = classify_image(width, height, rgba);
        if (!kind) return;
        Mark m;
        m.shape = kind->shape;
        m.checked = kind->checked;
        m.origin = "image-mark";
        m.box = box;
        marks_.push_back(m);
    }

    static void skip_inline(Stream* str, int width, int height, GfxImageColorMap* colorMap) {
        if (colorMap == nullptr || str == nullptr) return;
        const long long bytes =
            static_cast<long long>(height) *
            ((static_cast<long long>(width) * colorMap->getNumPixelComps() * colorMap->getBits() + 7) / 8);
        str->reset();
        for (long long i = 0; i < bytes && str->getChar() != EOF; ++i) {
        }
        str->close();
    }

    void record_path(GfxState* state, bool filled, bool stroked) {
        const GfxPath* path = state->getPath();
        if (path == nullptr || path->getNumSubpaths() == 0 || !count()) return;
        PathShape shape;
        shape.filled = filled;
        shape.stroked = stroked;
        shape.subpaths = path->getNumSubpaths();
        double x0 = 1e18, y0 = 1e18, x1 = -1e18, y1 = -1e18;
        for (int s = 0; s < path->getNumSubpaths(); ++s) {
            const GfxSubpath* sub = path->getSubpath(s);
            shape.closed = shape.closed || sub->isClosed();
            for (int i = 0; i < sub->getNumPoints(); ++i) {
                double dx, dy;
                state->transform(sub->getX(i), sub->getY(i), &dx, &dy);
                x0 = std::min(x0, dx);
                y0 = std::min(y0, dy);
                x1 = std::max(x1, dx);
                y1 = std::max(y1, dy);
                shape.has_curves = shape.has_curves || sub->getCurve(i);
                ++shape.points;
            }
        }
        shape.box = {x0, y0, x1, y1};
        {
            const double cx = (x0 + x1) / 2, cy = (y0 + y1) / 2, half = std::max(x1 - x0, y1 - y0) / 2;
            double far = 0;
            for (int sp = 0; sp < path->getNumSubpaths(); ++sp) {
                const GfxSubpath* sub = path->getSubpath(sp);
                for (int i = 0; i < sub->getNumPoints(); ++i) {
                    double dx, dy;
                    state->transform(sub->getX(i), sub->getY(i), &dx, &dy);
                    far = std::max(far, std::hypot(dx - cx, dy - cy));
                }
            }
            shape.radial = half > 0 ? far / half : 0;
        }
        const double w = x1 - x0, h = y1 - y0;
        // a filled grey area behind text: a list box's selected item, a header cell
        if (filled && !shape.has_curves && shape.subpaths == 1 && shape.points >= 4 && shape.points <= 5 && w > 20 &&
            h > 8 && fills_.size() < 20000) {
            GfxRGB rgb;
            state->getFillRGB(&rgb);
            const double grey = (colToDbl(rgb.r) + colToDbl(rgb.g) + colToDbl(rgb.b)) / 3;
            const double spread = std::max({colToDbl(rgb.r), colToDbl(rgb.g), colToDbl(rgb.b)}) -
                                  std::min({colToDbl(rgb.r), colToDbl(rgb.g), colToDbl(rgb.b)});
            if (grey > 0.3 && grey < 0.97 && spread < 0.05) fills_.push_back({shape.box, grey});
        }
        // long thin shapes are ruling lines (table borders, underlines); a
        // border down the side of a one-line table row is as short as the
        // line's text is high (6 pt and more, the smallest text a form sets)
        if ((w > 20 && h < 2.5) || (h > 6 && w < 2.5)) {
            rules_.push_back({shape.box});
            return;
        }
        // a large rectangle (a table cell drawn as a box): its four sides are rules
        if (!shape.has_curves && shape.subpaths == 1 && shape.points >= 4 && shape.points <= 5 && w > 20 && h > 10 &&
            rules_.size() < 20000) {
            rules_.push_back({{x0, y0, x1, y0}});
            rules_.push_back({{x0, y1, x1, y1}});
            rules_.push_back({{x0, y0, x0, y1}});
            rules_.push_back({{x1, y0, x1, y1}});
            boxes_.push_back(shape.box);
            return;
        }
        if (w < 30 && h < 30 && paths_.size() < 20000) paths_.push_back(shape);
    }

    std::size_t max_objects_;
    std::size_t objects_ = 0;
    bool overflow_ = false;
    std::vector<Mark> marks_;
    std::vector<Icon> icons_;
    std::vector<Mark> glyph_marks_;
    std::vector<PathShape> paths_;
    std::vector<Rule> rules_;
    std::vector<Box> boxes_;
    std::vector<Fill> fills_;
    std::vector<std::pair<double, double>> spaces_;  // space glyphs drawn, by x then y
};

}  // namespace

std::vector<PageContent> read_pages(PDFDoc& doc, const ReadLimits& limits,
                                    std::vector<model::Diagnostic>& diagnostics) {
    using Clock = std::chrono::steady_clock;
    std::vector<PageContent> pages;
    PageReader reader(limits.max_objects_per_page);
    const int n = std::min(doc.getNumPages(), limits.max_pages);
    // Poppler asks now and then while it draws a page whether to stop: when
    // the time is up (objects past the limit are only not kept: the page's
    // text after them is still read)
    struct Watch {
        Clock::time_point deadline;
        bool late = false;
    } watch{Clock::now() +
            std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(limits.max_seconds))};
    const auto abort_check = [](void* data) {
        auto* w = static_cast<Watch*>(data);
        w->late = w->late || Clock::now() > w->deadline;
        return w->late;
    };
    const auto started = Clock::now();
    for (int p = 1; p <= n; ++p) {
        if (watch.late || Clock::now() > watch.deadline) {
            const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
            char took[32];
            std::snprintf(took, sizeof took, "%.1f", seconds);
            const std::string left =
                p == n ? "page " + std::to_string(p) : "pages " + std::to_string(p) + " to " + std::to_string(n);
            diagnostics.push_back(
                {model::Code::time_limit, "page " + std::to_string(p),
                 "reading stopped after " + std::string(took) + " s (--max-seconds): " + left + " not read"});
            break;
        }
        Page* page = doc.getPage(p);
        if (page == nullptr) {
            diagnostics.push_back(
                {model::Code::pdf_page_unreadable, "page " + std::to_string(p), "page could not be read"});
            continue;
        }
        // form widgets are read as fields; drawing their appearances too would count them twice
        auto skip_widgets = [](Annot* annot, void*) {
            return annot == nullptr || annot->getType() != Annot::typeWidget;
        };
        doc.displayPage(&reader, p, 72, 72, 0, true, false, false, abort_check, &watch, skip_widgets, nullptr);
        // a page whose text runs sideways (content drawn turned, or a /Rotate
        // that does not undo it) is read turned so that its text is upright
        int turn = 0;
        if (const int rotation = reader.text_rotation(); rotation != 0 && !watch.late) {
            turn = (4 - rotation) * 90;
            doc.displayPage(&reader, p, 72, 72, turn, true, false, false, abort_check, &watch, skip_widgets, nullptr);
        }
        if (reader.overflowed())
            diagnostics.push_back({model::Code::pdf_too_many_objects, "page " + std::to_string(p),
                                   "more than " + std::to_string(limits.max_objects_per_page) +
                                       " drawing objects on the page (--max-objects); the rest are ignored"});
        if (watch.late)
            diagnostics.push_back({model::Code::time_limit, "page " + std::to_string(p),
                                   "page " + std::to_string(p) + " was still being read when the time ran out (" +
                                       "--max-seconds); it is read in part"});
        const bool rotated = (page->getRotate() + turn) % 180 != 0;
        const double w = rotated ? page->getCropHeight() : page->getCropWidth();
        const double h = rotated ? page->getCropWidth() : page->getCropHeight();
        pages.push_back(reader.take(p, w, h));
    }
    return pages;
}

}  // namespace formsift::extract::pdf
