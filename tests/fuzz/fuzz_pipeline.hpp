#pragma once
// The body every fuzz target shares: bytes through the whole pipeline
// (extraction, record building with the bundled templates, all writers).
// Must never crash, hang or leak; a formsift::Error is an expected outcome,
// an internal-error (an exception of our own caught at the document's
// boundary) is a finding and stops the run. Every document read is also
// drafted into a template, as formsift infer would.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "app/pipeline.hpp"
#include "app/writers.hpp"
#include "formsift/normalize/infer.hpp"

namespace formsift::fuzz {

inline app::Settings fuzz_settings(std::size_t max_bytes, int max_pages) {
    app::Settings s;
    s.templates = app::prepare(app::bundled_templates());
    s.extract.limits.max_bytes = max_bytes;
    s.extract.limits.max_pages = max_pages;
    return s;
}

// A record must never come of an internal error; infer drafts from any document.
inline void check(const app::ProcessedFile& f) {
    if (f.error_code == model::Code::internal_error) {
        for (const auto& line : app::check_lines(f)) std::fprintf(stderr, "%s\n", line.c_str());
        std::abort();
    }
    if (f.status != extract::Status::failed) (void)normalize::draft_yaml(normalize::infer_template({&f.document}));
}

inline void run_pipeline(const std::uint8_t* data, std::size_t size, const std::string& name,
                         const app::Settings& settings) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    const auto f = app::process_bytes(bytes, name, settings);
    check(f);
    (void)app::dump(app::record_json(f));
    (void)app::dump(app::fields_json(f));
    (void)app::csv_rows(f);
}

// The same for inputs that may hold many submissions (each one written).
inline void run_pipeline_each(const std::uint8_t* data, std::size_t size, const std::string& name,
                              const app::Settings& settings) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    app::process_bytes_each(bytes, name, settings, [](app::ProcessedFile&& f) {
        check(f);
        (void)app::dump(app::record_json(f));
        (void)app::csv_rows(f);
    });
}

}  // namespace formsift::fuzz
