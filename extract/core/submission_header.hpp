#pragma once
// What the survey tool prints above a submission (eusurvey-formats.md §2):
// "Contribution ID: <id>" (or "Draft ID: <id>" for a draft; in a French or
// German print view "Numéro d'identification de la contribution:",
// "Kennnummer des Beitrags:") and "Date: dd/MM/yyyy HH:mm:ss". Scanned by hand in one pass: the text comes
// from the document, and a backtracking matcher on it can exhaust the stack.
// Internal to extract/.
#include <string>
#include <string_view>

namespace formsift::extract {

struct SubmissionHeader {
    std::string id_kind;  // "contribution_id", "draft_id", or empty when none was found
    std::string id;       // 8 to 64 characters of [0-9A-Za-z-]
    std::string date;     // "dd/MM/yyyy", perhaps with " HH:mm" or " HH:mm:ss"; empty when none
};

// The first contribution or draft id label followed by an id, and the first
// "Date:" followed by a date, anywhere in `text`.
SubmissionHeader read_submission_header(std::string_view text);

// A line of that header, or the legend under it ("Fields marked with * are
// mandatory."): a line that starts with an id label and a space, "Date: "
// or "Fields marked with *".
bool is_header_line(std::string_view line);

// A UUID as the survey tool writes it: 8-4-4-4-12 hexadecimal digits, nothing else.
bool is_uuid(std::string_view s);

}  // namespace formsift::extract
