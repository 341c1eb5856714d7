#pragma once
// A Record: a document's answers keyed by question id, with findings about
// what is missing or malformed. Built from a Document, with or without a
// template. Plain values; writers turn it into JSON, CSV, ...
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "formsift/model/document.hpp"
#include "formsift/normalize/mapping.hpp"
#include "formsift/normalize/regions.hpp"

namespace formsift::normalize {

// An answer value in one of the record shapes of PRODUCT.md.
struct Value {
    enum class Kind { string, list, rows, mapping };
    Kind kind = Kind::string;
    std::string text;                                                    // string
    std::vector<std::string> items;                                      // list
    std::vector<std::vector<std::pair<std::string, std::string>>> rows;  // table rows, columns in order
    // matrix: row label → selected column labels (one for a clean single choice)
    std::vector<std::pair<std::string, std::vector<std::string>>> mapping;
    bool multi_valued_mapping = false;  // checkbox matrix: always arrays
};

// A typed reading of an answer, a list item or a table cell, beside its text.
struct Parsed {
    std::string type;       // "date", "url", "email", "region", "amount", "number"
    std::string value;      // dates: ISO 8601 date, month, year or interval; url, email: the address
    std::string precision;  // dates: day, month, quarter, year
    bool interval = false;
    bool year_inferred = false;  // dates: the year comes from another answer (year_from)
    double number = 0;           // amount, number
    std::string currency;        // amount: ISO 4217
    bool approximate = false;    // amount, number: "about 10"
    RegionValue region;          // region
};

struct RecordAnswer {
    std::string question;              // template question id, or a slug of the title
    std::optional<Value> value;        // absent when unanswered
    std::optional<Parsed> parsed;      // a text answer of a value type
    std::vector<Parsed> parsed_items;  // a list of a value type: one per item, in order
    // a table with typed columns: one per row of the value, column → reading
    std::vector<std::vector<std::pair<std::string, Parsed>>> parsed_rows;
    model::Provenance where;
    bool found = false;  // the question is in the document
    // How it was located, so a person can tell a sure reading from a guess:
    // "id" (the survey tool's element id), "field" (a form control or an
    // element the format marks as a question), "anchor" (the template's title
    // found in a page's lines, the answer read between it and the next),
    // "layout" (a question the page layout alone suggested, matched by its
    // title), "text" (a title among a document's plain texts).
    std::string located;
};

struct Finding {
    model::Code code = model::Code::internal_error;
    std::string question;  // id or slug; may be empty for document-level findings
    std::string message;
    model::Provenance where;
    std::string locator;  // set when there is no provenance (reading problems)

    std::string where_text() const { return locator.empty() ? where.locator() : locator; }
    model::Severity severity() const { return model::severity_of(code); }
};

struct TemplateMatch {
    std::string id;
    std::string version;
    double score = 0;
};

struct Record {
    std::optional<TemplateMatch> template_match;  // absent for a generic record
    std::vector<RecordAnswer> answers;            // template order, or document order
    std::vector<Finding> findings;
};

// A template prepared once (label keys of questions, options, rows and
// columns) and matched against many documents. Cheap to copy.
class TemplateMatcher {
public:
    explicit TemplateMatcher(Template t);

    const Template& definition() const;

    struct Match {
        // How well the template fits, in [0, 1]: the share of its questions
        // (those of the matched version) whose label is found, 0.75; its
        // signature phrases found, 0.15; the found questions in the
        // template's order, 0.10 (without signature phrases: 0.9 and 0.1).
        double score = 0;
        // Questions whose titles the document sets as plain text, found by the
        // template's labels (their answers: the texts after them).
        std::vector<model::Question> in_texts;
        // template question index per document question, then per question
        // of `in_texts`; -1: none
        std::vector<int> by_doc;
        // The version of the form the document matches best (templates
        // listing several), else the template's only or last version.
        std::string version;
    };
    // `read_pages`: a paginated document's pages are also read by the
    // template's titles (anchors); without, only what the document's reader
    // made of it is matched (quicker: a first look at many templates).
    Match match(const model::Document& doc, bool read_pages = true) const;

    // Record using the template: each document question matched by label to
    // a template question; values shaped by the template's types.
    Record build(const model::Document& doc, const Match& match) const;

private:
    std::string best_version(const model::Document& doc, const Match& match) const;
    struct Prepared;
    std::shared_ptr<const Prepared> p_;
};

// One-off forms of the above.
double score_template(const Template& t, const model::Document& doc);
Record build_record(const model::Document& doc, const Template& t, double score);

// Record without a template: questions keyed by a slug of their title.
Record build_generic_record(const model::Document& doc);

// Document diagnostics as findings (reading problems: invalid bytes, depth...).
void add_diagnostics(const model::Document& doc, Record& record);

// True when some finding is at error level.
bool has_errors(const Record& record);

}  // namespace formsift::normalize
