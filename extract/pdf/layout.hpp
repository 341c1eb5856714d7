#pragma once
// Layout of a page's words and marks: lines of text, and the choice
// questions that drawn marks form (a list of buttons with labels beside
// them, or a grid whose column headers label the buttons). Pure functions
// over PageContent; no Poppler.
#include <string>
#include <vector>

#include "formsift/model/document.hpp"
#include "page_content.hpp"

namespace formsift::extract::pdf {

// Small geometry and text helpers shared by the layout readers.
double overlap(double a0, double a1, double b0, double b1);  // length of [a0,a1] ∩ [b0,b1]
Box unite(const Box& a, const Box& b);
model::Provenance placed(int page, const Box& b);
bool is_red_star(const Word& w);                   // the survey tool's red `*` mandatory marker
std::string join(const std::vector<Word>& words);  // words' text separated by spaces

struct Line {
    std::vector<Word> words;
    Box box;
    std::string text;
    double size = 0;  // largest font size on the line
    bool bold = false;
};

// Words grouped into lines (by vertical overlap), each line in reading order
// left to right, lines top to bottom. A line breaks where words are further
// apart than `gap` times the font size (separate columns).
std::vector<Line> make_lines(const std::vector<Word>& words, double gap = 3.0);

// Where a drawn choice question lies on one page: its buttons, their labels,
// a grid's header and row labels (not its title, which the text above it
// gives). `question` indexes DrawnChoices::questions, [field_begin,
// field_end) its fields.
struct Claim {
    int page = 0;
    Box box;
    std::size_t question = 0;
    std::size_t field_begin = 0, field_end = 0;
    bool titled = false;  // its title is on its row, left of its buttons (and inside `box`)
};

// The survey tool's own PDF (eusurvey-formats.md §2.2), by what `doc.meta`
// holds: iText as Producer, or the submission's id (the /Subject, or a
// page-1 "Contribution ID:"/"Draft ID:" line). Its conventions apply to its
// documents only.
bool is_survey_tool_pdf(const model::Document& doc);

// Choice questions drawn with marks (no AcroForm involved): the raw fields
// (one per list of buttons or per grid row, options labelled by the text
// beside them or by the column headers above, the question's text as label,
// `required` when a red `*` stands by it), the questions they answer (a list
// is a choice question, a grid a matrix, one unlabelled row a choice laid
// out across, a grid continued on the next page one matrix) and where each
// lies on its page.
struct DrawnChoices {
    std::vector<model::Field> fields;
    std::vector<model::Question> questions;
    std::vector<Claim> claims;
};

// `survey_tool`: the survey tool's document, whose choices are laid out as
// its print view lays them (eusurvey-formats.md §2.3): a row of labelled
// buttons is never titled by text left of it there. Elsewhere ("Sex:
// [ ] Male [ ] Female", a row of questions each with Yes/No boxes at the
// right) the text left of a row of labelled buttons is that row's question.
DrawnChoices read_drawn_choices(const std::vector<PageContent>& pages, bool survey_tool = true);

// The pages as the document model's Layout: lines with their words' style,
// marks, bordered boxes (closed paths, and boxes whose sides are drawn as
// separate rules), grey fills.
model::Layout layout_of(const std::vector<PageContent>& pages);

}  // namespace formsift::extract::pdf
