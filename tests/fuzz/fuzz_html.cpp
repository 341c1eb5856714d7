// Fuzz target: any bytes through extraction and record building (with and
// without the bundled template) and the JSON writers. Must never crash,
// hang or leak; thrown formsift::Error is an expected outcome.
#include <cstddef>
#include <cstdint>
#include <string>

#include "app/pipeline.hpp"
#include "app/writers.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const formsift::app::Settings settings = [] {
        formsift::app::Settings s;
        s.templates = formsift::app::prepare(formsift::app::bundled_templates());
        s.extract.limits.max_bytes = 1u << 20;
        return s;
    }();
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    const auto f = formsift::app::process_bytes(bytes, "fuzz.html", settings);
    (void)formsift::app::dump(formsift::app::record_json(f));
    (void)formsift::app::dump(formsift::app::fields_json(f));
    (void)formsift::app::csv_rows(f);
    return 0;
}
