#pragma once
// Entry point of extract/: bytes in, Document out. Extractors never touch
// files; callers read the bytes (with a size cap) and pass a display name.
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "formsift/model/document.hpp"

namespace formsift::extract {

enum class Format { unknown, html, pdf, markdown, eusurvey_xml, binary, empty };

const char* to_string(Format f);

// Guess the format from the content (not the name): BOM, `%PDF-`, markup.
Format detect_format(std::string_view bytes);

struct Limits {
    std::size_t max_bytes = 64u << 20;  // input size
    int max_depth = 512;                // DOM nesting walked
    std::size_t max_text = 1u << 20;    // characters kept per answer
    std::size_t max_fields = 100000;    // controls per document
    int max_pages = 2000;               // PDF pages read
    std::size_t max_objects = 100000;   // PDF drawing objects read per page (paths, images, glyph marks)
    std::size_t max_cells = 100000;     // cells kept per table
    double max_seconds = 60;            // time spent reading one PDF's pages; the rest are not read
};

struct Options {
    Limits limits;
    std::optional<std::string> password;  // for encrypted PDFs
    // For tests only: called at each stage of a document's processing
    // ("extract", "elements" and "answer set" of an export, "record") inside
    // its failure boundary, so a test can throw there and see the failure
    // contained.
    std::function<void(const std::string& stage)> fault;
};

enum class Status { ok, partial, failed, unsupported };

const char* to_string(Status s);

struct Result {
    Status status = Status::ok;
    Format format = Format::unknown;
    model::Document document;
};

// Extract a document. Recoverable damage is recorded in
// document.diagnostics (status partial); unreadable input throws
// formsift::Error; formats without a backend yet give status unsupported.
// An export of many submissions gives its first (extract_each reads them all).
Result extract(std::string_view bytes, const std::string& name, const Options& options = {});

// True for formats that hold many submissions (the survey tool's XML results
// export): read them with extract_each.
bool holds_many(Format f);

// Bytes read piece by piece (an export too big to hold in memory): fills
// `buffer` with up to `size` bytes and returns how many, 0 at the end.
using ByteSource = std::function<std::size_t(char* buffer, std::size_t size)>;

// A source giving `bytes` (which must outlive it) piece by piece.
ByteSource source_of(std::string_view bytes);

// One submission of a multi-submission export: its document, and its own
// bytes as the export holds them (for a digest that stays the same when
// other submissions of the export change).
struct Part {
    Result result;
    std::string own_bytes;
};

// Reads a multi-submission export from `source` in bounded memory and hands
// each submission to `each` as soon as it is read. A problem no submission
// owns (malformed XML, nothing to read) comes last, as a Part whose document
// has no questions and whose status is failed (nothing read before it) or
// partial. Returns the number of submissions.
std::size_t extract_each(const ByteSource& source, const std::string& name, const Options& options,
                         const std::function<void(Part&&)>& each);

}  // namespace formsift::extract
