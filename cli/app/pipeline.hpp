#pragma once
// One document through the whole pipeline: read (with a size cap) → detect →
// extract → match a template → Record. Every failure ends as a status and a
// located message on the ProcessedFile; nothing escapes to the caller.
#include <optional>
#include <string>
#include <vector>

#include "formsift/extract/extract.hpp"
#include "formsift/normalize/mapping.hpp"
#include "formsift/normalize/record.hpp"

namespace formsift::app {

struct Settings {
    extract::Options extract;
    // Candidate templates, prepared once; empty → generic records.
    std::vector<normalize::TemplateMatcher> templates;
    // When set, this template is used whatever its score.
    std::optional<normalize::TemplateMatcher> forced;
    double min_score = 0.5;     // a template below this is not chosen
    bool build_records = true;  // false: extraction only (the fields command)
};

struct ProcessedFile {
    std::string path;    // as given ("-" for standard input)
    std::string sha256;  // of the bytes read; empty when nothing could be read
    std::size_t bytes = 0;
    extract::Status status = extract::Status::failed;
    model::Document document;
    normalize::Record record;
    std::string error_code;  // set when status is failed or unsupported
};

ProcessedFile process_bytes(const std::string& bytes, const std::string& path, const Settings& settings);
ProcessedFile process_path(const std::string& path, const Settings& settings);

// Read a whole file or "-" (stdin), refusing more than max_bytes.
// Throws formsift::Error (input-unreadable, input-too-large).
std::string read_input(const std::string& path, std::size_t max_bytes);

std::string sha256_hex(const std::string& bytes);

// Templates shipped inside the program.
std::vector<normalize::Template> bundled_templates();
std::vector<normalize::TemplateMatcher> prepare(const std::vector<normalize::Template>& templates);
// Every *.yaml/*.yml in a directory, sorted by name. Throws formsift::Error.
std::vector<normalize::Template> load_template_dir(const std::string& dir);
normalize::Template load_template_file(const std::string& path);

}  // namespace formsift::app
