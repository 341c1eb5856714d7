// Fuzz target for the PDF backend: the same pipeline, seeded with PDFs (its
// corpus, samples/pdf, samples/bad) and given a PDF name, so mutations explore
// Poppler's parsers and our page reading, AcroForm walk and mark layout.
#include "fuzz_pipeline.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const auto settings = formsift::fuzz::fuzz_settings(4u << 20, 20);
    formsift::fuzz::run_pipeline(data, size, "fuzz.pdf", settings);
    return 0;
}
