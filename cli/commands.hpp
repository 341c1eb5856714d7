#pragma once
// The formsift subcommands. Each returns the process exit code:
// 0 done; 1 some submission has an error-level finding; 2 usage or mapping
// error; 3 some input could not be read (the others were still processed).
#include <cstddef>
#include <string>
#include <vector>

namespace formsift::cli {

struct CommonOptions {
    std::vector<std::string> inputs;
    std::string mapping;                    // --mapping FILE
    std::vector<std::string> mapping_dirs;  // --mappings DIR (repeatable)
    std::size_t max_bytes = 64u << 20;
    int max_depth = 512;
    std::size_t max_text = 1u << 20;
    int max_pages = 2000;
    std::size_t max_fields = 100000;
    std::size_t max_objects = 100000;
    std::size_t max_cells = 100000;
    double max_seconds = 60;
    std::string password;  // --password, for encrypted PDFs
    bool password_given = false;
};

struct ExtractOptions {
    CommonOptions common;
    std::string format = "json";  // json | jsonl | csv
    std::string output;           // file, or directory for one file per input
    bool summary = false;
};

// formsift infer: a template drafted from documents of one form.
struct InferOptions {
    CommonOptions common;
    std::string output;  // the template file; standard output when empty or "-"
};

int run_extract(const ExtractOptions& o);
int run_infer(const InferOptions& o);
int run_check(const CommonOptions& o);
int run_fields(const CommonOptions& o, const std::string& format);
// formsift codes: every finding and error code with its severity and meaning
// (tsv: one a line; markdown: the README's table).
int run_codes(const std::string& format);

enum Exit { kOk = 0, kFindings = 1, kUsage = 2, kUnreadable = 3 };

}  // namespace formsift::cli
