#include "formsift/extract/error.hpp"

#include <exception>
#include <new>

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

Failure current_failure(const std::string& stage) {
    try {
        throw;
    } catch (const Error& e) {
        return {e.code(), e.locator(), e.message()};
    } catch (const std::bad_alloc&) {
        return {"out-of-memory", "", "ran out of memory while " + stage};
    } catch (const std::exception& e) {
        return {"internal-error", "",
                "internal error while " + stage + " (" + e.what() + "); the document was not read: please report it"};
    } catch (...) {
        return {"internal-error", "",
                "internal error while " + stage +
                    " (an exception of unknown type); the document was not read: "
                    "please report it"};
    }
}

}  // namespace formsift
