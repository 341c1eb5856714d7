#include "markdown_extractor.hpp"

#include <algorithm>
#include <optional>

#include "blocks.hpp"
#include "charset.hpp"
#include "clip.hpp"

namespace formsift::extract::markdown {
namespace {

bool space_at(const std::string& s, std::size_t i, std::size_t& width) {
    if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
        width = 1;
        return true;
    }
    if (s.compare(i, 2, "\xC2\xA0") == 0) {  // no-break space
        width = 2;
        return true;
    }
    return false;
}

// White space (no-break spaces too) trimmed at both ends.
std::string trim(const std::string& s) {
    std::size_t a = 0, w = 0;
    while (a < s.size() && space_at(s, a, w)) a += w;
    std::size_t b = s.size();
    while (b > a) {
        const std::size_t back = s[b - 1] == ' ' || s[b - 1] == '\t' || s[b - 1] == '\n' || s[b - 1] == '\r' ? 1
                                 : b >= a + 2 && s.compare(b - 2, 2, "\xC2\xA0") == 0                        ? 2
                                                                                                             : 0;
        if (back == 0) break;
        b -= back;
    }
    return s.substr(a, b - a);
}

// A mandatory marker `*` before (or after) a title, taken off it.
bool take_star(std::string& t) {
    bool star = false;
    if (!t.empty() && t.front() == '*') {
        t = trim(t.substr(1));
        star = true;
    }
    if (t.size() > 1 && t.back() == '*' && t[t.size() - 2] == ' ') {
        t = trim(t.substr(0, t.size() - 1));
        star = true;
    }
    return star;
}

model::Provenance at_line(int line) {
    model::Provenance p;
    p.line = line;
    return p;
}

class Builder {
public:
    Builder(const std::vector<Block>& blocks, model::Document& doc) : blocks_(blocks), doc_(doc) {}

    void run() {
        for (std::size_t i = 0; i < blocks_.size(); ++i) {
            const Block& b = blocks_[i];
            const bool titles_table = i + 1 < blocks_.size() && blocks_[i + 1].kind == Block::Kind::table;
            const bool titles_choice =
                i + 1 < blocks_.size() && blocks_[i + 1].kind == Block::Kind::list && blocks_[i + 1].tasks;
            switch (b.kind) {
                case Block::Kind::heading: heading(b, titles_table || titles_choice); break;
                case Block::Kind::paragraph: paragraph(b, titles_table); break;
                case Block::Kind::list: list(b); break;
                case Block::Kind::table: table(b); break;
                case Block::Kind::html:
                case Block::Kind::code: part(b.text, b.line); break;
            }
        }
        close();
    }

private:
    struct Open {
        model::Question q;
        std::vector<std::string> parts;  // answer blocks so far
        bool done = false;               // a table or a choice answered it
    };

    int section() const { return static_cast<int>(doc_.sections.size()) - 1; }

    void open(std::string title, int line) {
        close();
        Open o;
        o.q.mandatory = take_star(title);
        o.q.title = std::move(title);
        o.q.where = at_line(line);
        o.q.section = section();
        open_ = std::move(o);
    }

    // The open question is complete: a question when it has an answer or a
    // star; a title nothing answers and nothing marks is text.
    void close() {
        if (!open_) return;
        Open o = std::move(*open_);
        open_.reset();
        model::Question& q = o.q;
        if (!o.done && !o.parts.empty()) {
            q.answer.kind = model::AnswerKind::text;
            for (const auto& p : o.parts) {
                if (!q.answer.text.empty()) q.answer.text += "\n\n";
                q.answer.text += p;
            }
        } else if (!o.done && q.mandatory) {
            q.answer.kind = model::AnswerKind::text;
            q.answer.where = q.where;
        } else if (!o.done) {
            text(q.title, q.where.line);
            if (!q.help.empty()) text(q.help, q.where.line);
            return;
        }
        doc_.questions.push_back(std::move(q));
    }

    void text(const std::string& t, int line) {
        if (t.empty()) return;
        doc_.texts.push_back({t, section(), at_line(line)});
    }

    // A block of text: the open question's answer, or text of the document.
    void part(const std::string& t, int line) {
        const std::string clean = trim(t);
        if (clean.empty()) return;
        if (open_ && !open_->done) {
            if (open_->parts.empty()) open_->q.answer.where = at_line(line);
            open_->parts.push_back(clean);
            return;
        }
        close();
        text(clean, line);
    }

    // A heading is a section, or a question's title when it has a star or
    // a table or choice list right under it.
    void heading(const Block& b, bool titles_answer) {
        std::string t = trim(plain(b.runs));
        if (t.empty()) return;
        if (titles_answer) {
            open(t, b.line);
            return;
        }
        if (t.front() == '*' || (t.size() > 1 && t.back() == '*')) {
            open(t, b.line);
            if (open_ && !open_->q.mandatory) {  // a heading ending in a literal `*`: text
                open_.reset();
                section_heading(t, b);
            }
            return;
        }
        close();
        section_heading(t, b);
    }

    void section_heading(const std::string& t, const Block& b) {
        if (doc_.title.empty() && doc_.sections.empty() && doc_.questions.empty() && b.level == 1) {
            doc_.title = t;
            return;
        }
        doc_.sections.push_back({t, b.level, at_line(b.line), {}});
    }

    void paragraph(const Block& b, bool titles_table) {
        const std::string all = trim(plain(b.runs));
        if (all.empty() || all.rfind("Fields marked with", 0) == 0) return;
        if (titles_table) {  // the text right above a table names it
            open(all, b.line);
            return;
        }
        if (b.emphasis && open_ && open_->parts.empty() && !open_->done && open_->q.help.empty()) {
            open_->q.help = all;
            return;
        }
        std::size_t k = 0;
        while (k < b.runs.size() && trim(b.runs[k].text).empty()) ++k;
        if (k == b.runs.size() || !b.runs[k].strong) {
            part(all, b.line);
            return;
        }
        // bold runs are titles (converters run several together on one
        // line); plain text after one is its answer, unless it goes on in
        // parentheses (a title's tail)
        while (k < b.runs.size()) {
            if (b.runs[k].strong) {
                std::string title = trim(b.runs[k].text);
                ++k;
                if (k < b.runs.size() && !b.runs[k].strong) {
                    const std::string tail = trim(b.runs[k].text);
                    if (!tail.empty() && tail.front() == '(') {
                        title += " " + tail;
                        ++k;
                    }
                }
                if (!title.empty()) open(title, b.line);
                continue;
            }
            part(b.runs[k].text, b.line);
            ++k;
        }
    }

    void list(const Block& b) {
        if (b.tasks && open_ && open_->parts.empty() && !open_->done) {
            model::Answer& a = open_->q.answer;
            a.kind = model::AnswerKind::choice;
            a.where = at_line(b.line);
            a.choice.multiple = true;
            for (const auto& [label, checked] : b.task_items) {
                model::Option o;
                o.label = trim(label);
                o.value = o.label;
                o.selected = checked;
                o.where = at_line(b.line);
                a.choice.options.push_back(std::move(o));
            }
            open_->done = true;
            close();
            return;
        }
        part(b.text, b.line);
    }

    void table(const Block& b) {
        if (b.rows.empty()) return;
        model::Answer a = table_answer(b);
        if (open_ && open_->parts.empty() && !open_->done) {
            open_->q.answer = std::move(a);
            open_->done = true;
            close();
            return;
        }
        close();
        model::Question q;
        q.where = at_line(b.line);
        q.section = section();
        q.answer = std::move(a);
        doc_.questions.push_back(std::move(q));
    }

    // Radio buttons written as HTML in the cells make a matrix; else a table,
    // its first row the header (row headers under an empty corner cell).
    static model::Answer table_answer(const Block& b) {
        model::Answer a;
        a.where = at_line(b.line);
        const auto& header = b.rows.front();
        bool buttons = false, boxes = false;
        for (std::size_t r = 1; r < b.rows.size(); ++r)
            for (const auto& c : b.rows[r]) {
                buttons = buttons || c.buttons > 0;
                boxes = boxes || c.checkbox;
            }
        const bool row_headers = buttons || header.empty() || trim(header.front().text).empty();
        const std::size_t first = row_headers ? 1 : 0;
        if (buttons) {
            a.kind = model::AnswerKind::matrix;
            a.matrix.multiple = boxes;
            for (std::size_t c = 1; c < header.size(); ++c) a.matrix.columns.push_back(trim(header[c].text));
            for (std::size_t r = 1; r < b.rows.size(); ++r) {
                const auto& row = b.rows[r];
                model::MatrixRow m;
                m.label = row.empty() ? std::string() : trim(row.front().text);
                m.mandatory = take_star(m.label);
                m.where = at_line(b.row_lines[r]);
                for (std::size_t c = 1; c <= a.matrix.columns.size(); ++c)
                    m.selected.push_back(c < row.size() && row[c].checked > 0);
                a.matrix.rows.push_back(std::move(m));
            }
            return a;
        }
        a.kind = model::AnswerKind::table;
        if (row_headers && !header.empty()) a.table.corner = trim(header.front().text);
        for (std::size_t c = first; c < header.size(); ++c) a.table.columns.push_back(trim(header[c].text));
        for (std::size_t r = 1; r < b.rows.size(); ++r) {
            const auto& row = b.rows[r];
            model::TableRow t;
            if (row_headers && !row.empty()) {
                t.header = trim(row.front().text);
                t.mandatory = take_star(t.header);
            }
            for (std::size_t c = first; c < row.size(); ++c) t.cells.push_back(row[c].text);
            t.cells.resize(a.table.columns.size());
            t.where = at_line(b.row_lines[r]);
            a.table.rows.push_back(std::move(t));
        }
        return a;
    }

    const std::vector<Block>& blocks_;
    model::Document& doc_;
    std::optional<Open> open_;
};

}  // namespace

model::Document extract_markdown(std::string_view bytes, const std::string& /*name*/, const Options& options) {
    model::Document doc;
    doc.format = "markdown";
    Decoded decoded = decode_to_utf8(bytes, sniff_encoding(bytes));
    doc.diagnostics = std::move(decoded.diagnostics);
    const std::vector<Block> blocks = read_blocks(decoded.utf8, options.limits.max_depth, doc.diagnostics);
    Builder(blocks, doc).run();
    clip_long_answers(doc, options.limits.max_text);
    return doc;
}

}  // namespace formsift::extract::markdown
