#include <catch2/catch.hpp>

#include <cmath>
#include <functional>

#include "layout.hpp"
#include "marks.hpp"

using namespace formsift::extract::pdf;

namespace {

// A size x size RGBA image drawn by a function of (x, y) in 0..1 → grey level or "blue".
std::vector<std::uint8_t> draw(int size, const std::function<int(double, double)>& ink) {
    std::vector<std::uint8_t> px(static_cast<std::size_t>(size * size * 4), 255);
    for (int y = 0; y < size; ++y)
        for (int x = 0; x < size; ++x) {
            const int v = ink((x + 0.5) / size, (y + 0.5) / size);  // 0 none, 1 grey outline, 2 blue fill
            const std::size_t i = static_cast<std::size_t>((y * size + x) * 4);
            if (v == 1) px[i] = px[i + 1] = px[i + 2] = 140;
            if (v == 2) {
                px[i] = 40;
                px[i + 1] = 90;
                px[i + 2] = 220;
            }
        }
    return px;
}

int circle(double x, double y, bool dot) {
    const double d = std::hypot(x - 0.45, y - 0.45);
    if (dot && d < 0.22) return 2;
    return std::abs(d - 0.4) < 0.06 ? 1 : 0;
}

int square(double x, double y, bool tick) {
    const bool frame = (x > 0.05 && x < 0.95 && y > 0.05 && y < 0.95) && (x < 0.15 || x > 0.85 || y < 0.15 || y > 0.85);
    if (frame) return 1;
    if (tick && ((std::abs(y - (1.2 - x)) < 0.08 && x > 0.4 && x < 0.8) ||
                 (std::abs(y - (x + 0.2)) < 0.08 && x > 0.25 && x < 0.45)))
        return 2;
    return 0;
}

}  // namespace

TEST_CASE("pdf marks: radio buttons and check boxes are told apart by their pixels, at any scale") {
    for (const int size : {15, 30, 60}) {
        INFO("size " << size);
        auto r = classify_image(size, size, draw(size, [](double x, double y) { return circle(x, y, false); }));
        REQUIRE(r);
        CHECK(r->shape == MarkShape::radio);
        CHECK_FALSE(r->checked);
        r = classify_image(size, size, draw(size, [](double x, double y) { return circle(x, y, true); }));
        REQUIRE(r);
        CHECK(r->shape == MarkShape::radio);
        CHECK(r->checked);
        r = classify_image(size, size, draw(size, [](double x, double y) { return square(x, y, false); }));
        REQUIRE(r);
        CHECK(r->shape == MarkShape::checkbox);
        CHECK_FALSE(r->checked);
        r = classify_image(size, size, draw(size, [](double x, double y) { return square(x, y, true); }));
        REQUIRE(r);
        CHECK(r->shape == MarkShape::checkbox);
        CHECK(r->checked);
    }
}

TEST_CASE("pdf marks: pictures, blank and solid images are not buttons") {
    CHECK_FALSE(classify_image(15, 15, draw(15, [](double, double) { return 0; })));
    CHECK_FALSE(classify_image(15, 15, draw(15, [](double, double) { return 1; })));
    CHECK_FALSE(classify_image(60, 15, draw(15, [](double x, double y) { return circle(x, y, false); })));
    CHECK_FALSE(classify_image(3, 3, draw(3, [](double, double) { return 1; })));
}

TEST_CASE("pdf marks: glyphs for boxes, ticks and circles, in Unicode and in the Dingbats fonts") {
    CHECK(classify_glyph("DejaVuSans", 0, 0x2610)->checked == false);
    CHECK(classify_glyph("DejaVuSans", 0, 0x2611)->checked);
    CHECK(classify_glyph("DejaVuSans", 0, 0x2612)->checked);
    CHECK(classify_glyph("DejaVuSans", 0, 0x2714)->shape == MarkShape::checkbox);
    CHECK(classify_glyph("DejaVuSans", 0, 0x2714)->checked);
    CHECK_FALSE(classify_glyph("DejaVuSans", 0, 0x2718)->checked);  // a bare cross says no
    // ... but it is a sign: set inside a drawn box (a flattened check box), it checks the box
    CHECK(classify_glyph("DejaVuSans", 0, 0x2718)->sign);
    CHECK(classify_glyph("ZapfDingbats", 0x38, 0)->sign);        // ✘
    CHECK_FALSE(classify_glyph("ZapfDingbats", 0x6F, 0)->sign);  // ❏ an empty box is no sign
    CHECK_FALSE(classify_glyph("DejaVuSans", 0, 0x25CB)->sign);  // ○
    CHECK(classify_glyph("DejaVuSans", 0, 0x25CB)->shape == MarkShape::radio);
    CHECK_FALSE(classify_glyph("DejaVuSans", 0, 0x25CB)->checked);
    CHECK(classify_glyph("DejaVuSans", 0, 0x25C9)->checked);
    CHECK(classify_glyph("ZapfDingbats", 0x34, 0)->checked);        // ✔
    CHECK_FALSE(classify_glyph("ZapfDingbats", 0x6F, 0)->checked);  // ❏
    CHECK(classify_glyph("Wingdings-Regular", 0xFE, 0xF0FE)->checked);
    CHECK_FALSE(classify_glyph("Wingdings", 0xA8, 0)->checked);
    CHECK_FALSE(classify_glyph("Helvetica", 'o', 'o'));
}

TEST_CASE("pdf marks: a drawn circle with a dot inside is a checked radio, an empty square an unchecked box") {
    std::vector<PathShape> paths;
    paths.push_back({{100, 100, 110, 110}, true, true, true, false, 13, 1, 1.08});          // circle, filled
    paths.push_back({{100.2, 100.2, 109.8, 109.8}, true, true, false, true, 13, 1, 1.08});  // its border
    paths.push_back({{103, 103, 107, 107}, true, true, true, false, 13, 1, 1.08});          // inner dot
    paths.push_back({{200, 100, 210, 110}, false, true, false, true, 5, 1, 1.41});          // square
    paths.push_back({{300, 100, 310, 110}, true, true, true, false, 40, 1, 1.30});          // rounded box, filled
    paths.push_back({{302, 102, 308, 107}, false, false, false, true, 3, 1, 1.2});          // tick inside
    const auto marks = combine_vector_marks(paths);
    REQUIRE(marks.size() == 3);
    CHECK(marks[0].shape == MarkShape::radio);
    CHECK(marks[0].checked);
    CHECK(marks[1].shape == MarkShape::checkbox);
    CHECK_FALSE(marks[1].checked);
    CHECK(marks[2].shape == MarkShape::checkbox);
    CHECK(marks[2].checked);
}

namespace {
Word word(const std::string& t, double x0, double y0, double x1, double size = 10, double r = 0) {
    Word w;
    w.text = t;
    w.box = {x0, y0, x1, y0 + size};
    w.size = size;
    w.rgb[0] = r;
    return w;
}
Mark mark(double x, double y, bool checked, MarkShape s = MarkShape::radio) {
    Mark m;
    m.shape = s;
    m.checked = checked;
    m.box = {x, y, x + 10, y + 10};
    return m;
}
}  // namespace

TEST_CASE("pdf layout: words become lines, split at wide gaps") {
    const auto lines = make_lines(
        {word("Hello", 10, 10, 40), word("world", 43, 10.5, 70), word("Far", 300, 10, 320), word("Next", 10, 30, 40)});
    REQUIRE(lines.size() == 3);
    CHECK(lines[0].text == "Hello world");
    CHECK(lines[1].text == "Far");
    CHECK(lines[2].text == "Next");
}

TEST_CASE("pdf layout: a list of labelled buttons under a starred title is one required field") {
    PageContent page;
    page.number = 1;
    page.words = {word("Pick", 50, 20, 75), word("one", 78, 20, 95), word("*", 97, 20, 101, 10, 0.93),
                  word("Apple", 75, 40, 100), word("Pear", 75, 56, 95)};
    page.marks = {mark(60, 40, false), mark(60, 56, true)};
    const auto fields = read_drawn_choices({page}).fields;
    REQUIRE(fields.size() == 1);
    CHECK(fields[0].label == "Pick one");
    CHECK(fields[0].required);
    CHECK(fields[0].kind == formsift::model::FieldKind::radio);
    REQUIRE(fields[0].options.size() == 2);
    CHECK(fields[0].options[0].label == "Apple");
    CHECK_FALSE(fields[0].options[0].selected);
    CHECK(fields[0].options[1].label == "Pear");
    CHECK(fields[0].options[1].selected);
}

TEST_CASE("pdf layout: a grid's rows are fields labelled by row text, options by column headers") {
    PageContent page;
    page.number = 1;
    page.words = {word("Rate", 50, 10, 75), word("Yes", 148, 30, 162), word("No", 198, 30, 210),
                  word("Food", 50, 52, 80), word("Music", 50, 72, 82)};
    page.marks = {mark(150, 50, true), mark(200, 50, false), mark(150, 70, false), mark(200, 70, false)};
    const auto fields = read_drawn_choices({page}).fields;
    REQUIRE(fields.size() == 2);
    CHECK(fields[0].label == "Food");
    CHECK(fields[0].options[0].label == "Yes");
    CHECK(fields[0].options[0].selected);
    CHECK(fields[1].label == "Music");
    CHECK(fields[1].options[1].label == "No");
}
