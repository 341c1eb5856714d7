#include "layout.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace formsift::extract::pdf {
double overlap(double a0, double a1, double b0, double b1) {
    return std::max(0.0, std::min(a1, b1) - std::max(a0, b0));
}

Box unite(const Box& a, const Box& b) {
    return {std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1), std::max(a.y1, b.y1)};
}

model::Provenance placed(int page, const Box& b) {
    model::Provenance p;
    p.page = page;
    p.box[0] = b.x0;
    p.box[1] = b.y0;
    p.box[2] = b.x1;
    p.box[3] = b.y1;
    return p;
}

bool is_red_star(const Word& w) {
    return w.text == "*" && w.rgb[0] > 0.6 && w.rgb[1] < 0.35 && w.rgb[2] < 0.35;
}

std::string join(const std::vector<Word>& words) {
    std::string out;
    for (const auto& w : words) {
        if (w.text.empty()) continue;
        if (!out.empty()) out += ' ';
        out += w.text;
    }
    return out;
}

namespace {

Line line_of(std::vector<Word> words) {
    Line l;
    std::sort(words.begin(), words.end(), [](const Word& a, const Word& b) { return a.box.x0 < b.box.x0; });
    l.box = words.front().box;
    for (const auto& w : words) {
        l.box = unite(l.box, w.box);
        l.size = std::max(l.size, w.size);
        l.bold = l.bold || w.bold;
    }
    l.words = std::move(words);
    l.text = join(l.words);
    return l;
}

struct Placed {
    const Mark* mark;
    int page;
    std::string label;  // text beside it, when it has some
    std::vector<Word> label_words;
};

// Words on the same line as the mark, right of it, up to the next mark or a wide gap.
std::vector<Word> words_right_of(const Mark& m, const std::vector<Word>& words, const std::vector<Mark>& marks) {
    std::vector<Word> same_line;
    for (const auto& w : words) {
        if (is_red_star(w)) continue;
        const double v = overlap(w.box.y0, w.box.y1, m.box.y0, m.box.y1);
        if (v < 0.4 * std::min(w.box.height(), m.box.height())) continue;
        if (w.box.x0 < m.box.x1 - 1) continue;
        same_line.push_back(w);
    }
    std::sort(same_line.begin(), same_line.end(), [](const Word& a, const Word& b) { return a.box.x0 < b.box.x0; });
    double next_mark = 1e18;
    for (const auto& o : marks)
        if (&o != &m && o.box.x0 > m.box.x1 && overlap(o.box.y0, o.box.y1, m.box.y0, m.box.y1) > 0)
            next_mark = std::min(next_mark, o.box.x0);
    std::vector<Word> out;
    double x = m.box.x1;
    for (const auto& w : same_line) {
        if (w.box.x0 >= next_mark) break;
        const double gap = w.box.x0 - x;
        const double limit = out.empty() ? std::max(12.0, 1.5 * m.box.width()) : std::max(8.0, 1.2 * w.size);
        if (gap > limit) break;
        out.push_back(w);
        x = w.box.x1;
    }
    return out;
}

// A label wrapped onto more lines: the lines right under it, starting where
// it starts, before the next button of its column.
void extend_label(std::vector<Word>& label, const Mark& m, const std::vector<Line>& lines,
                  const std::vector<Mark>& marks) {
    const double x0 = label.front().box.x0;
    double next_mark = 1e18;
    for (const auto& o : marks)
        if (&o != &m && o.box.cy() > m.box.y1 && std::abs(o.box.x0 - m.box.x0) < 3)
            next_mark = std::min(next_mark, o.box.y0);
    double bottom = 0;
    for (const auto& w : label) bottom = std::max(bottom, w.box.y1);
    for (const auto& l : lines) {
        if (l.box.y0 <= bottom - 1 || l.box.y1 > next_mark) continue;
        // wrapped lines start under the label, or a little left of it (beside a floated button)
        if (l.box.x0 > x0 + 2 || l.box.x0 < m.box.x0 - 2) continue;
        if (l.box.y0 - bottom > 0.6 * std::max(l.size, 4.0)) break;
        label.insert(label.end(), l.words.begin(), l.words.end());
        bottom = l.box.y1;
    }
}

// Rows of marks: marks on one page whose vertical centres agree.
std::vector<std::vector<const Mark*>> mark_rows(const std::vector<Mark>& marks) {
    std::vector<const Mark*> sorted;
    for (const auto& m : marks) sorted.push_back(&m);
    std::sort(sorted.begin(), sorted.end(), [](const Mark* a, const Mark* b) {
        return a->box.cy() < b->box.cy() || (a->box.cy() == b->box.cy() && a->box.x0 < b->box.x0);
    });
    std::vector<std::vector<const Mark*>> rows;
    for (const Mark* m : sorted) {
        if (!rows.empty()) {
            const Mark* first = rows.back().front();
            if (std::abs(first->box.cy() - m->box.cy()) < 0.5 * std::max(first->box.height(), m->box.height())) {
                rows.back().push_back(m);
                continue;
            }
        }
        rows.push_back({m});
    }
    for (auto& r : rows)
        std::sort(r.begin(), r.end(), [](const Mark* a, const Mark* b) { return a->box.x0 < b->box.x0; });
    return rows;
}

// The question text above a group: the nearest block of lines above `top`
// (within `reach` points) that overlaps [x0, x1] horizontally, excluding
// words already used as labels.
std::string text_above(const std::vector<Line>& lines, double top, double x0, double reach, bool& starred,
                       const std::vector<const Word*>& used, double min_size = 0) {
    starred = false;
    int best = -1;
    for (int i = static_cast<int>(lines.size()) - 1; i >= 0; --i) {
        const Line& l = lines[static_cast<std::size_t>(i)];
        if (l.box.y1 > top + 1) continue;
        if (top - l.box.y1 > reach) continue;
        // help text under a title is set smaller than the question: look past it
        if (min_size > 0 && l.size < min_size) {
            top = l.box.y0;
            continue;
        }
        if (l.box.x1 < x0 - 40) continue;
        bool all_used = true;
        for (const auto& w : l.words) {
            bool u = false;
            for (const Word* x : used)
                if (x->box.x0 == w.box.x0 && x->box.y0 == w.box.y0 && x->text == w.text) u = true;
            all_used = all_used && (u || is_red_star(w));
        }
        if (all_used) continue;
        best = i;
        break;
    }
    if (best < 0) return {};
    // extend upwards over lines close to each other (a wrapped title, its help line)
    int first = best;
    while (first > 0) {
        const Line& above = lines[static_cast<std::size_t>(first - 1)];
        const Line& cur = lines[static_cast<std::size_t>(first)];
        if (cur.box.y0 - above.box.y1 > 0.8 * std::max(cur.size, 6.0)) break;
        if (std::abs(above.size - cur.size) > 1.5) break;
        --first;
    }
    std::string text;
    for (int i = first; i <= best; ++i) {
        const Line& l = lines[static_cast<std::size_t>(i)];
        std::vector<Word> words;
        for (const auto& w : l.words) {
            if (is_red_star(w)) {
                starred = true;
                continue;
            }
            words.push_back(w);
        }
        const std::string t = join(words);
        // help lines in parentheses belong to the question, not to its title
        if (i > first && !t.empty() && t.front() == '(') break;
        if (!text.empty() && !t.empty()) text += ' ';
        text += t;
    }
    return text;
}

// A text line between the bottom of one row of buttons and the top of the
// next that reaches right of `x` (a title, a header, another question).
bool line_between(const std::vector<Line>& lines, double upper_bottom, double lower_top, double x) {
    return std::any_of(lines.begin(), lines.end(),
                       [&](const Line& l) { return l.box.y0 > upper_bottom && l.box.y1 < lower_top && l.box.x1 > x; });
}

bool star_near(const std::vector<Word>& words, const Box& band) {
    for (const auto& w : words)
        if (is_red_star(w) && overlap(w.box.y0 - 3, w.box.y1 + 3, band.y0, band.y1) > 0 && w.box.x1 <= band.x1 + 1 &&
            w.box.x0 >= band.x0 - 30)
            return true;
    return false;
}

}  // namespace

std::vector<Line> make_lines(const std::vector<Word>& words, double gap) {
    std::vector<Word> sorted = words;
    std::sort(sorted.begin(), sorted.end(), [](const Word& a, const Word& b) {
        return a.box.cy() < b.box.cy() || (a.box.cy() == b.box.cy() && a.box.x0 < b.box.x0);
    });
    std::vector<std::vector<Word>> groups;
    for (const auto& w : sorted) {
        bool placed = false;
        for (auto it = groups.rbegin(); it != groups.rend() && !placed; ++it) {
            const Word& ref = it->front();
            const double v = overlap(ref.box.y0, ref.box.y1, w.box.y0, w.box.y1);
            if (v < 0.5 * std::min(ref.box.height(), w.box.height())) {
                if (ref.box.y1 < w.box.y0) break;
                continue;
            }
            it->push_back(w);
            placed = true;
        }
        if (!placed) groups.push_back({w});
    }
    std::vector<Line> lines;
    for (auto& g : groups) {
        std::sort(g.begin(), g.end(), [](const Word& a, const Word& b) { return a.box.x0 < b.box.x0; });
        // split where words are far apart (table columns)
        std::vector<Word> cur;
        for (const auto& w : g) {
            if (!cur.empty() && w.box.x0 - cur.back().box.x1 > gap * std::max(w.size, 4.0)) {
                lines.push_back(line_of(std::move(cur)));
                cur.clear();
            }
            cur.push_back(w);
        }
        if (!cur.empty()) lines.push_back(line_of(std::move(cur)));
    }
    std::sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) {
        return a.box.y0 < b.box.y0 - 1 || (std::abs(a.box.y0 - b.box.y0) <= 1 && a.box.x0 < b.box.x0);
    });
    return lines;
}

bool is_survey_tool_pdf(const model::Document& doc) {
    const auto producer = doc.meta.find("pdf_producer");
    return doc.meta.count("contribution_id") > 0 || doc.meta.count("draft_id") > 0 ||
           (producer != doc.meta.end() && producer->second.find("iText") != std::string::npos);
}

DrawnChoices read_drawn_choices(const std::vector<PageContent>& pages, bool survey_tool) {
    DrawnChoices drawn;
    std::vector<model::Field>& out = drawn.fields;
    std::vector<model::Question>& questions = drawn.questions;
    std::vector<Claim>& claims = drawn.claims;
    int group_no = 0;
    struct GridMemo {
        int page = -1;
        std::vector<double> columns;
        std::vector<std::string> headers;
        std::string title;
    } last_grid;
    for (const auto& page : pages) {
        if (page.marks.empty()) continue;
        const std::vector<Line> lines = make_lines(page.words);
        const auto rows = mark_rows(page.marks);
        std::vector<const Word*> used;  // words taken as option labels or headers

        // Each mark's own label (text right beside it), if any.
        struct Info {
            std::vector<Word> label;
        };
        std::vector<std::vector<Info>> info(rows.size());
        // every button of the row has text beside it (a list row, not a grid row)
        const auto labelled = [&info](std::size_t k) {
            return std::all_of(info[k].begin(), info[k].end(), [](const Info& i) { return !i.label.empty(); });
        };
        const auto unlabelled = [&info](std::size_t k) {
            return std::none_of(info[k].begin(), info[k].end(), [](const Info& i) { return !i.label.empty(); });
        };
        for (std::size_t r = 0; r < rows.size(); ++r)
            for (const Mark* m : rows[r]) {
                std::vector<Word> label = words_right_of(*m, page.words, page.marks);
                if (!label.empty()) extend_label(label, *m, lines, page.marks);
                info[r].push_back({std::move(label)});
            }
        for (const auto& w : page.words)
            for (std::size_t r = 0; r < rows.size(); ++r)
                for (const auto& i : info[r])
                    for (const auto& lw : i.label)
                        if (lw.box.x0 == w.box.x0 && lw.box.y0 == w.box.y0 && lw.text == w.text) used.push_back(&w);

        // The text on a row of buttons, left of the first (outside the survey
        // tool's documents): the row's question. The nearest line that ends
        // left of the buttons, on their row, and is no button's label.
        const auto left_title = [&](std::size_t k) -> const Line* {
            if (survey_tool) return nullptr;
            const Mark* first = rows[k].front();
            const Line* best = nullptr;
            for (const auto& l : lines) {
                if (l.box.x1 > first->box.x0 - 2 || l.box.cy() < first->box.y0 - 2 || l.box.cy() > first->box.y1 + 2)
                    continue;
                const bool label = std::any_of(l.words.begin(), l.words.end(), [&](const Word& w) {
                    return std::any_of(used.begin(), used.end(), [&](const Word* u) {
                        return u->box.x0 == w.box.x0 && u->box.y0 == w.box.y0 && u->text == w.text;
                    });
                });
                if (!label && (best == nullptr || l.box.x1 > best->box.x1)) best = &l;
            }
            return best;
        };

        std::size_t r = 0;
        while (r < rows.size()) {
            const auto& row = rows[r];
            const Line* titled = labelled(r) ? left_title(r) : nullptr;
            if (labelled(r)) {
                // a list: this row and the following rows of labelled marks in
                // the same column(s); a row with its own title is a list alone
                std::vector<std::size_t> members{r};
                std::size_t next = r + 1;
                while (titled == nullptr && next < rows.size()) {
                    if (left_title(next) != nullptr) break;
                    const bool next_labelled = labelled(next);
                    const double gap = rows[next].front()->box.y0 - rows[next - 1].front()->box.y1;
                    const bool aligned = std::abs(rows[next].front()->box.x0 - row.front()->box.x0) < 4;
                    if (!next_labelled || !aligned || gap > 2.5 * row.front()->box.height() ||
                        rows[next].front()->shape != row.front()->shape)
                        break;
                    // text between the rows that is not a label starts a new question
                    if (line_between(lines, rows[next - 1].front()->box.y1, rows[next].front()->box.y0,
                                     row.front()->box.x0 - 20))
                        break;
                    members.push_back(next++);
                }
                model::Field f;
                f.origin = row.front()->origin;
                f.kind = row.front()->shape == MarkShape::radio ? model::FieldKind::radio : model::FieldKind::checkbox;
                Box band = row.front()->box;
                for (const std::size_t k : members)
                    for (std::size_t j = 0; j < rows[k].size(); ++j) {
                        const Mark* m = rows[k][j];
                        band = unite(band, m->box);
                        model::Option o;
                        o.label = join(info[k][j].label);
                        o.value = o.label;
                        o.selected = m->checked;
                        o.where = placed(page.number, m->box);
                        f.options.push_back(std::move(o));
                    }
                f.multiple = f.kind == model::FieldKind::checkbox;
                bool starred = false;
                const double label_size = info[r].front().label.front().size;
                if (titled != nullptr) {
                    f.label = titled->text;
                    starred = star_near(page.words, titled->box);
                    for (const auto& w : page.words)
                        for (const auto& tw : titled->words)
                            if (tw.box.x0 == w.box.x0 && tw.box.y0 == w.box.y0 && tw.text == w.text) used.push_back(&w);
                } else {
                    f.label = text_above(lines, band.y0, band.x0, 80, starred, used, label_size - 1.5);
                }
                f.required = starred;
                f.name = "marks." + std::to_string(++group_no);
                f.where = placed(page.number, band);
                {
                    Claim c{page.number, band, questions.size(), out.size(), out.size() + 1};
                    for (const std::size_t k : members)
                        for (const auto& i : info[k])
                            for (const auto& w : i.label) c.box = unite(c.box, w.box);
                    if (titled != nullptr) {
                        c.box = unite(c.box, titled->box);
                        c.titled = true;
                    }
                    claims.push_back(c);
                }
                {
                    model::Question q;
                    q.title = f.label;
                    q.mandatory = f.required;
                    q.source_id = f.name;
                    q.where = f.where;
                    q.answer.kind = model::AnswerKind::choice;
                    q.answer.where = f.where;
                    q.answer.choice.multiple = f.multiple;
                    q.answer.choice.options = f.options;
                    questions.push_back(std::move(q));
                }
                out.push_back(std::move(f));
                r = next;
                continue;
            }
            // A grid: rows of unlabelled marks under a header line of column labels.
            std::size_t end = r + 1;
            while (end < rows.size() && rows[end].size() == row.size() && unlabelled(end)) {
                // text over the button columns between two rows (a title, a header) starts another grid
                if (line_between(lines, rows[end - 1].front()->box.y1, rows[end].front()->box.y0,
                                 row.front()->box.x0 - 2))
                    break;
                ++end;
            }
            // header: the nearest line above the first row with a word over each column
            std::vector<std::string> headers(row.size());
            double header_top = row.front()->box.y0;
            for (int li = static_cast<int>(lines.size()) - 1; li >= 0; --li) {
                const Line& l = lines[static_cast<std::size_t>(li)];
                if (l.box.y1 > row.front()->box.y0) continue;
                if (row.front()->box.y0 - l.box.y1 > 120) break;
                if (l.box.x1 < row.front()->box.x0 - 2) continue;  // a row label, left of the buttons
                // the words of all lines at this height, and of the lines just above
                // it over the columns (headers wrapped on two or three lines)
                double band_top = l.box.y0;
                for (bool grew = true; grew;) {
                    grew = false;
                    for (const auto& other : lines)
                        if (other.box.y0 < band_top - 1 && other.box.y1 > band_top - 0.6 * std::max(other.size, 4.0) &&
                            other.box.x0 >= row.front()->box.x0 - 30) {
                            band_top = other.box.y0;
                            grew = true;
                        }
                }
                std::vector<Word> words;
                for (const auto& other : lines)
                    if (other.box.cy() >= band_top && other.box.cy() <= l.box.y1 + 1 &&
                        other.box.x0 >= row.front()->box.x0 - 30)
                        words.insert(words.end(), other.words.begin(), other.words.end());
                std::sort(words.begin(), words.end(), [](const Word& a, const Word& b) {
                    return a.box.y0 < b.box.y0 - 1 || (std::abs(a.box.y0 - b.box.y0) <= 1 && a.box.x0 < b.box.x0);
                });
                std::size_t found = 0;
                std::vector<std::string> h(row.size());
                for (std::size_t c = 0; c < row.size(); ++c) {
                    const double cx = row[c]->box.cx();
                    const double half = c + 1 < row.size() ? (row[c + 1]->box.cx() - cx) / 2
                                                           : (c > 0 ? (cx - row[c - 1]->box.cx()) / 2 : 30);
                    std::vector<Word> col;
                    for (const auto& w : words)
                        if (w.box.cx() > cx - half && w.box.cx() < cx + half) col.push_back(w);
                    if (!col.empty()) ++found;
                    h[c] = join(col);
                }
                if (found * 2 >= row.size()) {
                    headers = h;
                    header_top = band_top;
                    for (const auto& w : page.words)
                        if (w.box.cy() >= band_top && w.box.cy() <= l.box.y1 + 1 &&
                            w.box.x0 >= row.front()->box.x0 - 30)
                            used.push_back(&w);
                }
                break;
            }
            bool title_star = false;
            std::string title = text_above(lines, header_top, row.front()->box.x0 - 200, 80, title_star, used);
            const bool has_header =
                std::any_of(headers.begin(), headers.end(), [](const std::string& h) { return !h.empty(); });
            bool continued = false;
            if (!has_header && last_grid.page == page.number - 1 && last_grid.columns.size() == row.size()) {
                continued = true;
                for (std::size_t c = 0; c < row.size(); ++c)
                    continued = continued && std::abs(last_grid.columns[c] - row[c]->box.cx()) < 3;
            }
            if (continued) {
                headers = last_grid.headers;
                title = last_grid.title;
                title_star = false;
                header_top = 0;  // the grid goes on from the top of the page
            }
            const std::size_t grid_fields = out.size();
            Box claimed = row.front()->box;
            if (has_header && !continued) claimed.y0 = std::min(claimed.y0, header_top);
            model::Question grid;
            grid.title = title;
            grid.mandatory = title_star;
            grid.answer.kind = model::AnswerKind::matrix;
            grid.answer.matrix.multiple = row.front()->shape == MarkShape::checkbox;
            for (const auto& h : headers) grid.answer.matrix.columns.push_back(h);
            for (std::size_t k = r; k < end; ++k) {
                const auto& cells = rows[k];
                model::Field f;
                f.origin = cells.front()->origin;
                f.kind =
                    cells.front()->shape == MarkShape::radio ? model::FieldKind::radio : model::FieldKind::checkbox;
                f.multiple = f.kind == model::FieldKind::checkbox;
                Box band = cells.front()->box;
                for (const Mark* m : cells) band = unite(band, m->box);
                // the row's own label: text left of its first mark, within the row's band
                const double cy = cells.front()->box.cy();
                double top = k > r ? (rows[k - 1].front()->box.cy() + cy) / 2 : header_top;
                double bottom = k + 1 < end ? (rows[k + 1].front()->box.cy() + cy) / 2 : cy + (cy - top);
                // ruled tables: the cell's own borders are better bounds than midpoints
                const double prev_cy = k > r ? rows[k - 1].front()->box.cy() : header_top;
                const double next_cy = k + 1 < end ? rows[k + 1].front()->box.cy() : cy + 200;
                double rule_above = -1, rule_below = -1;
                for (const auto& rule : page.rules) {
                    // only borders across the whole row (label cell and buttons)
                    if (rule.box.x0 > cells.front()->box.x0 - 10 || rule.box.x1 < cells.back()->box.x1) continue;
                    const double y = rule.box.cy();
                    if (y < cy - 2 && y > prev_cy && (rule_above < 0 || y > rule_above)) rule_above = y;
                    if (y > cy + 2 && y < next_cy && (rule_below < 0 || y < rule_below)) rule_below = y;
                }
                if (rule_above >= 0) top = rule_above;
                if (rule_below >= 0) bottom = rule_below;
                std::vector<Word> row_words;
                bool row_star = false;
                for (const auto& w : page.words) {
                    if (w.box.cy() <= top || w.box.cy() >= bottom || w.box.x1 > cells.front()->box.x0) continue;
                    if (is_red_star(w)) {
                        row_star = true;
                        continue;
                    }
                    row_words.push_back(w);
                }
                std::sort(row_words.begin(), row_words.end(), [](const Word& a, const Word& b) {
                    return a.box.y0 < b.box.y0 - 1 || (std::abs(a.box.y0 - b.box.y0) <= 1 && a.box.x0 < b.box.x0);
                });
                const std::string row_label = join(row_words);
                claimed = unite(claimed, band);
                for (const auto& w : row_words) claimed = unite(claimed, w.box);
                f.label = row_label.empty() ? title : row_label;
                f.required = row_star || (row_label.empty() && title_star) || star_near(page.words, band);
                for (std::size_t c = 0; c < cells.size(); ++c) {
                    model::Option o;
                    o.label = c < headers.size() && !headers[c].empty() ? headers[c] : std::to_string(c + 1);
                    o.value = o.label;
                    o.selected = cells[c]->checked;
                    o.where = placed(page.number, cells[c]->box);
                    f.options.push_back(std::move(o));
                }
                f.name = "marks." + std::to_string(++group_no);
                f.where = placed(page.number, band);
                model::MatrixRow mrow;
                mrow.label = row_label;
                mrow.mandatory = row_star;
                mrow.where = f.where;
                for (const auto& o : f.options) mrow.selected.push_back(o.selected);
                if (grid.where.empty()) grid.where = f.where;
                grid.answer.matrix.rows.push_back(std::move(mrow));
                out.push_back(std::move(f));
            }
            {
                const bool merged =
                    !(grid.answer.matrix.rows.size() == 1 && grid.answer.matrix.rows.front().label.empty()) &&
                    continued && !questions.empty() && questions.back().answer.kind == model::AnswerKind::matrix &&
                    questions.back().title == grid.title;
                claims.push_back(
                    {page.number, claimed, merged ? questions.size() - 1 : questions.size(), grid_fields, out.size()});
            }
            {
                grid.answer.where = grid.where;
                if (grid.answer.matrix.rows.size() == 1 && grid.answer.matrix.rows.front().label.empty()) {
                    // one unlabelled row of buttons under headers: a single question laid out across
                    model::Question q = grid;
                    q.mandatory = title_star || grid.answer.matrix.rows.front().mandatory;
                    q.answer = model::Answer{};
                    q.answer.kind = model::AnswerKind::choice;
                    q.answer.where = grid.where;
                    q.answer.choice.multiple = grid.answer.matrix.multiple;
                    q.answer.choice.options = out.back().options;
                    questions.push_back(std::move(q));
                } else if (continued && !questions.empty() &&
                           questions.back().answer.kind == model::AnswerKind::matrix &&
                           questions.back().title == grid.title) {
                    // the grid goes on from the previous page: the same question
                    for (auto& mr : grid.answer.matrix.rows)
                        questions.back().answer.matrix.rows.push_back(std::move(mr));
                } else {
                    questions.push_back(std::move(grid));
                }
            }
            last_grid.page = page.number;
            last_grid.headers = headers;
            last_grid.title = title;
            last_grid.columns.clear();
            for (const Mark* m : row) last_grid.columns.push_back(m->box.cx());
            r = end;
        }
    }
    return drawn;
}

}  // namespace formsift::extract::pdf

namespace formsift::extract::pdf {
namespace {

// The four sides of a bordered box are often drawn as four thin filled
// rectangles (Flying Saucer paints CSS borders so): rebuild the boxes they
// close. Two horizontal rules of the same extent, with vertical rules at
// both ends spanning the gap between them, make one box.
std::vector<Box> boxes_from_rules(const std::vector<Rule>& rules) {
    constexpr double kSame = 2.0;     // points: two edges drawn at one place
    constexpr double kMinHeight = 6;  // points: lower than a line of text is a double rule
    std::vector<Box> across, down;
    for (const auto& r : rules) (r.box.width() >= r.box.height() ? across : down).push_back(r.box);
    if (across.size() > 2000 || down.size() > 2000) return {};
    std::sort(across.begin(), across.end(), [](const Box& a, const Box& b) { return a.y0 < b.y0; });
    const auto side_at = [&](double x, double y0, double y1) {
        for (const auto& d : down)
            if (std::abs(d.cx() - x) <= kSame + d.width() && d.y0 <= y0 + kSame && d.y1 >= y1 - kSame) return true;
        return false;
    };
    std::vector<Box> out;
    for (std::size_t i = 0; i < across.size(); ++i) {
        const Box& top = across[i];
        for (std::size_t j = i + 1; j < across.size(); ++j) {
            const Box& bottom = across[j];
            if (bottom.y0 - top.y0 < kMinHeight) continue;
            if (std::abs(bottom.x0 - top.x0) > kSame || std::abs(bottom.x1 - top.x1) > kSame) continue;
            if (side_at(top.x0, top.cy(), bottom.cy()) && side_at(top.x1, top.cy(), bottom.cy())) {
                out.push_back({top.x0, top.y0, top.x1, bottom.y1});
                break;  // the nearest bottom edge closes it
            }
        }
    }
    return out;
}

void copy_box(const Box& b, double (&to)[4]) {
    to[0] = b.x0;
    to[1] = b.y0;
    to[2] = b.x1;
    to[3] = b.y1;
}

}  // namespace

model::Layout layout_of(const std::vector<PageContent>& pages) {
    model::Layout out;
    for (const auto& page : pages) {
        out.pages.emplace_back(page.width, page.height);
        for (const auto& line : make_lines(page.words)) {
            model::LayoutLine l;
            l.page = page.number;
            copy_box(line.box, l.box);
            l.text = line.text;
            l.size = line.size;
            for (const auto& w : line.words) {
                model::LayoutWord lw;
                lw.text = w.text;
                // "ABCDEF+FreeSans-Bold": the family without the subset tag
                const auto plus = w.font.find('+');
                lw.font = plus == 6 ? w.font.substr(7) : w.font;
                copy_box(w.box, lw.box);
                lw.size = w.size;
                lw.bold = w.bold;
                lw.space_after = w.space_after;
                for (int c = 0; c < 3; ++c) lw.rgb[c] = w.rgb[c];
                l.words.push_back(std::move(lw));
            }
            out.lines.push_back(std::move(l));
        }
        for (const auto& m : page.marks) {
            model::LayoutMark lm;
            lm.page = page.number;
            copy_box(m.box, lm.box);
            lm.radio = m.shape == MarkShape::radio;
            lm.checked = m.checked;
            out.marks.push_back(lm);
        }
        for (const auto& i : page.icons) {
            model::LayoutIcon li;
            li.page = page.number;
            copy_box(i.box, li.box);
            li.lit = i.lit;
            out.icons.push_back(li);
        }
        std::vector<Box> boxes = page.boxes;
        for (const auto& b : boxes_from_rules(page.rules)) boxes.push_back(b);
        std::sort(boxes.begin(), boxes.end(), [](const Box& a, const Box& b) {
            return std::tie(a.y0, a.x0, a.y1, a.x1) < std::tie(b.y0, b.x0, b.y1, b.x1);
        });
        for (std::size_t i = 0; i < boxes.size(); ++i) {
            const Box& b = boxes[i];
            if (i > 0 && std::abs(boxes[i - 1].x0 - b.x0) < 1 && std::abs(boxes[i - 1].y0 - b.y0) < 1 &&
                std::abs(boxes[i - 1].x1 - b.x1) < 1 && std::abs(boxes[i - 1].y1 - b.y1) < 1)
                continue;  // the same box twice
            model::LayoutRect r;
            r.page = page.number;
            copy_box(b, r.box);
            out.rects.push_back(r);
        }
        for (const auto& f : page.fills) {
            model::LayoutRect r;
            r.page = page.number;
            copy_box(f.box, r.box);
            r.filled = true;
            r.grey = f.grey;
            out.rects.push_back(r);
        }
    }
    return out;
}

}  // namespace formsift::extract::pdf
