#pragma once
// The neutral document model: the one contract between extract/ and
// normalize/. Extractors describe what the format says (sections, texts,
// questions and their answers, raw form controls); they never interpret it
// against a template. Plain values only; cross-references are indices.
#include <map>
#include <string>
#include <vector>

#include "formsift/model/diagnostic.hpp"
#include "formsift/model/provenance.hpp"

namespace formsift::model {

struct Section {
    std::string title;
    int level = 1;
    Provenance where;
};

struct StaticText {
    std::string text;
    int section = -1;  // index into Document::sections, -1 before any section
    Provenance where;
};

struct Option {
    std::string label;  // text shown to the respondent
    std::string value;  // submitted/export value; may equal label
    bool selected = false;
    Provenance where;
};

struct ChoiceGroup {
    bool multiple = false;  // checkboxes / multi-select
    std::vector<Option> options;
    std::vector<const Option*> selected() const;
};

struct TableRow {
    std::string header;  // row title ("1".."10"), may be empty
    bool mandatory = false;
    std::vector<std::string> cells;  // one per column
    Provenance where;
};

struct Table {
    std::string corner;                // text of the top-left cell, if any
    std::vector<std::string> columns;  // column titles
    std::vector<TableRow> rows;
};

struct MatrixRow {
    std::string label;
    bool mandatory = false;
    std::vector<bool> selected;  // one per column
    Provenance where;
};

struct Matrix {
    bool multiple = false;  // checkbox matrix
    std::vector<std::string> columns;
    std::vector<MatrixRow> rows;
};

enum class AnswerKind { none, text, choice, table, matrix, list };

const char* to_string(AnswerKind k);

// What a question's answer block holds. Only the member matching `kind` is
// meaningful. A text answer that is empty means "printed but unanswered".
struct Answer {
    AnswerKind kind = AnswerKind::none;
    std::string text;                // text
    std::vector<std::string> items;  // list
    ChoiceGroup choice;              // choice
    Table table;                     // table
    Matrix matrix;                   // matrix
    Provenance where;

    bool answered() const;
};

struct Question {
    std::string title;       // as shown, without the mandatory marker
    bool mandatory = false;  // a marker in the document says so (`*`, required)
    std::string help;        // help text, kept apart from the answer
    std::string limits;      // limits line, e.g. "500 character(s) maximum"
    std::string source_id;   // format's own id (DOM id, control name), may be empty
    int section = -1;        // index into Document::sections
    Answer answer;
    Provenance where;
};

enum class FieldKind { text, checkbox, radio, choice, signature, button };

const char* to_string(FieldKind k);

// A raw form control as a browser or PDF viewer would see it; no template.
struct Field {
    std::string name;
    std::string label;
    FieldKind kind = FieldKind::text;
    bool multiple = false;        // choice: multi-select; checkbox: group
    std::vector<Option> options;  // radio/checkbox/choice
    std::string value;            // text value (text kind)
    bool required = false;
    bool hidden = false;  // not displayed (CSS, hidden attribute)
    std::string origin;   // "html", "acroform", "image-mark", ...
    Provenance where;
};

struct Document {
    std::string format;    // "html", "pdf", ...
    std::string title;     // form title if the document states one
    std::string language;  // document language tag if stated
    // What the document says about itself (e.g. "contribution_id", "date",
    // "generator"). Ordered for deterministic output.
    std::map<std::string, std::string> meta;
    int pages = 0;  // paginated formats only

    std::vector<Section> sections;
    std::vector<StaticText> texts;
    std::vector<Question> questions;
    std::vector<Field> fields;
    std::vector<Diagnostic> diagnostics;
    // About the raw controls only (e.g. a radio group checked twice, which a
    // browser resolves); reported with the fields, not as reading problems.
    std::vector<Diagnostic> field_diagnostics;
};

}  // namespace formsift::model
