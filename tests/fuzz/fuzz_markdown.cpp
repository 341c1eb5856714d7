// Fuzz target: any bytes under a Markdown name through the whole pipeline.
#include "fuzz_pipeline.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const auto settings = formsift::fuzz::fuzz_settings(1u << 20, 2000);
    formsift::fuzz::run_pipeline(data, size, "fuzz.md", settings);
    return 0;
}
