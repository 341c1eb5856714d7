#pragma once
// Opening a PDF with Poppler's core API: one-time library setup, damage and
// errors collected as diagnostics (never thrown through Poppler's C-style
// error callback), passwords, and PDF text strings decoded to UTF-8.
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "formsift/model/diagnostic.hpp"

class PDFDoc;
class GooString;

namespace formsift::extract::pdf {

// Messages Poppler reported while a document is being read. Collected in a
// per-thread buffer between construction and destruction (at most a few
// hundred kept; the rest counted).
class ErrorCollector {
public:
    ErrorCollector();
    ~ErrorCollector();
    ErrorCollector(const ErrorCollector&) = delete;
    ErrorCollector& operator=(const ErrorCollector&) = delete;

    struct Message {
        int category;  // Poppler's ErrorCategory
        long long pos;
        std::string text;
    };
    const std::vector<Message>& messages() const;
    std::size_t dropped() const;
    bool xref_reconstructed() const;
    void note_xref_reconstructed();
};

struct Opened {
    std::unique_ptr<char[]> buffer;  // declared first: destroyed after the document
    std::unique_ptr<PDFDoc> doc;
    std::vector<model::Diagnostic> diagnostics;
};

// Opens the bytes (copied: the document owns its buffer). Throws
// formsift::Error for encrypted documents without the right password,
// unreadable files and documents without pages; recoverable damage is a
// warning in `diagnostics`.
Opened open_pdf(std::string_view bytes, const std::string& name, const std::optional<std::string>& password,
                ErrorCollector& errors);

// A PDF text string (UTF-16BE with BOM, UTF-8 with BOM, or PDFDocEncoding) as UTF-8.
std::string text_string(const GooString* s);
std::string text_string(const std::string& s);

}  // namespace formsift::extract::pdf
