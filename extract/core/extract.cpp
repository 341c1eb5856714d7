#include "formsift/extract/extract.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <optional>

#include "../eusurvey_xml/xml_export.hpp"
#include "../html/html_extractor.hpp"
#include "../markdown/markdown_extractor.hpp"
#include "../pdf/pdf_extractor.hpp"
#include "formsift/extract/error.hpp"

namespace formsift::extract {
namespace {

std::string lower_prefix(std::string_view s, std::size_t n) {
    std::string out(s.substr(0, n));
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

bool looks_binary(std::string_view head) {
    if (head.substr(0, 2) == "\xFF\xFE" || head.substr(0, 2) == "\xFE\xFF") return false;  // UTF-16 text
    std::size_t control = 0;
    for (const char ch : head) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == 0) return true;
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1B) ++control;
    }
    return !head.empty() && control * 10 > head.size();
}

}  // namespace

const char* to_string(Format f) {
    switch (f) {
        case Format::unknown: return "unknown";
        case Format::html: return "html";
        case Format::pdf: return "pdf";
        case Format::markdown: return "markdown";
        case Format::eusurvey_xml: return "eusurvey-xml";
        case Format::binary: return "binary";
        case Format::empty: return "empty";
    }
    return "unknown";
}

const char* to_string(Status s) {
    switch (s) {
        case Status::ok: return "ok";
        case Status::partial: return "partial";
        case Status::failed: return "failed";
        case Status::unsupported: return "unsupported";
    }
    return "failed";
}

Format detect_format(std::string_view bytes) {
    std::string_view b = bytes;
    if (b.substr(0, 3) == "\xEF\xBB\xBF") b.remove_prefix(3);
    const bool only_space =
        std::all_of(b.begin(), b.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
    if (b.empty() || only_space) return Format::empty;
    if (b.substr(0, 1024).find("%PDF-") != std::string_view::npos) return Format::pdf;
    const std::string_view head = b.substr(0, 4096);
    if (looks_binary(head)) return Format::binary;
    std::string l = lower_prefix(b, 4096);
    if (head.substr(0, 2) == "\xFF\xFE" || head.substr(0, 2) == "\xFE\xFF") {
        // UTF-16: look at the ASCII bytes only
        std::string ascii;
        for (const char c : l)
            if (c != '\0') ascii += c;
        l = ascii;
    }
    const auto first = l.find_first_not_of(" \t\r\n");
    const std::string start = first == std::string::npos ? std::string() : l.substr(first);
    if (start.rfind("<?xml", 0) == 0 && l.find("<results") != std::string::npos && l.find("<html") == std::string::npos)
        return Format::eusurvey_xml;
    // markup from the first character, or a page's own elements; text that
    // merely holds some HTML (Markdown does) is text
    if (start.rfind("<", 0) == 0 || l.find("<html") != std::string::npos || l.find("<body") != std::string::npos ||
        l.find("<!doctype html") != std::string::npos)
        return Format::html;
    return Format::markdown;
}

ByteSource source_of(std::string_view bytes) {
    return [bytes, offset = std::size_t{0}](char* buffer, std::size_t size) mutable {
        const std::size_t n = std::min(size, bytes.size() - offset);
        std::memcpy(buffer, bytes.data() + offset, n);
        offset += n;
        return n;
    };
}

bool holds_many(Format f) {
    return f == Format::eusurvey_xml;
}

namespace {

// Tables larger than the limit keep their first rows, and say so.
void limit_tables(model::Document& doc, std::size_t max_cells) {
    for (auto& q : doc.questions) {
        auto& t = q.answer.table;
        const std::size_t width = std::max<std::size_t>(1, t.columns.size());
        std::size_t cells = 0;
        for (const auto& row : t.rows) cells += std::max(width, row.cells.size());
        if (cells <= max_cells) continue;
        std::size_t keep = 0, kept = 0;
        while (keep < t.rows.size() && kept + std::max(width, t.rows[keep].cells.size()) <= max_cells)
            kept += std::max(width, t.rows[keep++].cells.size());
        doc.diagnostics.push_back({model::Code::too_many_cells, q.where.locator(),
                                   "table of " + std::to_string(cells) + " cells, over the limit of " +
                                       std::to_string(max_cells) + " (--max-cells): its first " + std::to_string(keep) +
                                       " of " + std::to_string(t.rows.size()) + " rows are kept"});
        t.rows.resize(keep);
    }
}

void settle_status(Result& r) {
    for (const auto& d : r.document.diagnostics)
        if (d.severity() != model::Severity::info && r.status == Status::ok) r.status = Status::partial;
}

}  // namespace

std::size_t extract_each(const ByteSource& source, const std::string& name, const Options& options,
                         const std::function<void(Part&&)>& each) {
    return eusurvey_xml::read_export(source, name, options, [&each, &options](Part&& p) {
        limit_tables(p.result.document, options.limits.max_cells);
        settle_status(p.result);
        each(std::move(p));
    });
}

Result extract(std::string_view bytes, const std::string& name, const Options& options) {
    Result r;
    if (bytes.size() > options.limits.max_bytes)
        throw Error(model::Code::input_too_large, name, "",
                    "file is " + std::to_string(bytes.size()) + " bytes, over the limit of " +
                        std::to_string(options.limits.max_bytes) + " (--max-bytes)");
    if (options.fault) options.fault("extract");
    r.format = detect_format(bytes);
    switch (r.format) {
        case Format::empty: throw Error(model::Code::input_empty, name, "", "file is empty");
        case Format::binary: {
            const auto nul = bytes.substr(0, 4096).find('\0');
            throw Error(model::Code::input_binary, name,
                        nul == std::string_view::npos ? "" : "byte " + std::to_string(nul),
                        "not a text document (binary data)");
        }
        case Format::html: r.document = html::extract_html(bytes, name, options); break;
        case Format::pdf: r.document = pdf::extract_pdf(bytes, name, options); break;
        case Format::markdown: r.document = markdown::extract_markdown(bytes, name, options); break;
        case Format::eusurvey_xml: {
            // the first answer set (extract_each reads them all)
            const ByteSource source = source_of(bytes);
            std::optional<Result> first;
            std::size_t more = 0;
            eusurvey_xml::read_export(source, name, options, [&first, &more](Part&& p) {
                if (!first)
                    first = std::move(p.result);
                else if (!p.result.document.questions.empty())
                    ++more;
            });
            r = std::move(*first);
            limit_tables(r.document, options.limits.max_cells);
            settle_status(r);
            if (more > 0)
                r.document.diagnostics.push_back(
                    {model::Code::xml_more_answer_sets, "",
                     "the export holds " + std::to_string(more + 1) + " answer sets; this is the first"});
            return r;
        }
        case Format::unknown:
            r.status = Status::unsupported;
            r.document.format = to_string(r.format);
            r.document.diagnostics.push_back({model::Code::format_unsupported, "",
                                              std::string("no extractor for ") + to_string(r.format) + " input yet"});
            return r;
    }
    // the name says one thing, the content another: read by content, and say so
    const auto dot = name.rfind('.');
    if (dot != std::string::npos && r.status != Status::unsupported) {
        std::string ext = name.substr(dot + 1);
        std::transform(ext.begin(), ext.end(), ext.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        const bool named_pdf = ext == "pdf", named_html = ext == "html" || ext == "htm" || ext == "xhtml";
        if ((named_pdf && r.format != Format::pdf) || (named_html && r.format != Format::html))
            r.document.diagnostics.push_back(
                {model::Code::format_mismatch, "",
                 "named ." + ext + " but the content is " + to_string(r.format) + "; read as " + to_string(r.format)});
    }
    limit_tables(r.document, options.limits.max_cells);
    settle_status(r);
    return r;
}

}  // namespace formsift::extract
