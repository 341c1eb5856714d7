#include "pdf_extractor.hpp"

#include <algorithm>

#include <poppler/PDFDoc.h>
#include <poppler/goo/GooString.h>

#include "acroform.hpp"
#include "flow.hpp"
#include "layout.hpp"
#include "page_reader.hpp"
#include "pdf_session.hpp"
#include "submission_header.hpp"
#include "words.hpp"

namespace formsift::extract::pdf {
namespace {

void read_info(PDFDoc& doc, model::Document& out) {
    static const std::pair<const char*, const char*> kKeys[] = {{"Title", "pdf_title"},
                                                                {"Subject", "pdf_subject"},
                                                                {"Keywords", "pdf_keywords"},
                                                                {"Creator", "pdf_creator"},
                                                                {"Producer", "pdf_producer"}};
    for (const auto& [key, meta] : kKeys) {
        std::unique_ptr<GooString> v = doc.getDocInfoStringEntry(key);
        if (!v) continue;
        std::string text = text_string(v.get());
        if (!text.empty()) out.meta[meta] = text;
    }
}

// Poppler's own complaints, folded into a few located warnings.
void report_errors(const ErrorCollector& errors, model::Document& out) {
    std::size_t syntax = 0;
    std::string first;
    long long first_pos = -1;
    for (const auto& m : errors.messages()) {
        ++syntax;
        if (first.empty()) {
            first = m.text;
            // Poppler escapes control characters as <0a>; a trailing newline is noise
            while (first.size() >= 4 && first.compare(first.size() - 4, 4, "<0a>") == 0) first.resize(first.size() - 4);
            first_pos = m.pos;
        }
    }
    syntax += errors.dropped();
    if (syntax == 0) return;
    out.diagnostics.push_back({model::Code::pdf_syntax, first_pos >= 0 ? "byte " + std::to_string(first_pos) : "",
                               std::to_string(syntax) + " problem(s) reading the PDF, first: " + first});
}

}  // namespace

model::Document extract_pdf(std::string_view bytes, const std::string& name, const Options& options) {
    ErrorCollector errors;  // outlives the document: Poppler reports into it while pages are read
    model::Document doc;
    doc.format = "pdf";
    Opened opened = open_pdf(bytes, name, options.password, errors);
    doc.diagnostics = std::move(opened.diagnostics);
    PDFDoc& pdf = *opened.doc;
    doc.pages = pdf.getNumPages();
    if (doc.pages > options.limits.max_pages) {
        doc.diagnostics.push_back({model::Code::too_many_pages, "",
                                   "PDF has " + std::to_string(doc.pages) + " pages; only the first " +
                                       std::to_string(options.limits.max_pages) + " are read (--max-pages)"});
    }
    read_info(pdf, doc);
    if (guard_form_tree(pdf, options.limits.max_fields, doc.diagnostics)) {
        doc.fields = read_acroform(pdf, options.limits.max_fields, doc.diagnostics);
        doc.questions = acroform_questions(pdf, doc.fields);
    }
    // what the survey tool writes about the submission: /Subject holds the
    // contribution id, page 1 starts with "Contribution ID:" and "Date:"
    if (auto it = doc.meta.find("pdf_subject"); it != doc.meta.end() && is_uuid(it->second))
        doc.meta["contribution_id"] = it->second;
    ReadLimits limits;
    limits.max_pages = options.limits.max_pages;
    limits.max_objects_per_page = options.limits.max_objects;
    limits.max_seconds = options.limits.max_seconds;
    const std::vector<PageContent> pages = read_pages(pdf, limits, doc.diagnostics);
    if (!pages.empty()) {
        std::string head;
        for (const auto& line : make_lines(pages.front().words)) {
            if (line.box.y0 > 200) break;
            head += line.text + "\n";
        }
        const SubmissionHeader h = read_submission_header(head);
        if (!h.id_kind.empty()) doc.meta[h.id_kind] = h.id;
        if (!h.date.empty()) doc.meta["date"] = h.date;
    }
    // a form with fields of its own is read from them; a flattened one from
    // its text, tables and drawn buttons
    const bool flattened = doc.questions.empty();
    const bool survey_tool = is_survey_tool_pdf(doc);
    if (flattened) {
        for (auto& f : read_flow(pages, read_drawn_choices(pages, survey_tool), doc))
            doc.fields.push_back(std::move(f));
    } else {
        for (auto& f : read_drawn_choices(pages, survey_tool).fields) doc.fields.push_back(std::move(f));
    }
    if (flattened) {
        doc.layout = layout_of(pages);
        doc.layout.survey_tool = survey_tool;
    }
    repair_words(doc);
    report_errors(errors, doc);
    opened.doc.reset();
    return doc;
}

}  // namespace formsift::extract::pdf
