#include "commands.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>

#include "app/pipeline.hpp"
#include "app/writers.hpp"
#include "formsift/extract/error.hpp"
#include "formsift/normalize/infer.hpp"

namespace formsift::cli {
namespace {

// Templates to try: --mapping forces one; otherwise the bundled ones plus
// --mappings directories and FORMSIFT_MAPPINGS (':'-separated directories).
void apply_limits(const CommonOptions& o, app::Settings& s) {
    s.extract.limits.max_bytes = o.max_bytes;
    s.extract.limits.max_depth = o.max_depth;
    s.extract.limits.max_text = o.max_text;
    s.extract.limits.max_pages = o.max_pages;
    s.extract.limits.max_fields = o.max_fields;
    s.extract.limits.max_objects = o.max_objects;
    s.extract.limits.max_cells = o.max_cells;
    s.extract.limits.max_seconds = o.max_seconds;
    if (o.password_given) s.extract.password = o.password;
}

app::Settings make_settings(const CommonOptions& o) {
    app::Settings s;
    apply_limits(o, s);
    if (!o.mapping.empty()) {
        s.forced = normalize::TemplateMatcher(app::load_template_file(o.mapping));
        return s;
    }
    std::vector<normalize::Template> templates = app::bundled_templates();
    std::vector<std::string> dirs = o.mapping_dirs;
    if (const char* env = std::getenv("FORMSIFT_MAPPINGS"); env != nullptr && *env != '\0') {
        std::stringstream ss(env);
        std::string d;
        while (std::getline(ss, d, ':'))
            if (!d.empty()) dirs.push_back(d);
    }
    for (const auto& d : dirs) {
        // a template given by the user replaces a bundled one with the same id
        for (auto& t : app::load_template_dir(d)) {
            auto same = std::find_if(templates.begin(), templates.end(), [&](const auto& e) { return e.id == t.id; });
            if (same != templates.end())
                *same = std::move(t);
            else
                templates.push_back(std::move(t));
        }
    }
    s.templates = app::prepare(templates);
    return s;
}

std::string unwritable(const std::string& path) {
    return format_message(path, "", model::Code::output_unwritable, "cannot write output");
}

int exit_code(bool any_unreadable, bool any_errors) {
    if (any_unreadable) return kUnreadable;
    if (any_errors) return kFindings;
    return kOk;
}

bool unreadable(const app::ProcessedFile& f) {
    return f.status == extract::Status::failed || f.status == extract::Status::unsupported;
}

void report_failure(const app::ProcessedFile& f) {
    for (const auto& line : app::check_lines(f))
        if (line.find(": error: ") != std::string::npos && unreadable(f)) std::cerr << line << "\n";
}

std::string output_name(const std::string& input, std::size_t index, const std::string& ext) {
    if (input == "-") return "stdin-" + std::to_string(index + 1) + ext;
    return std::filesystem::path(input).stem().string() + ext;
}

// What a run did, accumulated record by record (an export may hold 100,000).
class Summary {
public:
    void add_file() { ++files_; }
    void add(const app::ProcessedFile& f) {
        ++records_;
        ++by_status_[extract::to_string(f.status)];
        if (!unreadable(f)) ++by_template_[f.record.template_match ? f.record.template_match->id : "(generic)"];
        for (const auto& a : f.record.answers)
            if (a.found && !a.located.empty()) ++by_located_[a.located];
        int errors = 0, warnings = 0;
        for (const auto& x : f.record.findings) {
            ++by_code_[std::string(model::to_string(x.severity())) + " " + std::string(model::to_string(x.code))];
            errors += x.severity() == model::Severity::error;
            warnings += x.severity() == model::Severity::warning;
        }
        if (lines_.size() >= kMaxLines) return;
        std::size_t answered = 0;
        for (const auto& a : f.record.answers) answered += a.value ? 1 : 0;
        std::string who = f.path;
        if (auto it = f.document.meta.find("answer_set"); it != f.document.meta.end()) who += " #" + it->second;
        lines_.push_back("  " + who + ": " + extract::to_string(f.status) + ", " + std::to_string(answered) + "/" +
                         std::to_string(f.record.answers.size()) + " answered, " + std::to_string(errors) +
                         " error(s), " + std::to_string(warnings) + " warning(s)");
    }

    void print(std::ostream& out) const {
        out << "formsift: " << files_ << " file(s)";
        if (records_ != files_) out << ", " << records_ << " record(s)";
        out << ":";
        for (const auto& [k, v] : by_status_) out << " " << v << " " << k;
        out << "\n";
        for (const auto& [k, v] : by_template_) out << "  template " << k << ": " << v << "\n";
        if (!by_located_.empty()) {
            out << "  answers located by";
            const char* sep = " ";
            for (const auto& [k, v] : by_located_) {
                out << sep << k << " " << v;
                sep = ", ";
            }
            out << "\n";
        }
        for (const auto& [k, v] : by_code_) out << "  " << k << ": " << v << "\n";
        for (const auto& l : lines_) out << l << "\n";
        if (records_ > lines_.size()) out << "  … and " << records_ - lines_.size() << " more record(s)\n";
    }

private:
    static constexpr std::size_t kMaxLines = 1000;
    std::size_t files_ = 0, records_ = 0;
    std::map<std::string, int> by_status_, by_code_, by_template_, by_located_;
    std::vector<std::string> lines_;
};

// Records written as they come: JSON (one object for a single record of a
// single input, else an array), JSONL or CSV.
class RecordWriter {
public:
    RecordWriter(std::ostream& out, std::string format, bool single_allowed)
        : out_(out), format_(std::move(format)), single_allowed_(single_allowed) {}

    void add(const app::ProcessedFile& f) {
        if (format_ == "csv") {
            if (count_ == 0) out_ << app::csv_header();
            out_ << app::csv_rows(f);
        } else if (format_ == "jsonl") {
            out_ << app::dump(app::record_json(f), -1);
        } else {
            std::string item = app::dump(app::record_json(f));
            if (count_ == 0 && single_allowed_) {
                held_ = std::move(item);  // an object, unless a second record comes
            } else {
                if (count_ == 0) {
                    out_ << "[\n";
                } else if (held_) {
                    out_ << "[\n" << indented(*held_) << ",\n";
                    held_.reset();
                } else {
                    out_ << ",\n";
                }
                out_ << indented(item);
            }
        }
        ++count_;
    }

    void finish() {
        if (format_ != "json") {
            if (format_ == "csv" && count_ == 0) out_ << app::csv_header();
            return;
        }
        if (held_)
            out_ << *held_;
        else if (count_ == 0)
            out_ << "[]\n";
        else
            out_ << "\n]\n";
    }

private:
    // An array element as nlohmann::json prints it: every line two spaces in.
    static std::string indented(const std::string& item) {
        std::string out = "  ";
        for (std::size_t i = 0; i < item.size(); ++i) {
            if (item[i] == '\n' && i + 1 == item.size()) break;  // the item's own final newline
            out += item[i];
            if (item[i] == '\n') out += "  ";
        }
        return out;
    }

    std::ostream& out_;
    std::string format_;
    bool single_allowed_;
    std::size_t count_ = 0;
    std::optional<std::string> held_;
};

}  // namespace

int run_extract(const ExtractOptions& o) {
    app::Settings settings;
    try {
        settings = make_settings(o.common);
    } catch (const Error& e) {
        std::cerr << e.what() << "\n";
        return kUsage;
    }
    if (o.format != "json" && o.format != "jsonl" && o.format != "csv") {
        std::cerr << "formsift: unknown --format '" << o.format << "' (json, jsonl, csv)\n";
        return kUsage;
    }
    const std::string ext = o.format == "csv" ? ".csv" : o.format == "jsonl" ? ".jsonl" : ".json";
    const bool to_dir = !o.output.empty() && (o.output.back() == '/' || std::filesystem::is_directory(o.output));
    const bool to_file = !to_dir && !o.output.empty() && o.output != "-";
    auto open = [](const std::string& path, std::ofstream& out) {
        std::error_code ec;
        if (const auto parent = std::filesystem::path(path).parent_path(); !parent.empty())
            std::filesystem::create_directories(parent, ec);
        out.open(path, std::ios::binary);
        if (!out) std::cerr << unwritable(path) << "\n";
        return static_cast<bool>(out);
    };
    if (to_dir) {
        std::error_code ec;
        std::filesystem::create_directories(o.output, ec);
    }
    std::ofstream file;
    if (to_file && !open(o.output, file)) return kUsage;
    std::ostream& shared_out = to_file ? static_cast<std::ostream&>(file) : std::cout;
    // one input: one record is an object; an export of many records, or many inputs, an array
    std::optional<RecordWriter> shared;
    if (!to_dir) shared.emplace(shared_out, o.format, o.common.inputs.size() == 1);

    Summary summary;
    bool any_unreadable = false, any_errors = false;
    for (std::size_t i = 0; i < o.common.inputs.size(); ++i) {
        const std::string& in = o.common.inputs[i];
        std::ofstream own_file;
        std::optional<RecordWriter> own;
        if (to_dir) {
            if (!open((std::filesystem::path(o.output) / output_name(in, i, ext)).string(), own_file)) return kUsage;
            own.emplace(own_file, o.format, true);
        }
        RecordWriter& writer = to_dir ? *own : *shared;
        summary.add_file();
        app::process_path_each(in, settings, [&](app::ProcessedFile&& f) {
            any_unreadable = any_unreadable || unreadable(f);
            any_errors = any_errors || normalize::has_errors(f.record);
            report_failure(f);
            writer.add(f);
            summary.add(f);
        });
        if (own) own->finish();
    }
    if (shared) shared->finish();
    if (to_file && !file.flush()) {
        std::cerr << unwritable(o.output) << "\n";
        return kUsage;
    }
    if (o.summary || (!o.output.empty() && o.output != "-")) summary.print(std::cerr);
    return exit_code(any_unreadable, any_errors);
}

int run_infer(const InferOptions& o) {
    app::Settings settings;  // documents only: no template is matched
    settings.build_records = false;
    apply_limits(o.common, settings);
    // an export's answer sets all share its elements: a few of them are enough
    constexpr std::size_t kPerInput = 50;
    std::vector<app::ProcessedFile> read;
    bool any_unreadable = false;
    for (const auto& in : o.common.inputs) {
        std::size_t taken = 0;
        app::process_path_each(in, settings, [&](app::ProcessedFile&& f) {
            if (unreadable(f)) {
                any_unreadable = true;
                report_failure(f);
                return;
            }
            if (taken++ < kPerInput) read.push_back(std::move(f));
        });
    }
    std::vector<const model::Document*> docs;
    for (const auto& f : read) docs.push_back(&f.document);
    if (docs.empty()) {
        std::cerr << "formsift: no document could be read; nothing to draft from\n";
        return kUnreadable;
    }
    const std::string yaml = normalize::draft_yaml(normalize::infer_template(docs));
    if (o.output.empty() || o.output == "-") {
        std::cout << yaml;
    } else {
        std::ofstream out(o.output, std::ios::binary);
        out << yaml;
        if (!out.flush()) {
            std::cerr << unwritable(o.output) << "\n";
            return kUsage;
        }
        std::cerr << "formsift: drafted " << o.output << " from " << docs.size() << " document(s)\n";
    }
    return any_unreadable ? kUnreadable : kOk;
}

int run_check(const CommonOptions& o) {
    app::Settings settings;
    try {
        settings = make_settings(o);
    } catch (const Error& e) {
        std::cerr << e.what() << "\n";
        return kUsage;
    }
    bool any_unreadable = false, any_errors = false;
    for (const auto& in : o.inputs)
        app::process_path_each(in, settings, [&](app::ProcessedFile&& f) {
            any_unreadable = any_unreadable || unreadable(f);
            any_errors = any_errors || normalize::has_errors(f.record);
            for (const auto& line : app::check_lines(f)) std::cout << line << "\n";
        });
    return exit_code(any_unreadable, any_errors);
}

int run_fields(const CommonOptions& o, const std::string& format) {
    if (format != "json" && format != "jsonl") {
        std::cerr << "formsift: unknown --format '" << format << "' (json, jsonl)\n";
        return kUsage;
    }
    app::Settings settings;  // no templates, no records: fields are raw controls
    settings.build_records = false;
    apply_limits(o, settings);
    bool any_unreadable = false;
    for (const auto& in : o.inputs)
        app::process_path_each(in, settings, [&](app::ProcessedFile&& f) {
            any_unreadable = any_unreadable || unreadable(f);
            report_failure(f);
            std::cout << app::dump(app::fields_json(f), format == "jsonl" ? -1 : 2);
        });
    return exit_code(any_unreadable, false);
}

int run_codes(const std::string& format) {
    if (format != "tsv" && format != "markdown") {
        std::cerr << "formsift: unknown --format '" << format << "' (tsv, markdown)\n";
        return kUsage;
    }
    if (format == "tsv") {
        for (const auto& c : model::all_codes())
            std::cout << c.name << "\t" << model::to_string(c.severity) << "\t" << c.description << "\n";
        return kOk;
    }
    std::cout << "| code | severity | what it means |\n|---|---|---|\n";
    std::string_view group;
    for (const auto& c : model::all_codes()) {
        if (c.group != group) {
            group = c.group;
            std::cout << "| **" << group << "** | | |\n";
        }
        std::cout << "| `" << c.name << "` | " << model::to_string(c.severity) << " | " << c.description << " |\n";
    }
    return kOk;
}

}  // namespace formsift::cli
