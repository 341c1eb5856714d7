#include "formsift/normalize/text.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <set>
#include <unordered_map>

namespace formsift::normalize {
namespace {

struct FreeDeleter {
    void operator()(utf8proc_uint8_t* p) const { std::free(p); }
};

std::string map(std::string_view s, int options) {
    // ASCII is its own NFC/NFKC form, has no marks and nothing to lump or
    // ignore: only case folding can change it
    if (std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
        std::string out(s);
        if (options & UTF8PROC_CASEFOLD)
            std::transform(out.begin(), out.end(), out.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        return out;
    }
    utf8proc_uint8_t* out = nullptr;
    const auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                static_cast<utf8proc_ssize_t>(s.size()), &out, static_cast<utf8proc_option_t>(options));
    std::unique_ptr<utf8proc_uint8_t, FreeDeleter> owned(out);
    if (n < 0) return std::string(s);
    return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
}

// Decode one code point at s[i]; returns its length (1 for invalid bytes).
std::size_t next_cp(std::string_view s, std::size_t i, utf8proc_int32_t& cp) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {  // ASCII: most text, decoded here
        cp = static_cast<unsigned char>(s[i]);
        return 1;
    }
    const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                    static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (n <= 0) {
        cp = -1;
        return 1;
    }
    return static_cast<std::size_t>(n);
}

// What a value shows in place of a presentation form: a ligature (U+FB00
// to U+FB06) as its letters, a fullwidth ASCII character as itself.
const char* repaired(utf8proc_int32_t cp) {
    static const char* const kLigatures[] = {"ff", "fi", "fl", "ffi", "ffl", "st", "st"};
    if (cp >= 0xFB00 && cp <= 0xFB06) return kLigatures[cp - 0xFB00];
    static const auto kFullwidth = [] {
        std::array<char[2], 0x5F> t{};
        for (int c = 0x21; c <= 0x7E; ++c) t[static_cast<std::size_t>(c - 0x20)][0] = static_cast<char>(c);
        return t;
    }();
    if (cp >= 0xFF01 && cp <= 0xFF5E) return kFullwidth[static_cast<std::size_t>(cp - 0xFF00)];
    return nullptr;
}

bool is_space_cp(utf8proc_int32_t cp) {
    if (cp == ' ' || cp == '\t' || cp == '\r' || cp == '\f' || cp == '\v' || cp == 0xA0 || cp == 0x202F || cp == 0x2007)
        return true;
    if (cp < 0) return false;
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS;
}

// Collapse horizontal white space; newlines kept when keep_newlines.
std::string collapse(std::string_view s, bool keep_newlines) {
    std::string out;
    out.reserve(s.size());
    bool pending_space = false;
    bool indenting = false;
    for (std::size_t i = 0; i < s.size();) {
        utf8proc_int32_t cp;
        const std::size_t n = next_cp(s, i, cp);
        if (cp != ' ' && cp != '\t') indenting = false;
        if (cp == '\n' && keep_newlines) {
            while (!out.empty() && out.back() == ' ') out.pop_back();
            out += '\n';
            pending_space = false;
        } else if (keep_newlines && (out.empty() || out.back() == '\n' || indenting) && (cp == ' ' || cp == '\t')) {
            // indentation at the start of a line is part of the text (nested lists)
            out += cp == '\t' ? "    " : " ";
            indenting = true;
            i += n;
            continue;
        } else if ((cp == 0x2028 || cp == 0x2029) && keep_newlines) {  // line and paragraph separators
            while (!out.empty() && out.back() == ' ') out.pop_back();
            out += cp == 0x2029 ? "\n\n" : "\n";
            pending_space = false;
        } else if (cp == '\n' || cp == 0x2028 || cp == 0x2029 || is_space_cp(cp)) {
            pending_space = true;
        } else if (cp == 0xAD || cp == 0x200B || cp == 0x2060 || cp == 0xFEFF) {
            // soft hyphen, zero-width space, word joiner, byte order mark: invisible
        } else if (const char* expanded = repaired(cp)) {
            if (pending_space && !out.empty() && out.back() != '\n') out += ' ';
            pending_space = false;
            out += expanded;
        } else {
            if (pending_space && !out.empty() && out.back() != '\n') out += ' ';
            pending_space = false;
            out.append(s.substr(i, n));
        }
        i += n;
    }
    return out;
}

std::string trim(std::string s) {
    const auto b = s.find_first_not_of(" \n");
    const auto e = s.find_last_not_of(" \n");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

std::vector<std::string> words(std::string_view key) {
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (pos < key.size()) {
        while (pos < key.size() && key[pos] == ' ') ++pos;
        std::size_t end = pos;
        while (end < key.size() && key[end] != ' ') ++end;
        if (end > pos) out.emplace_back(key.substr(pos, end - pos));
        pos = end;
    }
    return out;
}

std::vector<utf8proc_int32_t> code_points(std::string_view s) {
    std::vector<utf8proc_int32_t> out;
    for (std::size_t i = 0; i < s.size();) {
        utf8proc_int32_t cp;
        i += next_cp(s, i, cp);
        out.push_back(cp);
    }
    return out;
}

double edit_ratio(std::string_view a, std::string_view b) {
    const auto x = code_points(a), y = code_points(b);
    if (x.empty() && y.empty()) return 1.0;
    std::vector<std::size_t> prev(y.size() + 1), cur(y.size() + 1);
    for (std::size_t j = 0; j <= y.size(); ++j) prev[j] = j;
    for (std::size_t i = 1; i <= x.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= y.size(); ++j)
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)});
        std::swap(prev, cur);
    }
    const double len = static_cast<double>(std::max(x.size(), y.size()));
    return 1.0 - static_cast<double>(prev[y.size()]) / len;
}

// Leading numbering: "1", "1.", "1.2.3", "1)", "(1)", "a)", "a.", "II.", "iv)".
std::string_view strip_numbering(std::string_view s) {
    // input is already case folded; '.', ')' and '(' are still there
    std::size_t i = 0;
    while (i < s.size() && s[i] == ' ') ++i;
    const std::size_t start = i;
    const bool paren = i < s.size() && s[i] == '(';
    if (paren) ++i;
    auto digit = [&](std::size_t k) { return k < s.size() && s[k] >= '0' && s[k] <= '9'; };
    std::size_t end = i;
    bool numeric = false;
    if (digit(i)) {
        numeric = true;
        while (digit(end)) ++end;
        while (end + 1 < s.size() && s[end] == '.' && digit(end + 1)) {
            ++end;
            while (digit(end)) ++end;
        }
    } else {
        while (end < s.size() && std::string_view("ivxlc").find(s[end]) != std::string_view::npos) ++end;
        if (end == i && i < s.size() && s[i] >= 'a' && s[i] <= 'z') end = i + 1;       // one letter: "a)"
        if (end - i > 1 && end < s.size() && s[end] >= 'a' && s[end] <= 'z') end = i;  // a word, not a numeral
    }
    if (end == i) return s;
    std::size_t after = end;
    if (after < s.size() && (s[after] == '.' || s[after] == ')')) {
        ++after;
    } else if (!(numeric && !paren && after < s.size() && s[after] == ' ')) {
        return s;  // "1 x", "1.", "1)", "(1)", "a)", "ii." count; "goal" does not
    }
    while (after < s.size() && s[after] == ' ') ++after;
    if (after >= s.size() || after == start) return s;
    return s.substr(after);
}

}  // namespace

const std::vector<std::pair<std::string, std::string>>& unicode_policy() {
    static const std::vector<std::pair<std::string, std::string>> kPolicy = {
        {"values", "NFC"},
        {"keys", "NFKC, case folded, marks and punctuation removed"},
        {"ligatures", "expanded (U+FB00-U+FB06; U+FFFD where a PDF lost one, from the document's words)"},
        {"soft_hyphens", "removed (also zero-width spaces, word joiners, byte order marks)"},
        {"spaces", "no-break and other spaces as plain spaces, runs collapsed"},
        {"line_break_hyphens", "joined where the document spells the word whole, else kept"},
        {"lookalikes", "fullwidth forms as ASCII; the Greek question mark as ';'"},
        {"quotes_and_dashes", "kept in values, folded in keys"},
    };
    return kPolicy;
}

double edit_similarity(std::string_view a, std::string_view b) {
    return edit_ratio(a, b);
}

std::string nfc(std::string_view s) {
    return map(s, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
}

std::string one_line(std::string_view s) {
    return trim(collapse(nfc(s), false));
}

std::string tidy_text(std::string_view s) {
    std::string unix;
    unix.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\r') {
            unix += '\n';
            if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
        } else {
            unix += s[i];
        }
    }
    const std::string c = collapse(nfc(unix), true);
    std::string out;
    int newlines = 0;
    for (const char ch : c) {
        if (ch == '\n') {
            ++newlines;
            continue;
        }
        if (newlines > 0 && !out.empty()) out += newlines > 1 ? "\n\n" : "\n";
        newlines = 0;
        out += ch;
    }
    return trim(out);
}

namespace {

// White space as the C locale has it.
bool c_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool ascii_digit(char c) {
    return c >= '0' && c <= '9';
}

char ascii_lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// A rich-text tag at s[at] (which is '<'): `<`, spaces, an optional `/`,
// spaces, one of the names below, then either `>`, `/>` (spaces allowed
// before `>`) or a space and attributes up to the next `>`. Its end (one
// past `>`), its lower-case name and whether it closes; end 0 when there is
// no such tag. The attribute scan stops at the next '<', so scanning every
// '<' of a text is linear in the text.
struct Tag {
    std::size_t end = 0;
    std::string name;
    bool closing = false;
};

Tag tag_at(std::string_view s, std::size_t at) {
    static constexpr std::string_view kNames[] = {"p",  "br", "div", "span", "strong", "b",
                                                  "em", "i",  "u",   "ul",   "ol",     "li"};
    Tag t;
    std::size_t i = at + 1;
    while (i < s.size() && c_space(s[i])) ++i;
    if (i < s.size() && s[i] == '/') {
        t.closing = true;
        ++i;
    }
    while (i < s.size() && c_space(s[i])) ++i;
    std::size_t n = 0;
    while (i + n < s.size() && n < 7 && std::isalpha(static_cast<unsigned char>(s[i + n]))) ++n;
    for (std::size_t k = 0; k < n; ++k) t.name += ascii_lower(s[i + k]);
    if (std::find(std::begin(kNames), std::end(kNames), t.name) == std::end(kNames)) return {};
    i += n;
    if (i < s.size() && c_space(s[i])) {
        const std::size_t close = s.find_first_of("<>", i);
        if (close == std::string_view::npos || s[close] != '>') return {};
        t.end = close + 1;
        return t;
    }
    if (i < s.size() && s[i] == '/') ++i;
    while (i < s.size() && c_space(s[i])) ++i;
    if (i >= s.size() || s[i] != '>') return {};
    t.end = i + 1;
    return t;
}

}  // namespace

std::string strip_literal_markup(std::string_view s) {
    if (s.find('<') == std::string_view::npos) return std::string(s);
    std::string out;
    out.reserve(s.size());
    std::size_t last = 0;
    for (std::size_t at = s.find('<'); at != std::string_view::npos; at = s.find('<', at + 1)) {
        const Tag t = tag_at(s, at);
        if (t.end == 0) continue;
        out.append(s.substr(last, at - last));
        if (t.name == "br")
            out += '\n';
        else if ((t.name == "p" || t.name == "div") && t.closing)
            out += "\n\n";
        else if (t.name == "li" && !t.closing)
            out += "\n- ";
        last = t.end;
        at = t.end - 1;
    }
    out.append(s.substr(last));
    return out;
}

namespace {

std::string label_key_of(std::string_view s) {
    const std::string folded = map(s, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
                                          UTF8PROC_STRIPMARK | UTF8PROC_IGNORE | UTF8PROC_LUMP);
    std::string spaced;
    for (std::size_t i = 0; i < folded.size();) {
        utf8proc_int32_t cp;
        const std::size_t n = next_cp(folded, i, cp);
        const auto cat = cp >= 0 ? utf8proc_category(cp) : UTF8PROC_CATEGORY_CN;
        const bool keep = cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LL || cat == UTF8PROC_CATEGORY_LT ||
                          cat == UTF8PROC_CATEGORY_LM || cat == UTF8PROC_CATEGORY_LO || cat == UTF8PROC_CATEGORY_ND ||
                          cat == UTF8PROC_CATEGORY_NL || cat == UTF8PROC_CATEGORY_NO;
        if (keep)
            spaced.append(folded, i, n);
        else if (cp == '.' || cp == ')' || cp == '(')
            spaced += std::string(1, static_cast<char>(cp));  // kept for numbering
        else
            spaced += ' ';
        i += n;
    }
    std::string_view rest = spaced;
    // numbering may follow a leading star or space: strip repeatedly ("1. a) ...")
    for (int k = 0; k < 3; ++k) {
        while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
        const std::string_view stripped = strip_numbering(rest);
        if (stripped.size() == rest.size()) break;
        rest = stripped;
    }
    std::string out(rest);
    std::replace_if(
        out.begin(), out.end(), [](char c) { return c == '.' || c == ')' || c == '('; }, ' ');
    return trim(collapse(out, false));
}

}  // namespace

// Titles, options and rows come back again and again (every submission of a
// form, every answer set of an export): short keys are remembered.
std::string label_key(std::string_view s) {
    if (s.size() > 512) return label_key_of(s);
    static std::mutex mutex;
    static std::unordered_map<std::string, std::string> memo;
    {
        std::lock_guard<std::mutex> lock(mutex);
        if (auto it = memo.find(std::string(s)); it != memo.end()) return it->second;
    }
    std::string key = label_key_of(s);
    std::lock_guard<std::mutex> lock(mutex);
    if (memo.size() >= 65536) memo.clear();
    memo.emplace(std::string(s), key);
    return key;
}

namespace {

// Words that carry no meaning of their own in questionnaire labels; a change
// among them ("your" → "the") is a small wording change, a change of any
// other word is not.
std::string content_words(const std::string& key) {
    static const std::set<std::string> kStop = {
        "a",      "an",    "the",  "of",    "to",  "in",   "on",   "at",    "by",    "for", "from", "with", "and",
        "or",     "your",  "our",  "their", "its", "this", "that", "these", "those", "is",  "are",  "be",   "please",
        "kindly", "which", "what", "if",    "any", "all",  "as",   "it",    "you",   "we",  "do",   "does"};
    std::string out;
    for (const auto& w : words(key)) {
        if (kStop.count(w)) continue;
        if (!out.empty()) out += ' ';
        out += w;
    }
    return out.empty() ? key : out;
}

}  // namespace

LabelKey make_label_key(std::string_view label) {
    // the same texts are keyed again and again (a document's titles against
    // every template's labels): keys are remembered (bounded, thread-safe)
    static std::mutex mutex;
    static std::unordered_map<std::string, LabelKey> memo;
    {
        std::lock_guard<std::mutex> lock(mutex);
        if (auto it = memo.find(std::string(label)); it != memo.end()) return it->second;
    }
    LabelKey k;
    k.key = label_key(label);
    k.content = content_words(k.key);
    k.words = words(k.content);
    std::sort(k.words.begin(), k.words.end());
    for (const auto cp : code_points(k.content)) {
        ++k.length;
        auto& bucket = k.histogram[static_cast<std::size_t>(cp) & 63u];
        if (bucket < UINT16_MAX) ++bucket;
    }
    std::lock_guard<std::mutex> lock(mutex);
    if (memo.size() >= 16384) memo.clear();  // a cache, not a record
    memo.emplace(std::string(label), k);
    return k;
}

double label_similarity(const LabelKey& a, const LabelKey& b) {
    if (a.key == b.key) return 1.0;
    if (a.key.empty() || b.key.empty()) return 0.0;
    std::vector<std::string> common;
    std::set_intersection(a.words.begin(), a.words.end(), b.words.begin(), b.words.end(), std::back_inserter(common));
    const double dice = 2.0 * static_cast<double>(common.size()) / static_cast<double>(a.words.size() + b.words.size());
    // the edit ratio cannot exceed the length ratio: skip the distance when it cannot win
    const double la = static_cast<double>(a.length), lb = static_cast<double>(b.length);
    const double bound = std::min(la, lb) / std::max(la, lb);
    double edit = 0.0;
    // the distance takes time in the product of the lengths: labels longer
    // than a paragraph (a whole answer taken for a title) are compared by
    // their words only
    const bool short_enough = a.length <= kEditDistanceMaxLength && b.length <= kEditDistanceMaxLength;
    if (bound > dice && short_enough) {
        // Each edit changes the bucket counts by at most 2 in total, so half
        // their difference bounds the distance from below.
        std::size_t diff = 0;
        for (std::size_t i = 0; i < a.histogram.size(); ++i)
            diff +=
                static_cast<std::size_t>(std::abs(static_cast<int>(a.histogram[i]) - static_cast<int>(b.histogram[i])));
        const double best_possible = 1.0 - static_cast<double>((diff + 1) / 2) / std::max(la, lb);
        if (best_possible >= kLabelMatchThreshold && best_possible > dice) edit = edit_ratio(a.content, b.content);
    }
    return std::min(0.99, std::max(edit, dice));
}

double label_similarity(std::string_view a, std::string_view b) {
    return label_similarity(make_label_key(a), make_label_key(b));
}

namespace {

// The length of a title's leading numbering: spaces, an optional "(", then
// "1", "1.2.3" (groups of at most three digits), one letter ("a", "B") or
// up to six roman-numeral letters ("iv", "XII"), then "." or ")" and at
// least one space; 0 when the text does not start so.
std::size_t numbering_length(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size() && c_space(s[i])) ++i;
    if (i < s.size() && s[i] == '(') ++i;
    const auto run = [&s](std::size_t from, auto pred) {
        std::size_t end = from;
        while (end < s.size() && pred(s[end])) ++end;
        return end - from;
    };
    const std::size_t digits = run(i, ascii_digit);
    if (digits > 0) {
        if (digits > 3) return 0;
        i += digits;
        while (i + 1 < s.size() && s[i] == '.' && ascii_digit(s[i + 1])) {
            const std::size_t more = run(i + 1, ascii_digit);
            if (more > 3) return 0;
            i += 1 + more;
        }
    } else {
        const auto roman = [](char c) { return std::string_view("ivxlcIVXLC").find(c) != std::string_view::npos; };
        const std::size_t letters = run(i, roman);
        if (letters >= 1 && letters <= 6)
            i += letters;
        else if (i < s.size() && std::isalpha(static_cast<unsigned char>(s[i])))
            i += 1;
        else
            return 0;
    }
    if (i >= s.size() || (s[i] != '.' && s[i] != ')')) return 0;
    ++i;
    const std::size_t spaces = run(i, c_space);
    return spaces == 0 ? 0 : i + spaces;
}

}  // namespace

std::string slug(std::string_view s, std::size_t max_words) {
    // a title's numbering ("1)", "2.", "a)", "IV.") is not part of its name
    if (const std::size_t n = numbering_length(s); n < s.size()) s.remove_prefix(n);
    const std::string ascii = map(s, UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD |
                                         UTF8PROC_STRIPMARK | UTF8PROC_IGNORE | UTF8PROC_LUMP);
    std::string out;
    std::size_t count = 0;
    bool in_word = false;
    for (const char c : ascii) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x80 && std::isalnum(u)) {
            if (!in_word) {
                if (count == max_words) break;
                if (!out.empty()) out += '_';
                ++count;
                in_word = true;
            }
            out += static_cast<char>(std::tolower(u));
        } else {
            in_word = false;
        }
    }
    return out.empty() ? "question" : out;
}

namespace {

bool ascii_space(char c) {
    return c == ' ' || c == '\t';
}

// Length of a leading bullet or numbering with the space after it ("- ",
// "* ", "12 ", "3. ", "4) ", "a) "), 0 when the line has none or is nothing
// else; `symbol` tells a "-" or "*" bullet. `numbers_only`: numbering only.
std::size_t bullet_length(std::string_view line, bool numbers_only, bool& symbol) {
    std::size_t i = 0;
    while (i < line.size() && ascii_space(line[i])) ++i;
    symbol = false;
    if (!numbers_only && i < line.size() && (line[i] == '-' || line[i] == '*')) {
        symbol = true;
        ++i;
    } else if (i < line.size() && ascii_digit(line[i])) {
        const std::size_t first = i;
        while (i < line.size() && ascii_digit(line[i]) && i - first < 3) ++i;
        if (i < line.size() && ascii_digit(line[i])) return 0;  // four digits: a year, not a number
        if (i < line.size() && (line[i] == '.' || line[i] == ')')) ++i;
    } else if (!numbers_only && i + 1 < line.size() &&
               ((line[i] >= 'a' && line[i] <= 'z') || (line[i] >= 'A' && line[i] <= 'Z')) &&
               (line[i + 1] == '.' || line[i + 1] == ')')) {
        i += 2;
    } else {
        return 0;
    }
    if (i >= line.size() || !ascii_space(line[i])) return 0;
    while (i < line.size() && ascii_space(line[i])) ++i;
    return i < line.size() ? i : 0;
}

}  // namespace

std::vector<std::string> split_list(std::string_view s) {
    std::vector<std::string> out;
    const std::string t = tidy_text(s);
    std::size_t pos = 0;
    while (pos <= t.size()) {
        std::size_t end = t.find('\n', pos);
        if (end == std::string::npos) end = t.size();
        std::string line = t.substr(pos, end - pos);
        pos = end + 1;
        // bullet characters are multi-byte; handle the common ones by prefix
        for (const char* b : {"\u2022 ", "\u2013 ", "\u00b7 ", "\u25aa ", "\u25cf "})
            if (line.rfind(b, 0) == 0) line.erase(0, std::char_traits<char>::length(b));
        bool symbol = false;
        if (const std::size_t n = bullet_length(line, false, symbol); n > 0) {
            line.erase(0, n);
            // "- 1 Andalusia": a bullet before a number (a numbered list written as a bulleted one)
            bool unused = false;
            if (symbol)
                if (const std::size_t k = bullet_length(line, true, unused); k > 0) line.erase(0, k);
        }
        line = one_line(line);
        if (!line.empty()) out.push_back(line);
    }
    return out;
}

}  // namespace formsift::normalize
