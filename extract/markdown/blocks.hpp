#pragma once
// A Markdown or plain-text export as a flat list of blocks (headings,
// paragraphs with their bold runs, lists, tables, literal HTML), each with its
// source line. CommonMark and GitHub's extensions (pipe tables, task lists)
// come from cmark-gfm; the tab-separated tables document converters write
// (a header line, one line a row, a blank line where a page broke) are found
// here first, as cmark would take them for code or paragraphs.
#include <string>
#include <string_view>
#include <vector>

#include "formsift/model/diagnostic.hpp"

namespace formsift::extract::markdown {

// A stretch of inline text, bold or not. Literal `**` left over by
// converters that run bold titles together counts as a bold toggle.
struct Run {
    std::string text;
    bool strong = false;
};

// A table cell: its text (inline HTML kept literally) and the choice buttons
// written in it as HTML (`<input type="radio"/>`, `checked`).
struct Cell {
    std::string text;
    int buttons = 0;
    int checked = 0;
    bool checkbox = false;
};

struct Block {
    enum class Kind { heading, paragraph, list, table, html, code };
    Kind kind = Kind::paragraph;
    int line = 0;           // first source line, 1-based
    int level = 0;          // heading level
    std::vector<Run> runs;  // heading, paragraph
    bool emphasis = false;  // the whole paragraph in italics (help text)
    // list: the item lines as written ("- ", "1. ", nested ones indented), blank
    // lines between the items of a loose list; task lists keep their marks
    std::string text;
    bool tasks = false;
    std::vector<std::pair<std::string, bool>> task_items;  // label, checked
    // table: rows of cells, the first row the header
    std::vector<std::vector<Cell>> rows;
    std::vector<int> row_lines;
};

// Text of runs joined.
std::string plain(const std::vector<Run>& runs);

// The blocks of a document in order. Nesting deeper than `max_depth` is not
// read (a warning says so).
std::vector<Block> read_blocks(std::string_view text, int max_depth, std::vector<model::Diagnostic>& diagnostics);

// The choice buttons written as HTML in a cell's text.
void count_buttons(Cell& cell);

}  // namespace formsift::extract::markdown
