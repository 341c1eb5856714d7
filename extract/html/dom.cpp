#include "dom.hpp"

#include <libxml/HTMLtree.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace formsift::extract::html {
namespace {

struct XmlFree {
    void operator()(xmlChar* p) const { xmlFree(p); }
};
using XmlString = std::unique_ptr<xmlChar, XmlFree>;

bool is_block(std::string_view name) {
    static constexpr std::string_view kBlocks[] = {
        "address",    "article", "aside",  "blockquote", "dd",     "div",     "dl",  "dt",    "fieldset",
        "figcaption", "figure",  "footer", "form",       "h1",     "h2",      "h3",  "h4",    "h5",
        "h6",         "header",  "hr",     "legend",     "li",     "main",    "nav", "ol",    "p",
        "pre",        "section", "table",  "tbody",      "td",     "tfoot",   "th",  "thead", "tr",
        "ul",         "caption", "option", "label",      "select", "textarea"};
    return std::find(std::begin(kBlocks), std::end(kBlocks), name) != std::end(kBlocks);
}

void collapse_append(std::string& out, std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        // a no-break space (U+00A0) separates words like any other space in labels
        if (c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0') {
            ++i;
            if (!out.empty() && out.back() != ' ' && out.back() != '\n') out += ' ';
            continue;
        }
        const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
        if (space) {
            if (!out.empty() && out.back() != ' ' && out.back() != '\n') out += ' ';
        } else {
            out += c;
        }
    }
}

void break_line(std::string& out) {
    while (!out.empty() && out.back() == ' ') out.pop_back();
    if (out.empty()) return;
    if (out.size() >= 2 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') return;
    out += '\n';
}

void visible_walk(const xmlNode* n, std::string& out, int depth, int max_depth) {
    for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            if (c->content) collapse_append(out, reinterpret_cast<const char*>(c->content));
        } else if (c->type == XML_ELEMENT_NODE) {
            if (hidden_self(c) || depth >= max_depth) continue;
            const std::string_view nm = name_of(c);
            if (nm == "br") {
                while (!out.empty() && out.back() == ' ') out.pop_back();
                out += '\n';
                continue;
            }
            if (nm == "input" || nm == "select" || nm == "textarea" || nm == "button") continue;
            const bool block = is_block(nm);
            const bool para = nm == "p";
            if (block) {
                break_line(out);
                if (para && !out.empty()) out += '\n';
            }
            visible_walk(c, out, depth + 1, max_depth);
            if (block) {
                break_line(out);
                if (para) out += '\n';
            } else if (nm == "td" || nm == "th") {
                out += ' ';
            }
        }
    }
}

std::string tidy(std::string s) {
    // trim each line, drop leading/trailing blank lines, at most one blank line in a row
    std::string out;
    std::size_t start = 0;
    int blank_run = 0;
    while (start <= s.size()) {
        std::size_t end = s.find('\n', start);
        if (end == std::string::npos) end = s.size();
        std::string_view line(s.data() + start, end - start);
        while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
        while (!line.empty() && line.back() == ' ') line.remove_suffix(1);
        if (line.empty()) {
            ++blank_run;
        } else {
            if (!out.empty()) out += blank_run > 0 ? "\n\n" : "\n";
            out.append(line);
            blank_run = 0;
        }
        start = end + 1;
    }
    return out;
}

void raw_walk(const xmlNode* n, std::string& out, int depth, int max_depth) {
    for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            if (c->content) out += reinterpret_cast<const char*>(c->content);
        } else if (c->type == XML_ELEMENT_NODE && depth < max_depth && !hidden_self(c)) {
            const std::string_view nm = name_of(c);
            if (nm == "br") {
                out += '\n';
                continue;
            }
            // A <div> or <p> inside a <pre> starts a new line unless one is there.
            const bool block = nm == "div" || nm == "p";
            if (block && !out.empty() && out.back() != '\n') out += '\n';
            raw_walk(c, out, depth + 1, max_depth);
        }
    }
}

}  // namespace

bool is_element(const xmlNode* n) {
    return n != nullptr && n->type == XML_ELEMENT_NODE;
}

bool is_element(const xmlNode* n, std::string_view name) {
    return is_element(n) && name_of(n) == name;
}

std::string_view name_of(const xmlNode* n) {
    return n && n->name ? std::string_view(reinterpret_cast<const char*>(n->name)) : std::string_view();
}

bool has_attr(const xmlNode* n, const char* name) {
    return is_element(n) && xmlHasProp(n, reinterpret_cast<const xmlChar*>(name)) != nullptr;
}

std::string attr(const xmlNode* n, const char* name) {
    if (!is_element(n)) return {};
    XmlString v(xmlGetProp(n, reinterpret_cast<const xmlChar*>(name)));
    return v ? std::string(reinterpret_cast<const char*>(v.get())) : std::string();
}

bool has_class(const xmlNode* n, std::string_view cls) {
    const std::string classes = attr(n, "class");
    std::size_t pos = 0;
    while (pos < classes.size()) {
        while (pos < classes.size() && std::isspace(static_cast<unsigned char>(classes[pos]))) ++pos;
        std::size_t end = pos;
        while (end < classes.size() && !std::isspace(static_cast<unsigned char>(classes[end]))) ++end;
        if (end > pos && std::string_view(classes).substr(pos, end - pos) == cls) return true;
        pos = end;
    }
    return false;
}

bool hidden_self(const xmlNode* n) {
    if (!is_element(n)) return false;
    const std::string_view nm = name_of(n);
    if (nm == "script" || nm == "style" || nm == "template" || nm == "head" || nm == "noscript" || nm == "title")
        return true;
    if (has_attr(n, "hidden")) return true;
    if (nm == "input") {
        std::string type = attr(n, "type");
        std::transform(type.begin(), type.end(), type.begin(), [](unsigned char c) { return std::tolower(c); });
        if (type == "hidden") return true;
    }
    // helper classes of the survey tool and of common CSS frameworks that hide an element
    static constexpr std::string_view kHiddenClasses[] = {
        "hideme", "screen-reader-only", "sr-only", "visually-hidden", "visuallyhidden", "d-none", "hidden"};
    const std::string classes = attr(n, "class");
    for (std::size_t pos = 0; pos < classes.size();) {
        while (pos < classes.size() && std::isspace(static_cast<unsigned char>(classes[pos]))) ++pos;
        std::size_t end = pos;
        while (end < classes.size() && !std::isspace(static_cast<unsigned char>(classes[end]))) ++end;
        const std::string_view token = std::string_view(classes).substr(pos, end - pos);
        for (const auto c : kHiddenClasses)
            if (token == c) return true;
        pos = end;
    }
    std::string style = attr(n, "style");
    if (style.empty()) return false;
    std::string compact;
    for (const char c : style)
        if (!std::isspace(static_cast<unsigned char>(c)))
            compact += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    // "display:none" as a declaration, not inside another property's value
    std::size_t pos = 0;
    while ((pos = compact.find("display:none", pos)) != std::string::npos) {
        if (pos == 0 || compact[pos - 1] == ';' || compact[pos - 1] == '"') return true;
        pos += 12;
    }
    return false;
}

bool hidden_in_tree(const xmlNode* n) {
    for (const xmlNode* p = n; p != nullptr && p->type == XML_ELEMENT_NODE; p = p->parent)
        if (hidden_self(p)) return true;
    return false;
}

std::string visible_text(const xmlNode* n, int max_depth) {
    if (n == nullptr) return {};
    std::string out;
    visible_walk(n, out, 0, max_depth);
    return tidy(std::move(out));
}

std::string raw_text(const xmlNode* n, int max_depth) {
    if (n == nullptr) return {};
    std::string out;
    raw_walk(n, out, 0, max_depth);
    return out;
}

std::vector<xmlNode*> descendants(xmlNode* root, int max_depth) {
    std::vector<xmlNode*> out;
    for_each_element(root, max_depth, [&](xmlNode* n, int) {
        out.push_back(n);
        return true;
    });
    return out;
}

std::vector<xmlNode*> visible_descendants(xmlNode* root, int max_depth) {
    std::vector<xmlNode*> out;
    for_each_element(root, max_depth, [&](xmlNode* n, int) {
        if (hidden_self(n)) return false;
        out.push_back(n);
        return true;
    });
    return out;
}

xmlNode* ancestor(const xmlNode* n, std::string_view name) {
    for (xmlNode* p = n ? n->parent : nullptr; p != nullptr && p->type == XML_ELEMENT_NODE; p = p->parent)
        if (name_of(p) == name) return p;
    return nullptr;
}

namespace {

// `_private` of an indexed element: its position among same-named siblings,
// shifted left, and 1 when it has such siblings (xmlGetNodePath then writes
// the position).
struct SiblingIndex {
    std::uintptr_t position;
    bool shared;
};

void set_index(xmlNode* n, SiblingIndex i) {
    n->_private = reinterpret_cast<void*>((i.position << 1) | (i.shared ? 1u : 0u));
}

bool get_index(const xmlNode* n, SiblingIndex& i) {
    const auto v = reinterpret_cast<std::uintptr_t>(n->_private);
    if (v == 0) return false;
    i = {v >> 1, (v & 1u) != 0};
    return true;
}

}  // namespace

void index_siblings(xmlDoc* doc) {
    if (doc == nullptr) return;
    std::vector<xmlNode*> parents{reinterpret_cast<xmlNode*>(doc)};
    std::unordered_map<std::string_view, std::uintptr_t> total, seen;
    while (!parents.empty()) {
        xmlNode* parent = parents.back();
        parents.pop_back();
        total.clear();
        seen.clear();
        for (xmlNode* c = parent->children; c != nullptr; c = c->next)
            if (c->type == XML_ELEMENT_NODE) ++total[name_of(c)];
        for (xmlNode* c = parent->children; c != nullptr; c = c->next) {
            if (c->type != XML_ELEMENT_NODE) continue;
            const std::string_view name = name_of(c);
            set_index(c, {++seen[name], total[name] > 1});
            if (c->children != nullptr) parents.push_back(c);
        }
    }
}

model::Provenance provenance_of(const xmlNode* n) {
    model::Provenance p;
    if (n == nullptr) return p;
    p.line = static_cast<int>(xmlGetLineNo(n));
    if (p.line < 0) p.line = 0;
    // elements numbered by index_siblings(): the path from the numbers
    std::vector<const xmlNode*> chain;
    SiblingIndex index{};
    bool indexed = n->type == XML_ELEMENT_NODE;
    for (const xmlNode* a = n; indexed && a != nullptr && a->type == XML_ELEMENT_NODE; a = a->parent) {
        indexed = get_index(a, index);
        chain.push_back(a);
    }
    if (indexed) {
        for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
            get_index(*it, index);
            p.path += "/";
            p.path += name_of(*it);
            if (index.shared) p.path += "[" + std::to_string(index.position) + "]";
        }
        return p;
    }
    XmlString path(xmlGetNodePath(n));
    if (path) p.path = reinterpret_cast<const char*>(path.get());
    return p;
}

}  // namespace formsift::extract::html
