#include "formsift/model/code.hpp"

#include <algorithm>
#include <cassert>
#include <ostream>

namespace formsift::model {
namespace {

constexpr auto I = Severity::info;
constexpr auto W = Severity::warning;
constexpr auto E = Severity::error;

constexpr std::string_view kFile = "Reading a file";
constexpr std::string_view kChars = "Characters";
constexpr std::string_view kLimits = "Limits";
constexpr std::string_view kHtml = "HTML";
constexpr std::string_view kPdf = "PDF";
constexpr std::string_view kXml = "The survey tool's XML results export";
constexpr std::string_view kTemplates = "Templates";
constexpr std::string_view kAnswers = "What a submission answers";
constexpr std::string_view kValues = "Values";
constexpr std::string_view kRegions = "Regions";

// In the order of the enumeration (a test checks it).
const std::vector<CodeInfo> kCodes = {
    {Code::input_empty, "input-empty", E, kFile, "the file is empty or holds only white space"},
    {Code::input_binary, "input-binary", E, kFile, "binary data, not a document of a format formsift reads"},
    {Code::input_unreadable, "input-unreadable", E, kFile, "the file is not there, is a directory, or cannot be read"},
    {Code::input_too_large, "input-too-large", E, kFile, "the file is over --max-bytes; nothing of it is read"},
    {Code::format_unsupported, "format-unsupported", E, kFile, "a format formsift has no reader for"},
    {Code::format_mismatch, "format-mismatch", I, kFile,
     "the file's name says one format and its content another; it is read by its content"},
    {Code::out_of_memory, "out-of-memory", E, kFile, "memory ran out while the document was read; it is not read"},
    {Code::internal_error, "internal-error", E, kFile,
     "a fault of formsift's own while the document was read; it is not read, the others are (please report it)"},
    {Code::output_unwritable, "output-unwritable", E, kFile, "the output file or directory cannot be written"},

    {Code::invalid_utf8, "invalid-utf8", W, kChars, "bytes that are not UTF-8 in a UTF-8 document, read as U+FFFD"},
    {Code::invalid_utf16, "invalid-utf16", W, kChars,
     "broken UTF-16 (an unpaired surrogate, an odd byte), read as U+FFFD"},
    {Code::invalid_charset_bytes, "invalid-charset-bytes", W, kChars,
     "bytes the declared character set does not define, read as U+FFFD"},
    {Code::unknown_charset, "unknown-charset", W, kChars,
     "a character set formsift does not know is declared; the page is read as windows-1252"},
    {Code::nul_bytes, "nul-bytes", W, kChars, "NUL bytes in a text document, dropped"},

    {Code::text_too_long, "text-too-long", W, kLimits, "an answer over --max-text, cut at a whole character"},
    {Code::too_many_fields, "too-many-fields", W, kLimits,
     "more form controls or answers than --max-fields in one document; the rest are ignored"},
    {Code::too_many_cells, "too-many-cells", W, kLimits, "a table over --max-cells; its first rows are kept"},
    {Code::too_many_pages, "too-many-pages", W, kLimits, "a PDF over --max-pages; its first pages are read"},
    {Code::time_limit, "time-limit", W, kLimits,
     "reading a PDF's pages took longer than --max-seconds; the pages not read are named"},
    {Code::html_too_deep, "html-too-deep", W, kLimits,
     "elements nested deeper than the HTML parser's limit or --max-depth; what lies deeper is not read"},
    {Code::markdown_too_deep, "markdown-too-deep", W, kLimits,
     "Markdown blocks nested deeper than --max-depth; they are not read, what follows them is"},

    {Code::html_unparsable, "html-unparsable", E, kHtml, "no HTML element could be read"},
    {Code::html_parse_stopped, "html-parse-stopped", W, kHtml,
     "the HTML parser stopped part way; the rest of the page is not read"},
    {Code::radio_group_conflict, "radio-group-conflict", W, kHtml,
     "a radio group with several buttons checked (formsift fields keeps the last, as a browser does)"},

    {Code::pdf_encrypted, "pdf-encrypted", E, kPdf, "an encrypted PDF; give --password"},
    {Code::pdf_bad_password, "pdf-bad-password", E, kPdf, "the password given does not open the encrypted PDF"},
    {Code::pdf_damaged, "pdf-damaged", E, kPdf, "a damaged PDF that could not be repaired (no usable catalog)"},
    {Code::pdf_unreadable, "pdf-unreadable", E, kPdf, "a PDF Poppler cannot open"},
    {Code::pdf_no_pages, "pdf-no-pages", E, kPdf, "a PDF without pages"},
    {Code::pdf_xref_reconstructed, "pdf-xref-reconstructed", W, kPdf,
     "a damaged cross-reference table, rebuilt by scanning the file"},
    {Code::pdf_syntax, "pdf-syntax", W, kPdf, "syntax problems in the PDF (how many, and the first); it is read"},
    {Code::pdf_page_unreadable, "pdf-page-unreadable", W, kPdf, "a page that could not be read; the others are"},
    {Code::pdf_too_many_objects, "pdf-too-many-objects", W, kPdf,
     "a page with more drawing objects than --max-objects; the first are looked at"},
    {Code::pdf_form_tree_too_large, "pdf-form-tree-too-large", W, kPdf,
     "a form field tree that expands without bound (shared kids); the form is skipped"},
    {Code::pdf_field_cycle, "pdf-field-cycle", W, kPdf, "a form field that is its own ancestor; the loop is cut"},
    {Code::pdf_field_depth, "pdf-field-depth", W, kPdf, "form fields nested too deep; what lies deeper is not read"},
    {Code::pdf_field_untyped, "pdf-field-untyped", I, kPdf, "a form field without a field type, read as text"},
    {Code::pdf_field_appearance, "pdf-field-appearance", W, kPdf,
     "a field draws its buttons in another state than its value; the value is read"},

    {Code::xml_malformed, "xml-malformed", E, kXml,
     "damaged XML; the answer sets complete before the damage are read, and counted"},
    {Code::xml_doctype, "xml-doctype", E, kXml,
     "the export declares a DTD, which a results export never does; it is not read"},
    {Code::xml_no_answer_sets, "xml-no-answer-sets", W, kXml, "the export holds no answer set"},
    {Code::xml_more_answer_sets, "xml-more-answer-sets", I, kXml,
     "the export holds several answer sets and only the first was asked for"},
    {Code::xml_unknown_question, "xml-unknown-question", W, kXml,
     "answers to question ids the export's elements do not define"},
    {Code::xml_unknown_option, "xml-unknown-option", W, kXml, "an answer names an option id its question lacks"},
    {Code::xml_language_missing, "xml-language-missing", I, kXml,
     "no elements in the answer set's language; titles are taken from another"},

    {Code::mapping_invalid, "mapping-invalid", E, kTemplates, "a template file that is not valid (with its line)"},
    {Code::mapping_unreadable, "mapping-unreadable", E, kTemplates, "a template file or directory cannot be read"},
    {Code::template_none, "template-none", I, kTemplates,
     "no template fits the document (the closest is named); the record is generic"},
    {Code::template_ambiguous, "template-ambiguous", W, kTemplates,
     "two templates fit about equally; the better is used, give --mapping to choose"},

    {Code::missing_mandatory, "missing-mandatory", E, kAnswers,
     "a mandatory question (by the template, a * or required marker, or a starred matrix row) has no answer"},
    {Code::multiple_selections, "multiple-selections", E, kAnswers,
     "a single choice (or a matrix row of one) with more than one option selected"},
    {Code::unanswered_matrix_row, "unanswered-matrix-row", W, kAnswers,
     "a matrix row that is not mandatory has no answer"},
    {Code::question_not_found, "question-not-found", W, kAnswers,
     "a question of the template is not located in the document (a page missing, a layout not read): its answer is "
     "unknown and the record partial"},
    {Code::title_in_answer, "title-in-answer", W, kAnswers,
     "an answer held the title of a question not located elsewhere: it was cut there, and the text after the title "
     "read as that question's answer (a matrix or table one is left unknown)"},
    {Code::unmatched_question, "unmatched-question", I, kAnswers,
     "a question of the document the template does not know"},
    {Code::unknown_option, "unknown-option", I, kAnswers, "a chosen label the template does not list"},

    {Code::invalid_date, "invalid-date", W, kValues,
     "an answer typed date that does not read as a date; kept as written"},
    {Code::date_outside_period, "date-outside-period", I, kValues,
     "a date outside the period its template names (within)"},
    {Code::invalid_url, "invalid-url", W, kValues, "an answer typed url that is not one web address; kept as written"},
    {Code::invalid_email, "invalid-email", W, kValues,
     "an answer typed email that is not one e-mail address; kept as written"},
    {Code::invalid_amount, "invalid-amount", W, kValues,
     "an answer typed amount that is not one amount of money; kept as written"},
    {Code::invalid_number, "invalid-number", W, kValues,
     "an answer typed number that is not one count; kept as written"},

    {Code::unknown_country, "unknown-country", W, kRegions,
     "a region's country code is not a country (EU or ISO 3166)"},
    {Code::country_mismatch, "country-mismatch", W, kRegions,
     "a region named in another country than the one given, or a code of another country"},
    {Code::nuts_mismatch, "nuts-mismatch", W, kRegions,
     "a NUTS code that is unknown, of an earlier NUTS version, or of another region than the one named"},
    {Code::no_nuts_code, "no-nuts-code", I, kRegions,
     "no NUTS region is known by the name given (the nearest is suggested)"},
    {Code::region_ambiguous, "region-ambiguous", I, kRegions,
     "the name given names several NUTS regions; give the country or the code"},
};

}  // namespace

const char* to_string(Severity s) {
    switch (s) {
        case Severity::info: return "info";
        case Severity::warning: return "warning";
        case Severity::error: return "error";
    }
    return "error";
}

const std::vector<CodeInfo>& all_codes() {
    return kCodes;
}

const CodeInfo& info(Code c) {
    const auto i = static_cast<std::size_t>(c);
    assert(i < kCodes.size() && kCodes[i].code == c);
    return kCodes[i];
}

std::string_view to_string(Code c) {
    return info(c).name;
}

Severity severity_of(Code c) {
    return info(c).severity;
}

std::optional<Code> code_named(std::string_view name) {
    const auto it = std::find_if(kCodes.begin(), kCodes.end(), [name](const CodeInfo& i) { return i.name == name; });
    if (it == kCodes.end()) return std::nullopt;
    return it->code;
}

std::ostream& operator<<(std::ostream& out, Code c) {
    return out << to_string(c);
}

}  // namespace formsift::model
