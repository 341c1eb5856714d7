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
    std::map<std::string, std::string> wordings;  // its title in the form's other languages: language → title
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
    // The same question in the form's other languages (the survey tool's XML
    // export gives every language): language → its title, and its option,
    // matrix row and column labels in the order of the answer's.
    struct Wording {
        std::string title;
        std::vector<std::string> options, rows, columns;
    };
    std::map<std::string, Wording> wordings;
    // Shown only when an option of another question is chosen (the survey
    // tool's dependent elements): that question's source_id, the option's label.
    std::string shown_if_question, shown_if_option;
    // The type the format declares for it, when it does (the XML export:
    // "number", "date", "email", "text"); empty otherwise.
    std::string declared_type;
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

// What the pages of a paginated document show, for a reader that places a
// known form's questions by their titles (normalize/, with a template): the
// lines of text with their style, the choice marks, the drawn rectangles.
// Coordinates in points, origin at the top left of each page, y downwards.
struct LayoutWord {
    std::string text;
    std::string font;              // its family, without a subset prefix
    double box[4] = {0, 0, 0, 0};  // x0, y0, x1, y1
    double size = 0;
    bool bold = false;
    double rgb[3] = {0, 0, 0};
    bool space_after = false;  // a space glyph is drawn right after it (a renderer's wrap)
};
struct LayoutLine {
    int page = 0;  // 1-based
    double box[4] = {0, 0, 0, 0};
    std::vector<LayoutWord> words;  // left to right
    std::string text;
    double size = 0;  // the largest font size on it
};
struct LayoutMark {
    int page = 0;
    double box[4] = {0, 0, 0, 0};
    bool radio = false;
    bool checked = false;
};
// A small picture that is not a button: a rating's star, heart or arrow, a
// ranking item's drag handle. `lit`: drawn in a strong colour (a rating's
// chosen icons), not in greys.
struct LayoutIcon {
    int page = 0;
    double box[4] = {0, 0, 0, 0};
    bool lit = false;
};
struct LayoutRect {
    int page = 0;
    double box[4] = {0, 0, 0, 0};
    bool filled = false;  // a filled area (a selection's background), else a bordered box
    double grey = 0;      // a fill's grey level (0 black, 1 white)
};
struct Layout {
    std::vector<std::pair<double, double>> pages;  // width, height of each page
    std::vector<LayoutLine> lines;                 // page by page, top to bottom
    std::vector<LayoutMark> marks;
    std::vector<LayoutRect> rects;
    std::vector<LayoutIcon> icons;
    bool survey_tool = false;  // identified as the survey tool's (Producer, /Subject, page-1 header)
    bool empty() const { return lines.empty(); }
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
    // Paginated formats: what the pages show (see Layout).
    Layout layout;
};

}  // namespace formsift::model
