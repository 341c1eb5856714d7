#pragma once
// Every code formsift reports, in one registry: a finding's, a reading
// problem's or a failure's stable kebab-case name, its severity and a
// one-line description. A code has one severity; what differs in severity
// is another code. The README's table of codes is generated from this
// registry (`formsift codes --format markdown`) and checked against it by a
// test.
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string_view>
#include <vector>

namespace formsift::model {

enum class Severity { info, warning, error };

const char* to_string(Severity s);

enum class Code : std::uint8_t {
    // reading a file
    input_empty,
    input_binary,
    input_unreadable,
    input_too_large,
    format_unsupported,
    format_mismatch,
    out_of_memory,
    internal_error,
    output_unwritable,
    // characters
    invalid_utf8,
    invalid_utf16,
    invalid_charset_bytes,
    unknown_charset,
    nul_bytes,
    // limits
    text_too_long,
    too_many_fields,
    too_many_cells,
    too_many_pages,
    time_limit,
    html_too_deep,
    markdown_too_deep,
    // HTML
    html_unparsable,
    html_parse_stopped,
    radio_group_conflict,
    // PDF
    pdf_encrypted,
    pdf_bad_password,
    pdf_damaged,
    pdf_unreadable,
    pdf_no_pages,
    pdf_xref_reconstructed,
    pdf_syntax,
    pdf_page_unreadable,
    pdf_too_many_objects,
    pdf_form_tree_too_large,
    pdf_field_cycle,
    pdf_field_depth,
    pdf_field_untyped,
    pdf_field_appearance,
    // the survey tool's XML results export
    xml_malformed,
    xml_doctype,
    xml_no_answer_sets,
    xml_more_answer_sets,
    xml_unknown_question,
    xml_unknown_option,
    xml_language_missing,
    // templates
    mapping_invalid,
    mapping_unreadable,
    template_none,
    template_ambiguous,
    // what a submission answers
    missing_mandatory,
    multiple_selections,
    unanswered_matrix_row,
    question_not_found,
    title_in_answer,
    unmatched_question,
    unknown_option,
    // values
    invalid_date,
    date_outside_period,
    invalid_url,
    invalid_email,
    invalid_amount,
    invalid_number,
    // regions
    unknown_country,
    country_mismatch,
    nuts_mismatch,
    no_nuts_code,
    region_ambiguous,
};

struct CodeInfo {
    Code code;
    std::string_view name;         // "missing-mandatory"
    Severity severity;             //
    std::string_view group;        // "Reading a file", "Values", ...
    std::string_view description;  // one line, what it means and what formsift did
};

// Every code, in the order of the enumeration (and of the README's table).
const std::vector<CodeInfo>& all_codes();

const CodeInfo& info(Code c);
std::string_view to_string(Code c);
Severity severity_of(Code c);
// The code of a name, or none.
std::optional<Code> code_named(std::string_view name);
// Writes the code's name.
std::ostream& operator<<(std::ostream& out, Code c);

}  // namespace formsift::model
