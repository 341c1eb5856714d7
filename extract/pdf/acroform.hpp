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

// Questions a fillable form asks: one per field, titled by its tooltip; a
// titled parent of radio groups with the same options is a matrix, a titled
// parent of rows of text fields a table.
std::vector<model::Question> acroform_questions(PDFDoc& doc, const std::vector<model::Field>& fields);

std::vector<model::Field> read_acroform(PDFDoc& doc, std::size_t max_fields,
                                        std::vector<model::Diagnostic>& diagnostics);

}  // namespace formsift::extract::pdf
