#pragma once
// The survey tool's print view (contributions/print.jsp): div.survey-element
// blocks holding sections, static texts and questions.
#include <libxml/tree.h>

#include "formsift/model/document.hpp"

namespace formsift::extract::html {

// True when the page has the print view's element blocks.
bool is_print_view(xmlDoc* doc, int max_depth);

// Sections, texts and questions of the print view, in order, plus the
// header facts (contribution id, date, survey title).
void read_print_view(xmlDoc* doc, model::Document& out, int max_depth);

// Pure helpers, exposed for tests.
// Mandatory star: a span.mandatory outside any table of the element.
bool element_has_own_star(xmlNode* element, int max_depth);

}  // namespace formsift::extract::html
