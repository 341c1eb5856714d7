#include "print_view.hpp"

#include <algorithm>

#include "controls.hpp"
#include "dom.hpp"
#include "submission_header.hpp"

namespace formsift::extract::html {
namespace {

bool is_survey_element(const xmlNode* n) {
    return is_element(n, "div") && has_class(n, "survey-element");
}

std::string one_line(std::string s) {
    std::replace(s.begin(), s.end(), '\n', ' ');
    std::string out;
    for (const char c : s) {
        if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
        out += c;
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

// The survey tool prepends a title's numbering as <span class='numbering'>1.2</span>
// with no space after it (eusurvey-formats.md §3, §6 "Numbering"): keep it
// apart from the words, as the PDF shows it ("1.2 Title").
std::string separate_numbering(xmlNode* n, std::string text, int max_depth) {
    xmlNode* numbering = find_first(
        n, [](xmlNode* d) { return is_element(d, "span") && has_class(d, "numbering"); }, max_depth);
    if (numbering == nullptr) return text;
    const std::string number = one_line(visible_text(numbering, max_depth));
    if (number.empty() || text.compare(0, number.size(), number) != 0) return text;
    if (text.size() > number.size() && text[number.size()] != ' ') text.insert(number.size(), " ");
    return text;
}

// Text of a cell or title without its mandatory star; reports whether it had one.
std::string text_without_star(xmlNode* n, int max_depth, bool& star) {
    star = false;
    for (xmlNode* d : descendants(n, max_depth))
        if (has_class(d, "mandatory") && !hidden_self(d)) star = true;
    std::string t = one_line(visible_text(n, max_depth));
    const bool text_star = strip_star(t);
    star = star || text_star;
    return separate_numbering(n, std::move(t), max_depth);
}

bool inside(const xmlNode* n, const xmlNode* container) {
    for (const xmlNode* p = n; p != nullptr; p = p->parent)
        if (p == container) return true;
    return false;
}

std::vector<xmlNode*> visible_rows(xmlNode* table, int max_depth) {
    std::vector<xmlNode*> rows;
    for (xmlNode* d : descendants(table, max_depth)) {
        if (!is_element(d, "tr")) continue;
        // rows of nested tables belong to those tables
        if (ancestor(d, "table") != table) continue;
        if (hidden_in_tree(d)) continue;
        rows.push_back(d);
    }
    return rows;
}

std::vector<xmlNode*> cells_of(xmlNode* row) {
    std::vector<xmlNode*> cells;
    for (xmlNode* c = row->children; c != nullptr; c = c->next)
        if ((is_element(c, "td") || is_element(c, "th")) && !hidden_self(c)) cells.push_back(c);
    return cells;
}

xmlNode* input_in(xmlNode* cell, int max_depth) {
    return find_first(
        cell,
        [](xmlNode* d) {
            if (!is_element(d, "input")) return false;
            std::string t = attr(d, "type");
            std::transform(t.begin(), t.end(), t.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            return t == "radio" || t == "checkbox";
        },
        max_depth);
}

bool is_checkbox(const xmlNode* input) {
    std::string t = attr(input, "type");
    std::transform(t.begin(), t.end(), t.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return t == "checkbox";
}

model::Answer read_matrix(xmlNode* table, int max_depth) {
    model::Answer a;
    a.kind = model::AnswerKind::matrix;
    a.where = provenance_of(table);
    bool header_done = false;
    for (xmlNode* row : visible_rows(table, max_depth)) {
        auto cells = cells_of(row);
        if (cells.empty()) continue;
        bool has_input = false;
        for (xmlNode* c : cells) has_input = has_input || input_in(c, max_depth) != nullptr;
        if (!header_done && !has_input) {
            for (std::size_t i = 1; i < cells.size(); ++i)
                a.matrix.columns.push_back(one_line(visible_text(cells[i], max_depth)));
            header_done = true;
            continue;
        }
        model::MatrixRow r;
        r.label = text_without_star(cells[0], max_depth, r.mandatory);
        r.where = provenance_of(row);
        for (std::size_t i = 1; i < cells.size(); ++i) {
            xmlNode* in = input_in(cells[i], max_depth);
            if (in != nullptr && is_checkbox(in)) a.matrix.multiple = true;
            r.selected.push_back(in != nullptr && has_attr(in, "checked"));
        }
        r.selected.resize(a.matrix.columns.size(), false);
        if (r.label.empty() && std::none_of(r.selected.begin(), r.selected.end(), [](bool b) { return b; })) continue;
        a.matrix.rows.push_back(std::move(r));
    }
    return a;
}

// A rating (eusurvey-formats.md §2.3, §3): a row per child, its label then
// N icons, the lit ones in colour (star_yellow, nav_plain_blue, heart_red),
// the others grey (…_grey.png). Read as a grid whose columns are 1/N to N/N.
model::Answer read_rating(xmlNode* table, int max_depth) {
    model::Answer a;
    a.kind = model::AnswerKind::matrix;
    a.where = provenance_of(table);
    std::size_t most = 0;
    std::vector<std::pair<model::MatrixRow, std::size_t>> rows;  // row, icons lit
    for (xmlNode* row : visible_rows(table, max_depth)) {
        auto cells = cells_of(row);
        if (cells.empty()) continue;
        model::MatrixRow r;
        r.label = text_without_star(cells[0], max_depth, r.mandatory);
        r.where = provenance_of(row);
        std::size_t icons = 0, lit = 0;
        for (std::size_t i = 1; i < cells.size(); ++i)
            for (xmlNode* d : visible_descendants(cells[i], max_depth)) {
                if (!is_element(d, "img")) continue;
                ++icons;
                std::string src = attr(d, "src");
                std::transform(src.begin(), src.end(), src.begin(),
                               [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
                if (src.find("grey") == std::string::npos && src.find("gray") == std::string::npos) ++lit;
            }
        most = std::max(most, icons);
        rows.emplace_back(std::move(r), lit);
    }
    for (std::size_t c = 1; c <= most; ++c) a.matrix.columns.push_back(std::to_string(c) + "/" + std::to_string(most));
    for (auto& [r, lit] : rows) {
        r.selected.assign(most, false);
        if (lit > 0 && lit <= most) r.selected[lit - 1] = true;
        a.matrix.rows.push_back(std::move(r));
    }
    return a;
}

model::Answer read_table(xmlNode* table, int max_depth) {
    model::Answer a;
    a.kind = model::AnswerKind::table;
    a.where = provenance_of(table);
    bool header_done = false;
    for (xmlNode* row : visible_rows(table, max_depth)) {
        auto cells = cells_of(row);
        if (cells.empty()) continue;
        if (!header_done) {
            a.table.corner = one_line(visible_text(cells[0], max_depth));
            for (std::size_t i = 1; i < cells.size(); ++i)
                a.table.columns.push_back(one_line(visible_text(cells[i], max_depth)));
            header_done = true;
            continue;
        }
        model::TableRow r;
        r.header = text_without_star(cells[0], max_depth, r.mandatory);
        r.where = provenance_of(row);
        for (std::size_t i = 1; i < cells.size(); ++i) {
            // answer cells hold the typed text, markup shown literally
            xmlNode* pre = find_first(
                cells[i], [](xmlNode* d) { return is_element(d, "pre"); }, max_depth);
            r.cells.push_back(pre != nullptr ? raw_text(pre, max_depth) : visible_text(cells[i], max_depth));
        }
        r.cells.resize(a.table.columns.size());
        a.table.rows.push_back(std::move(r));
    }
    return a;
}

// The survey tool lays a choice list out in several columns by sorting its
// options column-wise (eusurvey-formats.md §2.5): the table's rows read
// across give 1, 4, 7, 2, 5, 8, ... Reading the cells column by column gives
// the form's order back. A padding cell (no id, no value, no label) fills the
// grid and is not an option.
std::vector<xmlNode*> in_form_order(const std::vector<xmlNode*>& inputs) {
    struct Place {
        std::size_t column, row, index;
    };
    std::vector<Place> places;
    const xmlNode* table = nullptr;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        const xmlNode* cell = inputs[i]->parent;
        const xmlNode* row = cell != nullptr ? cell->parent : nullptr;
        if (!is_element(cell, "td") || !is_element(row, "tr")) return inputs;
        const xmlNode* t = ancestor(row, "table");
        if (table == nullptr) table = t;
        if (t != table) return inputs;  // not one grid
        std::size_t column = 0, row_index = 0;
        for (const xmlNode* c = row->children; c != nullptr && c != cell; c = c->next)
            if (is_element(c) && find_first(
                                     const_cast<xmlNode*>(c), [](xmlNode* d) { return is_element(d, "input"); }, 4))
                ++column;
        for (const xmlNode* r = row->prev; r != nullptr; r = r->prev)
            if (is_element(r, "tr")) ++row_index;
        places.push_back({column, row_index, i});
    }
    std::stable_sort(places.begin(), places.end(), [](const Place& a, const Place& b) {
        return a.column != b.column ? a.column < b.column : a.row < b.row;
    });
    std::vector<xmlNode*> out;
    for (const auto& p : places) out.push_back(inputs[p.index]);
    return out;
}

model::Answer read_choices(const std::vector<xmlNode*>& inputs, int max_depth) {
    model::Answer a;
    a.kind = model::AnswerKind::choice;
    a.where = provenance_of(inputs.front());
    for (xmlNode* in : inputs) {
        if (is_checkbox(in)) a.choice.multiple = true;
        model::Option o;
        o.value = attr(in, "value");
        o.selected = has_attr(in, "checked");
        o.where = provenance_of(in);
        // label: the next cell's answertext, or a <label>, or following text
        const xmlNode* cell = in->parent;
        if (is_element(cell, "td")) {
            for (const xmlNode* s = cell->next; s != nullptr; s = s->next)
                if (is_element(s) && !hidden_self(s)) {
                    o.label = one_line(visible_text(s, max_depth));
                    break;
                }
        }
        if (o.label.empty())
            if (xmlNode* l = ancestor(in, "label")) o.label = one_line(visible_text(l, max_depth));
        if (o.label.empty()) {
            std::string t;
            for (const xmlNode* s = in->next; s != nullptr; s = s->next) {
                if (s->type == XML_TEXT_NODE && s->content)
                    t += reinterpret_cast<const char*>(s->content);
                else if (is_element(s) && !hidden_self(s))
                    t += visible_text(s, max_depth);
            }
            o.label = one_line(t);
        }
        if (o.label.empty() && o.value.empty() && attr(in, "id").empty() && !o.selected) continue;  // padding
        if (o.label.empty()) o.label = o.value;
        a.choice.options.push_back(std::move(o));
    }
    return a;
}

void read_question(xmlNode* element, xmlNode* title, model::Document& out, int max_depth) {
    model::Question q;
    bool title_star = false;
    q.title = text_without_star(title, max_depth, title_star);
    q.mandatory = title_star || element_has_own_star(element, max_depth);
    q.source_id = attr(element, "id");
    q.where = provenance_of(title);
    q.section = static_cast<int>(out.sections.size()) - 1;

    // the element itself is visible (checked by the caller): only look inside
    const auto elems = visible_descendants(element, max_depth);
    for (xmlNode* d : elems) {
        if (has_class(d, "limits") && q.limits.empty()) q.limits = visible_text(d, max_depth);
        if (has_class(d, "questionhelp") && q.help.empty()) q.help = visible_text(d, max_depth);
    }
    auto excluded = [&](xmlNode* d) {
        for (xmlNode* p = d; p != nullptr && p != element; p = p->parent)
            if (p == title || has_class(p, "limits") || has_class(p, "questionhelp")) return true;
        return false;
    };

    xmlNode* matrix = nullptr;
    xmlNode* rating = nullptr;
    xmlNode* uploads = nullptr;
    std::vector<xmlNode*> ranked;
    xmlNode* table = nullptr;
    xmlNode* pre = nullptr;
    xmlNode* textarea = nullptr;
    xmlNode* text_input = nullptr;
    xmlNode* dropdown = nullptr;
    std::vector<xmlNode*> choice_inputs;
    for (xmlNode* d : elems) {
        if (excluded(d)) continue;
        if (is_element(d, "i") && has_class(d, "icon-chevron-down") && !dropdown) {
            // the box holding the chevron (and the label beside it)
            for (xmlNode* p = d->parent; p != nullptr && p != element; p = p->parent)
                if (has_class(p, "answer-column") || is_element(p, "td")) {
                    dropdown = p;
                    break;
                }
            if (dropdown == nullptr && d->parent != nullptr) dropdown = d->parent->parent;
        }
        if (is_element(d, "table") && has_class(d, "ratingtable") && !rating)
            rating = d;
        else if (has_class(d, "rankingitemtext"))
            ranked.push_back(d);
        else if (has_class(d, "uploaded-files") && !uploads)
            uploads = d;
        else if (is_element(d, "table") && has_class(d, "matrixtable") && !matrix)
            matrix = d;
        else if (is_element(d, "table") && has_class(d, "tabletable") && !table)
            table = d;
        else if (is_element(d, "pre") && !pre)
            pre = d;
        else if (is_element(d, "textarea") && !textarea)
            textarea = d;
        else if (is_element(d, "input")) {
            std::string t = attr(d, "type");
            std::transform(t.begin(), t.end(), t.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            if ((t == "radio" || t == "checkbox") && !(matrix && inside(d, matrix)) && !(table && inside(d, table)))
                choice_inputs.push_back(d);
            else if ((t == "text" || t == "password" || t.empty()) && !text_input)
                text_input = d;
        }
    }
    if (rating != nullptr) {
        q.answer = read_rating(rating, max_depth);
    } else if (!ranked.empty()) {
        // a ranking: its items in the order printed (the respondent's, or the
        // initial order when it was not answered: eusurvey-formats.md §2.3)
        q.answer.kind = model::AnswerKind::list;
        q.answer.where = provenance_of(ranked.front());
        for (xmlNode* item : ranked)
            if (std::string t = one_line(visible_text(item, max_depth)); !t.empty()) q.answer.items.push_back(t);
    } else if (uploads != nullptr) {
        // uploaded files: their names, each followed by two line breaks (§3)
        q.answer.kind = model::AnswerKind::list;
        q.answer.where = provenance_of(uploads);
        const std::string text = visible_text(uploads, max_depth);
        std::size_t p = 0;
        while (p <= text.size()) {
            std::size_t e = text.find('\n', p);
            if (e == std::string::npos) e = text.size();
            if (std::string line = one_line(text.substr(p, e - p)); !line.empty()) q.answer.items.push_back(line);
            p = e + 1;
        }
        if (q.answer.items.empty()) q.answer.kind = model::AnswerKind::none;
    } else if (matrix != nullptr) {
        q.answer = read_matrix(matrix, max_depth);
    } else if (table != nullptr) {
        q.answer = read_table(table, max_depth);
    } else if (!choice_inputs.empty()) {
        q.answer = read_choices(in_form_order(choice_inputs), max_depth);
    } else if (dropdown != nullptr) {
        // an answered drop-down prints only the chosen label in a box with a
        // chevron icon, no inputs (eusurvey-formats.md §2.3)
        model::Option o;
        o.label = one_line(visible_text(dropdown, max_depth));
        o.selected = !o.label.empty();
        o.where = provenance_of(dropdown);
        q.answer.kind = model::AnswerKind::choice;
        q.answer.where = o.where;
        if (o.selected) q.answer.choice.options.push_back(std::move(o));
    } else if (pre != nullptr || textarea != nullptr) {
        q.answer.kind = model::AnswerKind::text;
        q.answer.text = raw_text(pre != nullptr ? pre : textarea, max_depth);
        // a number's unit follows it in a span.unit-text (eusurvey-formats.md §3): not part of the answer
        if (pre != nullptr)
            if (xmlNode* unit = find_first(
                    pre, [](xmlNode* d) { return has_class(d, "unit-text"); }, max_depth)) {
                const std::string u = raw_text(unit, max_depth);
                auto& t = q.answer.text;
                if (!u.empty() && t.size() >= u.size() && t.compare(t.size() - u.size(), u.size(), u) == 0)
                    t.erase(t.size() - u.size());
            }
        q.answer.where = provenance_of(pre != nullptr ? pre : textarea);
    } else if (text_input != nullptr) {
        q.answer.kind = model::AnswerKind::text;
        q.answer.text = attr(text_input, "value");
        q.answer.where = provenance_of(text_input);
    } else if (xmlNode* box = find_first(
                   title, [](xmlNode* d) { return is_element(d, "input") && is_checkbox(d); }, max_depth)) {
        // a confirmation: its check box inside the title, the text confirmed
        // after it (eusurvey-formats.md §2.3): one option, that text
        model::Option o;
        std::string text;
        for (xmlNode* d : elems)
            if (!excluded(d) && is_element(d, "div") && d->parent == title->parent && !has_class(d, "files"))
                if (std::string t = one_line(visible_text(d, max_depth)); !t.empty() && text.empty()) text = t;
        o.label = text.empty() ? q.title : text;
        o.value = attr(box, "value");
        o.selected = has_attr(box, "checked");
        o.where = provenance_of(box);
        q.answer.kind = model::AnswerKind::choice;
        q.answer.choice.multiple = true;
        q.answer.where = o.where;
        q.answer.choice.options.push_back(std::move(o));
    }
    out.questions.push_back(std::move(q));
}

void read_header(xmlNode* body, model::Document& out, int max_depth) {
    // Everything before the first element block: contribution id, date, title.
    std::string head;
    for (xmlNode* d : descendants(body, max_depth)) {
        if (is_survey_element(d)) break;
        if (has_class(d, "surveytitle") && out.title.empty()) out.title = one_line(visible_text(d, max_depth));
    }
    for (xmlNode* c = body->children; c != nullptr; c = c->next) {
        if (is_survey_element(c)) break;
        if (is_element(c) && find_first(c, is_survey_element, max_depth) != nullptr) {
            // header and elements share a wrapper: read only up to the first element
            for (xmlNode* d : descendants(c, max_depth)) {
                if (is_survey_element(d)) break;
                for (xmlNode* t = d->children; t != nullptr; t = t->next)
                    if (t->type == XML_TEXT_NODE && t->content)
                        head += std::string(reinterpret_cast<const char*>(t->content)) + "\n";
            }
            break;
        }
        if (c->type == XML_TEXT_NODE && c->content)
            head += reinterpret_cast<const char*>(c->content);
        else if (is_element(c))
            head += visible_text(c, max_depth) + "\n";
    }
    const SubmissionHeader h = read_submission_header(head);
    if (!h.id_kind.empty()) out.meta[h.id_kind] = h.id;
    if (!h.date.empty()) out.meta["date"] = h.date;
}

}  // namespace

bool element_has_own_star(xmlNode* element, int max_depth) {
    for (xmlNode* d : descendants(element, max_depth)) {
        if (!has_class(d, "mandatory") || hidden_in_tree(d)) continue;
        bool in_table = false;
        for (xmlNode* p = d->parent; p != nullptr && p != element; p = p->parent)
            if (is_element(p, "table")) in_table = true;
        if (!in_table) return true;
    }
    return false;
}

bool is_print_view(xmlDoc* doc, int max_depth) {
    xmlNode* root = xmlDocGetRootElement(doc);
    return root != nullptr && find_first(root, is_survey_element, max_depth) != nullptr;
}

void read_print_view(xmlDoc* doc, model::Document& out, int max_depth) {
    xmlNode* root = xmlDocGetRootElement(doc);
    if (root == nullptr) return;
    xmlNode* body = find_first(
        root, [](xmlNode* d) { return is_element(d, "body"); }, 4);
    read_header(body != nullptr ? body : root, out, max_depth);
    out.meta["generator"] = "eusurvey-print-view";

    for (xmlNode* el : descendants(root, max_depth)) {
        if (!is_survey_element(el)) continue;
        if (ancestor(el, "div") != nullptr) {
            bool nested = false;
            for (xmlNode* p = el->parent; p != nullptr; p = p->parent)
                if (is_survey_element(p)) nested = true;
            if (nested) continue;
        }
        if (hidden_in_tree(el)) continue;  // untriggered or hidden element: not part of the submission
        xmlNode* section = find_first(
            el, [](xmlNode* d) { return has_class(d, "sectiontitle"); }, max_depth);
        if (section != nullptr && !hidden_in_tree(section)) {
            int level = 1;
            for (int l = 1; l <= 6; ++l)
                if (has_class(section, "section" + std::to_string(l))) level = l;
            out.sections.push_back({separate_numbering(section, one_line(visible_text(section, max_depth)), max_depth),
                                    level,
                                    provenance_of(section),
                                    {}});
            continue;
        }
        xmlNode* title = find_first(
            el, [](xmlNode* d) { return has_class(d, "questiontitle") && !hidden_in_tree(d); }, max_depth);
        if (title != nullptr) {
            read_question(el, title, out, max_depth);
            continue;
        }
        std::string text = visible_text(el, max_depth);
        if (!text.empty()) out.texts.push_back({text, static_cast<int>(out.sections.size()) - 1, provenance_of(el)});
    }
}

}  // namespace formsift::extract::html
