// Fuzz target: the value parsers and the text normalisation on any bytes:
// dates (with and without a year given), web and e-mail addresses, amounts,
// counts, regions, lists, values and keys. The whole input, then each line.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "formsift/normalize/regions.hpp"
#include "formsift/normalize/text.hpp"
#include "formsift/normalize/values.hpp"

namespace {

void parse_all(std::string_view text) {
    using namespace formsift::normalize;
    (void)parse_date(text);
    (void)parse_date(text, 2020);
    (void)parse_url(text);
    (void)parse_email(text);
    (void)parse_amount(text);
    (void)parse_count(text);
    (void)read_region(text);
    (void)one_line(text);
    (void)tidy_text(text);
    (void)label_key(text);
    (void)slug(text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > 2048) return 0;  // values are short; long inputs only slow the search
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    parse_all(text);
    for (const auto& item : formsift::normalize::split_list(text)) parse_all(item);
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        parse_all(text.substr(start, end - start));
        start = end + 1;
    }
    return 0;
}
