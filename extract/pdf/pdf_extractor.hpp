#pragma once
// The PDF backend: bytes of a PDF in, Document out.
#include <string>
#include <string_view>

#include "formsift/extract/extract.hpp"

namespace formsift::extract::pdf {

model::Document extract_pdf(std::string_view bytes, const std::string& name, const Options& options);

}  // namespace formsift::extract::pdf
