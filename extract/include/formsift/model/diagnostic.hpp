#pragma once
// A located message about reading a document: recoverable damage becomes a
// warning, unrecoverable input an error (see formsift::Error). Its severity
// is its code's (code.hpp).
#include <string>

#include "formsift/model/code.hpp"

namespace formsift::model {

struct Diagnostic {
    Code code = Code::internal_error;
    std::string locator;  // "line 12", "byte 4096", "page 3"; may be empty
    std::string message;  // one sentence, no trailing period

    Severity severity() const { return severity_of(code); }
};

}  // namespace formsift::model
