#pragma once
// Drafting a template from documents of a form (formsift infer): the
// questions as found, merged across documents, ready for a person to review.
#include <map>
#include <string>
#include <vector>

#include "formsift/model/document.hpp"
#include "formsift/normalize/mapping.hpp"

namespace formsift::normalize {

struct Draft {
    Template t;
    // Where a person must decide, per question id, and for the whole template.
    std::map<std::string, std::vector<std::string>> notes;
    std::vector<std::string> general_notes;
};

// Each question with a slug of its title as id, the title as label, a type
// from its answer (choice, matrix, table; text otherwise, with a note when
// its answers look like a list, a date or an address), its options, columns
// and rows, mandatory from the document's marker, the survey tool's ids from
// an XML export; sections from the documents' headings. A question found in
// several documents (by its label) is one question, its options joined.
Draft infer_template(const std::vector<const model::Document*>& documents);

// What a free-text answer looks like it is, for a person to confirm:
// "url" (one http(s) address), "email" (one address), "date" (3/4/2020,
// 2020-04-03, April 2020, January - June 2020), "list" (several short
// lines, most of them numbered or bulleted), or "".
std::string guess_text_kind(const std::string& text);

// The draft as a template file (YAML, comments where a person must decide)
// that load_template reads back.
std::string draft_yaml(const Draft& draft);

}  // namespace formsift::normalize
