// formsift: turn submitted questionnaire forms into structured records.
#include <CLI/CLI.hpp>

#include "commands.hpp"

namespace {

void add_common(CLI::App* cmd, formsift::cli::CommonOptions& o, bool mappings) {
    cmd->add_option("files", o.inputs, "Submissions to read (- for standard input)")->required();
    if (mappings) {
        cmd->add_option("--mapping", o.mapping, "Template file to use instead of detecting one");
        cmd->add_option("--mappings", o.mapping_dirs,
                        "Directory of extra templates (repeatable; also FORMSIFT_MAPPINGS)");
    }
    cmd->add_option("--max-bytes", o.max_bytes, "Largest input accepted, in bytes")->capture_default_str();
    cmd->add_option("--max-depth", o.max_depth, "Deepest element nesting read")
        ->capture_default_str()
        ->check(CLI::Range(8, 100000));
    cmd->add_option("--max-text", o.max_text, "Longest answer text kept, in bytes")->capture_default_str();
    cmd->add_option("--max-pages", o.max_pages, "Most PDF pages read")
        ->capture_default_str()
        ->check(CLI::Range(1, 1000000));
    cmd->add_option("--max-fields", o.max_fields, "Most form fields read per document")->capture_default_str();
    cmd->add_option("--max-objects", o.max_objects, "Most drawing objects kept per PDF page")->capture_default_str();
    cmd->add_option("--max-cells", o.max_cells, "Most cells kept per table")->capture_default_str();
    cmd->add_option("--max-seconds", o.max_seconds, "Longest time spent reading one PDF's pages")
        ->capture_default_str()
        ->check(CLI::Range(0.001, 86400.0));
    cmd->add_option("--password", o.password, "Password of encrypted PDFs")->each([&o](const std::string&) {
        o.password_given = true;
    });
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{
        "formsift: turn submitted questionnaire forms (HTML print views, web forms, PDFs, text exports, the "
        "survey tool's XML results export) into structured "
        "records and flag missing mandatory answers.\n\nExit codes: 0 done; 1 a submission has an error-level "
        "finding; 2 usage or mapping error; 3 some input could not be read (the others were processed)."};
    app.set_version_flag("--version", std::string("formsift ") + FORMSIFT_VERSION);
    app.require_subcommand(1);

    formsift::cli::ExtractOptions ex;
    auto* extract = app.add_subcommand("extract", "One record per submission (JSON, JSONL or CSV)");
    add_common(extract, ex.common, true);
    extract->add_option("--format", ex.format, "json | jsonl | csv")->capture_default_str();
    extract->add_option("-o,--output", ex.output, "Output file, or a directory for one file per input");
    extract->add_flag("--summary", ex.summary, "Print a QA summary on standard error (always with -o)");

    formsift::cli::CommonOptions ck;
    auto* check = app.add_subcommand("check", "Findings, one a line: FILE:LOCATOR: SEVERITY: MESSAGE [CODE]");
    add_common(check, ck, true);

    formsift::cli::CommonOptions fl;
    std::string fields_format = "json";
    auto* fields = app.add_subcommand("fields", "Raw form controls found, no template involved");
    add_common(fields, fl, false);
    fields->add_option("--format", fields_format, "json (one indented object per file) | jsonl")->capture_default_str();

    formsift::cli::InferOptions inf;
    auto* infer = app.add_subcommand(
        "infer", "Draft a template (YAML) from documents of one form: print views, PDFs, text exports, XML exports");
    add_common(infer, inf.common, false);
    infer->add_option("-o,--output", inf.output, "Template file to write (default: standard output)");

    std::string codes_format = "tsv";
    auto* codes = app.add_subcommand("codes", "Every finding and error code: its severity and what it means");
    codes->add_option("--format", codes_format, "tsv (code, severity, meaning; one a line) | markdown")
        ->capture_default_str();

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int rc = app.exit(e);
        return rc == 0 ? 0 : formsift::cli::kUsage;
    }
    if (*extract) return formsift::cli::run_extract(ex);
    if (*check) return formsift::cli::run_check(ck);
    if (*fields) return formsift::cli::run_fields(fl, fields_format);
    if (*infer) return formsift::cli::run_infer(inf);
    if (*codes) return formsift::cli::run_codes(codes_format);
    return formsift::cli::kUsage;
}
