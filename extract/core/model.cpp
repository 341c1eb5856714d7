#include <algorithm>

#include "formsift/model/document.hpp"

namespace formsift::model {

std::string Provenance::locator() const {
    if (page > 0) return "page " + std::to_string(page);
    if (line > 0) return "line " + std::to_string(line);
    return {};
}

const char* to_string(AnswerKind k) {
    switch (k) {
        case AnswerKind::none: return "none";
        case AnswerKind::text: return "text";
        case AnswerKind::choice: return "choice";
        case AnswerKind::table: return "table";
        case AnswerKind::matrix: return "matrix";
        case AnswerKind::list: return "list";
    }
    return "none";
}

const char* to_string(FieldKind k) {
    switch (k) {
        case FieldKind::text: return "text";
        case FieldKind::checkbox: return "checkbox";
        case FieldKind::radio: return "radio";
        case FieldKind::choice: return "choice";
        case FieldKind::signature: return "signature";
        case FieldKind::button: return "button";
    }
    return "text";
}

std::vector<const Option*> ChoiceGroup::selected() const {
    std::vector<const Option*> out;
    for (const auto& o : options)
        if (o.selected) out.push_back(&o);
    return out;
}

namespace {
bool blank(const std::string& s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}
}  // namespace

bool Answer::answered() const {
    switch (kind) {
        case AnswerKind::none: return false;
        case AnswerKind::text: return !blank(text);
        case AnswerKind::list:
            return std::any_of(items.begin(), items.end(), [](const std::string& s) { return !blank(s); });
        case AnswerKind::choice: return !choice.selected().empty();
        case AnswerKind::table:
            for (const auto& r : table.rows)
                for (const auto& c : r.cells)
                    if (!blank(c)) return true;
            return false;
        case AnswerKind::matrix:
            for (const auto& r : matrix.rows)
                for (const bool b : r.selected)
                    if (b) return true;
            return false;
    }
    return false;
}

}  // namespace formsift::model
