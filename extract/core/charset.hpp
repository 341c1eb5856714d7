#pragma once
// Character sets of text input (HTML, Markdown), independent of libxml2: find the
// encoding the way browsers do (BOM, then a <meta> prescan, then a default)
// and turn the bytes into valid UTF-8, reporting what had to be repaired.
#include <string>
#include <string_view>
#include <vector>

#include "formsift/model/diagnostic.hpp"

namespace formsift::extract {

struct EncodingGuess {
    std::string encoding;  // canonical lower-case label: "utf-8", "utf-16le", "windows-1252", ...
    std::string source;    // "bom", "meta", "default"
    std::size_t bom_length = 0;
};

// BOM, else <meta charset> / http-equiv Content-Type in the first 1024
// bytes, else utf-8 when the bytes are valid UTF-8, else windows-1252.
EncodingGuess sniff_encoding(std::string_view bytes);

// WHATWG label → canonical name ("latin1", "iso-8859-1", "ascii" → "windows-1252");
// empty when the label is not one we know.
std::string canonical_encoding(std::string_view label);

struct Decoded {
    std::string utf8;
    std::vector<model::Diagnostic> diagnostics;
};

// Decode to UTF-8. Invalid sequences become U+FFFD and one warning names
// the line and byte of the first; NUL bytes are dropped with a warning.
Decoded decode_to_utf8(std::string_view bytes, const EncodingGuess& guess);

// First invalid UTF-8 offset, or npos when the whole input is valid.
std::size_t find_invalid_utf8(std::string_view bytes);

}  // namespace formsift::extract
