#include "formsift/normalize/regions.hpp"

#include <algorithm>
#include <cctype>
#include <mutex>
#include <optional>
#include <set>
#include <unordered_map>

#include "formsift/normalize/text.hpp"
#include "name_keys.hpp"
#include "region_index.hpp"

namespace formsift::normalize {

namespace {

using region_keys::without_generic_words;

// ISO 3166-1 alpha-2 codes (and XK, Kosovo, as the EU uses it): countries
// that are real even when NUTS has no regions for them.
constexpr std::string_view kIsoCountries =
    "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ "
    "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO "
    "FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE "
    "JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO "
    "MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW "
    "PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM "
    "TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW";

using Unit = region_data::UnitRow;
using Alias = region_data::AliasRow;

// Lookups in the tables the build computed (region_index.hpp): binary
// searches and scans of read-only arrays, nothing to build at run time.
class Tables {
public:
    static const Tables& get() {
        static const Tables t;
        return t;
    }

    const Unit* unit(std::string_view code) const {
        using region_data::kCodes;
        const auto* end = kCodes + region_data::kCodeCount;
        const auto* it = std::lower_bound(kCodes, end, code, [](const region_data::CodeRow& r, std::string_view c) {
            return region_data::text(r.code) < c;
        });
        return it == end || region_data::text(it->code) != code ? nullptr : &region_data::kUnits[it->unit];
    }
    bool nuts_country(std::string_view cc) const {
        const Unit* u = unit(cc);
        return u != nullptr && u->level() == 0;
    }
    // units whose name has this key, in the table's order
    std::vector<const Unit*> named(std::string_view key) const {
        using region_data::kNames;
        const auto* end = kNames + region_data::kNameCount;
        const auto* it = std::lower_bound(kNames, end, key, [](const region_data::NameRow& r, std::string_view k) {
            return region_data::text(r.key) < k;
        });
        std::vector<const Unit*> out;
        for (; it != end && region_data::text(it->key) == key; ++it) out.push_back(&region_data::kUnits[it->unit]);
        return out;
    }
    // aliases with this key, in the file's order
    std::vector<const Alias*> aliased(std::string_view key) const {
        std::vector<const Alias*> out;
        for (std::size_t i = 0; i < region_data::kAliasCount; ++i)
            if (region_data::kAliasRows[i].key() == key) out.push_back(&region_data::kAliasRows[i]);
        return out;
    }
    // the 2021 code a 2016 code became, and the change (nullopt: discontinued or unchanged)
    std::optional<std::pair<std::string, std::string>> change_2016(std::string_view code) const {
        using region_data::kChanges;
        const auto* end = kChanges + region_data::kChangeCount;
        const auto* it = std::lower_bound(kChanges, end, code, [](const region_data::ChangeRow& r, std::string_view c) {
            return region_data::text(r.from) < c;
        });
        if (it == end || region_data::text(it->from) != code) return std::nullopt;
        return std::make_pair(std::string(region_data::text(it->to)), std::string(region_data::text(it->change)));
    }
    // a country named in words ("Norway", "España"): its code
    std::string country_named(std::string_view key) const {
        for (const Alias* a : aliased(key))
            if (!a->unverified() && a->code().size() == 2) return std::string(a->code());
        for (const Unit* u : named(key))
            if (u->level() == 0) return std::string(u->code());
        return {};
    }
    // name keys → code, for suggestions (Extra-Regio units and unverified aliases left out)
    template <typename F>
    void each_suggestion(F&& f) const {
        for (std::size_t i = 0; i < region_data::kSuggestCount; ++i)
            f(region_data::text(region_data::kSuggest[i].key), region_data::text(region_data::kSuggest[i].code));
    }
};

std::string trim(std::string_view s, std::string_view chars = " \t,;:.-\u2013") {
    std::size_t b = 0, e = s.size();
    const auto strip = [&](char c) { return chars.find(c) != std::string_view::npos; };
    while (b < e && strip(s[b])) ++b;
    while (e > b && strip(s[e - 1])) --e;
    std::string out(s.substr(b, e - b));
    // an en dash is three bytes: strip it whole at either end
    for (bool again = true; again;) {
        again = false;
        if (out.size() >= 3 && out.compare(out.size() - 3, 3, "\u2013") == 0) {
            out.erase(out.size() - 3);
            again = true;
        }
        while (!out.empty() && (out.back() == ' ' || out.back() == ',' || out.back() == '-')) {
            out.pop_back();
            again = true;
        }
    }
    return out;
}

bool upper_alnum(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); });
}

bool letters(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; });
}

bool iso_country(std::string_view cc) {
    if (cc.size() != 2) return false;
    for (std::size_t i = 0; i + 2 <= kIsoCountries.size(); i += 3)
        if (kIsoCountries.substr(i, 2) == cc) return true;
    return false;
}

// "FI1D7", "ES61", "FRK", "NO0A": a country of the table, then 1 to 3 of
// digits and capitals (a level-1 code of letters only: three in all).
bool looks_like_code(std::string_view s, const Tables& t) {
    if (s.size() < 3 || s.size() > 5 || !upper_alnum(s)) return false;
    if (!t.nuts_country(std::string(s.substr(0, 2)))) return false;
    return s.size() == 3 || std::any_of(s.begin() + 2, s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string describe(const Unit& u) {
    return std::string(u.code()) + " " + std::string(u.name());
}

struct Reader {
    const Tables& t = Tables::get();
    RegionReading out;
    std::string country;  // Eurostat code
    std::string country_from;
    std::string code;  // as given
    std::vector<std::string> names;
    std::vector<std::string> unverified;  // suggestions from UNVERIFIED aliases

    void note(model::Code c, std::string message) { out.notes.push_back({c, std::move(message)}); }

    void set_country(const std::string& cc, const std::string& as_written) {
        if (country.empty()) {
            country = cc;
            country_from = as_written;
        } else if (country != cc) {
            note(model::Code::country_mismatch, "\"" + as_written + "\" and \"" + country_from +
                                                    "\" name different countries (" + cc + ", " + country + ")");
        }
    }

    // A bracketed or trailing part: a country code, a NUTS code, a country
    // named in words, or another name of the region.
    void classify(const std::string& part) {
        std::string upper = part;
        for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        if (part.size() == 2 && letters(part)) {
            if (upper == "GR")
                set_country("EL", part);
            else if (upper == "GB")
                set_country("UK", part);
            else if (t.nuts_country(upper) || iso_country(upper))
                set_country(upper, part);
            else
                note(model::Code::unknown_country, "\"" + part + "\" is not a country code (EU or ISO 3166)");
            return;
        }
        if (looks_like_code(part, t)) {
            if (code.empty()) code = part;
            return;
        }
        const std::string key = label_key(part);
        if (const std::string cc = t.country_named(key); !cc.empty()) {
            set_country(cc, part);
            return;
        }
        names.push_back(part);
    }

    void split(std::string_view text) {
        std::string rest = trim(one_line(text));
        // numbering a list's splitting left ("4 Aragon (ES)" read alone)
        {
            std::size_t i = 0;
            while (i < rest.size() && std::isdigit(static_cast<unsigned char>(rest[i]))) ++i;
            if (i > 0 && i < rest.size() && (rest[i] == ' ' || rest[i] == '.' || rest[i] == ')'))
                rest = trim(rest.substr(i + 1));
        }
        std::vector<std::string> parts;  // from the end
        for (int guard = 0; guard < 8 && !rest.empty(); ++guard) {
            if (rest.back() == ')') {
                const std::size_t open = rest.rfind('(');
                if (open == std::string::npos) break;
                const std::string inner = trim(std::string_view(rest).substr(open + 1, rest.size() - open - 2));
                rest = trim(std::string_view(rest).substr(0, open));
                if (!inner.empty()) parts.push_back(inner);
                continue;
            }
            // a code or a country code after a comma, a dash or a space: "Lapland (FI), FI1D7"
            const std::size_t cut = rest.find_last_of(" ,;");
            if (cut == std::string::npos) break;
            const std::string last = rest.substr(cut + 1);
            std::string before = rest.substr(0, cut + 1);
            while (!before.empty() && before.back() == ' ') before.pop_back();
            const bool after_comma = !before.empty() && (before.back() == ',' || before.back() == ';');
            if (looks_like_code(last, t) || (after_comma && last.size() == 2 && upper_alnum(last))) {
                parts.push_back(last);
                rest = trim(std::string_view(rest).substr(0, cut));
                continue;
            }
            break;
        }
        // in the order written: the first country named is the one taken
        for (auto it = parts.rbegin(); it != parts.rend(); ++it) classify(*it);
        out.value.name = rest;
        if (!rest.empty()) names.insert(names.begin(), rest);
    }

    // The unit a name is known by: an alias first, then the table's names
    // (within the country when it is known). Several units of one territory
    // at several levels: the broadest.
    const Unit* lookup(const std::string& key, std::vector<const Unit*>& ambiguous) {
        for (const Alias* a : t.aliased(key)) {
            const Unit* u = t.unit(a->code());
            if (u == nullptr || (!country.empty() && u->country() != country)) continue;
            if (a->unverified()) {
                unverified.push_back(describe(*u));
                continue;
            }
            return u;
        }
        std::vector<const Unit*> found;
        for (const Unit* u : t.named(key))
            if (country.empty() || u->country() == country) found.push_back(u);
        if (found.empty()) return nullptr;
        std::sort(found.begin(), found.end(), [](const Unit* a, const Unit* b) { return a->code() < b->code(); });
        const Unit* broadest = found.front();
        const bool one_territory = std::all_of(found.begin(), found.end(), [&](const Unit* u) {
            return u->code().compare(0, broadest->code().size(), broadest->code()) == 0;
        });
        if (one_territory) return broadest;
        ambiguous = found;
        return nullptr;
    }

    const Unit* find_by_name() {
        std::vector<const Unit*> ambiguous;
        for (const auto& n : names) {
            const std::string key = label_key(n);
            if (key.empty()) continue;
            if (const Unit* u = lookup(key, ambiguous)) return u;
            const std::string bare = without_generic_words(key);
            if (!bare.empty() && bare != key)
                if (const Unit* u = lookup(bare, ambiguous)) return u;
        }
        if (!ambiguous.empty()) {
            std::string list;
            for (std::size_t i = 0; i < ambiguous.size() && i < 4; ++i)
                list += (i ? ", " : "") + describe(*ambiguous[i]);
            note(model::Code::region_ambiguous,
                 "\"" + out.value.name + "\" names several NUTS regions (" + list + "); give the country or the code");
        }
        return nullptr;
    }

    // The nearest name in the table and the aliases (within the country),
    // at least 80% alike by edit distance, with the same first letter.
    std::string nearest() const {
        if (names.empty()) return {};
        const std::string key = label_key(names.front());
        double best = 0.8;
        std::string best_code;
        t.each_suggestion([&](std::string_view k, std::string_view c) {
            if (!country.empty() && c.compare(0, 2, country) != 0) return;
            // a misspelt name keeps its first letter (and this keeps the search quick)
            if (k.empty() || key.empty() || k[0] != key[0]) return;
            const double longer = static_cast<double>(std::max(k.size(), key.size()));
            const double diff =
                static_cast<double>(k.size() > key.size() ? k.size() - key.size() : key.size() - k.size());
            if (1.0 - diff / longer < best) return;  // cannot be near enough
            const double s = edit_similarity(key, k);
            if (s > best || (s == best && best_code.empty())) {
                best = s;
                best_code = c;
            }
        });
        const Unit* u = best_code.empty() ? nullptr : t.unit(best_code);
        return u == nullptr ? std::string() : describe(*u);
    }

    void take(const Unit& u) {
        out.value.nuts = u.code();
        out.value.nuts_name = u.name();
        out.value.level = u.level();
    }

    void resolve() {
        const std::string& name = out.value.name;
        const Unit* by_name = find_by_name();
        if (!code.empty()) {
            const Unit* given = t.unit(code);
            if (given == nullptr) {
                std::string message = code + " is not a NUTS 2021 code";
                if (const auto ch = t.change_2016(code)) {
                    message += " (it is a NUTS 2016 code, " + ch->second;
                    if (const Unit* now = t.unit(ch->first)) message += "; in NUTS 2021: " + describe(*now);
                    message += ")";
                }
                if (by_name != nullptr) message += "; \"" + name + "\" is " + describe(*by_name);
                note(model::Code::nuts_mismatch, message);
            } else if (!country.empty() && given->country() != country) {
                note(model::Code::nuts_mismatch,
                     code + " (" + std::string(given->name()) + ") is not in " + country +
                         (by_name ? "; did you mean " + describe(*by_name) + "?" : std::string()));
            } else if (by_name != nullptr && by_name->code().compare(0, given->code().size(), given->code()) != 0 &&
                       given->code().compare(0, by_name->code().size(), by_name->code()) != 0) {
                note(model::Code::nuts_mismatch, code + " is " + std::string(given->name()) + ", not \"" + name +
                                                     "\"; did you mean " + describe(*by_name) + "?");
                take(*given);
            } else {
                take(*given);
            }
        } else if (by_name != nullptr) {
            take(*by_name);
        }
        if (!out.value.nuts.empty() && country.empty()) country = out.value.nuts.substr(0, 2);
        if (!out.value.nuts.empty() && out.value.nuts.compare(0, 2, country) != 0 && code.empty()) {
            note(model::Code::country_mismatch,
                 "\"" + name + "\" is " + describe(*t.unit(out.value.nuts)) + ", not in " + country);
        }
        out.value.country = country;
        // a name the table has in another country than the one given
        if (out.value.nuts.empty() && code.empty() && !name.empty() && !country.empty()) {
            const std::string given = country;
            country.clear();
            const std::size_t notes = out.notes.size();
            const Unit* elsewhere = find_by_name();
            out.notes.resize(notes);
            country = given;
            if (elsewhere != nullptr) {
                note(model::Code::country_mismatch,
                     "\"" + name + "\" is " + describe(*elsewhere) + ", in " + std::string(elsewhere->country()) +
                         ", not " + (country_from == country ? country : country_from + " (" + country + ")"));
                return;
            }
        }
        if (out.value.nuts.empty() && code.empty() && !name.empty()) {
            std::string message = "no NUTS region is named \"" + name + "\"";
            if (!country.empty()) message += " in " + country;
            if (!country.empty() && !t.nuts_country(country)) message = country + " has no NUTS regions";
            if (!unverified.empty())
                message += "; perhaps " + unverified.front() + " (an alias not verified to cover the same area)";
            else if (const std::string near = nearest();
                     !near.empty() && t.nuts_country(country.empty() ? near.substr(0, 2) : country))
                message += "; did you mean " + near + "?";
            note(model::Code::no_nuts_code, message);
        }
    }
};

}  // namespace

RegionReading read_region(std::string_view text) {
    // the same region lists come back submission after submission: readings
    // are remembered (a bounded cache, shared between threads)
    static std::mutex mutex;
    static std::unordered_map<std::string, RegionReading> memo;
    const std::string key(text);
    {
        std::lock_guard<std::mutex> lock(mutex);
        if (auto it = memo.find(key); it != memo.end()) return it->second;
    }
    Reader r;
    r.split(text);
    r.resolve();
    std::lock_guard<std::mutex> lock(mutex);
    if (memo.size() >= 16384) memo.clear();
    memo.emplace(key, r.out);
    return std::move(r.out);
}

std::string nuts_name(std::string_view code) {
    const Unit* u = Tables::get().unit(code);
    return u == nullptr ? std::string() : std::string(u->name());
}

}  // namespace formsift::normalize
