#pragma once
// The one exception type for input that cannot be processed: it carries a
// stable code, the file's display name and a locator, and formats itself as
// `FILE:LOCATOR: error: MESSAGE [CODE]`. Thrown by extractors and loaders,
// caught once per document.
#include <stdexcept>
#include <string>

#include "formsift/model/code.hpp"

namespace formsift {

class Error : public std::runtime_error {
public:
    Error(model::Code code, std::string file, std::string locator, std::string message);

    model::Code code() const { return code_; }
    const std::string& file() const { return file_; }
    const std::string& locator() const { return locator_; }
    const std::string& message() const { return message_; }

private:
    model::Code code_;
    std::string file_;
    std::string locator_;
    std::string message_;
};

// An exception that escaped the processing of one document (or of one
// answer set of an export), as the failure of that document alone:
// formsift::Error keeps its code, locator and message; std::bad_alloc is
// out-of-memory; any other exception is internal-error, naming `stage` and
// what the exception said. Call it only inside a catch block.
struct Failure {
    model::Code code;
    std::string locator;
    std::string message;
};
Failure current_failure(const std::string& stage);

// `FILE:LOCATOR: SEVERITY: MESSAGE [CODE]`; the locator part is left out when empty.
std::string format_message(const std::string& file, const std::string& locator, model::Code code,
                           const std::string& message);

}  // namespace formsift
