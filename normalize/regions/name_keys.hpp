#pragma once
// The keys a region's name is looked up by, and the CSV reader for the
// region tables. Shared by the library and by the build-time tool that
// computes the tables' keys once (normalize/regions/index_tool.cpp), so both
// compute them the same way.
#include <string>
#include <string_view>
#include <vector>

namespace formsift::normalize::region_keys {

// Rows of an RFC 4180 CSV text (quoted fields, doubled quotes), header left out.
std::vector<std::vector<std::string>> csv_rows(std::string_view text);

// A label key without the words that say what kind of region a name is, not
// which ("Castilla y León region", "State Hessen", "Regione Piemonte").
std::string without_generic_words(const std::string& key);

// Keys a table name is found by: the whole name, each of its languages
// ("Valais / Wallis"), each without a "(BE)" disambiguation or a "Prov." /
// "Arr." prefix. Sorted, without duplicates.
std::vector<std::string> name_keys(const std::string& name);

// The keys of one row of the NUTS table (code, level, country, Latin name,
// national name): both names' keys, sorted, without duplicates. Empty for a
// row too short to be a unit.
std::vector<std::string> unit_keys(const std::vector<std::string>& row);

}  // namespace formsift::normalize::region_keys
