#include "marks.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace formsift::extract::pdf {
namespace {

struct Region {
    double x0, y0, x1, y1;  // relative to the image, 0..1
};

// Share of "ink" pixels (opaque and dark or strongly coloured) in a region.
double ink_share(int w, int h, const std::vector<std::uint8_t>& rgba, Region r) {
    const int px0 = static_cast<int>(std::floor(r.x0 * w)),
              px1 = std::max(px0 + 1, static_cast<int>(std::ceil(r.x1 * w)));
    const int py0 = static_cast<int>(std::floor(r.y0 * h)),
              py1 = std::max(py0 + 1, static_cast<int>(std::ceil(r.y1 * h)));
    int ink = 0, total = 0;
    for (int y = std::max(0, py0); y < std::min(h, py1); ++y)
        for (int x = std::max(0, px0); x < std::min(w, px1); ++x) {
            const std::size_t i =
                (static_cast<std::size_t>(y) * static_cast<std::size_t>(w) + static_cast<std::size_t>(x)) * 4;
            const int rr = rgba[i], gg = rgba[i + 1], bb = rgba[i + 2], aa = rgba[i + 3];
            ++total;
            if (aa < 128) continue;
            const int lum = (299 * rr + 587 * gg + 114 * bb) / 1000;
            const int sat = std::max({rr, gg, bb}) - std::min({rr, gg, bb});
            if (lum < 180 || sat > 60) ++ink;
        }
    return total == 0 ? 0.0 : static_cast<double>(ink) / total;
}

}  // namespace

std::optional<MarkKind> classify_image(int width, int height, const std::vector<std::uint8_t>& rgba) {
    if (width < 7 || height < 7 || width > 256 || height > 256) return std::nullopt;
    if (rgba.size() < static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4) return std::nullopt;
    const double aspect = static_cast<double>(width) / height;
    if (aspect < 0.75 || aspect > 1.33) return std::nullopt;
    // corners: a square frame runs through them, a circle leaves them empty
    const double c = 0.2;
    const double corners =
        (ink_share(width, height, rgba, {0.03, 0.03, c, c}) + ink_share(width, height, rgba, {1 - c, 0.03, 0.97, c}) +
         ink_share(width, height, rgba, {0.03, 1 - c, c, 0.97}) +
         ink_share(width, height, rgba, {1 - c, 1 - c, 0.97, 0.97})) /
        4;
    // the ring or frame itself, at the middle of each side
    const double sides = (ink_share(width, height, rgba, {0.35, 0.0, 0.65, 0.2}) +
                          ink_share(width, height, rgba, {0.0, 0.35, 0.2, 0.65}) +
                          ink_share(width, height, rgba, {0.8, 0.35, 1.0, 0.65}) +
                          ink_share(width, height, rgba, {0.35, 0.8, 0.65, 1.0})) /
                         4;
    const double centre = ink_share(width, height, rgba, {0.3, 0.3, 0.7, 0.7});
    if (sides < 0.15) return std::nullopt;  // no outline: a picture, not a button
    if (centre > 0.9) return std::nullopt;  // solid block
    MarkKind k{};
    if (corners >= 0.25)
        k.shape = MarkShape::checkbox;
    else if (corners <= 0.12)
        k.shape = MarkShape::radio;
    else
        return std::nullopt;
    k.checked = centre >= 0.12;
    return k;
}

std::optional<MarkKind> classify_glyph(const std::string& font, unsigned code, unsigned unicode) {
    auto box = [](bool checked) { return MarkKind{MarkShape::checkbox, checked, checked}; };
    auto radio = [](bool checked) { return MarkKind{MarkShape::radio, checked, checked}; };
    auto cross = [] { return MarkKind{MarkShape::checkbox, false, true}; };
    switch (unicode) {
        case 0x2610:
        case 0x25A1:
        case 0x274F:
        case 0x2750:
        case 0x2751:
        case 0x2752: return box(false);
        case 0x2611:
        case 0x2612:
        case 0x25A0:
        case 0x25A3: return box(true);
        case 0x2713:
        case 0x2714:
            return box(true);  // ✓ ✔ a tick on its own: yes
        // ✕ ✖ ✗ ✘ a cross on its own (a cross in a box is ☒): no
        case 0x2715:
        case 0x2716:
        case 0x2717:
        case 0x2718: return cross();
        case 0x25CB:
        case 0x25EF:
        case 0x274D: return radio(false);
        case 0x25CF:
        case 0x25C9:
        case 0x25CE:
        case 0x2B24:
        case 0x25D9: return radio(true);
        default: break;
    }
    std::string f;
    for (const char ch : font) f += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (f.find("dingbats") != std::string::npos) {
        switch (code) {
            case 0x33:
            case 0x34: return box(true);  // ✓ ✔
            case 0x35:
            case 0x36:
            case 0x37:
            case 0x38: return cross();    // ✕ ✖ ✗ ✘
            case 0x6E: return box(true);  // ■
            case 0x6F:
            case 0x70:
            case 0x71:
            case 0x72: return box(false);    // ❏ ❐ ❑ ❒
            case 0x6C: return radio(true);   // ●
            case 0x6D: return radio(false);  // ❍
            default: return std::nullopt;
        }
    }
    if (f.find("wingdings") != std::string::npos) {
        unsigned c = code;
        if (unicode >= 0xF000 && unicode <= 0xF0FF) c = unicode & 0xFF;
        switch (c) {
            case 0xA8:
            case 0x6F:
            case 0x71:
            case 0x72: return box(false);  // ☐-like boxes
            case 0xFE:
            case 0xFD:
            case 0xFB:
            case 0xFC: return box(true);     // ☑ ☒ ✗ ✓
            case 0xA1: return radio(false);  // ○
            case 0x6C:
            case 0xA4: return radio(true);  // ● ◉
            default: return std::nullopt;
        }
    }
    return std::nullopt;
}

std::vector<Mark> combine_vector_marks(const std::vector<PathShape>& paths) {
    std::vector<Mark> out;
    auto same_box = [](const Box& a, const Box& b) {
        return std::abs(a.x0 - b.x0) < 0.8 && std::abs(a.y0 - b.y0) < 0.8 && std::abs(a.x1 - b.x1) < 0.8 &&
               std::abs(a.y1 - b.y1) < 0.8;
    };
    auto inside = [](const Box& in, const Box& out_box) {
        return in.x0 >= out_box.x0 - 0.5 && in.y0 >= out_box.y0 - 0.5 && in.x1 <= out_box.x1 + 0.5 &&
               in.y1 <= out_box.y1 + 0.5;
    };
    // outlines: small, square, closed or filled
    std::vector<std::size_t> outlines;
    for (std::size_t i = 0; i < paths.size(); ++i) {
        const PathShape& p = paths[i];
        const double w = p.box.width(), h = p.box.height();
        if (w < 5 || h < 5 || w > 24 || h > 24) continue;
        if (std::abs(w - h) > 0.2 * std::max(w, h)) continue;
        if (!p.closed && !p.filled) continue;
        outlines.push_back(i);
    }
    std::vector<bool> used(paths.size(), false);
    for (const std::size_t i : outlines) {
        if (used[i]) continue;
        const PathShape& outer = paths[i];
        // an outline inside a bigger one is that one's inner mark
        bool inside_other = false;
        for (const std::size_t j : outlines)
            if (j != i && paths[j].box.width() > outer.box.width() * 1.2 && inside(outer.box, paths[j].box))
                inside_other = true;
        if (inside_other) continue;
        Mark m;
        m.origin = "vector-mark";
        m.box = outer.box;
        // a circle keeps all its points near one radius; a box reaches out to its corners
        double radial = outer.radial;
        for (std::size_t j = 0; j < paths.size(); ++j) {
            if (j == i || !same_box(paths[j].box, outer.box)) continue;
            used[j] = true;  // the same outline drawn again (fill, then border)
            radial = std::max(radial, paths[j].radial);
        }
        m.shape = radial < 1.22 ? MarkShape::radio : MarkShape::checkbox;
        // anything clearly smaller drawn inside it (a dot, a tick, a cross) checks it
        for (std::size_t j = 0; j < paths.size(); ++j) {
            if (j == i || used[j]) continue;
            const Box& b = paths[j].box;
            const bool smaller = b.width() < outer.box.width() * 0.8 && b.height() < outer.box.height() * 0.8;
            if (inside(b, outer.box) && smaller && (b.width() > 1 || b.height() > 1)) {
                m.checked = true;
                used[j] = true;
            }
        }
        used[i] = true;
        out.push_back(m);
    }
    return out;
}

}  // namespace formsift::extract::pdf
