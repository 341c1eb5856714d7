// Fuzz target: the template loader on any bytes (YAML of any shape), and a
// template that loads matched against a small document and built into a
// record, so that what the loader accepts is also safe to use.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "formsift/extract/error.hpp"
#include "formsift/normalize/mapping.hpp"
#include "formsift/normalize/record.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > 65536) return 0;
    using namespace formsift;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        normalize::Template t = normalize::load_template(text, "fuzz.yaml");
        model::Document doc;
        for (std::size_t i = 0; i < t.questions.size() && i < 64; ++i) {
            model::Question q;
            q.title = t.questions[i].label;
            q.answer.kind = model::AnswerKind::text;
            q.answer.text = "Lapland (FI), FI1D7\n23 April\n€ 5m";
            doc.questions.push_back(std::move(q));
        }
        const normalize::TemplateMatcher m(std::move(t));
        (void)m.build(doc, m.match(doc));
    } catch (const Error&) {
        // a bad template is refused with a located message: the expected outcome
    }
    return 0;
}
