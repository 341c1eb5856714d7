#include "name_keys.hpp"

#include <algorithm>
#include <set>

#include "formsift/normalize/text.hpp"

namespace formsift::normalize::region_keys {

namespace {

// Words that say what kind of region a name is, not which ("Castilla y León
// region", "State Hessen", "Regione Piemonte").
bool generic_word(const std::string& w) {
    static const std::set<std::string> kWords = {"region", "regione", "regio",      "regiao",     "the",
                                                 "state",  "land",    "county",     "province",   "provincia",
                                                 "prov",   "arr",     "department", "departement"};
    return kWords.count(w) > 0;
}

}  // namespace

std::string without_generic_words(const std::string& key) {
    std::string out;
    std::size_t pos = 0;
    while (pos < key.size()) {
        const std::size_t end = std::min(key.find(' ', pos), key.size());
        const std::string w = key.substr(pos, end - pos);
        if (!w.empty() && !generic_word(w)) out += (out.empty() ? "" : " ") + w;
        pos = end + 1;
    }
    return out;
}

// Keys a table name is found by: the whole name, each of its languages
// ("Valais / Wallis"), each without a "(BE)" disambiguation or a "Prov." /
// "Arr." prefix.
std::vector<std::string> name_keys(const std::string& name) {
    std::vector<std::string> parts{name};
    std::size_t pos = 0;
    if (name.find('/') != std::string::npos) {
        while (pos <= name.size()) {
            const std::size_t end = std::min(name.find('/', pos), name.size());
            parts.push_back(name.substr(pos, end - pos));
            pos = end + 1;
        }
    }
    std::vector<std::string> keys;
    for (auto part : parts) {
        if (auto open = part.rfind(" ("); open != std::string::npos && part.back() == ')') part.erase(open);
        const std::string k = label_key(part);
        if (k.empty()) continue;
        keys.push_back(k);
        const std::string bare = without_generic_words(k);
        if (!bare.empty() && bare != k) keys.push_back(bare);
    }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    return keys;
}

// Rows of an RFC 4180 CSV text (quoted fields, doubled quotes), header left out.
std::vector<std::vector<std::string>> csv_rows(std::string_view text) {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string field;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            row.push_back(std::move(field));
            field.clear();
        } else if (c == '\n') {
            row.push_back(std::move(field));
            field.clear();
            rows.push_back(std::move(row));
            row.clear();
        } else if (c != '\r') {
            field += c;
        }
    }
    if (!field.empty() || !row.empty()) {
        row.push_back(std::move(field));
        rows.push_back(std::move(row));
    }
    if (!rows.empty()) rows.erase(rows.begin());
    return rows;
}

std::vector<std::string> unit_keys(const std::vector<std::string>& row) {
    if (row.size() < 5) return {};
    std::vector<std::string> keys = name_keys(row[3]);
    if (row[4] != row[3])
        for (auto& k : name_keys(row[4])) keys.push_back(std::move(k));
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    return keys;
}

}  // namespace formsift::normalize::region_keys
