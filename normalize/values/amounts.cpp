// Amounts of money and counts, as people write them in free text.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <vector>

#include "formsift/normalize/text.hpp"
#include "formsift/normalize/values.hpp"

namespace formsift::normalize {
namespace {

// A word or a symbol that names a currency: its ISO 4217 code.
std::string currency_of(const std::string& w) {
    static const std::pair<const char*, const char*> kNames[] = {
        {"\u20ac", "EUR"}, {"eur", "EUR"},   {"euro", "EUR"},    {"euros", "EUR"},   {"$", "USD"},
        {"usd", "USD"},    {"us$", "USD"},   {"dollar", "USD"},  {"dollars", "USD"}, {"\u00a3", "GBP"},
        {"gbp", "GBP"},    {"pound", "GBP"}, {"pounds", "GBP"},  {"chf", "CHF"},     {"sek", "SEK"},
        {"nok", "NOK"},    {"dkk", "DKK"},   {"pln", "PLN"},     {"zl", "PLN"},      {"z\u0142", "PLN"},
        {"czk", "CZK"},    {"kc", "CZK"},    {"k\u010d", "CZK"}, {"huf", "HUF"},     {"ron", "RON"},
        {"bgn", "BGN"},    {"isk", "ISK"},   {"\u00a5", "JPY"},  {"jpy", "JPY"}};
    for (const auto& [name, code] : kNames)
        if (w == name) return code;
    return {};
}

// A word that multiplies the number before it.
double multiplier_of(const std::string& w) {
    static const std::pair<const char*, double> kWords[] = {
        {"k", 1e3},        {"thousand", 1e3},  {"thousands", 1e3},  {"tsd", 1e3},       {"mille", 1e3},
        {"m", 1e6},        {"mn", 1e6},        {"mio", 1e6},        {"million", 1e6},   {"millions", 1e6},
        {"millones", 1e6}, {"milioni", 1e6},   {"milione", 1e6},    {"millionen", 1e6}, {"meur", 1e6},
        {"bn", 1e9},       {"b", 1e9},         {"billion", 1e9},    {"billions", 1e9},  {"mrd", 1e9},
        {"milliard", 1e9}, {"milliards", 1e9}, {"milliarden", 1e9}, {"miliardi", 1e9},  {"beur", 1e9}};
    for (const auto& [name, m] : kWords)
        if (w == name) return m;
    return 0;
}

// A number as written: "1 200 000", "1,200,000", "1.200.000", "2.5", "2,5",
// "1'000", "1 200 000,50". `text` holds digits and separators only.
std::optional<double> read_number(const std::string& text) {
    std::string s;
    for (const char c : text)
        if (c != ' ' && c != '\'') s += c;
    if (s.empty() || !std::isdigit(static_cast<unsigned char>(s.front())) ||
        !std::isdigit(static_cast<unsigned char>(s.back())))
        return std::nullopt;
    const std::size_t commas = static_cast<std::size_t>(std::count(s.begin(), s.end(), ','));
    const std::size_t dots = static_cast<std::size_t>(std::count(s.begin(), s.end(), '.'));
    char decimal = 0;
    if (commas > 0 && dots > 0) {
        decimal = s.find_last_of(",.") == s.rfind(',') ? ',' : '.';
    } else if (commas == 1 || dots == 1) {
        const char sep = commas == 1 ? ',' : '.';
        const std::size_t at = s.find(sep);
        // one separator before exactly three digits groups thousands ("2.500", "1,000")
        if (s.size() - at - 1 != 3) decimal = sep;
    }
    std::string plain;
    for (const char c : s) {
        if (c == decimal)
            plain += '.';
        else if (c != ',' && c != '.')
            plain += c;
    }
    // separators that group thousands come every three digits
    if (decimal == 0 && commas + dots > 0) {
        const char sep = commas > 0 ? ',' : '.';
        std::size_t last = s.size();
        for (std::size_t i = s.size(); i-- > 0;) {
            if (s[i] != sep) continue;
            if (last - i - 1 != 3) return std::nullopt;
            last = i;
        }
    }
    try {
        std::size_t used = 0;
        const double v = std::stod(plain, &used);
        if (used != plain.size()) return std::nullopt;
        return v;
    } catch (...) {
        return std::nullopt;
    }
}

struct Token {
    enum Kind { number, word, symbol } kind;
    std::string text;
};

// A currency symbol outside ASCII at t[i]: its length in bytes.
std::size_t symbol_at(const std::string& t, std::size_t i) {
    for (const char* sym : {"\u20ac", "\u00a3", "\u00a5"}) {
        const std::string_view v(sym);
        if (t.compare(i, v.size(), v) == 0) return v.size();
    }
    return 0;
}

bool digit(char c) {
    return c >= '0' && c <= '9';
}

// Numbers (with their separators and the spaces that group thousands),
// words (folded as label_key folds them), currency symbols.
std::vector<Token> scan(std::string_view text) {
    std::vector<Token> out;
    const std::string t = one_line(text);
    for (std::size_t i = 0; i < t.size();) {
        const char c = t[i];
        if (digit(c)) {
            std::size_t j = i;
            std::string num;
            while (j < t.size()) {
                if (digit(t[j])) {
                    num += t[j++];
                } else if ((t[j] == ',' || t[j] == '.' || t[j] == '\'') && j + 1 < t.size() && digit(t[j + 1])) {
                    num += t[j++];
                } else if (t[j] == ' ' && j + 3 < t.size() && digit(t[j + 1]) && digit(t[j + 2]) && digit(t[j + 3]) &&
                           (j + 4 == t.size() || !digit(t[j + 4]))) {
                    num += t[j++];  // "1 200 000": a space before a group of three
                } else {
                    break;
                }
            }
            out.push_back({Token::number, num});
            i = j;
        } else if (const std::size_t n = symbol_at(t, i); n > 0) {
            out.push_back({Token::symbol, t.substr(i, n)});
            i += n;
        } else if (std::isalpha(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) {
            std::size_t j = i;
            while (j < t.size() && (std::isalpha(static_cast<unsigned char>(t[j])) ||
                                    (static_cast<unsigned char>(t[j]) >= 0x80 && symbol_at(t, j) == 0)))
                ++j;
            const std::string word = t.substr(i, j - i);
            std::string folded = label_key(word);
            out.push_back({folded.empty() ? Token::symbol : Token::word, folded.empty() ? word : folded});
            i = j;
        } else if (c == '$') {
            out.push_back({Token::symbol, "$"});
            ++i;
        } else {
            if (c == '-' || c == '(' || c == ')' || c == '/') out.push_back({Token::symbol, std::string(1, c)});
            ++i;
        }
    }
    return out;
}

// English number words a count may be written in.
int number_word(const std::string& w) {
    static const char* const kWords[] = {"zero",     "one",      "two",      "three",   "four",    "five",
                                         "six",      "seven",    "eight",    "nine",    "ten",     "eleven",
                                         "twelve",   "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
                                         "eighteen", "nineteen", "twenty"};
    for (int i = 0; i <= 20; ++i)
        if (w == kWords[i]) return i;
    return -1;
}

// The text without its bracketed parts ("25 (July 2019)").
std::string without_brackets(std::string_view text) {
    std::string out;
    int depth = 0;
    for (const char c : text) {
        if (c == '(') {
            ++depth;
        } else if (c == ')' && depth > 0) {
            --depth;
        } else if (depth == 0) {
            out += c;
        }
    }
    return out;
}

}  // namespace

std::optional<AmountValue> parse_amount(std::string_view text) {
    const auto tokens = scan(without_brackets(text));
    std::optional<double> number;
    double multiplier = 1;
    std::string currency;
    bool approximate = false;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const Token& tk = tokens[i];
        if (tk.kind == Token::number) {
            if (number) return std::nullopt;  // two amounts: not one
            number = read_number(tk.text);
            if (!number) return std::nullopt;
            continue;
        }
        if (std::string c = currency_of(tk.text); !c.empty()) {
            if (!currency.empty() && currency != c) return std::nullopt;
            currency = c;
            continue;
        }
        if (tk.kind == Token::word) {
            if (const double m = multiplier_of(tk.text); m > 0 && number && multiplier == 1) {
                multiplier = m;
                continue;
            }
            if (tk.text == "about" || tk.text == "around" || tk.text == "approximately" || tk.text == "approx" ||
                tk.text == "ca" || tk.text == "circa" || tk.text == "some" || tk.text == "over" || tk.text == "more" ||
                tk.text == "than" || tk.text == "nearly" || tk.text == "almost" || tk.text == "environ" ||
                tk.text == "etwa" || tk.text == "unos" || tk.text == "circa") {
                approximate = true;
                continue;
            }
            // "a total budget of", "2 milliards d'euros", "1,5 millones de euros"
            if (tk.text == "total" || tk.text == "of" || tk.text == "a" || tk.text == "budget" || tk.text == "d" ||
                tk.text == "de" || tk.text == "di")
                continue;
            return std::nullopt;  // words that say something else
        }
        if (tk.kind == Token::symbol && tk.text == "-") continue;
        if (tk.kind == Token::symbol && tk.text != "-") return std::nullopt;
    }
    if (!number || currency.empty()) return std::nullopt;
    const double amount = *number * multiplier;
    if (!std::isfinite(amount) || amount > 1e15) return std::nullopt;  // more than any budget: a misreading
    AmountValue v;
    v.amount = std::round(amount * 100.0) / 100.0;
    v.currency = currency;
    v.approximate = approximate;
    return v;
}

std::optional<CountValue> parse_count(std::string_view text) {
    const auto tokens = scan(without_brackets(text));
    std::vector<std::pair<long long, std::size_t>> numbers;  // value, token index
    bool approximate = false;
    std::size_t from = tokens.size(), to = tokens.size();
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const Token& tk = tokens[i];
        if (tk.kind == Token::number) {
            const auto v = read_number(tk.text);
            if (!v || *v != std::floor(*v) || *v < 0 || *v > 1e15) return std::nullopt;
            numbers.emplace_back(static_cast<long long>(*v), i);
        } else if (tk.kind == Token::word) {
            if (const int n = number_word(tk.text); n >= 0) numbers.emplace_back(n, i);
            if (const double m = multiplier_of(tk.text);
                m >= 1e3 && !numbers.empty() && numbers.back().second + 1 == i) {
                const double scaled = static_cast<double>(numbers.back().first) * m;
                if (scaled > 1e15) return std::nullopt;  // no count is that large; and it must fit a long long
                numbers.back().first = static_cast<long long>(scaled);
            }
            if (tk.text == "about" || tk.text == "around" || tk.text == "approximately" || tk.text == "approx" ||
                tk.text == "some" || tk.text == "over" || tk.text == "nearly" || tk.text == "almost" ||
                tk.text == "ca" || tk.text == "circa" || tk.text == "more")
                approximate = true;
            if (tk.text == "from") from = i;
            if (tk.text == "to" && from < i) to = i;
        }
    }
    if (numbers.empty()) return std::nullopt;
    // "grew from 25 to 29": the count now
    if (to < tokens.size()) {
        for (const auto& [value, at] : numbers)
            if (at > to) return CountValue{value, approximate};
    }
    for (std::size_t i = 1; i < numbers.size(); ++i)
        if (numbers[i].first != numbers[0].first) return std::nullopt;  // several counts: which one?
    return CountValue{numbers.front().first, approximate};
}

}  // namespace formsift::normalize
