#pragma once
// A located message about reading a document: recoverable damage becomes a
// warning, unrecoverable input an error (see formsift::Error).
#include <string>

namespace formsift::model {

enum class Severity { info, warning, error };

const char* to_string(Severity s);

struct Diagnostic {
    Severity severity = Severity::warning;
    std::string code;     // stable kebab-case identifier, e.g. "invalid-utf8"
    std::string locator;  // "line 12", "byte 4096", "page 3"; may be empty
    std::string message;  // one sentence, no trailing period
};

}  // namespace formsift::model
