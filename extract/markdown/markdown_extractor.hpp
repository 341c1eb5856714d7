#pragma once
// Markdown and plain-text exports of a questionnaire (what document
// converters, and people, make of a report) read into the Document model.
#include <string>
#include <string_view>

#include "formsift/extract/extract.hpp"
#include "formsift/model/document.hpp"

namespace formsift::extract::markdown {

// Headings are sections (a heading with a `*` is a mandatory question); a
// bold paragraph, or a bold run in a paragraph (converters run them
// together), is a question title and what follows up to the next title is
// its answer; an italic paragraph under a title is its help; a paragraph
// right above a table titles it; tables are tab-separated lines or pipe
// tables, matrices when their cells hold radio buttons written as HTML; a
// task list (`- [x]`) under a title is a choice. Paragraphs under a plain
// heading stay texts (a template may find questions among them).
model::Document extract_markdown(std::string_view bytes, const std::string& name, const Options& options);

}  // namespace formsift::extract::markdown
