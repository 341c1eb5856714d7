#include "anchored.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "formsift/normalize/text.hpp"

namespace formsift::normalize {
namespace {

using model::LayoutLine;
using model::LayoutMark;
using model::LayoutRect;
using model::LayoutWord;

// Layout rules, each relative to the height of the text it concerns (h).
constexpr std::size_t kMaxTitleLines = 8;  // lines a question title may wrap over
constexpr double kTitleWordShare = 0.6;    // a title's first line: this share of its words are the label's
constexpr double kTitleGap = 2.5;          // h: lines further apart are not one title
constexpr double kHeadingSize = 1.3;       // a line this many times the body size is a heading: it ends an answer
constexpr double kHeadingOverTitle = 1.1;  // ... and this many times the question titles' size
constexpr double kParagraphGap = 1.45;     // h: a larger step between lines starts a paragraph
constexpr double kMarkScale = 0.7;         // marks smaller than this share of the usual mark are icons
constexpr double kRunningBand = 0.1;       // the top and bottom tenth of a page hold running headers, footers
constexpr double kCellSlack = 0.25;        // h: how far a word may stand outside its cell
constexpr double kWrapEdge = 0.03;  // of a text's width: lines ending this close to the widest end at its wrap edge
constexpr double kRowStep = 0.4;    // h: a step this much larger than a label's own pitch parts two rows

double pos(int page, double y) {
    return page * kPageSpan + y;
}
double height(const double (&b)[4]) {
    return b[3] - b[1];
}
double cx(const double (&b)[4]) {
    return (b[0] + b[2]) / 2;
}
double cy(const double (&b)[4]) {
    return (b[1] + b[3]) / 2;
}

// Where an answer is: what was read of it on each page, united: its first
// page's extent, then one per later page it goes on to.
model::Provenance page_extents(const std::vector<model::Provenance>& parts) {
    std::map<int, model::PageBox> pages;
    for (const auto& p : parts) {
        if (p.page <= 0) continue;
        auto [it, fresh] = pages.try_emplace(p.page);
        model::PageBox& e = it->second;
        if (fresh) {
            e.page = p.page;
            for (int c = 0; c < 4; ++c) e.box[c] = p.box[c];
        } else {
            e.box[0] = std::min(e.box[0], p.box[0]);
            e.box[1] = std::min(e.box[1], p.box[1]);
            e.box[2] = std::max(e.box[2], p.box[2]);
            e.box[3] = std::max(e.box[3], p.box[3]);
        }
    }
    model::Provenance out;
    for (const auto& [page, e] : pages) {
        if (out.page == 0) {
            out.page = page;
            for (int c = 0; c < 4; ++c) out.box[c] = e.box[c];
        } else {
            out.continued.push_back(e);
        }
    }
    return out;
}

// Rows of items (marks, icons) of a page region: those at one height of one
// page (their middles within half an item's height), top to bottom, each
// row in the order the items came.
template <typename T>
std::vector<std::vector<const T*>> rows_of(std::vector<const T*> items) {
    std::stable_sort(items.begin(), items.end(),
                     [](const T* a, const T* b) { return pos(a->page, cy(a->box)) < pos(b->page, cy(b->box)); });
    std::vector<std::vector<const T*>> rows;
    for (const T* i : items) {
        const double h = std::max(1.0, height(i->box));
        if (!rows.empty() && rows.back().front()->page == i->page &&
            std::abs(cy(rows.back().front()->box) - cy(i->box)) < h / 2)
            rows.back().push_back(i);
        else
            rows.push_back({i});
    }
    return rows;
}

model::Provenance placed(int page, const double (&b)[4]) {
    model::Provenance p;
    p.page = page;
    for (int c = 0; c < 4; ++c) p.box[c] = b[c];
    return p;
}

// The survey tool's red `*` (eusurvey-formats.md §2.4): a star in red.
bool is_red_star(const LayoutWord& w) {
    return w.text == "*" && w.rgb[0] > 0.7 && w.rgb[1] < 0.3 && w.rgb[2] < 0.3;
}

struct Line {
    const LayoutLine* src = nullptr;
    std::string text;  // without red stars
    bool star = false;
    LabelKey key;
    double top = 0, bottom = 0;  // positions
    bool running = false;        // a running header or footer, a page number
};

struct Anchor {
    std::size_t first = 0, last = 0;  // its lines
    long question = -1;               // template question, -1: a section or heading
    double score = 0;
};

// Words sorted in reading order: by line (a word more than half its height
// below another is on a later line), then left to right.
void in_reading_order(std::vector<const LayoutWord*>& words) {
    std::stable_sort(words.begin(), words.end(), [](const LayoutWord* u, const LayoutWord* v) {
        if (std::abs(cy(u->box) - cy(v->box)) > std::max(1.0, height(u->box)) / 2) return cy(u->box) < cy(v->box);
        return u->box[0] < v->box[0];
    });
}

// Words read in order. Where a line ends in a hyphen the next line goes on
// without a space: the survey tool's renderers break lines at spaces and
// after hyphens, never inside a word with a hyphen of their own
// ("Auvergne-" / "Rhône-Alpes").
std::string words_text(const std::vector<const LayoutWord*>& words) {
    std::string out;
    const LayoutWord* prev = nullptr;
    for (const auto* w : words) {
        const bool wrapped = prev != nullptr && std::abs(cy(w->box) - cy(prev->box)) > height(prev->box) / 2;
        const bool hyphen = wrapped && prev->text.size() > 1 && prev->text.back() == '-';
        if (!out.empty() && !hyphen) out += ' ';
        out += w->text;
        prev = w;
    }
    return out;
}

// A font's family without its style: "DejaVuSans-Oblique", "FreeSansBold",
// "TimesNewRomanPS-BoldItalicMT" → "DejaVuSans", "FreeSans", "TimesNewRoman".
// A subset tag ("ABCDEF+") goes too.
std::string family(const std::string& font) {
    std::string f = font;
    if (const auto plus = f.find('+'); plus == 6) f = f.substr(plus + 1);
    if (const auto cut = f.find_first_of("-,"); cut != std::string::npos) f = f.substr(0, cut);
    static const char* const kStyles[] = {"Bold",  "Italic", "Oblique",  "Regular",  "Roman", "Book",
                                          "Light", "Medium", "Semibold", "SemiBold", "Demi",  "Black",
                                          "Heavy", "MT",     "PS",       "Std"};
    for (bool more = true; more;) {
        more = false;
        for (const char* style : kStyles) {
            const std::string s = style;
            if (f.size() > s.size() + 2 && f.compare(f.size() - s.size(), s.size(), s) == 0) {
                f.resize(f.size() - s.size());
                more = true;
            }
        }
    }
    return f;
}

// Lines of text (the words of a layout line that lie in one column) and
// blocks of them.
struct TextRun {
    int page = 0;
    double top = 1e18, bottom = -1e18, h = 1;
    std::vector<const LayoutWord*> words;
    void add(const LayoutWord& w) {
        words.push_back(&w);
        top = std::min(top, w.box[1]);
        bottom = std::max(bottom, w.box[3]);
        h = std::max(1.0, bottom - top);
    }
};

// Lines (sorted by page and height) grouped into blocks by the steps
// between them (parts set side by side are one line first): the lines of one block (a row's label or cell) follow at
// the text's own pitch, blocks are set further apart by their cells'
// padding. The pitch is the smallest step; where no step is much larger,
// every line is a block of its own.
std::vector<TextRun> blocks_by_steps(std::vector<TextRun> parts) {
    // parts of one line (cells set side by side, a word set a little higher) first
    std::vector<TextRun> lines;
    for (auto& p : parts) {
        if (!lines.empty() && lines.back().page == p.page &&
            p.top < lines.back().bottom - kCellSlack * std::min(p.h, lines.back().h)) {
            TextRun& l = lines.back();
            l.words.insert(l.words.end(), p.words.begin(), p.words.end());
            l.top = std::min(l.top, p.top);
            l.bottom = std::max(l.bottom, p.bottom);
            l.h = std::max(1.0, l.bottom - l.top);
        } else {
            lines.push_back(std::move(p));
        }
    }
    double base = 1e18, widest = -1e18, h = 1;
    for (std::size_t i = 1; i < lines.size(); ++i) {
        if (lines[i].page != lines[i - 1].page) continue;
        base = std::min(base, lines[i].top - lines[i - 1].bottom);
        widest = std::max(widest, lines[i].top - lines[i - 1].bottom);
        h = std::max(h, lines[i].h);
    }
    const bool one_line_blocks = widest - base < kRowStep * h;
    std::vector<TextRun> blocks;
    for (auto& l : lines) {
        if (!blocks.empty() && !one_line_blocks && blocks.back().page == l.page &&
            l.top - blocks.back().bottom <= base + kRowStep * l.h) {
            TextRun& b = blocks.back();
            b.words.insert(b.words.end(), l.words.begin(), l.words.end());
            b.bottom = std::max(b.bottom, l.bottom);
            b.h = std::max(b.h, l.h);
        } else {
            blocks.push_back(std::move(l));
        }
    }
    return blocks;
}

class Reader {
public:
    Reader(const model::Layout& layout, const std::vector<TemplateQuestion>& questions,
           const std::vector<TemplateSection>& sections)
        : layout_(layout), questions_(questions), sections_(sections) {
        prepare_lines();
    }

    std::vector<AnchoredQuestion> read() {
        std::vector<AnchoredQuestion> out;
        if (lines_.empty()) return out;
        find_anchors();
        std::sort(anchors_.begin(), anchors_.end(), [](const Anchor& a, const Anchor& b) { return a.first < b.first; });
        for (std::size_t k = 0; k < anchors_.size(); ++k) {
            const Anchor& a = anchors_[k];
            if (a.question < 0) continue;
            const std::size_t next = k + 1 < anchors_.size() ? anchors_[k + 1].first : lines_.size();
            out.push_back(read_question(a, next));
        }
        return out;
    }

private:
    void prepare_lines() {
        std::vector<double> sizes;
        for (const auto& l : layout_.lines) {
            Line line;
            line.src = &l;
            std::string text;
            for (const auto& w : l.words) {
                if (is_red_star(w)) {
                    line.star = true;
                    stars_.push_back({l.page, &w});
                    continue;
                }
                if (!text.empty()) text += ' ';
                text += w.text;
            }
            line.text = text;
            line.key = make_label_key(text);
            line.top = pos(l.page, l.box[1]);
            line.bottom = pos(l.page, l.box[3]);
            if (!text.empty()) sizes.push_back(l.size);
            lines_.push_back(std::move(line));
        }
        if (!sizes.empty()) {
            std::nth_element(sizes.begin(), sizes.begin() + static_cast<long>(sizes.size() / 2), sizes.end());
            body_size_ = sizes[sizes.size() / 2];
        }
        // running headers and footers: the same text at the same height in the
        // top or bottom band of several pages, and page numbers there
        const std::size_t pages = layout_.pages.size();
        std::map<std::pair<std::string, long>, std::size_t> seen;
        const auto band = [&](const Line& l) {
            const auto& src = *l.src;
            if (src.page < 1 || static_cast<std::size_t>(src.page) > pages) return false;
            const double h = layout_.pages[static_cast<std::size_t>(src.page - 1)].second;
            return src.box[1] < kRunningBand * h || src.box[3] > (1 - kRunningBand) * h;
        };
        for (const auto& l : lines_)
            if (band(l)) ++seen[{l.text, std::lround(l.src->box[1] / 4)}];
        for (auto& l : lines_) {
            if (!band(l) || l.text.empty()) continue;
            if (is_page_number(l) || (pages >= 3 && seen[{l.text, std::lround(l.src->box[1] / 4)}] * 2 >= pages))
                l.running = true;
        }
        // the usual size of a mark: icons drawn smaller are not choices
        std::vector<double> widths;
        for (const auto& m : layout_.marks) widths.push_back(m.box[2] - m.box[0]);
        if (!widths.empty()) {
            std::nth_element(widths.begin(), widths.begin() + static_cast<long>(widths.size() / 2), widths.end());
            mark_size_ = widths[widths.size() / 2];
        }
    }

    // A page's own number, alone or in a short footer ("3", "3/12", "Page 3 of
    // 12", "- 3 -"): numbers and the words that go with them, nothing else.
    static bool is_page_number(const Line& l) {
        if (l.src->words.size() > 4) return false;
        static const char* const kWords[] = {"page", "p.", "of", "/", "-", "–", "seite", "von", "sur", "de"};
        std::string first;
        for (const auto& w : l.src->words) {
            std::string t;
            for (const char c : w.text) t += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            const bool number = !t.empty() && std::all_of(t.begin(), t.end(),
                                                          [](char c) { return (c >= '0' && c <= '9') || c == '/'; });
            if (number) {
                if (first.empty()) first = t.substr(0, t.find('/'));
                continue;
            }
            if (std::none_of(std::begin(kWords), std::end(kWords), [&t](const char* k) { return t == k; }))
                return false;
        }
        return !first.empty() && first == std::to_string(l.src->page);
    }

    // The lines i..j read as one title, and how well they match `labels`.
    // A line painted twice at a page break (at the foot of one page, again at
    // the top of the next) is read once.
    bool repeated(std::size_t k) const {
        std::size_t p = k;
        while (p > 0 && lines_[p - 1].running) --p;
        return p > 0 && lines_[p - 1].src->page < lines_[k].src->page && lines_[p - 1].text == lines_[k].text;
    }

    std::string title_text(std::size_t i, std::size_t j) const {
        std::string text;
        for (std::size_t k = i; k <= j; ++k) {
            if (lines_[k].running || (k > i && repeated(k))) continue;
            if (!text.empty()) text += ' ';
            text += lines_[k].text;
        }
        return text;
    }

    double title_score(std::size_t i, std::size_t j, const std::vector<LabelKey>& labels) const {
        // the same lines are tried as the title of many questions: their key is made once
        auto it = title_keys_.find({i, j});
        if (it == title_keys_.end()) it = title_keys_.emplace(std::pair{i, j}, make_label_key(title_text(i, j))).first;
        const LabelKey& key = it->second;
        double best = 0;
        for (const auto& l : labels) best = std::max(best, label_similarity(key, l));
        return best;
    }

    static double share_in(const LabelKey& line, const std::vector<std::string>& words) {
        if (line.words.empty()) return 0;
        std::size_t in = 0;
        for (const auto& w : line.words)
            if (std::binary_search(words.begin(), words.end(), w)) ++in;
        return static_cast<double>(in) / static_cast<double>(line.words.size());
    }

    // The best place of a title among lines [from, to) not yet taken.
    Anchor best_title(const std::vector<LabelKey>& labels, std::size_t from, std::size_t to) const {
        std::vector<std::string> words;
        for (const auto& l : labels) words.insert(words.end(), l.words.begin(), l.words.end());
        std::sort(words.begin(), words.end());
        Anchor best;
        for (std::size_t i = from; i < to; ++i) {
            if (taken_[i] || lines_[i].running || lines_[i].key.words.empty()) continue;
            if (share_in(lines_[i].key, words) < kTitleWordShare) continue;
            // a running footer or header (a page number) between two lines of a
            // title broken by a page break is not part of it, nor a gap in it
            std::size_t prev_line = i;
            for (std::size_t j = i; j < lines_.size() && j < i + kMaxTitleLines; ++j) {
                if (taken_[j]) break;
                if (j > i) {
                    const Line& cur = lines_[j];
                    if (cur.running) continue;
                    const Line& prev = lines_[prev_line];
                    const double h = std::max(1.0, height(prev.src->box));
                    if (cur.src->page == prev.src->page && cur.top - prev.bottom > kTitleGap * h) break;
                    if (!cur.key.words.empty() && share_in(cur.key, words) < 0.5) break;
                    prev_line = j;
                }
                const double s = title_score(i, j, labels);
                if (s >= kLabelMatchThreshold && s > best.score + 1e-9) {
                    best.first = i;
                    best.last = j;
                    best.score = s;
                }
            }
        }
        return best;
    }

    void take(const Anchor& a) {
        for (std::size_t k = a.first; k <= a.last; ++k) taken_[k] = true;
        anchors_.push_back(a);
    }

    void find_anchors() {
        taken_.assign(lines_.size(), false);
        // sections first (they bound answers), then questions in the form's order
        for (const auto& s : sections_) {
            if (s.title.empty()) continue;
            std::vector<LabelKey> labels{make_label_key(s.title)};
            for (const auto& t : s.alt_titles) labels.push_back(make_label_key(t));
            Anchor a = best_title(labels, 0, lines_.size());
            if (a.score > 0) take(a);
        }
        std::size_t cursor = 0;
        for (std::size_t q = 0; q < questions_.size(); ++q) {
            const TemplateQuestion& tq = questions_[q];
            std::vector<LabelKey> labels{make_label_key(tq.label)};
            for (const auto& l : tq.alt_labels) labels.push_back(make_label_key(l));
            for (const auto& [version, l] : tq.version_labels) labels.push_back(make_label_key(l));
            Anchor a = best_title(labels, cursor, lines_.size());
            if (a.score <= 0) a = best_title(labels, 0, cursor);  // out of the form's order
            if (a.score <= 0) continue;
            a.question = static_cast<long>(q);
            take(a);
            if (a.last + 1 > cursor) cursor = a.last + 1;
        }
        // headings the template does not know (a closing "Contact" block) end
        // answers too: set larger than the body and than the question titles
        // (a grid's column labels may be set in the titles' size)
        std::vector<double> title_sizes;
        for (const Anchor& a : anchors_)
            if (a.question >= 0) title_sizes.push_back(lines_[a.first].src->size);
        double title_size = 0;
        if (!title_sizes.empty()) {
            std::nth_element(title_sizes.begin(), title_sizes.begin() + static_cast<long>(title_sizes.size() / 2),
                             title_sizes.end());
            title_size = title_sizes[title_sizes.size() / 2];
        }
        for (std::size_t i = 0; i < lines_.size(); ++i)
            if (!taken_[i] && !lines_[i].running && body_size_ > 0 &&
                lines_[i].src->size >= kHeadingSize * body_size_ &&
                lines_[i].src->size > kHeadingOverTitle * title_size)
                anchors_.push_back({i, i, -1, 0});
    }

    bool inside(int page, const double (&box)[4], double begin, double end) const {
        const double c = pos(page, cy(box));
        return c > begin && c < end;
    }

    AnchoredQuestion read_question(const Anchor& a, std::size_t next) {
        const TemplateQuestion& tq = questions_[static_cast<std::size_t>(a.question)];
        AnchoredQuestion out;
        out.index = static_cast<std::size_t>(a.question);
        model::Question& q = out.question;
        const LayoutLine& first = *lines_[a.first].src;
        q.title = title_text(a.first, a.last);
        q.where.page = first.page;
        for (int c = 0; c < 4; ++c) q.where.box[c] = first.box[c];
        // the star stands left of the title's first line (absolutely placed: not in the text order)
        const double h = std::max(1.0, height(first.box));
        for (std::size_t k = a.first; k <= a.last && !q.mandatory; ++k) q.mandatory = lines_[k].star;
        for (const auto& [page, w] : stars_)
            if (page == first.page && std::abs(cy(w->box) - cy(first.box)) < h && w->box[2] <= first.box[0] + h)
                q.mandatory = true;
        out.begin = lines_[a.first].top;
        const double begin = lines_[a.last].bottom;
        const double end = next < lines_.size() ? lines_[next].top : pos(1 << 20, 0);
        out.end = end;
        region_.clear();
        for (std::size_t k = a.last + 1; k < next; ++k)
            if (!lines_[k].running && !lines_[k].text.empty()) region_.push_back(&lines_[k]);
        title_font_.clear();
        for (const auto& w : first.words)
            if (!is_red_star(w)) {
                title_font_ = w.font;
                title_grey_ = (w.rgb[0] + w.rgb[1] + w.rgb[2]) / 3;
                break;
            }
        switch (tq.type) {
            case QuestionType::single_choice:
            case QuestionType::multiple_choice: out.read = read_choice(tq, q, begin, end); break;
            case QuestionType::matrix:
                out.read = is_rating(tq) ? read_rating(q, begin, end) : read_matrix(tq, q, begin, end);
                break;
            case QuestionType::table: out.read = read_table(tq, q, begin, end); break;
            default: out.read = read_text(tq, q, begin, end); break;
        }
        return out;
    }

    std::vector<const LayoutMark*> marks_in(double begin, double end) const {
        std::vector<const LayoutMark*> out;
        for (const auto& m : layout_.marks)
            if (inside(m.page, m.box, begin, end) && m.box[2] - m.box[0] >= kMarkScale * mark_size_) out.push_back(&m);
        return out;
    }

    // The words of the region inside a box of a page.
    std::vector<const LayoutWord*> words_within(int page, double x0, double y0, double x1, double y1) const {
        std::vector<const LayoutWord*> out;
        for (const Line* l : region_) {
            if (l->src->page != page) continue;
            for (const auto& w : l->src->words)
                if (!is_red_star(w) && cx(w.box) >= x0 && cx(w.box) <= x1 && cy(w.box) >= y0 && cy(w.box) <= y1)
                    out.push_back(&w);
        }
        in_reading_order(out);
        return out;
    }

    bool read_choice(const TemplateQuestion& tq, model::Question& q, double begin, double end) {
        q.answer.kind = model::AnswerKind::choice;
        q.answer.choice.multiple = tq.type == QuestionType::multiple_choice;
        auto marks = marks_in(begin, end);
        if (!marks.empty()) {
            // each mark labels the text to its right, up to the next mark of its row,
            // and down to the next row of marks
            for (const LayoutMark* m : marks) {
                const double mh = std::max(1.0, height(m->box));
                double right = 1e9, below = m->box[3] + 2.5 * mh;
                for (const LayoutMark* o : marks) {
                    if (o == m || o->page != m->page) continue;
                    if (std::abs(cy(o->box) - cy(m->box)) < mh / 2 && o->box[0] > m->box[2])
                        right = std::min(right, o->box[0]);
                    if (o->box[1] > m->box[3] - mh / 4 && std::abs(o->box[0] - m->box[0]) < mh)
                        below = std::min(below, o->box[1] - mh / 4);
                }
                model::Option o;
                o.label = words_text(words_within(m->page, m->box[2], m->box[1] - mh / 2, right, below));
                o.selected = m->checked;
                o.where.page = m->page;
                for (int c = 0; c < 4; ++c) o.where.box[c] = m->box[c];
                if (o.label.empty() && !o.selected) continue;  // a padding cell
                q.answer.choice.options.push_back(std::move(o));
            }
            // a list in several columns is sorted column-wise by the survey tool:
            // read column by column (eusurvey-formats.md §2.5)
            std::stable_sort(q.answer.choice.options.begin(), q.answer.choice.options.end(),
                             [](const model::Option& a, const model::Option& b) {
                                 if (a.where.page != b.where.page) return a.where.page < b.where.page;
                                 const double w = std::max(1.0, a.where.box[2] - a.where.box[0]);
                                 if (std::abs(a.where.box[0] - b.where.box[0]) > w)
                                     return a.where.box[0] < b.where.box[0];
                                 return a.where.box[1] < b.where.box[1];
                             });
            std::vector<model::Provenance> parts;
            for (const auto& o : q.answer.choice.options) parts.push_back(o.where);
            q.answer.where = page_extents(parts);
            return true;
        }
        // a confirmation: one option, its check box inside the title, left of
        // the title's first line (eusurvey-formats.md §2.3)
        if (tq.options.size() == 1) {
            const double h = std::max(1.0, height(q.where.box));
            for (const auto& m : layout_.marks) {
                if (m.page != q.where.page || m.box[2] > q.where.box[0] + 1 || q.where.box[0] - m.box[2] > 3 * h ||
                    std::abs(cy(m.box) - cy(q.where.box)) > h / 2)
                    continue;
                model::Option o;
                o.label = tq.options.front();
                o.selected = m.checked;
                o.where = placed(m.page, m.box);
                q.answer.where = o.where;
                q.answer.choice.options.push_back(std::move(o));
                return true;
            }
        }
        // no marks: a list box (grey behind the chosen labels), or an answered
        // drop-down (the chosen label alone in a box) — eusurvey-formats.md §2.3
        std::vector<LabelKey> option_keys;
        for (const auto& o : tq.options) {
            option_keys.push_back(make_label_key(o));
            if (auto it = tq.alt_options.find(o); it != tq.alt_options.end())
                for (const auto& alt : it->second) option_keys.push_back(make_label_key(alt));
        }
        bool any = false;
        for (const Line* l : region_) {
            double best = 0;
            for (const auto& k : option_keys) best = std::max(best, label_similarity(l->key, k));
            bool filled = false, boxed = false;
            for (const auto& r : layout_.rects) {
                if (r.page != l->src->page || !inside(r.page, r.box, begin, end)) continue;
                const bool holds = cx(l->src->box) >= r.box[0] && cx(l->src->box) <= r.box[2] &&
                                   cy(l->src->box) >= r.box[1] && cy(l->src->box) <= r.box[3];
                if (!holds) continue;
                if (r.filled)
                    filled = true;
                else if (height(r.box) < 3 * height(l->src->box))
                    boxed = true;
            }
            if (best < kLabelMatchThreshold && !boxed) continue;
            model::Option o;
            o.label = l->text;
            o.selected = filled || (boxed && tq.type == QuestionType::single_choice);
            o.where.page = l->src->page;
            for (int c = 0; c < 4; ++c) o.where.box[c] = l->src->box[c];
            any = any || o.selected;
            q.answer.choice.options.push_back(std::move(o));
        }
        std::vector<model::Provenance> parts;
        for (const auto& o : q.answer.choice.options) parts.push_back(o.where);
        q.answer.where = page_extents(parts);
        // options printed but none marked: unanswered; nothing printed: not read
        return any || !q.answer.choice.options.empty();
    }

    // A rating read as a grid (its columns "1/N" to "N/N", as the XML export
    // gives its values): eusurvey-formats.md §2.3.
    static bool is_rating(const TemplateQuestion& tq) {
        return !tq.columns.empty() && std::all_of(tq.columns.begin(), tq.columns.end(), [](const std::string& c) {
            const auto slash = c.find('/');
            return slash != std::string::npos && slash > 0 && slash + 1 < c.size() &&
                   std::all_of(c.begin(), c.end(), [](char ch) { return ch == '/' || (ch >= '0' && ch <= '9'); });
        });
    }

    // A rating's rows: each a label, then its icons (stars, hearts, arrows),
    // the chosen count of them in colour, the rest grey. The row's value is
    // the count lit out of the icons drawn.
    bool read_rating(model::Question& q, double begin, double end) {
        std::vector<const model::LayoutIcon*> icons;
        for (const auto& i : layout_.icons)
            if (inside(i.page, i.box, begin, end)) icons.push_back(&i);
        if (icons.empty()) return false;
        auto rows = rows_of(std::move(icons));
        for (auto& r : rows)  // left to right
            std::stable_sort(r.begin(), r.end(), [](const model::LayoutIcon* a, const model::LayoutIcon* b) {
                return a->box[0] < b->box[0];
            });
        q.answer.kind = model::AnswerKind::matrix;
        std::size_t most = 0;
        for (const auto& r : rows) most = std::max(most, r.size());
        for (std::size_t c = 1; c <= most; ++c)
            q.answer.matrix.columns.push_back(std::to_string(c) + "/" + std::to_string(most));
        std::vector<model::Provenance> parts;
        for (const auto& r : rows) {
            const model::LayoutIcon& first = *r.front();
            const double h = height(first.box);
            // its label: the region's lines left of its icons whose middles lie
            // within the icons' height (and a quarter more: a label wrapped on
            // two lines is centred on them)
            std::vector<const Line*> label;
            for (const Line* l : region_)
                if (l->src->page == first.page && l->src->box[2] <= first.box[0] + 1 &&
                    cy(l->src->box) >= first.box[1] - h / 4 && cy(l->src->box) <= first.box[3] + h / 4)
                    label.push_back(l);
            model::MatrixRow row;
            for (const Line* l : label) row.label += (row.label.empty() ? "" : " ") + l->text;
            const std::size_t lit = static_cast<std::size_t>(
                std::count_if(r.begin(), r.end(), [](const model::LayoutIcon* i) { return i->lit; }));
            row.selected.assign(most, false);
            if (lit > 0) row.selected[lit - 1] = true;
            double box[4] = {first.box[0], first.box[1], r.back()->box[2], first.box[3]};
            for (const Line* l : label) {
                box[0] = std::min(box[0], l->src->box[0]);
                box[1] = std::min(box[1], l->src->box[1]);
                box[3] = std::max(box[3], l->src->box[3]);
            }
            row.where = placed(first.page, box);
            parts.push_back(row.where);
            q.answer.matrix.rows.push_back(std::move(row));
        }
        q.answer.where = page_extents(parts);
        return true;
    }

    // A list the survey tool draws item by item (eusurvey-formats.md §2.3):
    // a ranking's items, each with its drag handle (a small picture) at its
    // left; an upload's files, each "<file id>/<name>". Nothing of the sort:
    // nullopt, and the list is read as text.
    std::optional<std::vector<std::pair<std::string, const Line*>>> drawn_items() const {
        std::vector<std::pair<std::string, const Line*>> handled, files;
        for (const Line* l : region_) {
            const double h = std::max(1.0, height(l->src->box));
            const bool handle =
                std::any_of(layout_.icons.begin(), layout_.icons.end(), [&](const model::LayoutIcon& i) {
                    return i.page == l->src->page && i.box[2] <= l->src->box[0] + 1 &&
                           l->src->box[0] - i.box[2] <= 3 * std::max(body_size_, h) &&
                           cy(i.box) >= l->src->box[1] - h && cy(i.box) <= l->src->box[3] + h;
                });
            if (handle) handled.emplace_back(l->text, l);
            // "<36 characters of hex digits and dashes>/<name>"
            const std::string& t = l->text;
            if (t.size() > 37 && t[36] == '/' && std::all_of(t.begin(), t.begin() + 36, [](char c) {
                    return c == '-' || std::isxdigit(static_cast<unsigned char>(c));
                }))
                files.emplace_back(t.substr(37), l);
        }
        if (!files.empty()) return files;
        if (!handled.empty()) return handled;
        return std::nullopt;
    }

    bool read_matrix(const TemplateQuestion& tq, model::Question& q, double begin, double end) {
        auto marks = marks_in(begin, end);
        if (marks.empty()) return false;
        q.answer.kind = model::AnswerKind::matrix;
        // rows: marks at one height of one page
        auto rows = rows_of(marks);
        // columns: the marks' places across, page by page (a mark's column is
        // where it stands, not how many marks its row has)
        std::map<const LayoutMark*, std::size_t> column_of;
        std::size_t columns = 0;
        {
            std::map<int, std::vector<const LayoutMark*>> by_page;
            for (const LayoutMark* m : marks) by_page[m->page].push_back(m);
            for (auto& [page, list] : by_page) {
                std::sort(list.begin(), list.end(),
                          [](const LayoutMark* a, const LayoutMark* b) { return cx(a->box) < cx(b->box); });
                std::size_t c = 0;
                for (std::size_t i = 0; i < list.size(); ++i) {
                    const double mh = std::max(1.0, height(list[i]->box));
                    if (i > 0 && cx(list[i]->box) - cx(list[i - 1]->box) > 0.8 * mh) ++c;
                    column_of[list[i]] = c;
                }
                columns = std::max(columns, c + 1);
            }
        }
        // a row holding two marks of one column is two rows
        std::vector<std::vector<const LayoutMark*>> split;
        for (auto& r : rows) {
            std::stable_sort(r.begin(), r.end(),
                             [](const LayoutMark* a, const LayoutMark* b) { return cy(a->box) < cy(b->box); });
            std::vector<const LayoutMark*> cur;
            std::set<std::size_t> used;
            for (const LayoutMark* m : r) {
                if (used.count(column_of[m]) > 0) {
                    split.push_back(cur);
                    cur.clear();
                    used.clear();
                }
                cur.push_back(m);
                used.insert(column_of[m]);
            }
            split.push_back(cur);
        }
        rows = std::move(split);
        for (auto& r : rows)
            std::sort(r.begin(), r.end(),
                      [](const LayoutMark* a, const LayoutMark* b) { return a->box[0] < b->box[0]; });
        // columns: the template's, in order, when the grid has as many; else
        // each named by the header words above it (a column may be cut off the page)
        if (columns == tq.columns.size()) {
            q.answer.matrix.columns = tq.columns;
        } else {
            const int page = marks.front()->page;
            std::vector<double> centre(columns, 0);
            std::vector<int> count(columns, 0);
            for (const auto& [m, c] : column_of)
                if (m->page == page) {
                    centre[c] += cx(m->box);
                    ++count[c];
                }
            double first_top = 1e18;
            for (const LayoutMark* m : marks)
                if (m->page == page) first_top = std::min(first_top, m->box[1]);
            std::vector<std::vector<const LayoutWord*>> heads(columns);
            for (const Line* l : region_) {
                if (l->src->page != page || l->src->box[3] > first_top) continue;
                for (const auto& w : l->src->words) {
                    std::size_t best = columns;
                    double gap = 1e18;
                    for (std::size_t c = 0; c < columns; ++c)
                        if (count[c] > 0 && std::abs(centre[c] / count[c] - cx(w.box)) < gap) {
                            gap = std::abs(centre[c] / count[c] - cx(w.box));
                            best = c;
                        }
                    const double mh = std::max(1.0, height(marks.front()->box));
                    if (best < columns && gap < 4 * mh) heads[best].push_back(&w);
                }
            }
            std::vector<LabelKey> keys;
            for (const auto& c : tq.columns) keys.push_back(make_label_key(c));
            for (std::size_t c = 0; c < columns; ++c) {
                const LabelKey k = make_label_key(words_text(heads[c]));
                std::string name = std::to_string(c + 1);
                double best = 0;
                for (std::size_t t = 0; t < keys.size(); ++t)
                    if (const double sim = label_similarity(k, keys[t]); sim >= kLabelMatchThreshold && sim > best) {
                        best = sim;
                        name = tq.columns[t];
                    }
                q.answer.matrix.columns.push_back(name);
            }
        }
        q.answer.matrix.multiple =
            std::any_of(marks.begin(), marks.end(), [](const LayoutMark* m) { return !m->radio; });
        struct RowBand {
            int page;
            double top, bottom, left_of;
            bool ruled;  // bounded by its label cell
        };
        std::vector<RowBand> bands;
        // row labels: the text left of a row's first mark, between it and its neighbours
        for (std::size_t r = 0; r < rows.size(); ++r) {
            const LayoutMark* head = rows[r].front();
            const double mh = std::max(1.0, height(head->box));
            double top = head->box[1] - 1.5 * mh, bottom = head->box[3] + 1.5 * mh;
            if (r > 0 && rows[r - 1].front()->page == head->page)
                top = (cy(rows[r - 1].front()->box) + cy(head->box)) / 2;
            if (r + 1 < rows.size() && rows[r + 1].front()->page == head->page)
                bottom = (cy(rows[r + 1].front()->box) + cy(head->box)) / 2;
            double left_of = 1e9;
            for (const LayoutMark* m : rows[r]) left_of = std::min(left_of, m->box[0]);
            // a ruled grid: the row's label cell, left of its marks, bounds it
            // (a box holding the marks of a neighbouring row too is the grid's frame)
            const auto holds_row = [&](const LayoutRect& rect, std::size_t k) {
                return k < rows.size() && rows[k].front()->page == rect.page &&
                       cy(rows[k].front()->box) > rect.box[1] && cy(rows[k].front()->box) < rect.box[3];
            };
            const LayoutRect* cell = nullptr;
            for (const auto& rect : layout_.rects) {
                if (rect.filled || rect.page != head->page || rect.box[2] > left_of + 2 ||
                    rect.box[1] > cy(head->box) || rect.box[3] < cy(head->box) || holds_row(rect, r + 1) ||
                    (r > 0 && holds_row(rect, r - 1)))
                    continue;
                if (cell == nullptr || rect.box[2] - rect.box[0] > cell->box[2] - cell->box[0]) cell = &rect;
            }
            if (cell != nullptr) {
                top = cell->box[1];
                bottom = cell->box[3];
            }
            bands.push_back({head->page, top, bottom, left_of - mh / 4, cell != nullptr});
        }
        // in a ruled grid, a row whose cell a page break left unclosed (its
        // borders drawn open on both pages) runs from the cell above it to the
        // cell below, or to the foot of its page when the page ends it, and
        // from the top of its page when it is the first there
        if (std::any_of(bands.begin(), bands.end(), [](const RowBand& b) { return b.ruled; }))
            for (std::size_t r = 0; r < bands.size(); ++r) {
                RowBand& b = bands[r];
                if (b.ruled) continue;
                const bool after_break = r > 0 && bands[r - 1].page < b.page;
                const bool last_open = r + 1 == bands.size() && r > 0 && bands[r - 1].page == b.page &&
                                       std::any_of(region_.begin(), region_.end(),
                                                   [&](const Line* l) { return l->src->page == b.page + 1; });
                const bool before_break = (r + 1 < bands.size() && bands[r + 1].page > b.page) || last_open;
                if (!after_break && !before_break) continue;
                if (r > 0 && bands[r - 1].page == b.page && bands[r - 1].ruled) b.top = bands[r - 1].bottom;
                if (r + 1 < bands.size() && bands[r + 1].page == b.page && bands[r + 1].ruled)
                    b.bottom = bands[r + 1].top;
                if (before_break) b.bottom = layout_.pages[static_cast<std::size_t>(b.page - 1)].second;
                if (after_break) b.top = 0;
                b.ruled = true;
            }
        for (std::size_t r = 0; r < rows.size(); ++r) {
            const LayoutMark* head = rows[r].front();
            const RowBand& b = bands[r];
            model::MatrixRow row;
            row.label = words_text(words_within(head->page, -1e9, b.top, b.left_of, b.bottom));
            for (const auto& [page, w] : stars_)
                if (page == head->page && cy(w->box) > b.top && cy(w->box) < b.bottom && w->box[2] < b.left_of)
                    row.mandatory = true;
            row.selected.assign(q.answer.matrix.columns.size(), false);
            for (const LayoutMark* m : rows[r]) {
                const std::size_t c = column_of[m];
                if (c < row.selected.size()) row.selected[c] = row.selected[c] || m->checked;
            }
            row.where.page = head->page;
            for (int c = 0; c < 4; ++c) row.where.box[c] = head->box[c];
            q.answer.matrix.rows.push_back(std::move(row));
        }
        // a row a page break split: the part of its label on the other page,
        // outside the label cells of the rows there (below the last one of the
        // page before, above the first one of the page after)
        for (std::size_t r = 1; r < bands.size(); ++r) {
            const RowBand& before = bands[r - 1];
            const RowBand& after = bands[r];
            if (before.page == after.page || !before.ruled || !after.ruled) continue;
            const std::string tail = words_text(words_within(before.page, -1e9, before.bottom, before.left_of, 1e9));
            const std::string head = words_text(words_within(after.page, -1e9, -1e9, after.left_of, after.top));
            auto& prev = q.answer.matrix.rows[r - 1].label;
            auto& next = q.answer.matrix.rows[r].label;
            if (!head.empty()) prev += (prev.empty() ? "" : " ") + head;        // the label went on over the page
            if (!tail.empty()) next = tail + (next.empty() ? "" : " ") + next;  // the label began on the page before
        }
        // the grid's last row split by a page break: its label goes on at the
        // top of the next page, as one block of lines in the label column
        if (const RowBand& b = bands.back(); bands.size() > 1 && b.ruled && b.page > 0 &&
                                             b.bottom >= layout_.pages[static_cast<std::size_t>(b.page - 1)].second) {
            std::vector<const LayoutWord*> words;
            double last_bottom = -1e18;
            for (const Line* l : region_) {
                if (l->src->page != b.page + 1) continue;
                const double h = std::max(1.0, height(l->src->box));
                if (last_bottom > -1e17 && l->src->box[1] - last_bottom > kParagraphGap * h - h) break;
                bool in_column = false;
                for (const auto& w : l->src->words)
                    if (!is_red_star(w) && cx(w.box) < b.left_of) {
                        words.push_back(&w);
                        in_column = true;
                    }
                if (!in_column) break;
                last_bottom = l->src->box[3];
            }
            auto& label = q.answer.matrix.rows.back().label;
            if (!words.empty()) label += (label.empty() ? "" : " ") + words_text(words);
        }
        relabel_open_rows(rows, bands, q.answer.matrix.rows);
        std::vector<model::Provenance> parts;
        for (const LayoutMark* m : marks) parts.push_back(placed(m->page, m->box));
        q.answer.where = page_extents(parts);
        return true;
    }

    // The row labels of a grid drawn without cells (a browser's print of the
    // print view): the label words left of the marks, grouped into blocks by
    // the steps between their lines (a row's lines follow at the text's own
    // pitch, rows are set further apart by the cells' padding). A block holds
    // the marks of its row, wherever they are aligned in it; a block with no
    // marks at the top of a page goes on the label of the last row of the page
    // before (a row split by the page break), one at the foot of a page begins
    // the label of the next page's first row. A block holding the marks of two
    // rows (no step tells them apart) keeps the labels read by their bands.
    template <class Band>
    void relabel_open_rows(const std::vector<std::vector<const LayoutMark*>>& rows, const std::vector<Band>& bands,
                           std::vector<model::MatrixRow>& out) const {
        if (rows.empty() || std::any_of(bands.begin(), bands.end(), [](const Band& b) { return b.ruled; })) return;
        std::map<int, std::vector<std::size_t>> rows_of;  // page -> rows whose marks are on it
        for (std::size_t r = 0; r < rows.size(); ++r) rows_of[rows[r].front()->page].push_back(r);
        std::vector<std::string> prefix(rows.size()), body(rows.size()), suffix(rows.size());
        std::vector<int> blocks_of(rows.size(), 0);
        const int first_page = rows.front().front()->page;
        std::vector<TextRun> lines;
        for (const auto& [page, on_page] : rows_of) {
            double left_of = 1e18, first_top = 1e18;
            for (const std::size_t r : on_page) left_of = std::min(left_of, bands[r].left_of);
            for (const LayoutMark* m : rows[on_page.front()]) first_top = std::min(first_top, m->box[1]);
            // the label lines: each region line's words left of the marks
            std::vector<TextRun> on_this;
            for (const Line* l : region_) {
                if (l->src->page != page) continue;
                TextRun p;
                p.page = page;
                for (const auto& w : l->src->words)
                    if (!is_red_star(w) && cx(w.box) < left_of) p.add(w);
                if (!p.words.empty()) on_this.push_back(std::move(p));
            }
            // on the grid's first page, what stands above its header row (the
            // column labels over the marks) is the question's help, not a row
            if (page == first_page) {
                double header_bottom = -1e18;
                for (const Line* l : region_)
                    if (l->src->page == page && l->src->box[3] <= first_top)
                        for (const auto& w : l->src->words)
                            if (cx(w.box) >= left_of) header_bottom = std::max(header_bottom, w.box[3]);
                if (header_bottom < -1e17)
                    header_bottom = first_top - 1.5 * std::max(1.0, height(rows[on_page.front()].front()->box));
                std::erase_if(on_this, [&](const TextRun& p) { return p.bottom <= header_bottom; });
            }
            std::stable_sort(on_this.begin(), on_this.end(),
                             [](const TextRun& a, const TextRun& b) { return a.top < b.top; });
            for (auto& l : on_this) lines.push_back(std::move(l));
        }
        {
            const std::vector<TextRun> blocks = blocks_by_steps(std::move(lines));
            for (const TextRun& b : blocks) {
                const int page = b.page;
                const auto& on_page = rows_of[page];
                std::vector<std::size_t> holds;
                for (const std::size_t r : on_page) {
                    const double c = cy(rows[r].front()->box);
                    if (c >= b.top - kCellSlack * b.h && c <= b.bottom + kCellSlack * b.h) holds.push_back(r);
                }
                std::vector<const LayoutWord*> words = b.words;
                in_reading_order(words);
                const std::string text = words_text(words);
                if (holds.size() > 1) return;  // rows not told apart by steps: keep the bands' reading
                if (holds.size() == 1) {
                    const std::size_t r = holds.front();
                    body[r] += (body[r].empty() ? "" : " ") + text;
                    ++blocks_of[r];
                    continue;
                }
                const std::size_t first = on_page.front(), last = on_page.back();
                if (b.bottom <= cy(rows[first].front()->box)) {
                    // above the page's first row: the page before's last row goes on
                    if (page != first_page && first > 0 && rows[first - 1].front()->page < page)
                        suffix[first - 1] += (suffix[first - 1].empty() ? "" : " ") + text;
                    else if (page != first_page)
                        return;  // no row before it: not understood
                } else if (b.top >= cy(rows[last].front()->box)) {
                    // below the page's last row: the next page's first row begins here
                    if (last + 1 < rows.size() && rows[last + 1].front()->page > page)
                        prefix[last + 1] += (prefix[last + 1].empty() ? "" : " ") + text;
                } else {
                    return;  // between two rows with no marks of its own: not understood
                }
            }
        }
        for (std::size_t r = 0; r < rows.size(); ++r)
            if (blocks_of[r] != 1) return;  // a row without its block, or with two: keep the bands' reading
        for (std::size_t r = 0; r < rows.size(); ++r) {
            std::string label = prefix[r];
            for (const std::string* part : {&body[r], &suffix[r]})
                if (!part->empty()) label += (label.empty() ? "" : " ") + *part;
            out[r].label = label;
        }
    }

    // The words of a page (any line) whose centre lies inside a box, in reading order.
    std::vector<const LayoutWord*> words_in(int page, const double (&b)[4]) const {
        std::vector<const LayoutWord*> words;
        for (const auto& l : lines_) {
            if (l.src->page != page || l.src->box[3] < b[1] || l.src->box[1] > b[3]) continue;
            for (const auto& w : l.src->words)
                if (!is_red_star(w) && cx(w.box) >= b[0] && cx(w.box) <= b[2] && cy(w.box) >= b[1] && cy(w.box) <= b[3])
                    words.push_back(&w);
        }
        in_reading_order(words);
        return words;
    }

    std::string text_in(int page, const double (&b)[4]) const { return words_text(words_in(page, b)); }

    // A data cell's text: its lines joined with spaces, but a line holding a
    // single word that fills the cell to its right edge (less the padding
    // its text keeps on the left) with no space drawn after it is a word the
    // renderer cut where the cell ended: it goes on without a space.
    std::string cell_text(int page, const double (&b)[4]) const {
        const std::vector<const LayoutWord*> words = words_in(page, b);
        if (words.empty()) return {};
        double left = 1e18;
        for (const auto* w : words) left = std::min(left, w->box[0]);
        const double limit = b[2] - (left - b[0]);
        std::string out;
        for (std::size_t i = 0; i < words.size(); ++i) {
            const LayoutWord* w = words[i];
            if (i > 0) {
                const LayoutWord* p = words[i - 1];
                const bool wrapped = std::abs(cy(w->box) - cy(p->box)) > height(p->box) / 2;
                const bool alone = i < 2 || std::abs(cy(words[i - 2]->box) - cy(p->box)) > height(p->box) / 2;
                const double char_width =
                    (p->box[2] - p->box[0]) / static_cast<double>(std::max<std::size_t>(1, p->text.size()));
                // a cut falls inside a word: between two letters or digits
                const auto word_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80); };
                // (a dash or quotation mark of U+2010–U+205F is no letter)
                const auto punctuation = [](const std::string& t) {
                    return t.size() >= 3 && static_cast<unsigned char>(t[0]) == 0xE2 &&
                           (static_cast<unsigned char>(t[1]) == 0x80 || static_cast<unsigned char>(t[1]) == 0x81);
                };
                const bool inside_word = !p->text.empty() && !w->text.empty() && word_char(p->text.back()) &&
                                         word_char(w->text.front()) && !punctuation(w->text);
                const bool cut = wrapped && alone && inside_word && !p->space_after &&
                                 p->box[2] >= limit - 1.5 * char_width &&
                                 cut_word(p->text, w->text, p->box[2] >= limit - char_width);
                const bool hyphen = wrapped && p->text.size() > 1 && p->text.back() == '-';
                // no line starts with a closing bracket, comma or full stop unless a word
                // was cut before it (a colon may: French sets a space before it)
                const bool closing = wrapped && !p->space_after && w->text.find_first_of(")]}.,") == 0;
                if (!cut && !hyphen && !closing) out += ' ';
            }
            out += w->text;
        }
        return out;
    }

    // The rows of a table whose header cells are drawn but whose rows are not:
    // the lines below the header, grouped into blocks by their steps. Where
    // the table numbers its rows (a column left of the named ones, e.g. the
    // survey tool's grey first column of row titles, eusurvey-formats.md §2.3), a block
    // with a number is a row (with several, each number's part of it), and a
    // block without one goes on in the row above.
    template <class Band>
    void text_bands(std::vector<Band>& bands, const std::vector<const LayoutRect*>& rects, int page0,
                    double header_bottom, double x0, double x1) const {
        std::vector<TextRun> lines;
        for (const Line* l : region_) {
            const auto& src = *l->src;
            if (src.page < page0 || (src.page == page0 && cy(src.box) <= header_bottom)) continue;
            TextRun run;
            run.page = src.page;
            for (const auto& w : src.words) {
                if (is_red_star(w) || cx(w.box) > x1) continue;
                // a header repeated on a later page is drawn in boxes
                const bool boxed = std::any_of(rects.begin(), rects.end(), [&](const LayoutRect* r) {
                    return r->page == src.page && cx(w.box) >= r->box[0] && cx(w.box) <= r->box[2] &&
                           cy(w.box) >= r->box[1] && cy(w.box) <= r->box[3];
                });
                if (!boxed) run.add(w);
            }
            if (!run.words.empty()) lines.push_back(std::move(run));
        }
        std::stable_sort(lines.begin(), lines.end(), [](const TextRun& a, const TextRun& b) {
            return a.page != b.page ? a.page < b.page : a.top < b.top;
        });
        // a row's number: digits (a full stop after them) left of the named columns
        const auto number = [&](const LayoutWord* w) {
            const std::string& t = w->text;
            const std::size_t digits = std::min(t.find_first_not_of("0123456789"), t.size());
            return cx(w->box) < x0 && digits > 0 && (digits == t.size() || t.substr(digits) == ".");
        };
        const auto numbered = [&](const TextRun& b) { return std::count_if(b.words.begin(), b.words.end(), number); };
        const std::vector<TextRun> blocks = blocks_by_steps(std::move(lines));
        const bool numbers =
            std::any_of(blocks.begin(), blocks.end(), [&](const TextRun& b) { return numbered(b) > 0; });
        for (const TextRun& b : blocks) {
            const long n = numbers ? numbered(b) : 1;
            if (n > 1) {
                // rows no step tells apart (empty rows set close): each number
                // starts one, up to half way to the next
                std::vector<double> at;
                for (const LayoutWord* w : b.words)
                    if (number(w)) at.push_back(cy(w->box));
                std::sort(at.begin(), at.end());
                double from = b.top - 1;
                for (std::size_t k = 0; k < at.size(); ++k) {
                    const double to = k + 1 < at.size() ? (at[k] + at[k + 1]) / 2 : b.bottom + 1;
                    bands.push_back({b.page, from, to});
                    from = to;
                }
                continue;
            }
            if (n == 0 && !bands.empty() && bands.back().page == b.page) {
                bands.back().y1 = b.bottom + 1;
                continue;
            }
            if (n == 0 && bands.empty()) continue;  // above the first numbered row
            bands.push_back({b.page, b.top - 1, b.bottom + 1});
            if (n == 0) bands.back().continued = true;  // on top of a page: the row above goes on
        }
    }

    // A row a page break split where the renderer left its cells open (no
    // closing border at the foot of the one page, none at the top of the
    // next): its text is in the table's columns outside every drawn box,
    // below the last closed row of the page before and above the first one
    // of the page after (and, for the table's last row, in the lines that
    // start the next page). Each part becomes a band of its own; the part on
    // the later page has no row title and goes on in the row above.
    template <class Band>
    void add_open_bands(std::vector<Band>& bands, const std::vector<const LayoutRect*>& rects, double x0,
                        double x1) const {
        const auto loose = [&](const LayoutWord& w, int page) {
            if (is_red_star(w) || cx(w.box) < x0 || cx(w.box) > x1) return false;
            return std::none_of(rects.begin(), rects.end(), [&](const LayoutRect* r) {
                return r->page == page && cx(w.box) >= r->box[0] && cx(w.box) <= r->box[2] && cy(w.box) >= r->box[1] &&
                       cy(w.box) <= r->box[3];
            });
        };
        // the extent of the loose words of a page between two heights; with
        // `block`, only the first lines, up to a paragraph's step
        const auto extent = [&](int page, double from, double to, bool block) {
            double top = 1e18, bottom = -1e18;
            for (const Line* l : region_) {
                const auto& src = *l->src;
                if (src.page != page || cy(src.box) <= from || cy(src.box) >= to) continue;
                const double h = std::max(1.0, height(src.box));
                if (block && bottom > -1e17 && src.box[1] - bottom > (kParagraphGap - 1) * h) break;
                bool any = false;
                for (const auto& w : src.words)
                    if (loose(w, page)) {
                        top = std::min(top, w.box[1]);
                        bottom = std::max(bottom, w.box[3]);
                        any = true;
                    }
                if (block && !any) break;
            }
            return std::pair{top, bottom};
        };
        std::vector<Band> added;
        for (std::size_t k = 0; k < bands.size(); ++k) {
            const Band& here = bands[k];
            const bool last = k + 1 == bands.size();
            if (!last && bands[k + 1].page == here.page) continue;
            const auto [t0, b0] = extent(here.page, here.y1, 1e18, false);
            if (t0 > b0) continue;  // nothing open at the foot of the page
            const int next_page = last ? here.page + 1 : bands[k + 1].page;
            const double next_top = last ? 1e18 : bands[k + 1].y0;
            const auto [t1, b1] = extent(next_page, -1e18, next_top, last);
            if (last && t1 > b1) continue;  // the table ends on this page: the text below is not its
            added.push_back({here.page, here.y1, b0 + 1});
            if (t1 <= b1) added.push_back({next_page, t1 - 1, last ? b1 + 1 : next_top, true});
        }
        if (added.empty()) return;
        bands.insert(bands.end(), added.begin(), added.end());
        std::stable_sort(bands.begin(), bands.end(),
                         [](const Band& a, const Band& b) { return pos(a.page, a.y0) < pos(b.page, b.y0); });
    }

    // A table rebuilt from its drawn cells. The header cells name the columns
    // (their x ranges); the cell left of them, when there is one, heads the
    // row titles' column, and each box drawn in that column below is a row
    // (its y range, on its page). A cell's text is what lies in its column's
    // and its row's range, whatever boxes its text has of its own and however
    // it is aligned. A header repeated on a following page is not a row; a row
    // cut at the foot of a page and painted again whole on the next is read
    // once; a row split by a page break goes on in the next page's first row,
    // which has no title of its own.
    bool read_ruled_table(const TemplateQuestion& tq, model::Question& q, double begin, double end) {
        std::vector<const LayoutRect*> rects;
        for (const auto& r : layout_.rects) {
            if (r.page < 1) continue;
            const auto& [w, h] = layout_.pages[static_cast<std::size_t>(r.page - 1)];
            // a cell taller than the page is drawn whole on each page it crosses: what the page shows of it
            const double shown[4] = {r.box[0], std::max(0.0, r.box[1]), r.box[2], std::min(h, r.box[3])};
            if (!inside(r.page, shown, begin, end)) continue;
            if (r.box[2] - r.box[0] > 0.9 * w || height(shown) < 4) continue;
            rects.push_back(&r);
            if (rects.size() > 5000) return false;
        }
        const std::size_t n = tq.columns.size();
        std::vector<LabelKey> keys;
        std::vector<std::size_t> owner;
        for (std::size_t c = 0; c < n; ++c) {
            keys.push_back(make_label_key(tq.columns[c]));
            owner.push_back(c);
            if (auto it = tq.alt_columns.find(tq.columns[c]); it != tq.alt_columns.end())
                for (const auto& alt : it->second) {
                    keys.push_back(make_label_key(alt));
                    owner.push_back(c);
                }
        }
        const auto column_named = [&](const std::string& text) -> long {
            const LabelKey k = make_label_key(text);
            double best = 0;
            long found = -1;
            for (std::size_t i = 0; i < keys.size(); ++i)
                if (const double sim = label_similarity(k, keys[i]); sim >= kLabelMatchThreshold && sim > best) {
                    best = sim;
                    found = static_cast<long>(owner[i]);
                }
            return found;
        };
        // the header: for each column the first (then widest) box naming it
        std::vector<const LayoutRect*> header(n, nullptr);
        for (const LayoutRect* r : rects) {
            const long c = column_named(text_in(r->page, r->box));
            if (c < 0) continue;
            const LayoutRect*& h = header[static_cast<std::size_t>(c)];
            const double at = pos(r->page, r->box[1]), was = h ? pos(h->page, h->box[1]) : 0;
            if (h == nullptr || at < was - 2 ||
                (std::abs(at - was) <= 2 && r->box[2] - r->box[0] > h->box[2] - h->box[0]))
                h = r;
        }
        if (std::any_of(header.begin(), header.end(), [](const LayoutRect* h) { return h == nullptr; })) return false;
        const int page0 = header.front()->page;
        double header_top = 1e18, header_bottom = -1e18, first_left = 1e18;
        for (const LayoutRect* h : header) {
            if (h->page != page0) return false;
            header_top = std::min(header_top, h->box[1]);
            header_bottom = std::max(header_bottom, h->box[3]);
            first_left = std::min(first_left, h->box[0]);
        }
        // the row titles' column: the header row's box left of the columns
        const LayoutRect* corner = nullptr;
        for (const LayoutRect* r : rects)
            if (r->page == page0 && std::abs(r->box[1] - header_top) < 2 && r->box[2] <= first_left + 2 &&
                (corner == nullptr || r->box[2] - r->box[0] > corner->box[2] - corner->box[0]))
                corner = r;
        const double title_x0 = corner ? corner->box[0] : header.front()->box[0];
        const double title_x1 = corner ? corner->box[2] : header.front()->box[2];
        struct Band {
            int page;
            double y0, y1;
            bool continued = false;  // the rest of the row above, split by a page break
        };
        std::vector<Band> bands;
        for (const LayoutRect* r : rects) {
            if (std::abs(r->box[0] - title_x0) > 2 || std::abs(r->box[2] - title_x1) > 2) continue;
            if (r->page == page0 && r->box[1] < header_bottom - 2) continue;  // the header row or above
            if (column_named(text_in(r->page, r->box)) >= 0) continue;        // the header again
            bool same = false;
            for (auto& b : bands)
                if (b.page == r->page && std::abs(b.y0 - r->box[1]) < 2) {
                    b.y1 = std::max(b.y1, r->box[3]);
                    same = true;
                }
            if (!same) bands.push_back({r->page, r->box[1], r->box[3]});
        }
        // a header repeated on a later page: its band names the columns
        std::stable_sort(bands.begin(), bands.end(),
                         [](const Band& a, const Band& b) { return pos(a.page, a.y0) < pos(b.page, b.y0); });
        if (bands.empty()) text_bands(bands, rects, page0, header_bottom, first_left, header.back()->box[2]);
        if (bands.empty()) return false;
        add_open_bands(bands, rects, title_x0, header.back()->box[2]);
        q.answer.kind = model::AnswerKind::table;
        q.answer.table.columns = tq.columns;
        for (std::size_t k = 0; k < bands.size(); ++k) {
            const Band& band = bands[k];
            const double page_h = layout_.pages[static_cast<std::size_t>(band.page - 1)].second;
            // cut at the foot and painted again whole on top of the next page (the same row title)
            if (band.y1 > page_h + 1 && k + 1 < bands.size() && bands[k + 1].page > band.page) {
                const Band& next = bands[k + 1];
                const double here_box[4] = {title_x0, band.y0, title_x1, std::min(band.y1, page_h)};
                const double next_box[4] = {title_x0, next.y0, title_x1, next.y1};
                const std::string title = text_in(band.page, here_box);
                if (!title.empty() && title == text_in(next.page, next_box)) continue;
            }
            model::TableRow r;
            r.cells.assign(n, std::string());
            const double title_box[4] = {title_x0, band.y0, title_x1, band.y1};
            r.header = text_in(band.page, title_box);
            bool header_again = true;
            for (std::size_t c = 0; c < n; ++c) {
                const double cell[4] = {header[c]->box[0], band.y0, header[c]->box[2], band.y1};
                r.cells[c] = cell_text(band.page, cell);
                header_again = header_again && column_named(r.cells[c]) == static_cast<long>(c);
            }
            if (header_again) continue;
            r.where.page = band.page;
            r.where.box[0] = title_x0;
            r.where.box[1] = band.y0;
            r.where.box[2] = header.back()->box[2];
            r.where.box[3] = band.y1;
            if (!q.answer.table.rows.empty() && q.answer.table.rows.back().header == r.header &&
                q.answer.table.rows.back().cells == r.cells)
                continue;  // painted twice at a page break
            // the first row of a page with no title of its own: the row above, split by the page break
            if (!q.answer.table.rows.empty() && k > 0 && bands[k - 1].page < band.page &&
                ((r.header.empty() && !q.answer.table.rows.back().header.empty()) || band.continued)) {
                auto& above = q.answer.table.rows.back();
                if (!r.header.empty()) above.header += (above.header.empty() ? "" : " ") + r.header;
                for (std::size_t c = 0; c < n; ++c)
                    if (!r.cells[c].empty()) above.cells[c] += (above.cells[c].empty() ? "" : " ") + r.cells[c];
                continue;
            }
            q.answer.table.rows.push_back(std::move(r));
        }
        if (q.answer.table.rows.empty()) return false;
        std::vector<model::Provenance> parts;
        for (const LayoutRect* h : header) parts.push_back(placed(h->page, h->box));
        if (corner != nullptr) parts.push_back(placed(corner->page, corner->box));
        for (const auto& r : q.answer.table.rows) parts.push_back(r.where);
        q.answer.where = page_extents(parts);
        return true;
    }

    bool read_table(const TemplateQuestion& tq, model::Question& q, double begin, double end) {
        if (read_ruled_table(tq, q, begin, end)) return true;
        q.answer = model::Answer();
        if (tq.columns.empty() || region_.empty()) return false;
        // the columns' left edges: their headers, in order, in the first lines of the region
        std::vector<std::vector<LabelKey>> column_keys;
        for (const auto& c : tq.columns) {
            std::vector<LabelKey> keys{make_label_key(c)};
            if (auto it = tq.alt_columns.find(c); it != tq.alt_columns.end())
                for (const auto& alt : it->second) keys.push_back(make_label_key(alt));
            column_keys.push_back(std::move(keys));
        }
        // header words: the lines of the region's first page before the first data row
        const int page = region_.front()->src->page;
        std::vector<const LayoutWord*> header;
        double header_bottom = 0;
        const double lh = std::max(1.0, height(region_.front()->src->box));
        for (const Line* l : region_) {
            if (l->src->page != page) break;
            if (!header.empty() && l->src->box[1] - header_bottom > 2.5 * lh) break;
            if (header.size() > 200) break;
            // a line whose first word is a row title ends the header
            if (!header.empty() && !l->src->words.empty() && !tq.rows.empty() &&
                label_key(l->src->words.front().text) == label_key(tq.rows.front()))
                break;
            for (const auto& w : l->src->words) header.push_back(&w);
            header_bottom = l->src->box[3];
        }
        // each column: the header words (left to right, top to bottom within a
        // cell) that best spell its label
        std::vector<double> left(tq.columns.size(), -1);
        double from = -1e9;
        for (std::size_t c = 0; c < tq.columns.size(); ++c) {
            double best = 0;
            for (const LayoutWord* w : header) {
                if (w->box[0] < from) continue;
                // the words of this header cell: same column band, stacked
                std::vector<const LayoutWord*> cell;
                for (const LayoutWord* v : header)
                    if (v->box[0] >= w->box[0] - 1 && v->box[0] < w->box[0] + 4 * lh) cell.push_back(v);
                std::string text;
                for (const LayoutWord* v : cell) {
                    if (!text.empty()) text += ' ';
                    text += v->text;
                }
                const LabelKey key = make_label_key(text);
                const LabelKey alone = make_label_key(w->text);
                for (const auto& k : column_keys[c]) {
                    double s = std::max(label_similarity(key, k), label_similarity(alone, k));
                    // a header cell's first word
                    if (!k.words.empty() && !alone.words.empty() && k.key.compare(0, alone.key.size(), alone.key) == 0)
                        s = std::max(s, 0.86);
                    if (s > best + 1e-9) {
                        best = s;
                        left[c] = w->box[0];
                    }
                }
            }
            if (best < kLabelMatchThreshold) return false;
            from = left[c] + 1;
        }
        const double slack = kCellSlack * lh;
        const auto column_of = [&](const LayoutWord& w) -> long {
            long col = -1;  // -1: the row titles' column
            for (std::size_t c = 0; c < left.size(); ++c)
                if (w.box[0] >= left[c] - slack) col = static_cast<long>(c);
            return col;
        };
        // data rows: each starts at a row title in the first column
        q.answer.kind = model::AnswerKind::table;
        q.answer.table.columns = tq.columns;
        struct Start {
            const Line* line;
            std::string title;
        };
        std::vector<Start> starts;
        for (const Line* l : region_) {
            if (l->src->page == page && l->src->box[3] <= header_bottom + 0.5) continue;
            // a header repeated on a following page
            std::string lead;
            for (const auto& w : l->src->words)
                if (!is_red_star(w) && column_of(w) < 0) lead += (lead.empty() ? "" : " ") + w.text;
            if (lead.empty()) continue;
            starts.push_back({l, lead});
        }
        if (starts.empty()) return true;  // a table printed without rows
        for (std::size_t s = 0; s < starts.size(); ++s) {
            const Line* l = starts[s].line;
            const double top = l->top - slack;
            const double bottom = s + 1 < starts.size() ? starts[s + 1].line->top - slack : pos(1 << 20, 0);
            model::TableRow row;
            row.header = starts[s].title;
            row.cells.assign(tq.columns.size(), std::string());
            row.where.page = l->src->page;
            for (int c = 0; c < 4; ++c) row.where.box[c] = l->src->box[c];
            double last_y[64];
            std::fill(std::begin(last_y), std::end(last_y), -1e18);
            for (const Line* m : region_) {
                if (m->top < top || m->top >= bottom) continue;
                if (m->src->page == page && m->src->box[3] <= header_bottom + 0.5) continue;
                for (const auto& w : m->src->words) {
                    if (is_red_star(w)) {
                        row.mandatory = true;
                        continue;
                    }
                    const long c = column_of(w);
                    if (c < 0 || static_cast<std::size_t>(c) >= row.cells.size()) continue;
                    std::string& cell = row.cells[static_cast<std::size_t>(c)];
                    if (!cell.empty()) cell += ' ';
                    cell += w.text;
                    if (c < 64) last_y[c] = m->top;
                }
            }
            // a row painted twice at a page break (its foot, then again on top of
            // the next page) is one row
            if (!q.answer.table.rows.empty() && q.answer.table.rows.back().header == row.header &&
                q.answer.table.rows.back().cells == row.cells)
                continue;
            q.answer.table.rows.push_back(std::move(row));
        }
        std::vector<model::Provenance> parts;
        for (const auto& r : q.answer.table.rows) parts.push_back(r.where);
        q.answer.where = page_extents(parts);
        return true;
    }

    // Whether a renderer cut a word where a line ended, between `before` (alone
    // on its line, filling it) and `after` (the next line's first word): the
    // layout cannot tell a cut from a long word wrapped before a short one, so
    // the document's own words decide: a long token (an address, a number), a
    // joined word the document spells elsewhere, or a fragment it never uses
    // as a word is a cut.
    // `tight`: the fragment ends less than a character short of the line's
    // end, so not even the next letter fitted: a word the document does not
    // use elsewhere, going on in lower case, was cut there.
    bool cut_word(const std::string& before, const std::string& after, bool tight = false) const {
        if (before.empty() || after.empty()) return false;
        if (before.size() >= 20 || before.find_first_of("/\\.@_=?&:<>0123456789") != std::string::npos) return true;
        if (words_.empty())
            for (const auto& l : lines_)
                for (const auto& w : l.src->words) ++words_[lower(w.text)];
        // the fragment itself is a word of the page once: used elsewhere, it is a word
        const auto seen = [this](const std::string& w) {
            const auto it = words_.find(lower(w));
            return it == words_.end() ? 0 : it->second;
        };
        if (seen(before + after) > 0) return true;
        // a capital after the break begins a word ("TwinLine" / "Press")
        if (std::isupper(static_cast<unsigned char>(after.front()))) return false;
        if (seen(after) < 2) return true;
        const auto lower_letter = [](char c) { return c >= 'a' && c <= 'z'; };
        return tight && seen(before) < 2 && lower_letter(before.back()) && lower_letter(after.front());
    }
    static std::string lower(const std::string& s) {
        std::string t;
        for (const char c : s)
            if (std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80))
                t += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return t;
    }

    // A line set as the survey tool sets help and limits lines: in italics, or
    // in a lighter grey than its question's title.
    bool styled_as_help(const Line& l) const {
        if (l.src->words.empty()) return false;
        const LayoutWord& w = l.src->words.front();
        const std::string font = w.font;
        const auto has = [&font](const char* s) { return font.find(s) != std::string::npos; };
        if (has("Italic") || has("Oblique") || has("italic") || has("oblique")) return true;
        const double grey = (w.rgb[0] + w.rgb[1] + w.rgb[2]) / 3;
        return std::abs(w.rgb[0] - w.rgb[1]) < 0.05 && std::abs(w.rgb[1] - w.rgb[2]) < 0.05 && grey > title_grey_ + 0.1;
    }

    // The text an answer's lines were made from. A line that ends where the
    // next line's first word would not have fitted was wrapped by the
    // renderer (joined with a space; with nothing after a hyphen, or after a
    // word cut where it filled the line); any other line end is the writer's
    // own break; a step of more than one line's pitch is a blank line. A line
    // painted twice at a page break (its foot, then the next page's top) is
    // read once. The right edge is the answer box's less its left padding,
    // else the widest line's.
    std::string unwrap(const std::vector<const Line*>& lines, const std::vector<const LayoutRect*>& boxes) const {
        if (lines.empty()) return {};
        double pitch = 1e18, left = 1e18, widest = 0;
        std::vector<double> gaps;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const auto& src = *lines[i]->src;
            left = std::min(left, src.box[0]);
            widest = std::max(widest, src.box[2]);
            for (std::size_t k = 1; k < src.words.size(); ++k)
                gaps.push_back(src.words[k].box[0] - src.words[k - 1].box[2]);
            if (i > 0 && lines[i - 1]->src->page == src.page) {
                const double d = src.box[1] - lines[i - 1]->src->box[1];
                if (d > 0.8 * src.size) pitch = std::min(pitch, d);
            }
        }
        double space = 0;
        if (!gaps.empty()) {
            std::nth_element(gaps.begin(), gaps.begin() + static_cast<long>(gaps.size() / 2), gaps.end());
            space = gaps[gaps.size() / 2];
        }
        // without a box: the widest line set in this answer's font at its left
        // edge, anywhere but in question titles (set wider, in another weight)
        const std::string& type = lines.front()->src->words.front().font;
        std::vector<double> rights;
        for (std::size_t k = 0; k < lines_.size(); ++k) {
            const Line& l = lines_[k];
            if (!l.src->words.empty() && !taken_[k] && std::abs(l.src->box[0] - left) < 2 &&
                l.src->words.front().font == type && std::abs(l.src->size - lines.front()->src->size) < 0.5) {
                widest = std::max(widest, l.src->box[2]);
                rights.push_back(l.src->box[2]);
            }
        }
        // a renderer may wrap text short of its box (a fixed-width element in a
        // wider box): several lines ending at the widest line's edge show where
        const double edge = kWrapEdge * std::max(1.0, widest - left);
        const bool wrap_edge =
            std::count_if(rights.begin(), rights.end(), [&](double r) { return r >= widest - edge; }) >= 2;
        const auto limit_of = [&](const Line* l) {
            for (const LayoutRect* r : boxes)
                if (r->page == l->src->page && cx(l->src->box) >= r->box[0] && cx(l->src->box) <= r->box[2]) {
                    const double inner = r->box[2] - (left - r->box[0]);
                    return wrap_edge ? std::min(inner, widest + edge) : inner;
                }
            return widest;
        };
        // a line's own indentation (the writer's leading spaces), in spaces
        const auto indent = [&](const Line* l) {
            if (space <= 0.5) return std::string();
            const long n = std::lround((l->src->box[0] - left) / space);
            return std::string(static_cast<std::size_t>(std::clamp(n, 0L, 40L)), ' ');
        };
        std::string out;
        const Line* prev = nullptr;
        for (const Line* cur : lines) {
            if (cur->src->words.empty()) continue;
            if (prev == nullptr) {
                out = indent(cur) + cur->text;
                prev = cur;
                continue;
            }
            if (prev->src->page != cur->src->page && prev->text == cur->text) continue;  // painted twice
            if (prev->src->page == cur->src->page &&
                std::abs(cy(prev->src->box) - cy(cur->src->box)) < height(prev->src->box) / 2) {
                out += ' ';  // one line set in parts (a number, then the item at a tab stop)
                out += cur->text;
                prev = cur;
                continue;
            }
            if (prev->src->page == cur->src->page && pitch < 1e17) {
                const long blanks = std::lround((cur->src->box[1] - prev->src->box[1]) / pitch) - 1;
                if (blanks > 0) {
                    out.append(static_cast<std::size_t>(std::min(blanks, 10L)) + 1, '\n');
                    out += indent(cur) + cur->text;
                    prev = cur;
                    continue;
                }
            }
            const LayoutWord& last = prev->src->words.back();
            const LayoutWord& next = cur->src->words.front();
            const double gap = std::max(space, 0.25 * std::max(last.size, 1.0));
            const double limit = limit_of(prev);
            if (prev->src->box[2] + gap + (next.box[2] - next.box[0]) <= limit - 0.5) {
                out += '\n';  // the line had room for the next word: the writer broke it
                out += indent(cur);
            } else {
                const double char_width =
                    (last.box[2] - last.box[0]) / static_cast<double>(std::max<std::size_t>(1, last.text.size()));
                // a word cut where the line ended: alone on it, no space after it, and
                // filling it (or, a token too long for the box, most of it)
                const bool cut = !last.space_after && prev->src->words.size() == 1 &&
                                 (prev->src->box[2] >= limit - 1.5 * char_width ||
                                  last.box[2] - last.box[0] >= 0.5 * (limit - left)) &&
                                 cut_word(last.text, next.text, prev->src->box[2] >= limit - char_width);
                const bool hyphen =
                    !last.space_after && !last.text.empty() && last.text.back() == '-' && last.text.size() > 1;
                if (!cut && !hyphen) out += ' ';
            }
            out += cur->text;
            prev = cur;
        }
        return out;
    }

    bool read_text(const TemplateQuestion& tq, model::Question& q, double begin, double end) {
        if (tq.type == QuestionType::list)
            if (const auto items = drawn_items()) {
                q.answer.kind = model::AnswerKind::list;
                std::vector<model::Provenance> parts;
                for (const auto& [text, l] : *items) {
                    q.answer.items.push_back(text);
                    parts.push_back(placed(l->src->page, l->src->box));
                }
                q.answer.where = page_extents(parts);
                return true;
            }
        q.answer.kind = model::AnswerKind::text;
        // the answer box(es): bordered rectangles of the region (one per page
        // when the answer crosses a page)
        std::vector<const LayoutRect*> boxes;
        for (const auto& r : layout_.rects) {
            if (r.filled || r.box[2] - r.box[0] <= 4 * body_size_ || r.page < 1) continue;
            // clipped to its page, the box lies inside the region (a frame around
            // the whole form is no answer box)
            const double page_h = layout_.pages[static_cast<std::size_t>(r.page - 1)].second;
            const double top = pos(r.page, std::max(0.0, r.box[1])), bottom = pos(r.page, std::min(page_h, r.box[3]));
            if (top >= begin - 2 && bottom <= end + 2) boxes.push_back(&r);
        }
        const auto in_box = [&](const Line& l) {
            for (const LayoutRect* r : boxes)
                if (r->page == l.src->page && cx(l.src->box) >= r->box[0] && cx(l.src->box) <= r->box[2] &&
                    cy(l.src->box) >= r->box[1] && cy(l.src->box) <= r->box[3])
                    return true;
            return false;
        };
        std::vector<const Line*> lines;
        if (!boxes.empty()) {
            for (const Line* l : region_)
                if (in_box(*l)) lines.push_back(l);
        } else {
            // no box: the answer is set in its own type (the print view's answers
            // are monospaced, eusurvey-formats.md §3), or it is all the region holds
            for (const Line* l : region_)
                if (!l->src->words.empty() && family(l->src->words.front().font) != family(title_font_))
                    lines.push_back(l);
            // else: what the region holds, less the help and limits lines (set
            // in italics, or in a lighter grey than the title)
            if (lines.empty())
                for (const Line* l : region_)
                    if (!styled_as_help(*l)) lines.push_back(l);
        }
        std::string text = unwrap(lines, boxes);
        std::vector<model::Provenance> parts;
        for (const Line* l : lines) parts.push_back(placed(l->src->page, l->src->box));
        q.answer.where = page_extents(parts);
        // a number is followed by its unit (eusurvey-formats.md §2.3): not part of the answer
        if (tq.type == QuestionType::number && layout_.survey_tool &&
            text.find_first_of("0123456789") == std::string::npos && text.find(' ') == std::string::npos)
            text.clear();  // the unit alone: no number was given
        if (tq.type == QuestionType::number) {
            const auto space = text.find(' ');
            if (space != std::string::npos && std::isdigit(static_cast<unsigned char>(text.front())) &&
                text.find_first_of("0123456789", space) == std::string::npos)
                text.erase(space);
            else if (space != std::string::npos && !std::isdigit(static_cast<unsigned char>(text.front())) &&
                     text.find(' ', space + 1) == std::string::npos &&
                     std::isdigit(static_cast<unsigned char>(text[space + 1])))
                text.erase(0, space + 1);  // a unit set before the box
        }
        q.answer.text = text;
        // nothing in the answer's type on a page of the survey tool: unanswered
        return !boxes.empty() || !lines.empty() || region_.empty() || layout_.survey_tool;
    }

    const model::Layout& layout_;
    const std::vector<TemplateQuestion>& questions_;
    const std::vector<TemplateSection>& sections_;
    std::vector<Line> lines_;
    std::vector<std::pair<int, const LayoutWord*>> stars_;
    std::vector<Anchor> anchors_;
    std::vector<bool> taken_;
    std::vector<const Line*> region_;
    std::string title_font_;
    double title_grey_ = 0;
    mutable std::map<std::pair<std::size_t, std::size_t>, LabelKey> title_keys_;  // lines i..j → their key
    mutable std::map<std::string, int> words_;  // every word of the pages, lower case, and how often (cut_word)
    double body_size_ = 0;
    double mark_size_ = 0;
};

}  // namespace

std::vector<AnchoredQuestion> read_by_anchors(const model::Layout& layout,
                                              const std::vector<TemplateQuestion>& questions,
                                              const std::vector<TemplateSection>& sections) {
    return Reader(layout, questions, sections).read();
}

}  // namespace formsift::normalize
