#include <catch2/catch.hpp>

#include <string>

#include "formsift/normalize/regions.hpp"

using namespace formsift::normalize;

namespace {

struct RegionCase {
    const char* text;
    const char* name;     // the name as read
    const char* country;  // "" when none
    const char* nuts;     // "" when none is taken
    const char* note;     // the finding code expected ("" none)
};

std::string codes_of(const RegionReading& r) {
    std::string out;
    for (const auto& n : r.notes) out += (out.empty() ? "" : " ") + std::string(formsift::model::to_string(n.code));
    return out;
}

}  // namespace

TEST_CASE("regions: names, countries and NUTS codes as respondents write them") {
    const RegionCase cases[] = {
        // the example submission's lists
        {"1 Andalusia (ES)", "Andalusia", "ES", "ES61", ""},
        {"2 Castilla y León region (ES)", "Castilla y León region", "ES", "ES41", ""},
        {"3 West Slovenia (SI)", "West Slovenia", "SI", "SI04", ""},
        {"4 Aragon (ES)", "Aragon", "ES", "ES24", ""},
        {"Austria (AT)", "Austria", "AT", "AT", ""},  // a country named as a region: level 0
        {"Auvergne Rhone Alpes (FR)", "Auvergne Rhone Alpes", "FR", "FRK", ""},
        {"Baden-Württemberg (DE)", "Baden-Württemberg", "DE", "DE1", ""},
        {"Brussels - Capital Region (BE)", "Brussels - Capital Region", "BE", "BE10", ""},          // the alias's level
        {"Metropol Region Eindhoven (NL)", "Metropol Region Eindhoven", "NL", "", "no-nuts-code"},  // unverified
        {"Pohjois-Savo (Northern Savonia) (FI)", "Pohjois-Savo", "FI", "FI1D2", ""},
        {"Regione Piemonte (IT)", "Regione Piemonte", "IT", "ITC1", ""},
        {"State Hessen (DE)", "State Hessen", "DE", "DE7", ""},
        {"Valencia (ES)", "Valencia", "ES", "ES52", ""},  // the community, not the province ES523
        {"Vestlandet (NO)", "Vestlandet", "NO", "NO0A", ""},
        {"Viken (NO)", "Viken", "NO", "NO082", ""},
        {"Västerbotten (North Sweden)", "Västerbotten", "SE", "SE331", ""},
        // the form's own example, with its code
        {"Lapland (FI), FI1D7", "Lapland", "FI", "FI1D7", ""},
        {"Lapland (FI) FI1D7", "Lapland", "FI", "FI1D7", ""},
        {"Lapland (FI) (FI1D7)", "Lapland", "FI", "FI1D7", ""},
        {"Lapland, FI", "Lapland", "FI", "FI1D7", ""},
        // official names, other languages, spelling variants
        {"Andalucía (ES)", "Andalucía", "ES", "ES61", ""},
        {"andalucia", "andalucia", "ES", "ES61", ""},
        {"Comunidad Foral de Navarra", "Comunidad Foral de Navarra", "ES", "ES22", ""},
        {"Lappi", "Lappi", "FI", "FI1D7", ""},
        {"Wallis (CH)", "Wallis", "CH", "CH012", ""},  // one language of a bilingual name
        {"Région de Bruxelles-Capitale", "Région de Bruxelles-Capitale", "BE", "BE1", ""},  // broadest level
        {"Limburg (NL)", "Limburg", "NL", "NL42", ""},
        {"Prov. Limburg (BE)", "Prov. Limburg", "BE", "BE22", ""},
        {"Bavaria", "Bavaria", "DE", "DE2", ""},
        {"Viken (Norway)", "Viken", "NO", "NO082", ""},  // the country in words
        {"Basque region (Spain)", "Basque region", "ES", "ES21", ""},
        // Greece and the United Kingdom: EU and ISO codes alike
        {"Attica (EL)", "Attica", "EL", "EL30", ""},
        {"Attica (GR)", "Attica", "EL", "EL30", ""},
        {"Crete (gr)", "Crete", "EL", "EL43", ""},
        {"United Kingdom (GB)", "United Kingdom", "UK", "UK", ""},
        // codes checked against the table, the country and the name
        {"Lapland (FI), FI1D5", "Lapland", "FI", "FI1D5", "nuts-mismatch"},  // the code is another region
        {"Lapland (FI), FI1X9", "Lapland", "FI", "", "nuts-mismatch"},       // not a NUTS 2021 code
        {"Vestlandet (NO), NO05", "Vestlandet", "NO", "", "nuts-mismatch"},  // a NUTS 2016 code
        {"Andalusia (FR), ES61", "Andalusia", "FR", "", "nuts-mismatch"},    // code of another country
        {"Andalusia (ES), ES6", "Andalusia", "ES", "ES6", ""},               // the level above: consistent
        {"Lapland (SE)", "Lapland", "SE", "", "country-mismatch"},           // a Finnish unit, not a Swedish one
        {"Bavaria (GR)", "Bavaria", "EL", "", "country-mismatch"},
        // countries checked
        {"Andalusia (XX)", "Andalusia", "ES", "ES61", "unknown-country"},
        {"Andalusia (ES) (Spain)", "Andalusia", "ES", "ES61", ""},
        {"Andalusia (ES) (PT)", "Andalusia", "ES", "ES61", "country-mismatch"},
        {"Tel Aviv (IL)", "Tel Aviv", "IL", "", "no-nuts-code"},  // a real country without NUTS regions
        // names found nowhere: no code, a note (with the nearest name where one is close)
        {"Eindhoven (NL)", "Eindhoven", "NL", "", "no-nuts-code"},
        {"Andalousia (ES)", "Andalousia", "ES", "", "no-nuts-code"},
        {"Greater Manchester City Region", "Greater Manchester City Region", "", "", "no-nuts-code"},
        // a name several territories share, no country given
        {"Limburg", "Limburg", "", "", "region-ambiguous no-nuts-code"},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        const RegionReading r = read_region(c.text);
        CHECK(r.value.name == c.name);
        CHECK(r.value.country == c.country);
        CHECK(r.value.nuts == c.nuts);
        CHECK(codes_of(r) == c.note);
    }
}

TEST_CASE("regions: what the notes say") {
    CHECK(read_region("Metropol Region Eindhoven (NL)").notes.front().message ==
          "no NUTS region is named \"Metropol Region Eindhoven\" in NL; perhaps NL414 Zuidoost-Noord-Brabant (an "
          "alias not verified to cover the same area)");
    CHECK(read_region("Andalousia (ES)").notes.front().message ==
          "no NUTS region is named \"Andalousia\" in ES; did you mean ES61 Andalucía?");
    CHECK(read_region("Vestlandet (NO), NO05").notes.front().message ==
          "NO05 is not a NUTS 2021 code (it is a NUTS 2016 code, boundary change, recode; in NUTS 2021: NO0A "
          "Vestlandet); \"Vestlandet\" is NO0A Vestlandet");
    CHECK(read_region("Lapland (FI), FI1D5").notes.front().message ==
          "FI1D5 is Keski-Pohjanmaa, not \"Lapland\"; did you mean FI1D7 Lappi?");
    CHECK(read_region("Kainu (FI)").notes.front().message ==
          "no NUTS region is named \"Kainu\" in FI; did you mean FI1D8 Kainuu?");
    CHECK(read_region("Tel Aviv (IL)").notes.front().message == "IL has no NUTS regions");
    CHECK(read_region("Bavaria (GR)").notes.front().message == "\"Bavaria\" is DE2 Bayern, in DE, not GR (EL)");
    const RegionReading austria = read_region("Austria (AT)");
    CHECK(austria.value.level == 0);
    CHECK(austria.value.nuts_name == "Österreich");
    CHECK(nuts_name("FI1D7") == "Lappi");
    CHECK(nuts_name("XX1") == "");
}
