#include "commands.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "app/pipeline.hpp"
#include "app/writers.hpp"
#include "formsift/extract/error.hpp"

namespace formsift::cli {
namespace {

// Templates to try: --mapping forces one; otherwise the bundled ones plus
// --mappings directories and FORMSIFT_MAPPINGS (':'-separated directories).
void apply_limits(const CommonOptions& o, app::Settings& s) {
    s.extract.limits.max_bytes = o.max_bytes;
    s.extract.limits.max_depth = o.max_depth;
    s.extract.limits.max_text = o.max_text;
    s.extract.limits.max_pages = o.max_pages;
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

void print_summary(const std::vector<app::ProcessedFile>& files, std::ostream& out) {
    std::map<std::string, int> by_status;
    std::map<std::string, int> by_code;
    std::map<std::string, int> by_template;
    for (const auto& f : files) {
        ++by_status[extract::to_string(f.status)];
        by_template[f.record.template_match ? f.record.template_match->id : std::string("(generic)")] +=
            unreadable(f) ? 0 : 1;
        for (const auto& x : f.record.findings) ++by_code[std::string(model::to_string(x.severity)) + " " + x.code];
    }
    out << "formsift: " << files.size() << " file(s):";
    for (const auto& [k, v] : by_status) out << " " << v << " " << k;
    out << "\n";
    for (const auto& [k, v] : by_template)
        if (v > 0) out << "  template " << k << ": " << v << "\n";
    for (const auto& [k, v] : by_code) out << "  " << k << ": " << v << "\n";
    for (const auto& f : files) {
        int errors = 0, warnings = 0;
        for (const auto& x : f.record.findings) {
            errors += x.severity == model::Severity::error;
            warnings += x.severity == model::Severity::warning;
        }
        std::size_t answered = 0;
        for (const auto& a : f.record.answers) answered += a.value ? 1 : 0;
        out << "  " << f.path << ": " << extract::to_string(f.status) << ", " << answered << "/"
            << f.record.answers.size() << " answered, " << errors << " error(s), " << warnings << " warning(s)\n";
    }
}

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
    std::vector<app::ProcessedFile> files;
    bool any_unreadable = false, any_errors = false;
    for (const auto& in : o.common.inputs) {
        files.push_back(app::process_path(in, settings));
        any_unreadable = any_unreadable || unreadable(files.back());
        any_errors = any_errors || normalize::has_errors(files.back().record);
        report_failure(files.back());
    }

    const std::string ext = o.format == "csv" ? ".csv" : o.format == "jsonl" ? ".jsonl" : ".json";
    const bool to_dir = !o.output.empty() && (o.output.back() == '/' || std::filesystem::is_directory(o.output));
    auto render = [&](const std::vector<const app::ProcessedFile*>& set) {
        std::string text;
        if (o.format == "csv") {
            text = app::csv_header();
            for (const auto* f : set) text += app::csv_rows(*f);
        } else if (o.format == "jsonl") {
            for (const auto* f : set) text += app::dump(app::record_json(*f), -1);
        } else if (set.size() == 1 && o.common.inputs.size() == 1) {
            text = app::dump(app::record_json(*set.front()));
        } else {
            app::Json a = app::Json::array();
            for (const auto* f : set) a.push_back(app::record_json(*f));
            text = app::dump(a);
        }
        return text;
    };
    auto write_file = [](const std::string& path, const std::string& text) {
        std::error_code ec;
        if (const auto parent = std::filesystem::path(path).parent_path(); !parent.empty())
            std::filesystem::create_directories(parent, ec);
        std::ofstream out(path, std::ios::binary);
        out << text;
        if (!out) {
            std::cerr << path << ": error: cannot write output [output-unwritable]\n";
            return false;
        }
        return true;
    };
    if (to_dir) {
        std::error_code ec;
        std::filesystem::create_directories(o.output, ec);
        for (std::size_t i = 0; i < files.size(); ++i) {
            const auto path = (std::filesystem::path(o.output) / output_name(files[i].path, i, ext)).string();
            if (!write_file(path, render({&files[i]}))) return kUsage;
        }
    } else {
        std::vector<const app::ProcessedFile*> all;
        for (const auto& f : files) all.push_back(&f);
        const std::string text = render(all);
        if (o.output.empty() || o.output == "-") {
            std::cout << text;
        } else if (!write_file(o.output, text)) {
            return kUsage;
        }
    }
    if (o.summary || (!o.output.empty() && o.output != "-")) print_summary(files, std::cerr);
    return exit_code(any_unreadable, any_errors);
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
    for (const auto& in : o.inputs) {
        const auto f = app::process_path(in, settings);
        any_unreadable = any_unreadable || unreadable(f);
        any_errors = any_errors || normalize::has_errors(f.record);
        for (const auto& line : app::check_lines(f)) std::cout << line << "\n";
    }
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
    for (const auto& in : o.inputs) {
        const auto f = app::process_path(in, settings);
        any_unreadable = any_unreadable || unreadable(f);
        report_failure(f);
        std::cout << app::dump(app::fields_json(f), format == "jsonl" ? -1 : 2);
    }
    return exit_code(any_unreadable, false);
}

}  // namespace formsift::cli
