#include "flow.hpp"

#include "submission_header.hpp"
#include "words.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <optional>
#include <tuple>

namespace formsift::extract::pdf {
namespace {

std::size_t code_points(const std::string& s) {
    std::size_t n = 0;
    for (const char ch : s) n += (static_cast<unsigned char>(ch) & 0xC0) != 0x80 ? 1 : 0;
    return n;
}

// "Aides-" at a line end: a hyphen right after a letter or digit, where
// renderers may break a word.
bool ends_in_word_hyphen(const std::string& w) {
    if (w.size() < 2 || w.back() != '-') return false;
    const auto c = static_cast<unsigned char>(w[w.size() - 2]);
    return std::isalnum(c) != 0 || c >= 0x80;
}

// A token renderers break anywhere when it is longer than a line: a long
// word, or one with the characters of addresses and numbers.
bool breakable_token(const std::string& w) {
    return code_points(w) >= 20 || w.find_first_of("/\\.@_=?&:0123456789") != std::string::npos;
}

bool inside(const Box& outer, double x, double y, double slack = 0.5) {
    return x >= outer.x0 - slack && x <= outer.x1 + slack && y >= outer.y0 - slack && y <= outer.y1 + slack;
}

bool close_to(double a, double b, double tolerance = 2.0) {
    return std::abs(a - b) <= tolerance;
}

// Two boxes on one line of text: they share half the height of the lower one.
bool on_one_line(const Box& a, const Box& b) {
    return overlap(a.y0, a.y1, b.y0, b.y1) >= 0.5 * std::min(a.height(), b.height());
}

// ---- styles -----------------------------------------------------------------

enum class Tone { black, grey, red, colour };

Tone tone_of(const double rgb[3]) {
    const double hi = std::max({rgb[0], rgb[1], rgb[2]}), lo = std::min({rgb[0], rgb[1], rgb[2]});
    if (hi - lo > 0.15) return rgb[0] > 0.6 && rgb[1] < 0.35 && rgb[2] < 0.35 ? Tone::red : Tone::colour;
    return hi < 0.3 ? Tone::black : Tone::grey;
}

struct Style {
    std::string family;  // font name without a subset prefix ("ABCDEF+")
    double size = 0;
    Tone tone = Tone::black;
    bool same(const Style& o) const { return family == o.family && std::abs(size - o.size) <= 0.6 && tone == o.tone; }
    auto key() const { return std::make_tuple(family, std::lround(size * 2), static_cast<int>(tone)); }
};

std::string family_of(const std::string& font) {
    const auto plus = font.find('+');
    return plus == 6 ? font.substr(7) : font;
}

// The style most of a line's characters are set in.
Style style_of(const Line& line) {
    std::map<std::tuple<std::string, long, int>, std::pair<std::size_t, Style>> by;
    for (const auto& w : line.words) {
        Style s{family_of(w.font), w.size, tone_of(w.rgb)};
        auto& slot = by[s.key()];
        slot.first += code_points(w.text);
        slot.second = s;
    }
    const auto best = std::max_element(by.begin(), by.end(),
                                       [](const auto& a, const auto& b) { return a.second.first < b.second.first; });
    return best == by.end() ? Style{} : best->second.second;
}

// "4. Date of birth", "12) Name", "* 19. Occupation", "3.2 Address": a
// line that begins with an item's number, then a word.
bool numbered(std::string_view t) {
    std::size_t i = 0;
    if (i < t.size() && t[i] == '*') ++i;
    while (i < t.size() && t[i] == ' ') ++i;
    const std::size_t digits = i;
    while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]))) {
        ++i;
        if (i < t.size() && t[i] == '.' && i + 1 < t.size() && std::isdigit(static_cast<unsigned char>(t[i + 1]))) ++i;
    }
    if (i == digits || i - digits > 6) return false;
    if (i < t.size() && (t[i] == '.' || t[i] == ')')) ++i;
    if (i >= t.size() || t[i] != ' ') return false;
    while (i < t.size() && t[i] == ' ') ++i;
    return i < t.size() && !std::isdigit(static_cast<unsigned char>(t[i])) &&
           !std::ispunct(static_cast<unsigned char>(t[i]));
}

// ---- tables -----------------------------------------------------------------

bool same_box(const Box& a, const Box& b, double tolerance) {
    return close_to(a.x0, b.x0, tolerance) && close_to(a.y0, b.y0, tolerance) && close_to(a.x1, b.x1, tolerance) &&
           close_to(a.y1, b.y1, tolerance);
}

// ---- the flow -----------------------------------------------------------------

enum class Role { meta, footer, heading, body, help, answer, cell };

struct FlowLine {
    Line line;
    int page = 0;
    Style style;
    bool starred = false;
    bool label = false;  // "Label:" with its value beside it
    Role role = Role::body;
};

// A change of font family between two words of a line, with more than an
// em of space between them: a label and the value set beside it ("Text
// Field    abc", a form filled in another font), not a styled phrase.
// (Further apart than three ems the words are in different columns: see
// make_lines.)
bool label_value_gap(const Word& a, const Word& b) {
    const double gap = b.box.x0 - a.box.x1, em = std::max(a.size, 4.0);
    return family_of(a.font) != family_of(b.font) && gap > em && gap <= 3 * em;
}

// "Partnership: Advanced materials": a label in its own style, ending in a
// colon, and the value after it on the same line become two lines; outside
// the survey tool's documents (`any_label`) also a label without a colon
// and its value in another font, further apart than an em.
std::vector<Line> split_labels(std::vector<Line> lines, bool any_label) {
    std::vector<Line> out;
    for (auto& l : lines) {
        std::size_t at = 0;
        for (std::size_t k = 1; k < l.words.size() && at == 0; ++k) {
            const Word& a = l.words[k - 1];
            const Word& b = l.words[k];
            if (!a.text.empty() && a.text.back() == ':' &&
                (family_of(a.font) != family_of(b.font) || std::abs(a.size - b.size) > 0.6))
                at = k;
            else if (any_label && label_value_gap(a, b))
                at = k;
        }
        if (at == 0) {
            out.push_back(std::move(l));
            continue;
        }
        const std::vector<Word> label(l.words.begin(), l.words.begin() + static_cast<std::ptrdiff_t>(at));
        const std::vector<Word> value(l.words.begin() + static_cast<std::ptrdiff_t>(at), l.words.end());
        for (auto& part : make_lines(label, 1000)) out.push_back(std::move(part));
        for (auto& part : make_lines(value, 1000)) out.push_back(std::move(part));
    }
    return out;
}

struct FilledTable {
    int page = 0;
    DrawnTable drawn;
    std::vector<std::vector<std::string>> cells;  // row by row, column by column
};

enum class ItemKind { line, table, marks };

struct Item {
    ItemKind kind = ItemKind::line;
    int page = 0;
    Box box;
    std::size_t index = 0;  // into lines, tables or claims
};

}  // namespace

// Scanned by hand: the text is the document's (no backtracking matcher).
bool is_page_number(std::string_view t) {
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
    const auto digit = [](char c) { return c >= '0' && c <= '9'; };
    std::size_t i = 0;
    const auto skip_spaces = [&] {
        const std::size_t from = i;
        while (i < t.size() && space(t[i])) ++i;
        return i > from;
    };
    const auto number = [&] {
        const std::size_t from = i;
        while (i < t.size() && i - from < 5 && digit(t[i])) ++i;
        return i > from && i - from <= 4;
    };
    if (!t.empty() && t[0] == '-') {
        ++i;
        skip_spaces();
        if (!number()) return false;
        skip_spaces();
        return i + 1 == t.size() && t[i] == '-';
    }
    if (t.substr(0, 4) == "Page" || t.substr(0, 4) == "page") {
        i = 4;
        if (!skip_spaces()) return false;
    }
    if (!number()) return false;
    if (i == t.size()) return true;
    skip_spaces();
    if (t.substr(i, 1) == "/")
        i += 1;
    else if (t.substr(i, 2) == "of")
        i += 2;
    else
        return false;
    skip_spaces();
    return number() && i == t.size();
}

namespace {

bool is_footer(const Line& l, const PageContent& page) {
    if (!is_page_number(l.text)) return false;
    return l.box.y0 > 0.93 * page.height || l.box.y1 < 0.06 * page.height;
}

// Text lines of one table cell joined: wrapped by the renderer (never the
// writer's own breaks, which a cell does not keep).
std::string cell_text(const std::vector<Word>& words, double limit, int page) {
    if (words.empty()) return {};
    std::vector<WrappedLine> lines;
    for (auto& l : make_lines(words, 1000)) lines.push_back({l.words, l.box, page});
    WrapGeometry g;
    g.limit = limit;
    g.hard_breaks = false;
    return unwrap_lines(lines, g);
}

class Flow {
public:
    Flow(const std::vector<PageContent>& pages, DrawnChoices drawn, model::Document& doc)
        : pages_(pages),
          drawn_(std::move(drawn.questions)),
          claims_(std::move(drawn.claims)),
          fields_(std::move(drawn.fields)),
          doc_(doc) {
        merged_.assign(fields_.size(), false);
        survey_tool_ = is_survey_tool_pdf(doc);
    }

    // Reads the pages into the document; returns the drawn choices' fields,
    // a list going on over a page break one field.
    std::vector<model::Field> run() && {
        collect();
        learn_styles();
        for (auto& l : lines_) l.role = classify(l);
        for (const auto& l : lines_) numbered_titles_ += l.role == Role::body && numbered(l.line.text) ? 1 : 0;
        label_values();
        find_aligned_tables();
        walk();
        finish_answers();
        std::vector<model::Field> kept;
        for (std::size_t i = 0; i < fields_.size(); ++i)
            if (!merged_[i]) kept.push_back(std::move(fields_[i]));
        return kept;
    }

private:
    bool survey_tool_ = false;  // the survey tool's document: its page-1 header lines are metadata

    // Words into lines, tables and claimed (button) regions, page by page.
    void collect() {
        const DrawnTable* carried = nullptr;
        std::optional<DrawnTable> last;
        for (const auto& page : pages_) {
            std::vector<const Claim*> claimed;
            for (const auto& c : claims_)
                if (c.page == page.number) claimed.push_back(&c);
            std::vector<DrawnTable> tables = find_tables(page, carried);
            // a table over drawn buttons is a matrix the marks read
            tables.erase(std::remove_if(tables.begin(), tables.end(),
                                        [&](const DrawnTable& t) {
                                            return std::any_of(claimed.begin(), claimed.end(), [&](const Claim* c) {
                                                return overlap(c->box.y0, c->box.y1, t.box.y0, t.box.y1) > 1 &&
                                                       overlap(c->box.x0, c->box.x1, t.box.x0, t.box.x1) > 1;
                                            });
                                        }),
                         tables.end());
            std::vector<std::vector<std::vector<std::vector<Word>>>> cell_words(tables.size());
            for (std::size_t t = 0; t < tables.size(); ++t) {
                cell_words[t].resize(tables[t].rows.size());
                for (std::size_t r = 0; r < tables[t].rows.size(); ++r)
                    cell_words[t][r].resize(tables[t].rows[r].size());
            }
            std::vector<Word> free, stars;
            for (const auto& w : page.words) {
                const double cx = w.box.cx(), cy = w.box.cy();
                if (std::any_of(claimed.begin(), claimed.end(),
                                [&](const Claim* c) { return inside(c->box, cx, cy, 1); }))
                    continue;
                bool in_table = false;
                for (std::size_t t = 0; t < tables.size() && !in_table; ++t) {
                    if (!inside(tables[t].box, cx, cy)) continue;
                    in_table = true;
                    // rows are stacked top down and cells side by side: the first
                    // row (cell) ending below (right of) the word's middle holds it
                    const auto& rows = tables[t].rows;
                    const auto r = static_cast<std::size_t>(
                        std::partition_point(rows.begin(), rows.end(),
                                             [cy](const std::vector<Box>& row) { return row.front().y1 < cy; }) -
                        rows.begin());
                    if (r == rows.size()) continue;
                    const auto c = static_cast<std::size_t>(
                        std::partition_point(rows[r].begin(), rows[r].end(), [cx](const Box& b) { return b.x1 < cx; }) -
                        rows[r].begin());
                    if (c < rows[r].size() && inside(rows[r][c], cx, cy)) cell_words[t][r][c].push_back(w);
                }
                if (in_table) continue;
                (is_red_star(w) ? stars : free).push_back(w);
            }
            for (auto& line : split_labels(make_lines(free), !survey_tool_)) {
                FlowLine fl;
                const bool colon = !line.words.empty() && line.words.back().text.back() == ':';
                fl.label = !line.words.empty() && std::any_of(free.begin(), free.end(), [&](const Word& w) {
                    return w.box.x0 > line.box.x1 && on_one_line(w.box, line.box) &&
                           (colon || (!survey_tool_ && label_value_gap(line.words.back(), w)));
                });
                fl.page = page.number;
                fl.style = style_of(line);
                // "4. Date of birth (year-month-day)": a numbered label goes on in
                // another style (a hint, a unit); the label's style is its number's
                if (!survey_tool_ && line.words.size() > 1 && numbered(line.text))
                    fl.style = Style{family_of(line.words.front().font), line.words.front().size,
                                     tone_of(line.words.front().rgb)};
                for (const auto& s : stars) {
                    const bool beside = overlap(s.box.y0 - 3, s.box.y1 + 3, line.box.y0, line.box.y1) > 0 &&
                                        ((s.box.x1 <= line.box.x0 + 2 && line.box.x0 - s.box.x1 < 30) ||
                                         (s.box.x0 >= line.box.x1 - 2 && s.box.x0 - line.box.x1 < 15));
                    fl.starred = fl.starred || beside;
                }
                if (is_footer(line, page)) fl.role = Role::footer;
                fl.line = std::move(line);
                items_.push_back({ItemKind::line, page.number, fl.line.box, lines_.size()});
                lines_.push_back(std::move(fl));
            }
            for (std::size_t t = 0; t < tables.size(); ++t) {
                FilledTable ft;
                ft.page = page.number;
                ft.drawn = tables[t];
                // a column's right limit: the furthest its text reaches
                std::vector<double> limits(tables[t].columns.size(), 0.0);
                for (const auto& rr : cell_words[t])
                    for (std::size_t c = 0; c < rr.size() && c < limits.size(); ++c)
                        for (const auto& w : rr[c]) limits[c] = std::max(limits[c], w.box.x1);
                for (std::size_t r = 0; r < tables[t].rows.size(); ++r) {
                    std::vector<std::string> row;
                    for (std::size_t c = 0; c < tables[t].rows[r].size(); ++c)
                        row.push_back(cell_text(cell_words[t][r][c], c < limits.size() ? limits[c] : 0, page.number));
                    ft.cells.push_back(std::move(row));
                }
                items_.push_back({ItemKind::table, page.number, tables[t].box, tables_.size()});
                tables_.push_back(std::move(ft));
            }
            for (std::size_t c = 0; c < claims_.size(); ++c)
                if (claims_[c].page == page.number) items_.push_back({ItemKind::marks, page.number, claims_[c].box, c});
            last.reset();
            for (const auto& t : tables)
                if (!last || t.box.y0 > last->box.y0) last = t;
            carried = last ? &*last : nullptr;
            page_of_[page.number] = &page;
        }
        sort_items();
    }

    // Reading order: page by page, top to bottom, left to right.
    void sort_items() {
        std::stable_sort(items_.begin(), items_.end(), [](const Item& a, const Item& b) {
            if (a.page != b.page) return a.page < b.page;
            if (std::abs(a.box.y0 - b.box.y0) > 1) return a.box.y0 < b.box.y0;
            return a.box.x0 < b.box.x0;
        });
        // a value set a little higher than its label on their line (another
        // font, another baseline) still follows it
        if (survey_tool_) return;
        for (std::size_t i = 0; i + 1 < items_.size(); ++i) {
            Item& a = items_[i];
            Item& b = items_[i + 1];
            if (a.kind == ItemKind::line && b.kind == ItemKind::line && a.page == b.page && on_one_line(a.box, b.box) &&
                b.box.x1 < a.box.x0)
                std::swap(a, b);
        }
    }

    // The style question titles are set in: that of the lines a red `*`
    // stands by; else that of the text over the button groups; else the
    // commonest black text.
    void learn_styles() {
        std::map<std::tuple<std::string, long, int>, std::pair<std::size_t, Style>> votes;
        auto vote = [&votes](const FlowLine& l) {
            auto& slot = votes[l.style.key()];
            slot.first += 1 + code_points(l.line.text);
            slot.second = l.style;
        };
        for (const auto& l : lines_)
            if (l.starred && l.role != Role::footer) vote(l);
        if (votes.empty())
            for (const auto& c : claims_) {
                const FlowLine* above = nullptr;
                for (const auto& l : lines_)
                    if (l.page == c.page && l.line.box.y1 <= c.box.y0 + 1 && c.box.y0 - l.line.box.y1 < 80 &&
                        (above == nullptr || l.line.box.y1 > above->line.box.y1))
                        above = &l;
                if (above != nullptr) vote(*above);
            }
        if (votes.empty())
            for (const auto& l : lines_)
                if (l.label) vote(l);
        if (votes.empty())
            for (const auto& l : lines_)
                if (l.style.tone == Tone::black && l.role != Role::footer) vote(l);
        const auto best = std::max_element(
            votes.begin(), votes.end(), [](const auto& a, const auto& b) { return a.second.first < b.second.first; });
        if (best != votes.end()) title_style_ = best->second.second;
    }

    Role classify(const FlowLine& l) const {
        // the survey tool's header lines and its legend for the mandatory marker
        if (l.role == Role::footer) return Role::footer;
        if (survey_tool_ && l.page == 1 && is_header_line(l.line.text)) return Role::meta;
        switch (l.style.tone) {
            case Tone::grey: return Role::help;
            case Tone::colour:
                // a heading is set in colour and larger than the titles; a link
                // in the titles' size is part of what it stands in
                if (title_style_.size <= 0 || l.style.size >= title_style_.size + 1.0) return Role::heading;
                break;
            case Tone::red: return Role::body;
            case Tone::black: break;
        }
        // titles are set in one font, perhaps in a few sizes
        if (l.style.family == title_style_.family && std::abs(l.style.size - title_style_.size) <= 1.5)
            return Role::body;
        if (l.style.size >= title_style_.size + 1.5) return Role::heading;
        return Role::answer;
    }

    // "Given name:   Ada": what stands right of a label on its line is its
    // value, whatever its style.
    void label_values() {
        // lines are in reading order: the neighbours of a line on its row are near it in the list
        const auto same_row = [this](std::size_t i, std::size_t j) {
            return lines_[j].page == lines_[i].page &&
                   std::abs(lines_[j].line.box.y0 - lines_[i].line.box.y0) < 2 * lines_[i].line.box.height() + 2;
        };
        for (std::size_t i = 0; i < lines_.size(); ++i) {
            const FlowLine& label = lines_[i];
            if (!label.label || label.role != Role::body) continue;
            std::size_t from = i, to = i;
            while (from > 0 && same_row(i, from - 1)) --from;
            while (to + 1 < lines_.size() && same_row(i, to + 1)) ++to;
            for (std::size_t j = from; j <= to; ++j) {
                FlowLine& v = lines_[j];
                if (on_one_line(v.line.box, label.line.box) && v.line.box.x0 > label.line.box.x1 &&
                    v.role == Role::body && !v.label)
                    v.role = Role::answer;
            }
        }
    }

    // Tables without lines: a row of titles side by side (in the titles'
    // style) over rows of values in their columns; a row with nothing in the
    // first column goes on the row above (a wrapped cell).
    void find_aligned_tables() {
        // visual rows: the lines of one page whose middles agree
        std::vector<std::vector<std::size_t>> rows;
        for (std::size_t i = 0; i < lines_.size(); ++i) {
            const FlowLine& l = lines_[i];
            if (l.role == Role::meta || l.role == Role::footer) continue;
            bool placed_in = false;
            for (auto it = rows.rbegin(); it != rows.rend() && !placed_in; ++it) {
                const FlowLine& ref = lines_[it->front()];
                if (ref.page != l.page) break;
                if (close_to(ref.line.box.cy(), l.line.box.cy(), 2)) {
                    it->push_back(i);
                    placed_in = true;
                }
            }
            if (!placed_in) rows.push_back({i});
        }
        for (auto& r : rows)
            std::sort(r.begin(), r.end(),
                      [&](std::size_t a, std::size_t b) { return lines_[a].line.box.x0 < lines_[b].line.box.x0; });
        std::stable_sort(rows.begin(), rows.end(), [&](const auto& a, const auto& b) {
            const FlowLine& x = lines_[a.front()];
            const FlowLine& y = lines_[b.front()];
            return x.page < y.page || (x.page == y.page && x.line.box.cy() < y.line.box.cy());
        });
        bool added = false;
        for (std::size_t h = 0; h + 1 < rows.size(); ++h) {
            const auto& head = rows[h];
            if (head.size() < 2 || std::any_of(head.begin(), head.end(), [&](std::size_t i) {
                    return lines_[i].role != Role::body || lines_[i].label;
                }))
                continue;
            std::vector<Box> columns;
            for (const std::size_t i : head) columns.push_back(lines_[i].line.box);
            const auto column_of = [&columns](const Box& b) {
                std::size_t best = columns.size();
                double best_overlap = 0;
                for (std::size_t c = 0; c < columns.size(); ++c) {
                    const double lo = c == 0 ? -1e18 : columns[c].x0 - 4;
                    const double hi = c + 1 < columns.size() ? columns[c + 1].x0 - 4 : 1e18;
                    const double o = overlap(b.x0, b.x1, lo, hi);
                    if (o > best_overlap) {
                        best_overlap = o;
                        best = c;
                    }
                }
                return best;
            };
            std::vector<std::vector<std::vector<std::size_t>>> body;  // row, column, lines
            double bottom = lines_[head.front()].line.box.y1;
            double pitch = lines_[head.front()].line.box.height();
            for (std::size_t r = h + 1; r < rows.size(); ++r) {
                const auto& row = rows[r];
                const FlowLine& first = lines_[row.front()];
                if (first.page != lines_[head.front()].page || first.line.box.y0 - bottom > 1.2 * pitch) break;
                if (std::any_of(row.begin(), row.end(), [&](std::size_t i) { return lines_[i].role != Role::answer; }))
                    break;
                std::vector<std::vector<std::size_t>> cells(columns.size());
                for (const std::size_t i : row)
                    cells[std::min(column_of(lines_[i].line.box), columns.size() - 1)].push_back(i);
                const bool goes_on = cells.front().empty() && !body.empty();
                if (!goes_on && row.size() < 2) break;
                if (goes_on) {
                    for (std::size_t c = 0; c < cells.size(); ++c)
                        body.back()[c].insert(body.back()[c].end(), cells[c].begin(), cells[c].end());
                } else {
                    body.push_back(std::move(cells));
                }
                bottom = first.line.box.y1;
                for (const std::size_t i : row) bottom = std::max(bottom, lines_[i].line.box.y1);
            }
            if (body.empty()) continue;
            FilledTable t;
            t.page = lines_[head.front()].page;
            t.drawn.header = true;
            t.drawn.columns = columns;
            std::vector<std::string> titles;
            std::vector<Box> title_boxes;
            for (const std::size_t i : head) {
                titles.push_back(lines_[i].line.text);
                title_boxes.push_back(lines_[i].line.box);
                lines_[i].role = Role::cell;
            }
            // the table's first column holds row headers in a drawn table; here it is data
            titles.insert(titles.begin(), std::string());
            t.cells.push_back(titles);
            t.drawn.rows.push_back(title_boxes);
            Box all = unite(title_boxes.front(), title_boxes.back());
            for (auto& cells : body) {
                std::vector<std::string> texts{std::string()};
                Box row_box = all;
                bool first_box = true;
                for (auto& cell : cells) {
                    std::vector<Word> words;
                    for (const std::size_t i : cell) {
                        words.insert(words.end(), lines_[i].line.words.begin(), lines_[i].line.words.end());
                        row_box = first_box ? lines_[i].line.box : unite(row_box, lines_[i].line.box);
                        first_box = false;
                        lines_[i].role = Role::cell;
                    }
                    double limit = 0;
                    for (const auto& w : words) limit = std::max(limit, w.box.x1);
                    texts.push_back(cell_text(words, limit, t.page));
                }
                all = unite(all, row_box);
                t.cells.push_back(std::move(texts));
                t.drawn.rows.push_back({row_box});
            }
            t.drawn.box = all;
            items_.push_back({ItemKind::table, t.page, all, tables_.size()});
            tables_.push_back(std::move(t));
            added = true;
        }
        if (added) sort_items();
    }

    // ---- building the document ----

    struct Pending {
        std::vector<const FlowLine*> lines;
        std::vector<const FlowLine*> help;
        bool starred = false;
    };

    static std::string text_of(const std::vector<const FlowLine*>& lines) {
        std::string out;
        for (const FlowLine* l : lines) {
            if (!out.empty() && !l->line.text.empty()) out += ' ';
            out += l->line.text;
        }
        return out;
    }

    static Box box_of(const std::vector<const FlowLine*>& lines) {
        Box b = lines.front()->line.box;
        for (const FlowLine* l : lines)
            if (l->page == lines.front()->page) b = unite(b, l->line.box);
        return b;
    }

    // A line that goes on the block above it: same page, same style and
    // left edge, no more than a line's leading below it.
    static bool continues(const FlowLine& above, const FlowLine& l) {
        return above.page == l.page && above.style.same(l.style) && close_to(above.line.box.x0, l.line.box.x0, 12) &&
               l.line.box.y0 - above.line.box.y1 <= 0.8 * std::max(l.line.size, 4.0) &&
               l.line.box.y0 >= above.line.box.y0;
    }

    // Outside the survey tool's documents, a block in the titles' style
    // that is a field's label with its answer left blank: a numbered one
    // among several ("3. First names") or one ending in a colon ("Date
    // application :").
    bool labelled_field(const Pending& p) const {
        if (survey_tool_) return false;
        const std::string& last = p.lines.back()->line.text;
        if (!last.empty() && last.back() == ':') return true;
        return numbered_titles_ >= 3 && numbered(p.lines.front()->line.text);
    }

    // An empty box (a text answer left blank) right under a block.
    bool empty_box_below(const Pending& p) const {
        const FlowLine& last = *p.lines.back();
        const PageContent& page = *page_of_.at(last.page);
        for (const auto& b : page.boxes) {
            if (b.width() < 100 || b.y0 < last.line.box.y1 - 1 || b.y0 - last.line.box.y1 > 30) continue;
            if (b.x0 > last.line.box.x0 + 10 || b.x1 < last.line.box.x1) continue;
            const bool empty = std::none_of(page.words.begin(), page.words.end(),
                                            [&](const Word& w) { return inside(b, w.box.cx(), w.box.cy()); });
            if (empty) return true;
        }
        return false;
    }

    std::size_t new_question(Pending* p, const Box& where_box, int page) {
        model::Question q;
        if (p != nullptr) {
            q.title = text_of(p->lines);
            q.mandatory = p->starred;
            q.help = text_of(p->help);
            q.where = placed(p->lines.front()->page, box_of(p->lines));
        } else {
            q.where = placed(page, where_box);
        }
        q.section = static_cast<int>(doc_.sections.size()) - 1;
        doc_.questions.push_back(std::move(q));
        return doc_.questions.size() - 1;
    }

    // Nothing read yet on the first page (text there may be the form's title).
    bool at_start(int page) const {
        return page == 1 && doc_.title.empty() && doc_.sections.empty() && doc_.questions.empty() && doc_.texts.empty();
    }

    void add_text(const std::string& text, int page, const Box& box) {
        if (text.empty()) return;
        if (at_start(page)) {  // the first text of the document is its title
            doc_.title = text;
            return;
        }
        doc_.texts.push_back({text, static_cast<int>(doc_.sections.size()) - 1, placed(page, box)});
    }

    void flush() {
        if (!pending_) return;
        Pending p = std::move(*pending_);
        pending_.reset();
        if (p.starred || empty_box_below(p) || labelled_field(p)) {
            const std::size_t q = new_question(&p, {}, 0);
            doc_.questions[q].answer.kind = model::AnswerKind::text;
            doc_.questions[q].answer.where = doc_.questions[q].where;
            return;
        }
        add_text(text_of(p.lines), p.lines.front()->page, box_of(p.lines));
        if (!p.help.empty()) add_text(text_of(p.help), p.help.front()->page, box_of(p.help));
    }

    void walk() {
        enum class Open { none, text, table, marks } open = Open::none;
        std::size_t open_q = 0;
        int page = 0;
        bool first_on_page = true;
        std::vector<const FlowLine*> heading;
        std::map<std::size_t, std::size_t> placed_drawn;  // drawn question → document question
        std::size_t open_claim = 0;
        for (const Item& item : items_) {
            if (item.page != page) {
                page = item.page;
                first_on_page = true;
            }
            const bool first = first_on_page;
            if (item.kind == ItemKind::line) {
                const FlowLine& l = lines_[item.index];
                if (l.role == Role::meta || l.role == Role::footer || l.role == Role::cell) continue;
                first_on_page = false;
                if (l.role != Role::heading && !heading.empty()) end_heading(heading);
                switch (l.role) {
                    case Role::heading:
                        flush();
                        if (!heading.empty() && !continues(*heading.back(), l)) end_heading(heading);
                        heading.push_back(&l);
                        open = Open::none;
                        break;
                    case Role::body:
                        if (pending_ &&
                            continues(pending_->help.empty() ? *pending_->lines.back() : *pending_->help.back(), l)) {
                            // a line in parentheses under a title is its help, as is all that follows it
                            if (!pending_->help.empty() ||
                                (l.line.text.front() == '(' &&
                                 !close_to(l.line.box.x0, pending_->lines.front()->line.box.x0, 3))) {
                                pending_->help.push_back(&l);
                            } else {
                                pending_->lines.push_back(&l);
                                pending_->starred = pending_->starred || l.starred;
                            }
                        } else {
                            flush();
                            pending_ = Pending{{&l}, {}, l.starred};
                        }
                        open = Open::none;
                        break;
                    case Role::help:
                        if (pending_) {
                            pending_->help.push_back(&l);
                        } else {
                            add_text(l.line.text, l.page, l.line.box);
                        }
                        break;
                    case Role::answer:
                        if (pending_) {
                            Pending p = std::move(*pending_);
                            pending_.reset();
                            open_q = new_question(&p, {}, 0);
                            doc_.questions[open_q].answer.kind = model::AnswerKind::text;
                            answers_[open_q].push_back(&l);
                            open = Open::text;
                        } else if (open == Open::text) {
                            answers_[open_q].push_back(&l);
                        } else {
                            add_text(l.line.text, l.page, l.line.box);
                        }
                        break;
                    default: break;
                }
                continue;
            }
            if (!heading.empty()) end_heading(heading);
            first_on_page = false;
            if (item.kind == ItemKind::table) {
                const FilledTable& t = tables_[item.index];
                if (open == Open::table && first && !pending_) {
                    // the table goes on from the page before (its header row repeated or not)
                    model::Table& into = doc_.questions[open_q].answer.table;
                    const auto& top = t.cells.front();
                    const std::size_t skip = top.size() > into.columns.size() ? 1 : 0;
                    const bool repeated = t.drawn.header && top.size() == into.columns.size() + skip &&
                                          std::equal(into.columns.begin(), into.columns.end(),
                                                     top.begin() + static_cast<std::ptrdiff_t>(skip));
                    append_rows(into, t, repeated ? 1 : 0);
                    continue;
                }
                Pending* p = pending_ ? &*pending_ : nullptr;
                open_q = new_question(p, t.drawn.box, t.page);
                pending_.reset();
                model::Answer& a = doc_.questions[open_q].answer;
                a.kind = model::AnswerKind::table;
                a.where = placed(t.page, t.drawn.box);
                std::size_t from = 0;
                if (!t.cells.empty()) {
                    // a table's first row names its columns; under an empty corner
                    // cell the first column holds row headers, not data
                    const auto& top = t.cells.front();
                    for (std::size_t c = top.front().empty() ? 1 : 0; c < top.size(); ++c)
                        a.table.columns.push_back(top[c]);
                    from = 1;
                }
                append_rows(a.table, t, from);
                open = Open::table;
                continue;
            }
            // buttons
            const Claim& c = claims_[item.index];
            if (auto it = placed_drawn.find(c.question); it != placed_drawn.end()) {
                open_q = it->second;  // a grid going on from the page before
                open = Open::marks;
                continue;
            }
            const model::Question& d = drawn_[c.question];
            if (!pending_ && !c.titled && open == Open::marks && first && d.answer.kind == model::AnswerKind::choice &&
                doc_.questions[open_q].answer.kind == model::AnswerKind::choice &&
                doc_.questions[open_q].answer.choice.multiple == d.answer.choice.multiple) {
                // a list of buttons going on from the page before
                auto& options = doc_.questions[open_q].answer.choice.options;
                options.insert(options.end(), d.answer.choice.options.begin(), d.answer.choice.options.end());
                const Claim& before = claims_[open_claim];
                if (before.field_end == before.field_begin + 1 && c.field_end == c.field_begin + 1) {
                    auto& into = fields_[before.field_begin].options;
                    const auto& more = fields_[c.field_begin].options;
                    into.insert(into.end(), more.begin(), more.end());
                    merged_[c.field_begin] = true;  // its options are the list's now
                }
                placed_drawn[c.question] = open_q;
                continue;
            }
            model::Question q = d;
            if (pending_ && c.titled) flush();  // its title is on its row: what came before is not it
            if (pending_) {
                q.title = text_of(pending_->lines);
                q.mandatory = q.mandatory || pending_->starred;
                q.help = text_of(pending_->help);
                q.where = placed(pending_->lines.front()->page, box_of(pending_->lines));
                for (std::size_t f = c.field_begin; f < c.field_end; ++f) {
                    if (fields_[f].label == d.title) fields_[f].label = q.title;
                    fields_[f].required =
                        fields_[f].required || (pending_->starred && c.field_end == c.field_begin + 1);
                }
                pending_.reset();
            }
            q.section = static_cast<int>(doc_.sections.size()) - 1;
            doc_.questions.push_back(std::move(q));
            open_q = doc_.questions.size() - 1;
            open_claim = item.index;
            placed_drawn[c.question] = open_q;
            open = Open::marks;
        }
        if (!heading.empty()) end_heading(heading);
        flush();
    }

    void end_heading(std::vector<const FlowLine*>& heading) {
        const std::string text = text_of(heading);
        const int page = heading.front()->page;
        const Box box = box_of(heading);
        const Tone tone = heading.front()->style.tone;
        heading.clear();
        if (text.empty()) return;
        // a first heading in black (larger than the text) is the form's title
        if (at_start(page) && tone == Tone::black) {
            doc_.title = text;
            return;
        }
        doc_.sections.push_back({text, 1, placed(page, box), {}});
    }

    static void append_rows(model::Table& table, const FilledTable& t, std::size_t from) {
        for (std::size_t r = from; r < t.cells.size(); ++r) {
            model::TableRow row;
            const auto& cells = t.cells[r];
            const std::size_t skip = cells.size() > table.columns.size() ? 1 : 0;
            if (skip == 1) row.header = cells.front();
            for (std::size_t c = skip; c < cells.size(); ++c) row.cells.push_back(cells[c]);
            if (!table.columns.empty()) row.cells.resize(table.columns.size());
            Box b = t.drawn.rows[r].front();
            for (const auto& cell : t.drawn.rows[r]) b = unite(b, cell);
            row.where = placed(t.page, b);
            table.rows.push_back(std::move(row));
        }
    }

    // Text answers: their lines unwrapped with the geometry of their box or column.
    void finish_answers() {
        // the leading of each answer style: the smallest distance between two lines of one answer
        std::map<std::tuple<std::string, long, int>, double> pitch;
        for (const auto& [q, lines] : answers_)
            for (std::size_t i = 1; i < lines.size(); ++i) {
                if (lines[i]->page != lines[i - 1]->page) continue;
                const double d = lines[i]->line.box.y0 - lines[i - 1]->line.box.y0;
                if (d < 0.8 * lines[i]->line.size) continue;
                auto [it, fresh] = pitch.emplace(lines[i]->style.key(), d);
                if (!fresh) it->second = std::min(it->second, d);
            }
        for (const auto& [q, lines] : answers_) {
            const FlowLine& first = *lines.front();
            WrapGeometry g;
            if (auto it = pitch.find(first.style.key()); it != pitch.end()) g.pitch = it->second;
            double left = first.line.box.x0;
            for (const FlowLine* l : lines) left = std::min(left, l->line.box.x0);
            // a drawn answer box: its right edge less the padding its text keeps on the left
            bool boxed = false;
            const PageContent& page = *page_of_.at(first.page);
            for (const auto& b : page.boxes)
                if (b.width() > 100 && b.x0 <= left && b.x1 >= first.line.box.x1 && b.y0 <= first.line.box.y0 &&
                    b.y1 >= first.line.box.y1 && b.x1 <= page.width + 1 && b.y0 >= -1) {
                    g.limit = b.x1 - (left - b.x0);
                    boxed = true;
                }
            if (!boxed)  // the column's widest line of this style
                for (const auto& l : lines_)
                    if (l.role == Role::answer && l.style.same(first.style) && close_to(l.line.box.x0, left, 2))
                        g.limit = std::max(g.limit, l.line.box.x1);
            std::vector<WrappedLine> wrapped;
            for (const FlowLine* l : lines) wrapped.push_back({l->line.words, l->line.box, l->page});
            model::Answer& a = doc_.questions[q].answer;
            a.text = unwrap_lines(wrapped, g);
            std::vector<const FlowLine*> on_first;
            for (const FlowLine* l : lines)
                if (l->page == first.page) on_first.push_back(l);
            a.where = placed(first.page, box_of(on_first));
        }
    }

    const std::vector<PageContent>& pages_;
    std::vector<model::Question> drawn_;
    const std::vector<Claim> claims_;
    std::vector<model::Field> fields_;
    std::vector<bool> merged_;  // per field: merged into the list it goes on (left out)
    model::Document& doc_;

    std::vector<FlowLine> lines_;
    std::vector<FilledTable> tables_;
    std::vector<Item> items_;
    std::map<int, const PageContent*> page_of_;  // by page number
    Style title_style_;
    std::size_t numbered_titles_ = 0;  // lines in the titles' style that begin with an item's number
    std::optional<Pending> pending_;
    std::map<std::size_t, std::vector<const FlowLine*>> answers_;
};

// Tables drawn line by line: horizontal rules of one width stacked, joined by
// vertical rules at the table's left edge, the columns where inner vertical
// rules stand. The first row is the header. Rules of tables already found
// (cells drawn as rectangles) are left alone.
void find_ruled_tables(const PageContent& page, std::vector<DrawnTable>& out) {
    const auto taken = [&out](const Box& r) {
        return std::any_of(out.begin(), out.end(),
                           [&](const DrawnTable& t) { return inside(t.box, r.cx(), r.cy(), 2); });
    };
    std::vector<Box> across, down;
    for (const auto& r : page.rules) {
        // not the sides of a clip or a box reaching off the page, nor rules of tables found
        if (r.box.x0 < -1 || r.box.y0 < -1 || r.box.x1 > page.width + 1 || r.box.y1 > page.height + 1) continue;
        if (taken(r.box)) continue;
        if (r.box.height() < 2.5 && r.box.width() > 60) across.push_back(r.box);
        if (r.box.width() < 2.5 && r.box.height() > 4) down.push_back(r.box);
    }
    std::stable_sort(across.begin(), across.end(), [](const Box& a, const Box& b) { return a.cy() < b.cy(); });
    std::vector<bool> used(across.size(), false);
    // a vertical rule at x covering [y0, y1]
    const auto joined = [&down](double x, double y0, double y1) {
        return std::any_of(down.begin(), down.end(),
                           [&](const Box& d) { return close_to(d.cx(), x, 2) && d.y0 <= y0 + 2 && d.y1 >= y1 - 2; });
    };
    for (std::size_t i = 0; i < across.size(); ++i) {
        if (used[i]) continue;
        const Box& first = across[i];
        std::vector<double> ys{first.cy()};
        used[i] = true;
        for (std::size_t j = i + 1; j < across.size(); ++j) {
            if (used[j] || !close_to(across[j].x0, first.x0) || !close_to(across[j].x1, first.x1)) continue;
            if (close_to(across[j].cy(), ys.back(), 1.5)) {
                used[j] = true;
                continue;
            }
            if (!joined(first.x0, ys.back(), across[j].cy())) break;
            ys.push_back(across[j].cy());
            used[j] = true;
        }
        if (ys.size() < 3) continue;  // a header row and one row at least
        // inner column borders: vertical rules strictly inside, below the header row
        std::vector<double> xs;
        for (const auto& d : down) {
            if (d.cx() < first.x0 + 3 || d.cx() > first.x1 - 3 || d.y1 < ys.front() || d.y0 > ys.back()) continue;
            if (std::none_of(xs.begin(), xs.end(), [&](double x) { return close_to(x, d.cx(), 2); }))
                xs.push_back(d.cx());
        }
        if (xs.empty()) continue;
        std::sort(xs.begin(), xs.end());
        xs.insert(xs.begin(), first.x0);
        xs.push_back(first.x1);
        DrawnTable t;
        t.header = true;
        for (std::size_t c = 1; c < xs.size(); ++c) t.columns.push_back({xs[c - 1], ys.front(), xs[c], ys.back()});
        for (std::size_t r = 1; r < ys.size(); ++r) {
            std::vector<Box> cells;
            for (const auto& c : t.columns) cells.push_back({c.x0, ys[r - 1], c.x1, ys[r]});
            t.rows.push_back(std::move(cells));
        }
        t.box = {first.x0, ys.front(), first.x1, ys.back()};
        out.push_back(std::move(t));
    }
}

}  // namespace

std::string unwrap_lines(const std::vector<WrappedLine>& lines, const WrapGeometry& g) {
    // the width of a space, from the gaps between words; the left edge lines start at
    std::vector<double> gaps;
    double left = 1e18;
    for (const auto& l : lines) {
        if (l.words.empty()) continue;
        left = std::min(left, l.box.x0);
        for (std::size_t k = 1; k < l.words.size(); ++k) gaps.push_back(l.words[k].box.x0 - l.words[k - 1].box.x1);
    }
    double space = 0;
    if (!gaps.empty()) {
        std::nth_element(gaps.begin(), gaps.begin() + static_cast<std::ptrdiff_t>(gaps.size() / 2), gaps.end());
        space = gaps[gaps.size() / 2];
    }
    // a line's own indentation (a writer's leading spaces), in spaces
    const auto indent = [&](const WrappedLine& l) {
        if (!g.hard_breaks || space <= 0.5) return std::string();
        const long n = std::lround((l.box.x0 - left) / space);
        return std::string(static_cast<std::size_t>(std::clamp(n, 0L, 40L)), ' ');
    };
    std::string out;
    const WrappedLine* prev = nullptr;
    for (const auto& cur : lines) {
        if (cur.words.empty()) continue;
        const std::string text = join(cur.words);
        if (prev == nullptr) {
            out = indent(cur) + text;
            prev = &cur;
            continue;
        }
        if (g.hard_breaks && prev->page == cur.page && g.pitch > 0) {
            const long blanks = std::lround((cur.box.y0 - prev->box.y0) / g.pitch) - 1;
            if (blanks > 0) {
                out.append(static_cast<std::size_t>(std::min(blanks, 10L)) + 1, '\n');
                out += indent(cur) + text;
                prev = &cur;
                continue;
            }
        }
        const Word& last = prev->words.back();
        const Word& next = cur.words.front();
        // wrapped: the next line's first word would not have fitted after a space
        // (ties count as wrapped: a writer's break seldom ends within a point of the edge)
        const double gap = std::max(space, 0.25 * std::max(last.size, 1.0));
        const bool fits = prev->box.x1 + gap + next.box.width() <= g.limit - 0.5;
        if (g.hard_breaks && fits) {
            out += '\n';
            out += indent(cur) + text;
            prev = &cur;
            continue;
        }
        const double char_width =
            last.box.width() / static_cast<double>(std::max<std::size_t>(1, code_points(last.text)));
        // a word broken where the line ended: it filled the line on its own
        const bool broken_word = !last.space_after && prev->words.size() == 1 &&
                                 prev->box.x1 >= g.limit - 1.5 * char_width && breakable_token(last.text);
        const bool hyphen_break = !last.space_after && ends_in_word_hyphen(last.text);
        if (hyphen_break && !out.empty() && out.back() == '-') {
            // settled once the document is read (words.hpp): joined where it spells the word whole
            out.pop_back();
            out += kLineEndHyphen;
        } else if (!broken_word) {
            out += ' ';
        }
        out += text;
        prev = &cur;
    }
    return out;
}

std::vector<DrawnTable> find_tables(const PageContent& page, const DrawnTable* carried) {
    // the rectangles on the page, a border drawn twice (inner and outer) taken once
    std::vector<Box> boxes;
    for (const auto& b : page.boxes) {
        if (b.x0 < -1 || b.y0 < -1 || b.x1 > page.width + 1 || b.y1 > page.height + 1) continue;
        if (b.width() < 8 || b.height() < 8) continue;
        auto twin = std::find_if(boxes.begin(), boxes.end(), [&](const Box& k) { return same_box(k, b, 1.5); });
        if (twin != boxes.end())
            *twin = unite(*twin, b);
        else
            boxes.push_back(b);
    }
    std::stable_sort(boxes.begin(), boxes.end(), [](const Box& a, const Box& b) {
        return a.y0 < b.y0 - 0.5 || (std::abs(a.y0 - b.y0) <= 0.5 && a.x0 < b.x0);
    });
    std::vector<bool> used(boxes.size(), false);
    std::vector<DrawnTable> out;
    // rows under y, each bounded by a box in the table's first column
    const auto stack_rows = [&](DrawnTable& t, double y) {
        for (;;) {
            std::size_t found = boxes.size();
            for (std::size_t i = 0; i < boxes.size() && found == boxes.size(); ++i)
                if (!used[i] && close_to(boxes[i].x0, t.columns.front().x0) &&
                    close_to(boxes[i].x1, t.columns.front().x1) && boxes[i].y0 >= y - 2 && boxes[i].y0 <= y + 8)
                    found = i;
            if (found == boxes.size()) return;
            const Box& b = boxes[found];
            std::vector<Box> cells;
            for (const auto& c : t.columns) cells.push_back({c.x0, b.y0, c.x1, b.y1});
            t.rows.push_back(std::move(cells));
            t.box = t.rows.size() == 1 && !t.header
                        ? Box{t.columns.front().x0, b.y0, t.columns.back().x1, b.y1}
                        : unite(t.box, {t.columns.front().x0, b.y0, t.columns.back().x1, b.y1});
            used[found] = true;
            y = b.y1;
        }
    };
    const auto close_table = [&](DrawnTable& t) {
        for (std::size_t i = 0; i < boxes.size(); ++i)
            if (!used[i] && inside(t.box, boxes[i].cx(), boxes[i].cy())) used[i] = true;
        if (!t.rows.empty()) out.push_back(std::move(t));
    };
    // rows going on from the table at the end of the page before
    bool carry = carried != nullptr && !carried->columns.empty() && !boxes.empty() &&
                 close_to(boxes.front().x0, carried->columns.front().x0) &&
                 close_to(boxes.front().x1, carried->columns.front().x1);
    if (carry) {
        // not when the top row's own cells stand in other columns (another table's header)
        for (const auto& b : boxes) {
            if (!close_to(b.y0, boxes.front().y0, 1.5) || !close_to(b.y1, boxes.front().y1, 1.5)) continue;
            carry = carry && std::any_of(carried->columns.begin(), carried->columns.end(),
                                         [&](const Box& c) { return close_to(c.x0, b.x0) && close_to(c.x1, b.x1); });
        }
    }
    if (carry) {
        DrawnTable t;
        t.columns = carried->columns;
        stack_rows(t, boxes.front().y0);
        close_table(t);
    }
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        if (used[i]) continue;
        // a header row: boxes of one height side by side
        std::vector<std::size_t> row;
        for (std::size_t j = 0; j < boxes.size(); ++j)
            if (!used[j] && close_to(boxes[j].y0, boxes[i].y0, 1.5) && close_to(boxes[j].y1, boxes[i].y1, 1.5))
                row.push_back(j);
        std::sort(row.begin(), row.end(), [&](std::size_t a, std::size_t b) { return boxes[a].x0 < boxes[b].x0; });
        bool side_by_side = row.size() >= 2;
        for (std::size_t k = 1; k < row.size() && side_by_side; ++k) {
            const double gap = boxes[row[k]].x0 - boxes[row[k - 1]].x1;
            side_by_side = gap > -1 && gap < 12;
        }
        if (!side_by_side) continue;
        DrawnTable t;
        t.header = true;
        std::vector<Box> header;
        for (const std::size_t j : row) {
            t.columns.push_back(boxes[j]);
            header.push_back(boxes[j]);
            used[j] = true;
        }
        t.rows.push_back(header);
        t.box = unite(header.front(), header.back());
        stack_rows(t, t.box.y1);
        close_table(t);
    }
    find_ruled_tables(page, out);
    std::sort(out.begin(), out.end(), [](const DrawnTable& a, const DrawnTable& b) { return a.box.y0 < b.box.y0; });
    return out;
}

std::vector<model::Field> read_flow(const std::vector<PageContent>& pages, DrawnChoices drawn, model::Document& doc) {
    return Flow(pages, std::move(drawn), doc).run();
}

}  // namespace formsift::extract::pdf
