#include "html_extractor.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <climits>
#include <memory>

#include "charset.hpp"
#include "clip.hpp"
#include "controls.hpp"
#include "dom.hpp"
#include "formsift/extract/error.hpp"
#include "print_view.hpp"

namespace formsift::extract::html {
namespace {

struct DocFree {
    void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using DocPtr = std::unique_ptr<xmlDoc, DocFree>;
struct CtxtFree {
    void operator()(htmlParserCtxt* c) const { htmlFreeParserCtxt(c); }
};

// Deepest element nesting and the first element found past the limit.
std::pair<int, const xmlNode*> deepest(xmlDoc* doc, int limit) {
    int max_depth = 0;
    const xmlNode* first_over = nullptr;
    for_each_element(reinterpret_cast<xmlNode*>(doc), INT_MAX, [&](xmlNode* n, int depth) {
        max_depth = std::max(max_depth, depth);
        if (depth > limit && first_over == nullptr) first_over = n;
        return true;
    });
    return {max_depth, first_over};
}

}  // namespace

model::Document extract_html(std::string_view bytes, const std::string& name, const Options& options) {
    model::Document doc;
    doc.format = "html";

    const EncodingGuess guess = sniff_encoding(bytes);
    Decoded decoded = decode_to_utf8(bytes, guess);
    doc.meta["charset"] = guess.encoding;
    for (auto& d : decoded.diagnostics) doc.diagnostics.push_back(std::move(d));
    if (decoded.utf8.size() > static_cast<std::size_t>(INT_MAX))
        throw Error(model::Code::input_too_large, name, "", "page too large to parse");

    const int parse_options = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER |
                              HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT;
    std::unique_ptr<htmlParserCtxt, CtxtFree> ctxt(htmlNewParserCtxt());
    if (!ctxt) throw Error(model::Code::out_of_memory, name, "", "cannot create an HTML parser");
    DocPtr tree(htmlCtxtReadMemory(ctxt.get(), decoded.utf8.data(), static_cast<int>(decoded.utf8.size()), nullptr,
                                   "UTF-8", parse_options));
    // The parser gives up on some input (nesting past its fixed depth limit);
    // what it read before stays usable, the rest is lost: say so, with the place.
    if (const xmlError* e = xmlCtxtGetLastError(ctxt.get()); e != nullptr && e->level == XML_ERR_FATAL && tree) {
        std::string msg = e->message ? e->message : "parser stopped";
        while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
        const bool depth = e->code == XML_ERR_INTERNAL_ERROR && msg.find("depth") != std::string::npos;
        doc.diagnostics.push_back(
            {depth ? model::Code::html_too_deep : model::Code::html_parse_stopped, "line " + std::to_string(e->line),
             depth ? "elements nested deeper than the HTML parser's limit of 256; the rest of the page is not read"
                   : "the HTML parser stopped (" + msg + "); the rest of the page is not read"});
    }
    if (!tree || xmlDocGetRootElement(tree.get()) == nullptr)
        throw Error(model::Code::html_unparsable, name, "", "no HTML element could be read");
    xmlNode* root = xmlDocGetRootElement(tree.get());
    index_siblings(tree.get());

    const int max_depth = options.limits.max_depth;
    if (auto [depth, over] = deepest(tree.get(), max_depth); over != nullptr) {
        doc.diagnostics.push_back({model::Code::html_too_deep, provenance_of(over).locator(),
                                   "elements nested " + std::to_string(depth) + " deep; content below depth " +
                                       std::to_string(max_depth) + " is ignored"});
    }

    doc.language = attr(root, "lang");
    if (xmlNode* t = find_first(
            root, [](xmlNode* d) { return is_element(d, "title"); }, 4)) {
        // <title> counts as hidden for visible_text: collapse its raw text
        std::string collapsed;
        for (const char c : raw_text(t, 2)) {
            const bool sp = c == ' ' || c == '\n' || c == '\t' || c == '\r';
            if (sp && (collapsed.empty() || collapsed.back() == ' ')) continue;
            collapsed += sp ? ' ' : c;
        }
        if (!collapsed.empty() && collapsed.back() == ' ') collapsed.pop_back();
        doc.meta["html_title"] = collapsed;
    }

    std::vector<Control> controls = collect_controls(tree.get(), max_depth, options.limits.max_fields, doc.diagnostics);
    doc.fields = make_fields(controls, doc.field_diagnostics);
    if (is_print_view(tree.get(), max_depth)) {
        read_print_view(tree.get(), doc, max_depth);
    } else {
        add_form_questions(controls, tree.get(), doc, max_depth);
        if (doc.title.empty()) {
            for (const auto& s : doc.sections)
                if (s.level == 1) {
                    doc.title = s.title;
                    break;
                }
        }
    }
    if (doc.title.empty() && doc.meta.count("html_title")) doc.title = doc.meta["html_title"];
    clip_long_answers(doc, options.limits.max_text);
    return doc;
}

}  // namespace formsift::extract::html
