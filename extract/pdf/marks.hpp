#pragma once
// Telling choice buttons from the way they are drawn. Pure functions over
// plain data, so they are tested without PDFs.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "page_content.hpp"

namespace formsift::extract::pdf {

struct MarkKind {
    MarkShape shape;
    bool checked;
    bool sign = false;  // a tick, cross or dot, not an empty box or circle
};

// A small image (decoded RGBA pixels, row by row) that looks like a radio
// button or a check box, checked or not. Decided from the pixels' layout,
// scale-free: a ring of ink with light corners is a radio button, a square
// frame a check box; ink in the middle means checked.
std::optional<MarkKind> classify_image(int width, int height, const std::vector<std::uint8_t>& rgba);

// A glyph that stands for a choice button: ☐ ☑ ☒ ○ ● ◉ ✓ ✔ ✗ ✘ and the
// ZapfDingbats / Wingdings codes used for them. `font` is the font name,
// `code` the character code, `unicode` the mapped code point (0 if none).
std::optional<MarkKind> classify_glyph(const std::string& font, unsigned code, unsigned unicode);

// A drawn path: its subpaths' points (after transformation), whether curves
// are present, whether closed, and whether stroked or filled.
struct PathShape {
    Box box;
    bool has_curves = false;
    bool closed = false;
    bool filled = false;
    bool stroked = false;
    int points = 0;
    int subpaths = 0;
    // farthest point from the box centre over half the box's larger side:
    // about 1 for a circle (1.1 with curve control points), 1.41 for a square
    double radial = 0;
};

// Small square outlines, circles and the marks drawn inside them, combined
// into marks: a circle with a filled smaller circle inside is a checked radio
// button; a square with a tick path (or cross) inside a checked check box.
std::vector<Mark> combine_vector_marks(const std::vector<PathShape>& paths);

}  // namespace formsift::extract::pdf
