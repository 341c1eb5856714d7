#pragma once
// One document through the whole pipeline: read (with a size cap) → detect →
// extract → match a template → Record. Every failure ends as a status and a
// located message on the ProcessedFile: whatever is thrown while a document
// (or one answer set of an export) is read or its record built becomes that
// document's failure (internal-error for a fault of our own) and the rest
// goes on. Only what the caller's own `each` throws passes through.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "formsift/extract/extract.hpp"
#include "formsift/normalize/mapping.hpp"
#include "formsift/normalize/record.hpp"
#include "sha256.hpp"

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
    std::optional<model::Code> error_code;  // set when status is failed or unsupported
};

ProcessedFile process_bytes(const std::string& bytes, const std::string& path, const Settings& settings);
ProcessedFile process_path(const std::string& path, const Settings& settings);

// The record of an extracted document: the best template (or the forced
// one, or none) applied, reading problems added as findings.
void build_record(ProcessedFile& f, const Settings& settings);

// Every submission an input holds, handed over one at a time as soon as its
// record is built: one for most files, one per answer set for an XML results
// export, which is read as a stream (bounded memory, whatever its size; its
// records' sha256 is that of their answer set's own XML). Returns how many.
using EachFile = std::function<void(ProcessedFile&&)>;
std::size_t process_path_each(const std::string& path, const Settings& settings, const EachFile& each);
std::size_t process_bytes_each(const std::string& bytes, const std::string& path, const Settings& settings,
                               const EachFile& each);

// Read a whole file or "-" (stdin), refusing more than max_bytes.
// Throws formsift::Error (input-unreadable, input-too-large).
std::string read_input(const std::string& path, std::size_t max_bytes);

// Templates shipped inside the program.
std::vector<normalize::Template> bundled_templates();
std::vector<normalize::TemplateMatcher> prepare(const std::vector<normalize::Template>& templates);
// Every *.yaml/*.yml in a directory, sorted by name. Throws formsift::Error.
std::vector<normalize::Template> load_template_dir(const std::string& dir);
normalize::Template load_template_file(const std::string& path);

}  // namespace formsift::app
