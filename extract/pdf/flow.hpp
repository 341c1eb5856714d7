#pragma once
// A flattened PDF (no form fields) read as a questionnaire: the text of its
// pages, in reading order, told apart by style and place into section
// headings, static text, question titles with their help, and answers (text
// set in another style or inside an answer box; tables drawn as cells,
// joined across pages), merged with the choice questions its drawn buttons
// form. Page-number footers are dropped. Pure functions over PageContent;
// no Poppler.
#include <string>
#include <string_view>
#include <vector>

#include "formsift/model/document.hpp"
#include "layout.hpp"
#include "page_content.hpp"

namespace formsift::extract::pdf {

// One line of an answer as laid out: its words and the page it is on.
struct WrappedLine {
    std::vector<Word> words;
    Box box;
    int page = 0;
};

// How an answer's lines were broken, from their geometry:
struct WrapGeometry {
    double limit = 0;         // right edge a line may reach (the box or column minus its padding)
    double pitch = 0;         // distance between the tops of two lines of one paragraph
    bool hard_breaks = true;  // false: every line end is a wrap (a table cell keeps no breaks)
};

// The text the lines were made from: a line that ends where the next line's
// first word would not have fitted was wrapped by the renderer (joined with a
// space, or with nothing after a word broken at a hyphen or, on a line of
// its own, anywhere); any other line end is the writer's own line break; a
// gap of whole lines is that many blank lines.
std::string unwrap_lines(const std::vector<WrappedLine>& lines, const WrapGeometry& geometry);

// Cells drawn as rectangles: a header row of two or more boxes side by side
// and the rows under it, each bounded by its first column's box; or, at the
// top of a page, rows in the columns of the table `carried` from the page
// before. Tables over drawn buttons (a matrix) are not tables here.
struct DrawnTable {
    Box box;
    std::vector<Box> columns;            // x extent of each column (first: the row headers)
    bool header = false;                 // the first row is the header row
    std::vector<std::vector<Box>> rows;  // cell boxes, row by row
};
std::vector<DrawnTable> find_tables(const PageContent& page, const DrawnTable* carried);

// A page number as footers write it, the whole of `text`: "3", "Page 3",
// "3 / 12", "page 3 of 12", "- 3 -" (numbers of at most four digits).
bool is_page_number(std::string_view text);

// Reads the pages into `doc` (sections, texts, questions, title), with the
// choices read_drawn_choices found; returns their fields, a list of buttons
// that goes on over a page break one question and one field.
std::vector<model::Field> read_flow(const std::vector<PageContent>& pages, DrawnChoices drawn, model::Document& doc);

}  // namespace formsift::extract::pdf
