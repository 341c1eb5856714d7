#pragma once
// Templates ("mappings"): what a form asks, question by question, so that a
// document can be turned into a record keyed by stable question ids. Loaded
// from YAML; see mappings/README.md for the format.
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace formsift::normalize {

enum class QuestionType {
    text,
    single_choice,
    multiple_choice,
    list,
    table,
    matrix,
    date,
    number,
    url,
    email,
    region,
    amount
};

// The types a value (an answer, a list item, a table cell) is parsed as.
inline bool is_value_type(QuestionType t) {
    return t == QuestionType::date || t == QuestionType::number || t == QuestionType::url || t == QuestionType::email ||
           t == QuestionType::region || t == QuestionType::amount;
}

const char* to_string(QuestionType t);

struct TemplateQuestion {
    std::string id;
    std::string label;
    std::vector<std::string> alt_labels;  // wordings seen in other versions or languages
    std::vector<std::string> uids;        // the survey tool's element ids for it (exact matches)
    // versions of the form that ask it (by name, from Template::versions;
    // empty: from the first, to the last)
    std::string since, until;
    // its wording in a given version, when it differed: version → label
    std::map<std::string, std::string> version_labels;
    QuestionType type = QuestionType::text;
    bool mandatory = false;
    std::vector<std::string> options;  // choices
    std::vector<std::string> columns;  // table and matrix columns
    std::vector<std::string> rows;     // matrix rows (table row titles, optional)
    // other wordings of options, columns and rows (other languages): label → wordings
    std::map<std::string, std::vector<std::string>> alt_options, alt_columns, alt_rows;
    std::vector<std::string> mandatory_rows;  // matrix rows that must be answered (a star of their own)
    // shown only when this option of that question is chosen (the survey
    // tool's dependent elements): mandatory only then, never missing when hidden
    std::string shown_if_question, shown_if_option;
    // a list's items are values of this type (text: none)
    QuestionType items = QuestionType::text;
    // a table's columns whose cells are values of a type: column → type
    std::map<std::string, QuestionType> column_types;
    // dates written without a year take it from this question's date
    // (period): the year that puts them inside it
    std::string year_from;
    // dates outside this question's date (period) are reported (info)
    std::string within;
    std::string section;  // id of its section
    int line = 0;         // where it is defined in the template file
};

struct TemplateSection {
    std::string id;
    std::string title;
    bool confidential = false;
    std::vector<std::string> alt_titles;  // other wordings (other languages)
};

struct Template {
    std::string id;
    std::string title;
    std::vector<std::string> versions;   // oldest first; the last is the current one
    std::vector<std::string> signature;  // phrases that identify the form
    std::vector<TemplateSection> sections;
    std::vector<TemplateQuestion> questions;
    std::string file;  // where it was loaded from (display name)
};

// Parse a template. Any problem throws formsift::Error with code
// mapping-invalid and locator "line N" (FILE:LINE: error: ...).
Template load_template(std::string_view yaml_text, const std::string& file);

// A template's YAML tree in a compact form that reads back without parsing
// YAML (the bundled templates are stored so at build time: yaml-cpp took
// about 3.5 ms per run to parse them). The YAML is checked as a template
// first (throws as load_template). Line numbers are not kept.
std::string compact_template(std::string_view yaml_text, const std::string& file);
Template load_compact_template(std::string_view compact, const std::string& file);

}  // namespace formsift::normalize
