#pragma once
// Regions as respondents write them ("Lapland (FI), FI1D7", "1 Andalusia
// (ES)", "Pohjois-Savo (Northern Savonia) (FI)", "Austria (AT)") read into
// a name, a country and a NUTS 2021 code, using the NUTS 2021 table and the
// region aliases bundled with formsift (normalize/regions/data/README.md).
#include <string>
#include <string_view>
#include <vector>

#include "formsift/model/code.hpp"

namespace formsift::normalize {

struct RegionValue {
    std::string name;       // as written, without the country and the code
    std::string country;    // Eurostat's code (EL for Greece, UK for the United Kingdom), else ISO 3166
    std::string nuts;       // NUTS 2021 code; empty when none is known for certain
    std::string nuts_name;  // the unit's name in the table (Latin script)
    int level = -1;         // NUTS level of `nuts`: 0 (a country) to 3
};

// Something to say about a region: a finding's code (unknown-country,
// country-mismatch, nuts-mismatch, no-nuts-code, region-ambiguous) and
// its message.
struct RegionNote {
    model::Code code;
    std::string message;
};

struct RegionReading {
    RegionValue value;
    std::vector<RegionNote> notes;
};

// Read one region. A country in brackets (a code, EU or ISO, or a name), a
// NUTS code in brackets or after a comma, a second name in brackets are
// recognised; the name is looked up in the aliases (their choice is taken
// where a name fits several levels; an alias marked UNVERIFIED is only ever
// a suggestion), then in the table's names (case, accents and punctuation
// folded). A given code is checked against the table, the country and the
// name; a NUTS 2016 code is named as such. A name found nowhere gets no
// code, only a note with the nearest names.
RegionReading read_region(std::string_view text);

// The NUTS 2021 unit with this code: its Latin name, or empty.
std::string nuts_name(std::string_view code);

}  // namespace formsift::normalize
