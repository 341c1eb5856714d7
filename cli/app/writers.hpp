#pragma once
// Writers: records and raw fields as JSON / JSONL / CSV, and the check
// report lines. Deterministic: same input, byte-identical output.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "pipeline.hpp"

namespace formsift::app {

using Json = nlohmann::ordered_json;

Json record_json(const ProcessedFile& f);
Json fields_json(const ProcessedFile& f);

// JSON text with a final newline; indent < 0 gives one compact line.
std::string dump(const Json& j, int indent = 2);

// Long-format CSV: path,status,question,value (non-strings as JSON).
std::string csv_header();
std::string csv_rows(const ProcessedFile& f);

// `FILE:LOCATOR: SEVERITY: MESSAGE [CODE]`, one per finding.
std::vector<std::string> check_lines(const ProcessedFile& f);

}  // namespace formsift::app
