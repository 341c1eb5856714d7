#pragma once
// AcroForm fields as raw model fields: fully qualified names, tooltips as
// labels, values, export values and options, the Required flag, page and
// rectangle of the first widget.
#include <vector>

#include "formsift/model/document.hpp"

class PDFDoc;

namespace formsift::extract::pdf {

// Checks the raw field tree before Poppler builds it (which it does for any
// page with annotations): a tree that expands past `limit` fields through
// nodes shared between parents, or nests too deep, is switched off with a
// warning. Returns false when it was.
bool guard_form_tree(PDFDoc& doc, std::size_t limit, std::vector<model::Diagnostic>& diagnostics);

std::vector<model::Field> read_acroform(PDFDoc& doc, std::size_t max_fields,
                                        std::vector<model::Diagnostic>& diagnostics);

}  // namespace formsift::extract::pdf
