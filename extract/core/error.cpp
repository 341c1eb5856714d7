#include "formsift/extract/error.hpp"

namespace formsift {

std::string format_message(const std::string& file, const std::string& locator, const std::string& severity,
                           const std::string& message, const std::string& code) {
    std::string out = file;
    if (!locator.empty()) out += ":" + locator;
    out += ": " + severity + ": " + message;
    if (!code.empty()) out += " [" + code + "]";
    return out;
}

Error::Error(std::string code, std::string file, std::string locator, std::string message)
    : std::runtime_error(format_message(file, locator, "error", message, code)),
      code_(std::move(code)),
      file_(std::move(file)),
      locator_(std::move(locator)),
      message_(std::move(message)) {}

}  // namespace formsift
