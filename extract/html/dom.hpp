#pragma once
// Small read-only helpers over libxml2's HTML tree. Internal to the html
// backend; nothing here leaks into public headers.
#include <libxml/tree.h>

#include <string>
#include <string_view>
#include <vector>

#include "formsift/model/provenance.hpp"

namespace formsift::extract::html {

bool is_element(const xmlNode* n);
bool is_element(const xmlNode* n, std::string_view name);
std::string_view name_of(const xmlNode* n);

bool has_attr(const xmlNode* n, const char* name);
std::string attr(const xmlNode* n, const char* name);
bool has_class(const xmlNode* n, std::string_view cls);

// Not rendered: script/style/template/head..., display:none, the hidden
// attribute, screen-reader-only helper classes. Only the node itself.
bool hidden_self(const xmlNode* n);
// The node or one of its ancestors is not rendered.
bool hidden_in_tree(const xmlNode* n);

// Visible text of a subtree: hidden parts skipped, block elements and <br>
// become line breaks, runs of spaces collapsed, lines trimmed, at most one
// blank line in a row. `max_depth` bounds the walk.
std::string visible_text(const xmlNode* n, int max_depth = 512);
// Raw text of a subtree (for <pre>/<textarea>): whitespace kept as written.
std::string raw_text(const xmlNode* n, int max_depth = 512);

// Calls visit(element, depth) for the elements below `root` in document order
// (depth 1 for root's children); goes below an element when visit returns
// true and its depth is under `max_depth`. Iterative, so any nesting is safe.
template <class Visit>
void for_each_element(xmlNode* root, int max_depth, Visit&& visit) {
    if (root == nullptr) return;
    xmlNode* n = root->children;
    int depth = 1;
    while (n != nullptr) {
        if (n->type == XML_ELEMENT_NODE) {
            if (visit(n, depth) && n->children != nullptr && depth < max_depth) {
                n = n->children;
                ++depth;
                continue;
            }
        }
        while (n->next == nullptr) {
            n = n->parent;
            --depth;
            if (n == nullptr || n == root || depth <= 0) return;
        }
        n = n->next;
    }
}

// Elements below `root` in document order, up to `max_depth` levels.
std::vector<xmlNode*> descendants(xmlNode* root, int max_depth = 512);
// The same without hidden elements and everything inside them.
std::vector<xmlNode*> visible_descendants(xmlNode* root, int max_depth = 512);
// First descendant element satisfying pred, or nullptr.
template <class Pred>
xmlNode* find_first(xmlNode* root, Pred pred, int max_depth = 512) {
    for (xmlNode* d : descendants(root, max_depth))
        if (pred(d)) return d;
    return nullptr;
}

xmlNode* ancestor(const xmlNode* n, std::string_view name);

model::Provenance provenance_of(const xmlNode* n);

// Numbers every element among its same-named siblings (kept in the node's
// `_private`), so that provenance_of() writes paths in time proportional to
// their depth: libxml2's xmlGetNodePath counts siblings on every call, which
// on a flat page of many controls takes quadratic time. Call once, after
// parsing.
void index_siblings(xmlDoc* doc);

}  // namespace formsift::extract::html
