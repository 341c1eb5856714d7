#include "pipeline.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>

#include "formsift/extract/error.hpp"

namespace formsift::app {

// Two templates whose scores are closer than this fit about equally.
constexpr double kTieMargin = 0.05;
// A template whose titles or signature the document shows this much of (by
// what its reader found) has its pages read by the template's titles too.
constexpr double kWorthReadingPages = 0.15;

namespace bundled {
// Generated at build time from mappings/*.yaml (see cli/CMakeLists.txt).
struct File {
    const char* name;
    const char* text;  // the template in its compact form (normalize::compact_template)
    std::size_t size;
};
extern const File kFiles[];
extern const std::size_t kCount;
}  // namespace bundled

std::string read_input(const std::string& path, std::size_t max_bytes) {
    std::string data;
    if (path == "-") {
        char buf[65536];
        while (std::cin.read(buf, sizeof buf) || std::cin.gcount() > 0) {
            data.append(buf, static_cast<std::size_t>(std::cin.gcount()));
            if (data.size() > max_bytes)
                throw Error(model::Code::input_too_large, path, "",
                            "input is over the limit of " + std::to_string(max_bytes) + " bytes (--max-bytes)");
        }
        return data;
    }
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
        throw Error(model::Code::input_unreadable, path, "", std::string("cannot open: ") + std::strerror(errno));
    if (S_ISDIR(st.st_mode)) throw Error(model::Code::input_unreadable, path, "", "is a directory");
    if (static_cast<std::size_t>(st.st_size) > max_bytes)
        throw Error(model::Code::input_too_large, path, "",
                    "file is " + std::to_string(st.st_size) + " bytes, over the limit of " + std::to_string(max_bytes) +
                        " (--max-bytes)");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(model::Code::input_unreadable, path, "", std::string("cannot open: ") + std::strerror(errno));
    data.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (in.bad()) throw Error(model::Code::input_unreadable, path, "", "read error");
    if (data.size() > max_bytes)
        throw Error(model::Code::input_too_large, path, "",
                    "file is over the limit of " + std::to_string(max_bytes) + " bytes");
    return data;
}

namespace {

// The failure of one document (or one answer set): status failed, the
// record nothing but the finding that says why.
void fail(ProcessedFile& f, const Failure& failure) {
    f.status = extract::Status::failed;
    f.error_code = failure.code;
    f.record = {};
    f.record.findings.push_back({failure.code, "", failure.message, {}, failure.locator});
}

// The record of an extracted part, inside its own failure boundary.
void build_record_contained(ProcessedFile& f, const Settings& settings) {
    try {
        if (settings.extract.fault) settings.extract.fault("record");
        build_record(f, settings);
    } catch (...) {
        fail(f, current_failure("building the record"));
    }
}

}  // namespace

ProcessedFile process_bytes(const std::string& bytes, const std::string& path, const Settings& settings) {
    ProcessedFile f;
    f.path = path;
    f.bytes = bytes.size();
    f.sha256 = sha256_hex(bytes);
    // the one boundary of a document: whatever is thrown while it is read
    // ends as its own failure, never the batch's
    try {
        extract::Result r = extract::extract(bytes, path, settings.extract);
        f.status = r.status;
        f.document = std::move(r.document);
    } catch (...) {
        fail(f, current_failure("reading the document"));
        return f;
    }
    if (f.status == extract::Status::unsupported) {
        f.error_code = model::Code::format_unsupported;
        normalize::add_diagnostics(f.document, f.record);
        return f;
    }
    build_record_contained(f, settings);
    return f;
}

void build_record(ProcessedFile& f, const Settings& settings) {
    if (!settings.build_records) {
        normalize::add_diagnostics(f.document, f.record);
        return;
    }
    const normalize::TemplateMatcher* chosen = nullptr;
    normalize::TemplateMatcher::Match best;
    if (settings.forced) {
        chosen = &*settings.forced;
        best = chosen->match(f.document);
    }
    // every template scored; a tie or a low score is said, never a silent guess
    std::vector<normalize::Finding> choice;
    if (!settings.forced && !settings.templates.empty()) {
        const normalize::TemplateMatcher* second = nullptr;
        double second_score = 0;
        for (const auto& t : settings.templates) {
            // a first look without reading the pages by the template's titles;
            // they are read for a template the document shows some sign of
            auto m = t.match(f.document, false);
            if (!f.document.layout.empty() && m.score >= kWorthReadingPages) m = t.match(f.document);
            if (m.score > best.score || chosen == nullptr) {
                if (chosen != nullptr) {
                    second = chosen;
                    second_score = best.score;
                }
                best = std::move(m);
                chosen = &t;
            } else if (m.score > second_score) {
                second = &t;
                second_score = m.score;
            }
        }
        const auto pct = [](double v) { return std::to_string(static_cast<int>(std::lround(v * 100))) + "%"; };
        if (best.score < settings.min_score) {
            choice.push_back({model::Code::template_none,
                              "",
                              best.score < 0.005
                                  ? "no template fits (none has a question found here); generic record"
                                  : "no template fits: the closest, " + chosen->definition().id + ", scores " +
                                        pct(best.score) + " (" + pct(settings.min_score) + " needed); generic record",
                              {},
                              {}});
            chosen = nullptr;
        } else if (second != nullptr && best.score - second_score < kTieMargin) {
            choice.push_back({model::Code::template_ambiguous,
                              "",
                              "templates " + chosen->definition().id + " (" + pct(best.score) + ") and " +
                                  second->definition().id + " (" + pct(second_score) + ") fit about equally; " +
                                  chosen->definition().id + " used (give --mapping to choose)",
                              {},
                              {}});
        }
    }
    f.record = chosen ? chosen->build(f.document, best) : normalize::build_generic_record(f.document);
    f.record.findings.insert(f.record.findings.begin(), choice.begin(), choice.end());
    normalize::add_diagnostics(f.document, f.record);
    // a question of the form not located: the record cannot say it is complete
    if (f.status == extract::Status::ok &&
        std::any_of(f.record.findings.begin(), f.record.findings.end(),
                    [](const normalize::Finding& x) { return x.code == model::Code::question_not_found; }))
        f.status = extract::Status::partial;
}

namespace {

// What the consumer of records threw (a writer that cannot write): not the
// document's failure, so it passes every boundary.
struct ConsumerFailure {
    std::exception_ptr inner;
};

// The submissions of a multi-submission export, from a byte source; how many
// records were handed over (a last one may say what went wrong).
std::size_t each_part(const extract::ByteSource& source, const std::string& path, const Settings& settings,
                      const EachFile& each) {
    std::size_t n = 0;
    const auto hand_over = [&](ProcessedFile&& f) {
        ++n;
        try {
            each(std::move(f));
        } catch (...) {
            throw ConsumerFailure{std::current_exception()};
        }
    };
    try {
        extract::extract_each(source, path, settings.extract, [&](extract::Part&& part) {
            ProcessedFile f;
            f.path = path;
            f.status = part.result.status;
            f.document = std::move(part.result.document);
            if (!part.own_bytes.empty()) {
                f.sha256 = sha256_hex(part.own_bytes);
                f.bytes = part.own_bytes.size();
            }
            if (f.status == extract::Status::failed) {
                f.error_code = f.document.diagnostics.empty() ? model::Code::input_unreadable
                                                              : f.document.diagnostics.front().code;
                normalize::add_diagnostics(f.document, f.record);
            } else {
                build_record_contained(f, settings);
            }
            hand_over(std::move(f));
        });
    } catch (const ConsumerFailure& c) {
        std::rethrow_exception(c.inner);
    } catch (...) {
        // the export's reading itself failed: the answer sets handed over stay,
        // the rest of the export is said to be unread
        ProcessedFile f;
        f.path = path;
        Failure failure = current_failure("reading the export");
        failure.message += " (the rest of the export; the " + std::to_string(n) + " answer set(s) before it were read)";
        fail(f, failure);
        ++n;
        each(std::move(f));  // outside the boundary: what it throws is the caller's
    }
    return n;
}

ProcessedFile failed(const std::string& path, const Failure& failure) {
    ProcessedFile f;
    f.path = path;
    fail(f, failure);
    return f;
}

}  // namespace

std::size_t process_bytes_each(const std::string& bytes, const std::string& path, const Settings& settings,
                               const EachFile& each) {
    if (!extract::holds_many(extract::detect_format(bytes))) {
        each(process_bytes(bytes, path, settings));
        return 1;
    }
    return each_part(extract::source_of(bytes), path, settings, each);
}

std::size_t process_path_each(const std::string& path, const Settings& settings, const EachFile& each) {
    if (path == "-") {
        std::string bytes;
        try {
            bytes = read_input(path, settings.extract.limits.max_bytes);
        } catch (...) {
            each(failed(path, current_failure("reading standard input")));
            return 1;
        }
        return process_bytes_each(bytes, path, settings, each);
    }
    // the format from the file's head: an export of many submissions is read
    // as a stream, whatever its size; any other file whole (up to --max-bytes)
    std::ifstream in(path, std::ios::binary);
    std::string head(64 * 1024, '\0');
    if (in) {
        in.read(head.data(), static_cast<std::streamsize>(head.size()));
        head.resize(static_cast<std::size_t>(in.gcount()));
    }
    struct stat st {};
    const bool regular = ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
    if (!in.bad() && regular && extract::holds_many(extract::detect_format(head))) {
        std::size_t offset = 0;
        const extract::ByteSource source = [&](char* buffer, std::size_t size) -> std::size_t {
            if (offset < head.size()) {
                const std::size_t n = std::min(size, head.size() - offset);
                std::memcpy(buffer, head.data() + offset, n);
                offset += n;
                return n;
            }
            in.read(buffer, static_cast<std::streamsize>(size));
            if (in.bad()) throw Error(model::Code::input_unreadable, path, "", "read error");
            return static_cast<std::size_t>(in.gcount());
        };
        return each_part(source, path, settings, each);
    }
    each(process_path(path, settings));
    return 1;
}

ProcessedFile process_path(const std::string& path, const Settings& settings) {
    std::string bytes;
    try {
        bytes = read_input(path, settings.extract.limits.max_bytes);
    } catch (...) {
        return failed(path, current_failure("reading the file"));
    }
    return process_bytes(bytes, path, settings);
}

normalize::Template load_template_file(const std::string& path) {
    std::string text;
    try {
        text = read_input(path, 16u << 20);
    } catch (const Error& e) {
        throw Error(model::Code::mapping_unreadable, path, "", e.message());
    }
    return normalize::load_template(text, path);
}

std::vector<normalize::Template> load_template_dir(const std::string& dir) {
    std::error_code ec;
    std::vector<std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        const auto ext = entry.path().extension().string();
        if (entry.is_regular_file() && (ext == ".yaml" || ext == ".yml")) files.push_back(entry.path().string());
    }
    if (ec) throw Error(model::Code::mapping_unreadable, dir, "", "cannot read directory: " + ec.message());
    std::sort(files.begin(), files.end());
    std::vector<normalize::Template> out;
    for (const auto& f : files) out.push_back(load_template_file(f));
    return out;
}

std::vector<normalize::TemplateMatcher> prepare(const std::vector<normalize::Template>& templates) {
    std::vector<normalize::TemplateMatcher> out;
    out.reserve(templates.size());
    for (const auto& t : templates) out.emplace_back(t);
    return out;
}

std::vector<normalize::Template> bundled_templates() {
    std::vector<normalize::Template> out;
    out.reserve(bundled::kCount);
    for (std::size_t i = 0; i < bundled::kCount; ++i)
        out.push_back(
            normalize::load_compact_template(std::string_view(bundled::kFiles[i].text, bundled::kFiles[i].size),
                                             std::string("mappings/") + bundled::kFiles[i].name));
    return out;
}

}  // namespace formsift::app
