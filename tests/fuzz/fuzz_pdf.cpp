// Fuzz target for the PDF backend: the same whole pipeline as fuzz_html, but
// seeded with PDFs (its corpus, samples/pdf, samples/bad) and given a PDF
// name, so mutations explore Poppler's parsers and our page reading, AcroForm
// walk and mark layout. Must never crash, hang or leak.
#include <cstddef>
#include <cstdint>
#include <string>

#include "app/pipeline.hpp"
#include "app/writers.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const formsift::app::Settings settings = [] {
        formsift::app::Settings s;
        s.templates = formsift::app::prepare(formsift::app::bundled_templates());
        s.extract.limits.max_bytes = 4u << 20;
        s.extract.limits.max_pages = 20;
        return s;
    }();
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    const auto f = formsift::app::process_bytes(bytes, "fuzz.pdf", settings);
    (void)formsift::app::dump(formsift::app::record_json(f));
    (void)formsift::app::dump(formsift::app::fields_json(f));
    (void)formsift::app::csv_rows(f);
    return 0;
}
