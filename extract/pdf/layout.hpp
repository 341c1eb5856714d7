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

// Choice questions drawn with marks, as raw fields (no AcroForm involved):
// one field per list of buttons or per grid row, options labelled by the text
// beside them or by the column headers above, the question's text as label,
// `required` when a red `*` stands by it.
// With `questions`, also the questions they answer: a list is a choice
// question, a grid a matrix (one unlabelled row: a choice laid out across),
// a grid continued on the next page one matrix.
std::vector<model::Field> mark_fields(const std::vector<PageContent>& pages,
                                      std::vector<model::Question>* questions = nullptr);

}  // namespace formsift::extract::pdf
