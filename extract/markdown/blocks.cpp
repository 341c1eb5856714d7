#include "blocks.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <mutex>

namespace formsift::extract::markdown {
namespace {

std::vector<std::string> split_lines(std::string_view text) {
    std::vector<std::string> lines;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string line(text.substr(pos, end - pos));
        if (!line.empty() && line.back() == '\r') line.pop_back();
        lines.push_back(std::move(line));
        pos = end + 1;
    }
    return lines;
}

bool blank(const std::string& l) {
    return l.find_first_not_of(" \t") == std::string::npos;
}

std::size_t cell_count(const std::string& l) {
    return static_cast<std::size_t>(std::count(l.begin(), l.end(), '\t')) + 1;
}

bool fence(const std::string& l) {
    const std::size_t i = l.find_first_not_of(' ');
    return i != std::string::npos && i < 4 && (l.compare(i, 3, "```") == 0 || l.compare(i, 3, "~~~") == 0);
}

// "-\tfoo", "1.\tfoo": a list item, not a table row
bool list_item_with_tab(const std::string& l) {
    std::size_t i = l.find_first_not_of(' ');
    if (i == std::string::npos) return false;
    if (l[i] == '-' || l[i] == '*' || l[i] == '+') return i + 1 < l.size() && l[i + 1] == '\t';
    while (i < l.size() && l[i] >= '0' && l[i] <= '9') ++i;
    return i + 1 < l.size() && (l[i] == '.' || l[i] == ')') && l[i + 1] == '\t';
}

std::vector<std::string> split_tabs(const std::string& l) {
    std::vector<std::string> out;
    std::size_t pos = 0;
    for (;;) {
        const std::size_t end = l.find('\t', pos);
        out.push_back(l.substr(pos, end == std::string::npos ? std::string::npos : end - pos));
        if (end == std::string::npos) break;
        pos = end + 1;
    }
    for (auto& c : out) {
        const std::size_t a = c.find_first_not_of(' ');
        const std::size_t b = c.find_last_not_of(' ');
        c = a == std::string::npos ? std::string() : c.substr(a, b - a + 1);
    }
    return out;
}

// ---- cmark ------------------------------------------------------------------

struct NodeDeleter {
    void operator()(cmark_node* n) const { cmark_node_free(n); }
};
struct ParserDeleter {
    void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};

bool is(cmark_node* n, const char* type) {
    const char* t = cmark_node_get_type_string(n);
    return t != nullptr && std::strcmp(t, type) == 0;
}

struct Inline {
    std::string text;
    bool strong = false;
    bool emph = false;
    int group = 0;  // a new one at each bold span: two bold titles side by side stay two
};

// Inline content as runs: text, code, links (their text), breaks as newlines,
// literal HTML as written; `**` left in text toggles bold.
void inlines(cmark_node* n, bool strong, bool emph, int depth, std::vector<Inline>& out, int& group) {
    if (depth > 64) return;
    for (cmark_node* c = cmark_node_first_child(n); c != nullptr; c = cmark_node_next(c)) {
        switch (cmark_node_get_type(c)) {
            case CMARK_NODE_TEXT: {
                const std::string t = cmark_node_get_literal(c) ? cmark_node_get_literal(c) : "";
                std::size_t pos = 0;
                bool s = strong;
                for (;;) {
                    const std::size_t at = t.find("**", pos);
                    out.push_back(
                        {t.substr(pos, at == std::string::npos ? std::string::npos : at - pos), s, emph, group});
                    if (at == std::string::npos) break;
                    s = !s;
                    ++group;
                    pos = at + 2;
                }
                break;
            }
            case CMARK_NODE_CODE:
            case CMARK_NODE_HTML_INLINE:
                out.push_back({cmark_node_get_literal(c) ? cmark_node_get_literal(c) : "", strong, emph, group});
                break;
            case CMARK_NODE_SOFTBREAK:
            case CMARK_NODE_LINEBREAK: out.push_back({"\n", strong, emph, group}); break;
            case CMARK_NODE_STRONG:
                ++group;
                inlines(c, true, emph, depth + 1, out, group);
                ++group;
                break;
            case CMARK_NODE_EMPH: inlines(c, strong, true, depth + 1, out, group); break;
            default:  // links, images, strikethrough: their text
                inlines(c, strong, emph, depth + 1, out, group);
                break;
        }
    }
}

std::vector<Run> runs_of(const std::vector<Inline>& parts) {
    std::vector<Run> runs;
    int last_group = -1;
    for (const auto& p : parts) {
        if (p.text.empty()) continue;
        // plain text runs on; bold runs on within one bold span
        if (!runs.empty() && runs.back().strong == p.strong && (!p.strong || p.group == last_group))
            runs.back().text += p.text;
        else
            runs.push_back({p.text, p.strong});
        last_group = p.group;
    }
    return runs;
}

std::string inline_text(cmark_node* n) {
    std::vector<Inline> parts;
    int group = 0;
    inlines(n, false, false, 0, parts, group);
    std::string out;
    for (const auto& p : parts) out += p.text;
    return out;
}

class Reader {
public:
    Reader(const std::vector<std::string>& lines, int max_depth, std::vector<model::Diagnostic>& diagnostics)
        : lines_(lines), max_depth_(max_depth), diagnostics_(diagnostics) {}

    // The markdown in lines [first, last) into blocks.
    void segment(std::size_t first, std::size_t last, std::vector<Block>& out) {
        std::string text;
        for (std::size_t i = first; i < last; ++i) {
            text += lines_[i];
            text += '\n';
        }
        if (blank(text)) return;
        static std::once_flag registered;
        std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });
        std::unique_ptr<cmark_parser, ParserDeleter> parser(
            cmark_parser_new(CMARK_OPT_SOURCEPOS | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_UNSAFE));
        for (const char* ext : {"table", "tasklist"})
            if (cmark_syntax_extension* e = cmark_find_syntax_extension(ext))
                cmark_parser_attach_syntax_extension(parser.get(), e);
        cmark_parser_feed(parser.get(), text.data(), text.size());
        std::unique_ptr<cmark_node, NodeDeleter> doc(cmark_parser_finish(parser.get()));
        offset_ = static_cast<int>(first);
        for (cmark_node* n = cmark_node_first_child(doc.get()); n != nullptr; n = cmark_node_next(n)) block(n, 0, out);
    }

private:
    int line_of(cmark_node* n) const { return cmark_node_get_start_line(n) + offset_; }

    void block(cmark_node* n, int depth, std::vector<Block>& out) {
        if (depth > max_depth_) {
            if (!deep_reported_) {
                diagnostics_.push_back(
                    {model::Code::markdown_too_deep, "line " + std::to_string(line_of(n)),
                     "blocks nested deeper than " + std::to_string(max_depth_) + " levels are not read (--max-depth)"});
                deep_reported_ = true;
            }
            return;
        }
        Block b;
        b.line = line_of(n);
        if (is(n, "table")) {
            b.kind = Block::Kind::table;
            for (cmark_node* row = cmark_node_first_child(n); row != nullptr; row = cmark_node_next(row)) {
                std::vector<Cell> cells;
                for (cmark_node* c = cmark_node_first_child(row); c != nullptr; c = cmark_node_next(c)) {
                    Cell cell;
                    cell.text = inline_text(c);
                    count_buttons(cell);
                    cells.push_back(std::move(cell));
                }
                b.rows.push_back(std::move(cells));
                b.row_lines.push_back(line_of(row));
            }
            out.push_back(std::move(b));
            return;
        }
        switch (cmark_node_get_type(n)) {
            case CMARK_NODE_HEADING:
            case CMARK_NODE_PARAGRAPH: {
                std::vector<Inline> parts;
                int group = 0;
                inlines(n, false, false, 0, parts, group);
                b.kind = cmark_node_get_type(n) == CMARK_NODE_HEADING ? Block::Kind::heading : Block::Kind::paragraph;
                b.level = b.kind == Block::Kind::heading ? cmark_node_get_heading_level(n) : 0;
                b.runs = runs_of(parts);
                b.emphasis =
                    std::any_of(parts.begin(), parts.end(), [](const Inline& p) { return !blank(p.text); }) &&
                    std::all_of(parts.begin(), parts.end(), [](const Inline& p) { return p.emph || blank(p.text); });
                if (!b.runs.empty()) out.push_back(std::move(b));
                return;
            }
            case CMARK_NODE_LIST: {
                b.kind = Block::Kind::list;
                b.tasks = cmark_node_first_child(n) != nullptr;
                for (cmark_node* item = cmark_node_first_child(n); item != nullptr; item = cmark_node_next(item))
                    b.tasks = b.tasks && is(item, "tasklist");
                if (b.tasks)
                    for (cmark_node* item = cmark_node_first_child(n); item != nullptr; item = cmark_node_next(item))
                        b.task_items.emplace_back(item_text(item, depth + 1),
                                                  cmark_gfm_extensions_get_tasklist_item_checked(item));
                b.text = list_text(n, depth + 1);
                out.push_back(std::move(b));
                return;
            }
            case CMARK_NODE_HTML_BLOCK:
            case CMARK_NODE_CODE_BLOCK: {
                b.kind = cmark_node_get_type(n) == CMARK_NODE_HTML_BLOCK ? Block::Kind::html : Block::Kind::code;
                std::string t = cmark_node_get_literal(n) ? cmark_node_get_literal(n) : "";
                while (!t.empty() && t.back() == '\n') t.pop_back();
                b.text = std::move(t);
                if (!blank(b.text)) out.push_back(std::move(b));
                return;
            }
            case CMARK_NODE_BLOCK_QUOTE:
                for (cmark_node* c = cmark_node_first_child(n); c != nullptr; c = cmark_node_next(c))
                    block(c, depth + 1, out);
                return;
            default:  // thematic breaks, footnote definitions
                return;
        }
    }

    // The marker an item was written with ("- ", "1. ", "* "), from the source.
    std::string marker(cmark_node* item) const {
        const int line = line_of(item) - 1;
        const int col = cmark_node_get_start_column(item) - 1;
        cmark_node* first = cmark_node_first_child(item);
        if (line < 0 || static_cast<std::size_t>(line) >= lines_.size() || col < 0) return "- ";
        const std::string& l = lines_[static_cast<std::size_t>(line)];
        int end = first != nullptr && line_of(first) - 1 == line ? cmark_node_get_start_column(first) - 1
                                                                 : static_cast<int>(l.size());
        if (static_cast<std::size_t>(col) >= l.size() || end <= col) return "- ";
        std::string m = l.substr(static_cast<std::size_t>(col), static_cast<std::size_t>(end - col));
        if (is(item, "tasklist")) {  // "- [x] " → "- "
            const std::size_t bracket = m.find('[');
            if (bracket != std::string::npos) m.erase(bracket);
        }
        while (!m.empty() && m.back() == ' ') m.pop_back();
        return m + " ";
    }

    // An item's own text: its paragraphs, and nested lists indented under it.
    std::string item_text(cmark_node* item, int depth) {
        std::string out;
        for (cmark_node* c = cmark_node_first_child(item); c != nullptr; c = cmark_node_next(c)) {
            std::string part;
            if (cmark_node_get_type(c) == CMARK_NODE_LIST) {
                if (depth > max_depth_) continue;
                part = list_text(c, depth + 1);
                std::string indented;
                std::size_t pos = 0;
                while (pos <= part.size()) {
                    std::size_t end = part.find('\n', pos);
                    if (end == std::string::npos) end = part.size();
                    const std::string l = part.substr(pos, end - pos);
                    if (!indented.empty()) indented += '\n';
                    if (!l.empty()) indented += "  " + l;
                    pos = end + 1;
                }
                part = indented;
            } else if (cmark_node_get_type(c) == CMARK_NODE_PARAGRAPH || cmark_node_get_type(c) == CMARK_NODE_HEADING) {
                part = inline_text(c);
            } else if (const char* lit = cmark_node_get_literal(c)) {
                part = lit;
                while (!part.empty() && part.back() == '\n') part.pop_back();
            }
            if (part.empty()) continue;
            if (!out.empty()) out += '\n';
            out += part;
        }
        return out;
    }

    std::string list_text(cmark_node* list, int depth) {
        const bool tight = cmark_node_get_list_tight(list) != 0;
        std::string out;
        for (cmark_node* item = cmark_node_first_child(list); item != nullptr; item = cmark_node_next(item)) {
            if (!out.empty()) out += tight ? "\n" : "\n\n";
            out += marker(item) + item_text(item, depth);
        }
        return out;
    }

    const std::vector<std::string>& lines_;
    int max_depth_;
    std::vector<model::Diagnostic>& diagnostics_;
    int offset_ = 0;
    bool deep_reported_ = false;
};

}  // namespace

std::string plain(const std::vector<Run>& runs) {
    std::string out;
    for (const auto& r : runs) out += r.text;
    return out;
}

void count_buttons(Cell& cell) {
    // a mark written as text: a task-list box, a ballot box, a circle
    static const std::pair<const char*, bool> kMarks[] = {
        {"[x]", true},    {"[X]", true},    {"[ ]", false},    {"(x)", true},    {"( )", false},
        {"\u2611", true}, {"\u2612", true}, {"\u2610", false}, {"\u25C9", true}, {"\u25CB", false}};
    std::string t = cell.text;
    while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.pop_back();
    t.erase(0, std::min(t.size(), t.find_first_not_of(" \t")));
    for (const auto& [mark, checked] : kMarks)
        if (t == mark) {
            cell.buttons = 1;
            cell.checked = checked ? 1 : 0;
            cell.checkbox = false;
            return;
        }
    if (cell.text.find('<') == std::string::npos) return;
    // the cell's markup parsed as HTML (attributes in any quoting and order)
    const std::string doc = "<body>" + cell.text + "</body>";
    std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> html(
        htmlReadMemory(doc.data(), static_cast<int>(doc.size()), nullptr, "utf-8",
                       HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_NOBLANKS),
        &xmlFreeDoc);
    if (!html) return;
    std::vector<xmlNode*> stack{xmlDocGetRootElement(html.get())};
    std::size_t seen = 0;
    while (!stack.empty() && ++seen < 10000) {
        xmlNode* n = stack.back();
        stack.pop_back();
        if (n == nullptr) continue;
        for (xmlNode* c = n->children; c != nullptr; c = c->next) stack.push_back(c);
        if (n->type != XML_ELEMENT_NODE || xmlStrcasecmp(n->name, BAD_CAST "input") != 0) continue;
        xmlChar* type = xmlGetProp(n, BAD_CAST "type");
        const bool radio = type != nullptr && xmlStrcasecmp(type, BAD_CAST "radio") == 0;
        const bool box = type != nullptr && xmlStrcasecmp(type, BAD_CAST "checkbox") == 0;
        xmlFree(type);
        if (!radio && !box) continue;
        ++cell.buttons;
        cell.checkbox = cell.checkbox || box;
        if (xmlHasProp(n, BAD_CAST "checked") != nullptr) ++cell.checked;
    }
}

std::vector<Block> read_blocks(std::string_view text, int max_depth, std::vector<model::Diagnostic>& diagnostics) {
    const std::vector<std::string> lines = split_lines(text);
    std::vector<Block> out;
    Reader reader(lines, max_depth, diagnostics);
    std::size_t start = 0;  // first line not yet read
    bool in_fence = false;
    std::size_t i = 0;
    while (i < lines.size()) {
        if (fence(lines[i])) in_fence = !in_fence;
        if (in_fence || lines[i].find('\t') == std::string::npos || blank(lines[i])) {
            ++i;
            continue;
        }
        // a table of tab-separated lines; blank lines inside where a page broke
        const std::size_t width = cell_count(lines[i]);
        std::size_t last = i;
        for (;;) {
            std::size_t k = last + 1;
            while (k < lines.size() && blank(lines[k])) ++k;
            if (k >= lines.size() || lines[k].find('\t') == std::string::npos || fence(lines[k])) break;
            if (k > last + 1 && cell_count(lines[k]) != width) break;
            last = k;
        }
        // two lines at least; indented code (one tab in front) and list items
        // written with a tab after their marker are not tables
        bool table_like = false;
        for (std::size_t k = i; k <= last && !table_like; ++k)
            table_like = !blank(lines[k]) && (cell_count(lines[k]) >= 3 || lines[k].front() != '\t');
        if (last == i || !table_like || list_item_with_tab(lines[i])) {
            ++i;
            continue;
        }
        reader.segment(start, i, out);
        Block table;
        table.kind = Block::Kind::table;
        table.line = static_cast<int>(i) + 1;
        for (std::size_t k = i; k <= last; ++k) {
            if (blank(lines[k])) continue;
            std::vector<Cell> cells;
            for (auto& t : split_tabs(lines[k])) {
                Cell c;
                c.text = std::move(t);
                count_buttons(c);
                cells.push_back(std::move(c));
            }
            table.rows.push_back(std::move(cells));
            table.row_lines.push_back(static_cast<int>(k) + 1);
        }
        out.push_back(std::move(table));
        start = last + 1;
        i = last + 1;
    }
    reader.segment(start, lines.size(), out);
    return out;
}

}  // namespace formsift::extract::markdown
