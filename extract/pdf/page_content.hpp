#pragma once
// What a PDF page shows, as plain values (no Poppler types): words with font,
// size, colour and box; marks (choice buttons drawn as images, vector paths
// or glyphs); and ruling lines. Coordinates are points with the origin at the
// top left of the page, y growing downwards.
#include <string>
#include <vector>

namespace formsift::extract::pdf {

struct Box {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    double width() const { return x1 - x0; }
    double height() const { return y1 - y0; }
    double cx() const { return (x0 + x1) / 2; }
    double cy() const { return (y0 + y1) / 2; }
};

struct Word {
    std::string text;
    Box box;
    std::string font;
    double size = 0;
    bool bold = false;
    double rgb[3] = {0, 0, 0};
    bool space_after = false;  // a space glyph is drawn right after it
};

enum class MarkShape { radio, checkbox };

struct Mark {
    MarkShape shape = MarkShape::checkbox;
    bool checked = false;
    Box box;
    const char* origin = "image-mark";  // "image-mark", "vector-mark", "glyph-mark"
    bool sign = false;                  // a glyph mark: a tick, cross or dot (not an empty box)
};

// A small image (at most 40 points a side) and whether it is drawn in a
// strong colour: every one, buttons included (see LayoutIcon).
struct Icon {
    Box box;
    bool lit = false;
};

struct Rule {  // a drawn horizontal or vertical line (table borders)
    Box box;
};

struct Fill {
    Box box;
    double grey = 1;  // 0 black, 1 white
};

struct PageContent {
    int number = 0;
    double width = 0, height = 0;
    std::vector<Word> words;
    std::vector<Mark> marks;
    std::vector<Icon> icons;
    std::vector<Rule> rules;
    // Rectangles drawn as one closed path (cells, answer boxes), in drawing order.
    std::vector<Box> boxes;
    // Rectangles filled with a grey that is neither white nor text-dark (a
    // selected list-box item's background, a table's header cells).
    std::vector<Fill> fills;
};

}  // namespace formsift::extract::pdf
