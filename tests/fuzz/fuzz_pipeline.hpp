#pragma once
// The body every fuzz target shares: bytes through the whole pipeline
// (extraction, record building with the bundled templates, all writers).
// Must never crash, hang or leak; a formsift::Error is an expected outcome.
#include <cstddef>
#include <cstdint>
#include <string>

#include "app/pipeline.hpp"
#include "app/writers.hpp"

namespace formsift::fuzz {

inline app::Settings fuzz_settings(std::size_t max_bytes, int max_pages) {
    app::Settings s;
    s.templates = app::prepare(app::bundled_templates());
    s.extract.limits.max_bytes = max_bytes;
    s.extract.limits.max_pages = max_pages;
    return s;
}

inline void run_pipeline(const std::uint8_t* data, std::size_t size, const std::string& name,
                         const app::Settings& settings) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    const auto f = app::process_bytes(bytes, name, settings);
    (void)app::dump(app::record_json(f));
    (void)app::dump(app::fields_json(f));
    (void)app::csv_rows(f);
}

// The same for inputs that may hold many submissions (each one written).
inline void run_pipeline_each(const std::uint8_t* data, std::size_t size, const std::string& name,
                              const app::Settings& settings) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    app::process_bytes_each(bytes, name, settings, [](app::ProcessedFile&& f) {
        (void)app::dump(app::record_json(f));
        (void)app::csv_rows(f);
    });
}

}  // namespace formsift::fuzz
