#include "formsift/extract/error.hpp"

#include <exception>
#include <new>

namespace formsift {

std::string format_message(const std::string& file, const std::string& locator, model::Code code,
                           const std::string& message) {
    std::string out = file;
    if (!locator.empty()) out += ":" + locator;
    out += std::string(": ") + model::to_string(model::severity_of(code)) + ": " + message;
    out += " [" + std::string(model::to_string(code)) + "]";
    return out;
}

Error::Error(model::Code code, std::string file, std::string locator, std::string message)
    : std::runtime_error(format_message(file, locator, code, message)),
      code_(code),
      file_(std::move(file)),
      locator_(std::move(locator)),
      message_(std::move(message)) {}

Failure current_failure(const std::string& stage) {
    try {
        throw;
    } catch (const Error& e) {
        return {e.code(), e.locator(), e.message()};
    } catch (const std::bad_alloc&) {
        return {model::Code::out_of_memory, "", "ran out of memory while " + stage};
    } catch (const std::exception& e) {
        return {model::Code::internal_error, "",
                "internal error while " + stage + " (" + e.what() + "): please report it"};
    } catch (...) {
        return {model::Code::internal_error, "",
                "internal error while " + stage + " (an exception of unknown type): please report it"};
    }
}

}  // namespace formsift
