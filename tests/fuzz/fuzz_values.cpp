// Fuzz target: the value parsers and the text normalisation on any bytes:
// dates (with and without a year given), web and e-mail addresses, amounts,
// counts, regions, lists, values, keys, literal markup and label
// similarity. The whole input, then each list item, then each line; inputs
// of up to 4 KiB, where the search is quick (fuzz_long_answers takes answers
// of up to 1 MiB through the same readings).
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
    (void)strip_literal_markup(text);
    (void)nfc(text);
    (void)label_similarity(text, "Please provide the list of participating regions");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > 4096) return 0;  // long inputs: fuzz_long_answers
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
