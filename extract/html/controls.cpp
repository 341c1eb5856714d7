#include "controls.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>
#include <unordered_map>

#include "dom.hpp"

namespace formsift::extract::html {
namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

bool is_ascii_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

std::string strip_collapse(std::string_view s) {
    std::string out;
    for (const char c : s) {
        if (is_ascii_space(c)) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += c;
        }
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

std::string one_line(const std::string& s) {
    std::string out = s;
    std::replace(out.begin(), out.end(), '\n', ' ');
    return strip_collapse(out);
}

bool is_valid_float(const std::string& s) {
    // HTML "valid floating-point number": -?digits(.digits)?([eE][+-]?digits)? or -?.digits
    std::size_t i = 0;
    if (i < s.size() && s[i] == '-') ++i;
    std::size_t digits = 0;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++digits;
    if (i < s.size() && s[i] == '.') {
        ++i;
        std::size_t frac = 0;
        while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++frac;
        if (frac == 0) return false;
        digits += frac;
    }
    if (digits == 0) return false;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
        std::size_t exp = 0;
        while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++exp;
        if (exp == 0) return false;
    }
    return i == s.size();
}

bool is_valid_date(const std::string& s) {
    if (s.size() < 10) return false;
    const std::size_t dash = s.find('-', 4);
    if (dash == std::string::npos || dash < 4 || s.size() != dash + 6) return false;
    for (std::size_t i = 0; i < dash; ++i)
        if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    if (s[dash + 3] != '-') return false;
    for (const std::size_t i : {dash + 1, dash + 2, dash + 4, dash + 5})
        if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    const long year = std::strtol(s.substr(0, dash).c_str(), nullptr, 10);
    const int month = std::atoi(s.substr(dash + 1, 2).c_str());
    const int day = std::atoi(s.substr(dash + 4, 2).c_str());
    if (year < 1 || month < 1 || month > 12 || day < 1) return false;
    static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (day > kDays[month - 1]) return false;
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return !(month == 2 && day == 29 && !leap);
}

// The HTML value sanitization algorithm for the input types we list.
std::string sanitize_value(const std::string& type, std::string v) {
    auto strip_newlines = [](std::string& s) {
        s.erase(std::remove_if(s.begin(), s.end(), [](char c) { return c == '\r' || c == '\n'; }), s.end());
    };
    if (type == "text" || type == "search" || type == "tel" || type == "password") {
        strip_newlines(v);
    } else if (type == "url" || type == "email") {
        strip_newlines(v);
        const auto b = v.find_first_not_of(" \t\n\f\r");
        const auto e = v.find_last_not_of(" \t\n\f\r");
        v = b == std::string::npos ? std::string() : v.substr(b, e - b + 1);
    } else if (type == "number" || type == "range") {
        if (!is_valid_float(v)) v.clear();
    } else if (type == "date") {
        if (!is_valid_date(v)) v.clear();
    }
    return v;
}

// Text of the nodes right after an input up to the next control or line break.
std::string text_after(const xmlNode* input, int max_depth) {
    std::string out;
    for (const xmlNode* s = input->next; s != nullptr; s = s->next) {
        if (s->type == XML_TEXT_NODE) {
            if (s->content) out += reinterpret_cast<const char*>(s->content);
            continue;
        }
        if (!is_element(s)) continue;
        const std::string_view nm = name_of(s);
        if (nm == "br" || nm == "input" || nm == "select" || nm == "textarea" || nm == "p" || nm == "div" ||
            nm == "li" || nm == "tr" || nm == "table" || nm == "label" || nm == "fieldset")
            break;
        if (hidden_self(s)) continue;
        out += visible_text(s, max_depth);
        out += ' ';
    }
    return one_line(out);
}

// Text of nodes right before a control within its parent, back to the previous control or break.
std::string text_before(const xmlNode* control, int max_depth) {
    std::vector<std::string> parts;
    for (const xmlNode* s = control->prev; s != nullptr; s = s->prev) {
        if (s->type == XML_TEXT_NODE) {
            if (s->content) parts.emplace_back(reinterpret_cast<const char*>(s->content));
            continue;
        }
        if (!is_element(s)) continue;
        const std::string_view nm = name_of(s);
        if (nm == "br" || nm == "input" || nm == "select" || nm == "textarea" || nm == "label" || nm == "div" ||
            nm == "p" || nm == "table")
            break;
        if (hidden_self(s)) continue;
        parts.push_back(visible_text(s, max_depth));
    }
    std::string out;
    for (auto it = parts.rbegin(); it != parts.rend(); ++it) out += *it + ' ';
    return one_line(out);
}

bool contains_control(xmlNode* n, int max_depth) {
    for (xmlNode* d : descendants(n, max_depth)) {
        const std::string_view nm = name_of(d);
        if ((nm == "input" && lower(attr(d, "type")) != "hidden") || nm == "select" || nm == "textarea") return true;
    }
    return false;
}

// Text of the nearest preceding sibling cell (table layouts: <td>Label</td><td><input></td>).
std::string neighbour_cell_text(const xmlNode* control, int max_depth) {
    const xmlNode* cell = nullptr;
    for (const xmlNode* p = control->parent; p != nullptr && is_element(p); p = p->parent) {
        if (is_element(p, "td") || is_element(p, "th")) {
            cell = p;
            break;
        }
        if (is_element(p, "tr") || is_element(p, "table") || is_element(p, "form")) break;
    }
    if (cell == nullptr) return {};
    for (const xmlNode* s = cell->prev; s != nullptr; s = s->prev) {
        if (!is_element(s) || hidden_self(s)) continue;
        if (contains_control(const_cast<xmlNode*>(s), max_depth)) return {};
        std::string t = one_line(visible_text(s, max_depth));
        if (!t.empty()) return t;
    }
    return {};
}

struct LabelIndex {
    std::unordered_map<std::string, xmlNode*> by_for;  // first <label for=id>
    std::unordered_map<std::string, xmlNode*> by_id;   // element ids, first wins
};

std::string label_of(const Control& c, const LabelIndex& idx, int max_depth, bool option_label) {
    const std::string id = attr(c.node, "id");
    if (!id.empty()) {
        auto it = idx.by_for.find(id);
        if (it != idx.by_for.end()) {
            std::string t = one_line(visible_text(it->second, max_depth));
            if (!t.empty()) return t;
        }
    }
    if (xmlNode* l = ancestor(c.node, "label"); l != nullptr && !has_attr(l, "for")) {
        // a wrapping label labels its first labelable descendant only
        xmlNode* first = find_first(
            l,
            [](xmlNode* d) {
                const std::string_view nm = name_of(d);
                return (nm == "input" && attr(d, "type") != "hidden") || nm == "select" || nm == "textarea";
            },
            max_depth);
        if (first == c.node) {
            std::string t = one_line(visible_text(l, max_depth));
            if (!t.empty()) return t;
        }
    }
    std::string t = one_line(attr(c.node, "aria-label"));
    if (!t.empty()) return t;
    const std::string labelledby = attr(c.node, "aria-labelledby");
    if (!labelledby.empty()) {
        std::string joined;
        std::size_t pos = 0;
        while (pos < labelledby.size()) {
            while (pos < labelledby.size() && is_ascii_space(labelledby[pos])) ++pos;
            std::size_t end = pos;
            while (end < labelledby.size() && !is_ascii_space(labelledby[end])) ++end;
            if (end > pos) {
                auto it = idx.by_id.find(labelledby.substr(pos, end - pos));
                if (it != idx.by_id.end()) joined += visible_text(it->second, max_depth) + ' ';
            }
            pos = end;
        }
        t = one_line(joined);
        if (!t.empty()) return t;
    }
    if (option_label) {
        t = text_after(c.node, max_depth);
        if (!t.empty()) return t;
        // survey-tool layout: <td><input/></td><td><div class="answertext">label</div></td>
        if (const xmlNode* cell = c.node->parent; is_element(cell, "td")) {
            for (const xmlNode* s = cell->next; s != nullptr; s = s->next)
                if (is_element(s)) {
                    t = one_line(visible_text(s, max_depth));
                    if (!t.empty()) return t;
                    break;
                }
        }
        return {};
    }
    t = neighbour_cell_text(c.node, max_depth);
    if (!t.empty()) return t;
    t = text_before(c.node, max_depth);
    if (!t.empty()) return t;
    t = one_line(attr(c.node, "title"));
    if (!t.empty()) return t;
    return one_line(attr(c.node, "placeholder"));
}

const xmlNode* form_owner(const xmlNode* n, const LabelIndex& idx) {
    const std::string fid = attr(n, "form");
    if (!fid.empty()) {
        auto it = idx.by_id.find(fid);
        if (it != idx.by_id.end() && is_element(it->second, "form")) return it->second;
        return nullptr;  // a form attribute naming no form: no owner
    }
    return ancestor(n, "form");
}

model::FieldKind kind_of(const std::string& type) {
    if (type == "radio") return model::FieldKind::radio;
    if (type == "checkbox") return model::FieldKind::checkbox;
    if (type == "select") return model::FieldKind::choice;
    return model::FieldKind::text;
}

// Controls that belong together: radios/checkboxes sharing form owner and name.
std::vector<std::vector<const Control*>> group_controls(const std::vector<Control>& controls) {
    std::vector<std::vector<const Control*>> groups;
    std::map<std::tuple<const xmlNode*, std::string, std::string>, std::size_t> index;
    for (const Control& c : controls) {
        if ((c.type == "radio" || c.type == "checkbox") && !c.name.empty()) {
            auto key = std::make_tuple(c.form, c.type, c.name);
            auto it = index.find(key);
            if (it != index.end()) {
                groups[it->second].push_back(&c);
                continue;
            }
            index.emplace(key, groups.size());
        }
        groups.push_back({&c});
    }
    return groups;
}

xmlNode* common_ancestor(const std::vector<const Control*>& group) {
    xmlNode* a = group.front()->node->parent;
    while (a != nullptr && is_element(a)) {
        bool all = true;
        for (const Control* c : group) {
            bool inside = false;
            for (const xmlNode* p = c->node->parent; p != nullptr; p = p->parent)
                if (p == a) {
                    inside = true;
                    break;
                }
            if (!inside) {
                all = false;
                break;
            }
        }
        if (all) return a;
        a = a->parent;
    }
    return nullptr;
}

// The question text of a radio/checkbox group: its fieldset's legend when the
// fieldset holds only this group, else the text just before the group.
std::string group_label(const std::vector<const Control*>& group, int max_depth, bool& starred) {
    starred = false;
    xmlNode* a = common_ancestor(group);
    if (a == nullptr) return {};
    for (xmlNode* f = a; f != nullptr && is_element(f); f = f->parent) {
        if (!is_element(f, "fieldset")) continue;
        std::size_t controls_inside = 0;
        for (xmlNode* d : descendants(f, max_depth)) {
            const std::string_view nm = name_of(d);
            if ((nm == "input" || nm == "select" || nm == "textarea") && !hidden_self(d)) ++controls_inside;
        }
        if (controls_inside != group.size()) break;
        for (xmlNode* c = f->children; c != nullptr; c = c->next)
            if (is_element(c, "legend")) {
                std::string t = one_line(visible_text(c, max_depth));
                starred = strip_star(t);
                if (!t.empty()) return t;
            }
        break;
    }
    // text inside the common ancestor before the first control
    std::string t = text_before(group.front()->node, max_depth);
    if (t.empty() && group.front()->node->parent != a) {
        // the first control is wrapped (label, span): look before its wrapper
        const xmlNode* w = group.front()->node;
        while (w->parent != a && w->parent != nullptr) w = w->parent;
        t = text_before(w, max_depth);
    }
    if (!t.empty()) {
        starred = strip_star(t);
        return t;
    }
    // else a block just before the group inside the common ancestor
    // (<form><p>Question</p><input type=radio> …)
    const xmlNode* first = group.front()->node;
    while (first->parent != a && first->parent != nullptr) first = first->parent;
    for (xmlNode* s = first->prev; s != nullptr; s = s->prev) {
        if (!is_element(s) || hidden_self(s)) continue;
        if (contains_control(s, max_depth)) break;
        t = one_line(visible_text(s, max_depth));
        if (!t.empty()) {
            starred = strip_star(t);
            return t;
        }
    }
    // else the nearest preceding sibling block without controls, up a few levels
    int levels = 0;
    for (xmlNode* up = a; up != nullptr && is_element(up) && levels < 4; up = up->parent, ++levels) {
        if (is_element(up, "form") || is_element(up, "body")) break;
        for (xmlNode* s = up->prev; s != nullptr; s = s->prev) {
            if (!is_element(s) || hidden_self(s)) continue;
            if (contains_control(s, max_depth)) break;
            t = one_line(visible_text(s, max_depth));
            if (!t.empty()) {
                starred = strip_star(t);
                return t;
            }
        }
        t = neighbour_cell_text(group.front()->node, max_depth);
        if (!t.empty()) {
            starred = strip_star(t);
            return t;
        }
    }
    return {};
}

}  // namespace

bool strip_star(std::string& label) {
    bool star = false;
    auto trim = [](std::string& s) {
        const auto b = s.find_first_not_of(" \t\n");
        const auto e = s.find_last_not_of(" \t\n");
        s = b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
    };
    trim(label);
    while (!label.empty() && (label.front() == '*' || label.back() == '*' ||
                              (label.size() > 1 && label.back() == ':' && label[label.size() - 2] == '*'))) {
        if (label.front() == '*') {
            label.erase(0, 1);
        } else if (label.back() == '*') {
            label.pop_back();
        } else {
            label.erase(label.size() - 2, 1);
        }
        star = true;
        trim(label);
    }
    return star;
}

std::vector<Control> collect_controls(xmlDoc* doc, int max_depth, std::size_t max_controls,
                                      std::vector<model::Diagnostic>& diagnostics) {
    std::vector<Control> out;
    xmlNode* root = xmlDocGetRootElement(doc);
    if (root == nullptr) return out;
    std::vector<xmlNode*> all{root};
    {
        auto rest = descendants(root, max_depth);
        all.insert(all.end(), rest.begin(), rest.end());
    }
    LabelIndex idx;
    for (xmlNode* n : all) {
        const std::string id = attr(n, "id");
        if (!id.empty()) idx.by_id.emplace(id, n);
        if (is_element(n, "label")) {
            const std::string f = attr(n, "for");
            if (!f.empty()) idx.by_for.emplace(f, n);
        }
    }
    for (xmlNode* n : all) {
        const std::string_view nm = name_of(n);
        if (nm != "input" && nm != "select" && nm != "textarea") continue;
        // template contents are inert; noscript contents are not parsed as
        // markup by a browser with scripting on
        if (ancestor(n, "template") != nullptr || ancestor(n, "noscript") != nullptr) continue;
        Control c;
        c.node = n;
        if (nm == "input") {
            c.type = lower(attr(n, "type"));
            if (c.type.empty()) c.type = "text";
            static constexpr std::string_view kSkip[] = {"hidden", "submit", "reset", "button", "image", "file"};
            if (std::find(std::begin(kSkip), std::end(kSkip), c.type) != std::end(kSkip)) continue;
            static constexpr std::string_view kKnown[] = {
                "text", "search",         "tel",    "url",   "email", "password", "date", "month", "week",
                "time", "datetime-local", "number", "range", "color", "checkbox", "radio"};
            if (std::find(std::begin(kKnown), std::end(kKnown), c.type) == std::end(kKnown)) c.type = "text";
        } else {
            c.type = std::string(nm);
        }
        if (out.size() >= max_controls) {
            diagnostics.push_back(
                {model::Code::too_many_fields, provenance_of(n).locator(),
                 "more than " + std::to_string(max_controls) + " form controls; the rest are ignored (--max-fields)"});
            break;
        }
        c.name = attr(n, "name");
        c.form = form_owner(n, idx);
        c.checked = has_attr(n, "checked");
        c.required_attr = has_attr(n, "required");
        c.required = c.required_attr || lower(attr(n, "aria-required")) == "true";
        c.hidden = hidden_in_tree(n);
        if (c.type == "textarea") {
            std::string v = raw_text(n, max_depth);
            // CRLF and CR become LF, as in a browser's API value
            std::string norm;
            for (std::size_t i = 0; i < v.size(); ++i) {
                if (v[i] == '\r') {
                    norm += '\n';
                    if (i + 1 < v.size() && v[i + 1] == '\n') ++i;
                } else {
                    norm += v[i];
                }
            }
            if (!norm.empty() && norm.front() == '\n') norm.erase(0, 1);
            c.value = norm;
        } else if (c.type == "select") {
            c.multiple = has_attr(n, "multiple");
            c.size = std::atoi(attr(n, "size").c_str());
            for (xmlNode* d : descendants(n, max_depth)) {
                if (!is_element(d, "option")) continue;
                SelectOption o;
                o.node = d;
                const std::string text = strip_collapse(raw_text(d, max_depth));
                o.value = has_attr(d, "value") ? attr(d, "value") : text;
                const std::string label_attr = attr(d, "label");
                o.label = label_attr.empty() ? text : label_attr;
                o.selected = has_attr(d, "selected");
                const xmlNode* group = ancestor(d, "optgroup");
                o.disabled = has_attr(d, "disabled") || (group != nullptr && has_attr(group, "disabled"));
                c.options.push_back(std::move(o));
            }
        } else if (c.type == "radio" || c.type == "checkbox") {
            c.value = has_attr(n, "value") ? attr(n, "value") : "on";
        } else {
            c.value = sanitize_value(c.type, attr(n, "value"));
        }
        const bool option_label = c.type == "radio" || c.type == "checkbox";
        c.label = label_of(c, idx, max_depth, option_label);
        c.label_starred = strip_star(c.label);
        out.push_back(std::move(c));
    }
    return out;
}

std::vector<model::Field> make_fields(const std::vector<Control>& controls,
                                      std::vector<model::Diagnostic>& diagnostics) {
    std::vector<model::Field> out;
    for (const auto& group : group_controls(controls)) {
        const Control& first = *group.front();
        model::Field f;
        f.name = first.name;
        f.kind = kind_of(first.type);
        f.origin = "html";
        f.where = provenance_of(first.node);
        f.hidden = std::all_of(group.begin(), group.end(), [](const Control* c) { return c->hidden; });
        for (const Control* c : group) f.required = f.required || c->required_attr;
        if (f.kind == model::FieldKind::radio || f.kind == model::FieldKind::checkbox) {
            f.multiple = f.kind == model::FieldKind::checkbox && group.size() > 1;
            bool starred = false;
            f.label = group.size() > 1 ? group_label(group, 512, starred) : first.label;
            if (f.label.empty()) f.label = first.label;
            for (const Control* c : group)
                f.options.push_back({c->label, c->value, c->checked, provenance_of(c->node)});
            if (f.kind == model::FieldKind::radio) {
                // a browser keeps only the last checked radio of a group
                std::size_t checked = 0;
                for (auto& o : f.options) checked += o.selected ? 1 : 0;
                if (checked > 1) {
                    diagnostics.push_back({model::Code::radio_group_conflict, f.where.locator(),
                                           "radio group '" + f.name + "' has " + std::to_string(checked) +
                                               " checked buttons in the markup; a browser keeps only the last"});
                    bool seen = false;
                    for (auto it = f.options.rbegin(); it != f.options.rend(); ++it) {
                        if (it->selected && seen) it->selected = false;
                        if (it->selected) seen = true;
                    }
                }
            }
        } else if (f.kind == model::FieldKind::choice) {
            f.label = first.label;
            f.multiple = first.multiple;
            for (const auto& o : first.options)
                f.options.push_back({o.label, o.value, o.selected, provenance_of(o.node)});
            if (!first.multiple) {
                // selectedness: the last selected wins; none → first enabled option when displayed as a drop-down
                int last = -1;
                for (std::size_t i = 0; i < f.options.size(); ++i)
                    if (f.options[i].selected) last = static_cast<int>(i);
                for (auto& o : f.options) o.selected = false;
                if (last >= 0) {
                    f.options[static_cast<std::size_t>(last)].selected = true;
                } else if (first.size <= 1) {
                    for (std::size_t i = 0; i < first.options.size(); ++i)
                        if (!first.options[i].disabled) {
                            f.options[i].selected = true;
                            break;
                        }
                }
            }
        } else {
            f.label = first.label;
            f.value = first.value;
        }
        out.push_back(std::move(f));
    }
    return out;
}

void add_form_questions(const std::vector<Control>& controls, xmlDoc* doc, model::Document& out, int max_depth) {
    xmlNode* root = xmlDocGetRootElement(doc);
    if (root == nullptr) return;
    // document order of every element, and the headings that open sections
    std::unordered_map<const xmlNode*, std::size_t> order;
    std::vector<std::pair<std::size_t, std::size_t>> section_starts;  // (order, section index)
    std::size_t k = 0;
    for (xmlNode* n : descendants(root, max_depth)) {
        order.emplace(n, k);
        const std::string_view nm = name_of(n);
        if (nm.size() == 2 && nm[0] == 'h' && nm[1] >= '1' && nm[1] <= '6' && !hidden_in_tree(n)) {
            std::string title = one_line(visible_text(n, max_depth));
            if (!title.empty()) {
                section_starts.emplace_back(k, out.sections.size());
                out.sections.push_back({title, nm[1] - '0', provenance_of(n), {}});
            }
        }
        ++k;
    }
    auto section_at = [&](const xmlNode* n) {
        int s = -1;
        const auto it = order.find(n);
        if (it == order.end()) return s;
        for (const auto& [pos, idx] : section_starts)
            if (pos < it->second) s = static_cast<int>(idx);
        return s;
    };

    for (const auto& group : group_controls(controls)) {
        const Control& first = *group.front();
        if (std::all_of(group.begin(), group.end(), [](const Control* c) { return c->hidden; })) continue;
        model::Question q;
        q.source_id = first.name;
        q.where = provenance_of(first.node);
        q.section = section_at(first.node);
        q.answer.where = q.where;
        bool starred = first.label_starred;
        for (const Control* c : group) q.mandatory = q.mandatory || c->required;
        if (first.type == "radio" || first.type == "checkbox") {
            bool group_star = false;
            q.title = group_label(group, max_depth, group_star);
            if (q.title.empty() && group.size() == 1) q.title = first.label;
            if (q.title.empty()) q.title = first.name;
            starred = group.size() > 1 ? group_star : starred;
            q.answer.kind = model::AnswerKind::choice;
            q.answer.choice.multiple = first.type == "checkbox";
            for (const Control* c : group) {
                if (c->hidden) continue;
                q.answer.choice.options.push_back(
                    {c->label.empty() ? c->value : c->label, c->value, c->checked, provenance_of(c->node)});
            }
        } else if (first.type == "select") {
            q.title = first.label.empty() ? first.name : first.label;
            q.answer.kind = model::AnswerKind::choice;
            q.answer.choice.multiple = first.multiple;
            for (std::size_t i = 0; i < first.options.size(); ++i) {
                const SelectOption& o = first.options[i];
                // a first option with an empty value is a placeholder, never an answer
                const bool placeholder = i == 0 && o.value.empty();
                q.answer.choice.options.push_back(
                    {o.label, o.value, o.selected && !placeholder, provenance_of(o.node)});
            }
        } else {
            q.title = first.label.empty() ? first.name : first.label;
            q.answer.kind = model::AnswerKind::text;
            q.answer.text = first.value;
        }
        q.mandatory = q.mandatory || starred;
        out.questions.push_back(std::move(q));
    }
}

}  // namespace formsift::extract::html
