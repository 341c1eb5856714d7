#pragma once
// Entry point of extract/: bytes in, Document out. Extractors never touch
// files; callers read the bytes (with a size cap) and pass a display name.
#include <cstddef>
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
};

struct Options {
    Limits limits;
    std::optional<std::string> password;  // for encrypted PDFs
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
Result extract(std::string_view bytes, const std::string& name, const Options& options = {});

}  // namespace formsift::extract
