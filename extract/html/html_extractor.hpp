#pragma once
// The HTML backend: bytes of an HTML page in, Document out.
#include <string>
#include <string_view>

#include "formsift/extract/extract.hpp"

namespace formsift::extract::html {

model::Document extract_html(std::string_view bytes, const std::string& name, const Options& options);

}  // namespace formsift::extract::html
