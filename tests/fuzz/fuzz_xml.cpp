// Fuzz target: any bytes under an XML name through the whole pipeline, every
// answer set of an export (a results export is read as a stream).
#include "fuzz_pipeline.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const auto settings = formsift::fuzz::fuzz_settings(1u << 20, 2000);
    formsift::fuzz::run_pipeline_each(data, size, "fuzz.xml", settings);
    return 0;
}
