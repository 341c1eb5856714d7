#include "formsift/normalize/values.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <vector>

#include "formsift/normalize/text.hpp"

namespace formsift::normalize {
namespace {

// Month names folded as label_key folds them (case, accents), in five languages.
int month_of(const std::string& word) {
    static const std::array<std::vector<const char*>, 12> kNames = {{
        {"january", "jan", "janvier", "janv", "januar", "jaenner", "janner", "enero", "ene", "gennaio", "gen"},
        {"february", "feb", "fevrier", "fevr", "fev", "februar", "febrero", "febbraio"},
        {"march", "mar", "mars", "marz", "maerz", "marzo"},
        {"april", "apr", "avril", "avr", "abril", "abr", "aprile"},
        {"may", "mai", "mayo", "maggio", "mag"},
        {"june", "jun", "juin", "juni", "junio", "giugno", "giu"},
        {"july", "jul", "juillet", "juil", "juli", "julio", "luglio", "lug"},
        {"august", "aug", "aout", "agosto", "ago"},
        {"september", "sep", "sept", "septembre", "septiembre", "setiembre", "settembre", "set"},
        {"october", "oct", "octobre", "oktober", "okt", "octubre", "ottobre", "ott"},
        {"november", "nov", "novembre", "noviembre"},
        {"december", "dec", "decembre", "dezember", "dez", "diciembre", "dic", "dicembre"},
    }};
    for (std::size_t m = 0; m < kNames.size(); ++m)
        for (const char* n : kNames[m])
            if (word == n) return static_cast<int>(m) + 1;
    return 0;
}

bool digits(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int days_in(int year, int month) {
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0)) return 29;
    return kDays[month - 1];
}

bool valid(int y, int m, int d) {
    return y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= days_in(y, m);
}

std::string two(int v) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d", v);
    return buf;
}

std::string ymd(int y, int m, int d) {
    return std::to_string(y) + "-" + two(m) + "-" + two(d);
}

std::string ym(int y, int m) {
    return std::to_string(y) + "-" + two(m);
}

// Tokens: words folded (label_key), numbers, and the separators that matter.
std::vector<std::string> tokens(std::string_view text) {
    std::vector<std::string> out;
    std::string cur;
    const auto flush = [&] {
        if (!cur.empty()) out.push_back(cur);
        cur.clear();
    };
    const std::string t = one_line(text);
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (t.compare(i, 3, "\u2013") == 0 || t.compare(i, 3, "\u2014") == 0) {  // an en or em dash: a range
            flush();
            out.emplace_back("-");
            i += 2;
            continue;
        }
        const auto c = static_cast<unsigned char>(t[i]);
        if (std::isdigit(c)) {
            if (!cur.empty() && !std::isdigit(static_cast<unsigned char>(cur.back()))) flush();
            cur += static_cast<char>(c);
        } else if (std::isalpha(c) || c >= 0x80) {
            if (!cur.empty() && std::isdigit(static_cast<unsigned char>(cur.back()))) flush();
            cur += static_cast<char>(c);
        } else {
            flush();
            if (c == '-' || c == '/' || c == '.') out.emplace_back(1, static_cast<char>(c));
        }
    }
    flush();
    for (auto& w : out)
        if (!digits(w) && w != "-" && w != "/" && w != ".") w = label_key(w);
    // ordinal suffixes and filler words go
    std::vector<std::string> kept;
    for (std::size_t i = 0; i < out.size(); ++i) {
        const std::string& w = out[i];
        if ((w == "st" || w == "nd" || w == "rd" || w == "th" || w == "er" || w == "o") && i > 0 && digits(out[i - 1]))
            continue;
        if (w == "of" || w == "de" || w == "del" || w == "di" || w == "the" || w == "le" || w == "den") continue;
        // "14. März": the German ordinal's full stop
        if (w == "." && i > 0 && digits(out[i - 1]) && out[i - 1].size() <= 2 && i + 1 < out.size() &&
            !digits(out[i + 1]) && out[i + 1] != "-" && out[i + 1] != "/" && out[i + 1] != ".")
            continue;
        // words for "to" make a range
        const bool to = w == "to" || w == "au" || w == "bis" || w == "al" || w == "a" || w == "until" || w == "till" ||
                        w == "hasta" || w == "fino" || w == "jusqu";
        if (to && !kept.empty() && kept.back() == "-") continue;
        kept.push_back(to ? "-" : w);
    }
    return kept;
}

}  // namespace

std::optional<DateValue> parse_date(std::string_view text, std::optional<int> default_year) {
    const std::vector<std::string> t = tokens(text);
    if (t.empty()) return std::nullopt;
    const auto num = [](const std::string& s) { return digits(s) && s.size() <= 4 ? std::stoi(s) : -1; };
    const auto year_of = [&](const std::string& s) {
        const int y = num(s);
        return s.size() == 4 && y >= 1900 && y <= 2200 ? y : -1;
    };
    DateValue v;
    const std::size_t n = t.size();
    // ISO: 2020-04-23, 2020-04
    if (n >= 3 && year_of(t[0]) > 0 && t[1] == "-" && digits(t[2])) {
        const int y = year_of(t[0]), m = num(t[2]);
        if (n == 3 && m >= 1 && m <= 12) return DateValue{ym(y, m), "month", false, false};
        if (n == 5 && t[3] == "-" && valid(y, m, num(t[4])))
            return DateValue{ymd(y, m, num(t[4])), "day", false, false};
    }
    // dd/MM/yyyy, dd.MM.yyyy, dd-MM-yyyy (the survey tool's own form first)
    if (n == 5 && digits(t[0]) && digits(t[2]) && year_of(t[4]) > 0 && t[1] == t[3] &&
        (t[1] == "/" || t[1] == "." || t[1] == "-")) {
        const int d = num(t[0]), m = num(t[2]), y = year_of(t[4]);
        if (valid(y, m, d)) return DateValue{ymd(y, m, d), "day", false, false};
        return std::nullopt;
    }
    // MM/yyyy, MM.yyyy
    if (n == 3 && digits(t[0]) && t[0].size() <= 2 && (t[1] == "/" || t[1] == ".") && year_of(t[2]) > 0) {
        const int m = num(t[0]);
        if (m >= 1 && m <= 12) return DateValue{ym(year_of(t[2]), m), "month", false, false};
        return std::nullopt;
    }
    // Q3 2020
    if (n == 3 && t[0] == "q" && t[1].size() == 1 && t[1][0] >= '1' && t[1][0] <= '4' && year_of(t[2]) > 0) {
        const int q = t[1][0] - '0', y = year_of(t[2]);
        return DateValue{ym(y, 3 * q - 2) + "/" + ym(y, 3 * q), "quarter", true, false};
    }
    if (n == 1 && year_of(t[0]) > 0) return DateValue{t[0], "year", false, false};
    // the year, when the text ends with one; else the default
    int year = n > 1 ? year_of(t.back()) : -1;
    std::size_t end = n;
    bool inferred = false;
    if (year > 0) {
        --end;
    } else if (default_year) {
        year = *default_year;
        inferred = true;
    } else {
        return std::nullopt;
    }
    // what comes before the year: "Month", "day Month", "Month - Month", "day-day Month", "day Month - day Month"
    const std::vector<std::string> p(t.begin(), t.begin() + static_cast<std::ptrdiff_t>(end));
    const auto day = [&](const std::string& s) { return digits(s) && s.size() <= 2 ? num(s) : -1; };
    v.inferred_year = inferred;
    if (p.size() == 1 && month_of(p[0])) {
        v.iso = ym(year, month_of(p[0]));
        v.precision = "month";
        return v;
    }
    if (p.size() == 2 && day(p[0]) > 0 && month_of(p[1])) {  // 4 April
        if (!valid(year, month_of(p[1]), day(p[0]))) return std::nullopt;
        v.iso = ymd(year, month_of(p[1]), day(p[0]));
        v.precision = "day";
        return v;
    }
    if (p.size() == 2 && month_of(p[0]) && day(p[1]) > 0) {  // April 4
        if (!valid(year, month_of(p[0]), day(p[1]))) return std::nullopt;
        v.iso = ymd(year, month_of(p[0]), day(p[1]));
        v.precision = "day";
        return v;
    }
    if (p.size() == 3 && month_of(p[0]) && p[1] == "-" && month_of(p[2])) {  // January - June
        const int a = month_of(p[0]), b = month_of(p[2]);
        if (a > b) return std::nullopt;
        v.iso = ym(year, a) + "/" + ym(year, b);
        v.precision = "month";
        v.interval = true;
        return v;
    }
    if (p.size() == 4 && day(p[0]) > 0 && p[1] == "-" && day(p[2]) > 0 && month_of(p[3])) {  // 29-30 January
        const int m = month_of(p[3]);
        if (!valid(year, m, day(p[0])) || !valid(year, m, day(p[2])) || day(p[0]) > day(p[2])) return std::nullopt;
        v.iso = ymd(year, m, day(p[0])) + "/" + ymd(year, m, day(p[2]));
        v.precision = "day";
        v.interval = true;
        return v;
    }
    if (p.size() == 5 && day(p[0]) > 0 && month_of(p[1]) && p[2] == "-" && day(p[3]) > 0 && month_of(p[4])) {
        const int m1 = month_of(p[1]), m2 = month_of(p[4]);  // 30 June - 2 July
        if (!valid(year, m1, day(p[0])) || !valid(year, m2, day(p[3])) || m1 > m2) return std::nullopt;
        v.iso = ymd(year, m1, day(p[0])) + "/" + ymd(year, m2, day(p[3]));
        v.precision = "day";
        v.interval = true;
        return v;
    }
    return std::nullopt;
}

std::optional<std::string> parse_url(std::string_view text) {
    std::string t = one_line(text);
    // "<https://…>." : punctuation after, angle brackets around, punctuation inside
    for (int pass = 0; pass < 2; ++pass) {
        while (!t.empty() && std::string_view(".,;:!?)]}\"'").find(t.back()) != std::string_view::npos) {
            // a closing bracket that opens inside the address stays
            if (t.back() == ')' && t.find('(') != std::string::npos) break;
            t.pop_back();
        }
        if (t.size() >= 2 && t.front() == '<' && t.back() == '>') t = t.substr(1, t.size() - 2);
    }
    if (t.empty() || t.find_first_of(" \t\n<>\"") != std::string::npos) return std::nullopt;
    std::string lower = t;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    if (lower.rfind("http://", 0) != 0 && lower.rfind("https://", 0) != 0) {
        if (lower.find("://") != std::string::npos || lower.find('@') != std::string::npos) return std::nullopt;
        // a host name: www.…, or a dotted name with a letter top-level domain
        const std::string host = lower.substr(0, lower.find('/'));
        const auto dot = host.rfind('.');
        if (dot == std::string::npos || dot + 2 >= host.size() ||
            !std::all_of(host.begin() + static_cast<std::ptrdiff_t>(dot) + 1, host.end(),
                         [](char c) { return c >= 'a' && c <= 'z'; }))
            return std::nullopt;
        t = "https://" + t;
        lower = "https://" + lower;
    }
    const std::size_t start = lower.find("://") + 3;
    const std::string host = lower.substr(start, lower.find('/', start) - start);
    if (host.empty() || host.find('.') == std::string::npos) return std::nullopt;
    // the scheme and host lower-cased, the path as written
    return lower.substr(0, start + host.size()) + t.substr(start + host.size());
}

std::optional<std::string> parse_email(std::string_view text) {
    std::string t = one_line(text);
    if (!t.empty() && t.front() == '<' && t.back() == '>') t = t.substr(1, t.size() - 2);
    if (t.rfind("mailto:", 0) == 0) t = t.substr(7);
    const auto at = t.find('@');
    if (at == std::string::npos || at == 0 || t.find('@', at + 1) != std::string::npos ||
        t.find_first_of(" \t\n<>,;\"") != std::string::npos)
        return std::nullopt;
    std::string domain = t.substr(at + 1);
    std::transform(domain.begin(), domain.end(), domain.begin(), [](unsigned char c) { return std::tolower(c); });
    const auto dot = domain.rfind('.');
    if (dot == std::string::npos || dot == 0 || dot + 2 >= domain.size()) return std::nullopt;
    return t.substr(0, at + 1) + domain;
}

}  // namespace formsift::normalize
