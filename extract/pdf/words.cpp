#include "words.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

namespace formsift::extract::pdf {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
constexpr std::string_view kMarker = "\xEE\x80\x80";       // U+E000

// A byte of a word: an ASCII letter or digit, or any byte of a character
// outside ASCII other than the replacement character and the marker.
bool word_byte(std::string_view s, std::size_t i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) return std::isalnum(c) != 0;
    return true;
}

bool special_at(std::string_view s, std::size_t i) {
    return s.compare(i, 3, kReplacement) == 0 || s.compare(i, 3, kMarker) == 0;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// Words with a ligature (ff, fi, fl, ffi, ffl) that forms often use, for
// documents that never spell the word out.
bool common_word(const std::string& w) {
    static const std::unordered_set<std::string> kWords = {
        "affect",      "affected",       "affordable",   "benefit",       "benefits",      "beneficiaries",
        "certificate", "classification", "conflict",     "confidential",  "configuration", "define",
        "defined",     "definition",     "difference",   "different",     "difficult",     "difficulties",
        "diffusion",   "effect",         "effective",    "effectively",   "effects",       "efficiency",
        "efficient",   "effort",         "efforts",      "field",         "fields",        "figure",
        "file",        "files",          "fill",         "filled",        "filling",       "final",
        "finally",     "finance",        "financial",    "financing",     "find",          "findings",
        "first",       "firms",          "fiscal",       "five",          "flexible",      "flood",
        "flow",        "flows",          "fluid",        "identified",    "identify",      "influence",
        "inflation",   "infrastructure", "justified",    "modified",      "notification",  "offer",
        "offered",     "office",         "officer",      "official",      "officials",     "offshore",
        "platform",    "platforms",      "profile",      "profit",        "qualified",     "reflect",
        "reflection",  "scientific",     "significant",  "significantly", "specific",      "specifically",
        "specified",   "staff",          "sufficient",   "suffix",        "traffic",       "workflow",
        "workflows",   "verified",       "verification", "unified",       "fifty",         "fifth",
        "offline",     "affiliated",     "affiliation",  "diffuse",       "effectiveness", "fluctuation"};
    return kWords.count(w) > 0;
}

}  // namespace

void Vocabulary::add(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && (!word_byte(text, i) || special_at(text, i))) ++i;
        std::size_t end = i;
        bool broken = false;
        // a word, hyphens inside it kept ("socio-economic")
        while (end < text.size()) {
            if (special_at(text, end)) {
                broken = true;
                end += 3;
            } else if (word_byte(text, end) || (text[end] == '-' && end > i && end + 1 < text.size() &&
                                                word_byte(text, end + 1) && !special_at(text, end + 1))) {
                ++end;
            } else {
                break;
            }
        }
        if (end > i && !broken) {
            const std::string w = lower(text.substr(i, end - i));
            words_.insert(w);
            if (w.find('-') != std::string::npos) {
                std::size_t p = 0;
                while (p <= w.size()) {
                    const std::size_t q = std::min(w.find('-', p), w.size());
                    if (q > p) words_.insert(w.substr(p, q - p));
                    p = q + 1;
                }
            }
        }
        i = std::max(end, i + 1);
    }
}

bool Vocabulary::has(std::string_view word) const {
    return words_.count(lower(word)) > 0;
}

std::string repair_text(std::string_view s, const Vocabulary& vocabulary) {
    if (s.find(kMarker) == std::string_view::npos && s.find(kReplacement) == std::string_view::npos)
        return std::string(s);
    std::string out;
    out.reserve(s.size());
    // the letters written before the break (out's end) and those after s[from]
    const auto word_before = [&out] {
        std::size_t b = out.size();
        while (b > 0 && word_byte(out, b - 1) && !(b >= 3 && special_at(out, b - 3))) --b;
        return out.substr(b);
    };
    const auto word_after = [&s](std::size_t from) {
        std::size_t e = from;
        while (e < s.size() && word_byte(s, e) && !special_at(s, e)) ++e;
        return std::string(s.substr(from, e - from));
    };
    for (std::size_t i = 0; i < s.size();) {
        if (s.compare(i, kLineEndHyphen.size(), kLineEndHyphen) == 0) {
            const std::string left = word_before();
            const std::size_t r = i + kLineEndHyphen.size();
            const std::string right = word_after(r);
            const bool join =
                !left.empty() && !right.empty() && vocabulary.has(left + right) && !vocabulary.has(left + "-" + right);
            if (!join) out += '-';
            i = r;
            continue;
        }
        if (s.compare(i, kMarker.size(), kMarker) == 0) {  // a marker elsewhere: nothing
            i += kMarker.size();
            continue;
        }
        if (s.compare(i, kReplacement.size(), kReplacement) == 0) {
            const std::string left = word_before();
            const std::size_t r = i + kReplacement.size();
            const std::string right = word_after(r);
            std::string chosen;
            if (!left.empty() || !right.empty()) {
                for (const char* lig : {"ffi", "ffl", "fi", "fl", "ff"}) {
                    const std::string word = left + lig + right;
                    if (vocabulary.has(word) || common_word(lower(word))) {
                        chosen = lig;
                        break;
                    }
                }
            }
            out += chosen.empty() ? std::string(kReplacement) : chosen;
            i = r;
            continue;
        }
        out += s[i++];
    }
    return out;
}

void repair_words(model::Document& doc) {
    std::vector<std::string*> texts;
    const auto add = [&texts](std::string& s) { texts.push_back(&s); };
    const auto add_options = [&add](std::vector<model::Option>& options) {
        for (auto& o : options) {
            add(o.label);
            add(o.value);
        }
    };
    add(doc.title);
    for (auto& s : doc.sections) add(s.title);
    for (auto& t : doc.texts) add(t.text);
    for (auto& q : doc.questions) {
        add(q.title);
        add(q.help);
        add(q.limits);
        add(q.answer.text);
        for (auto& item : q.answer.items) add(item);
        add_options(q.answer.choice.options);
        add(q.answer.table.corner);
        for (auto& c : q.answer.table.columns) add(c);
        for (auto& row : q.answer.table.rows) {
            add(row.header);
            for (auto& cell : row.cells) add(cell);
        }
        for (auto& c : q.answer.matrix.columns) add(c);
        for (auto& row : q.answer.matrix.rows) add(row.label);
    }
    for (auto& f : doc.fields) {
        add(f.label);
        add(f.value);
        add_options(f.options);
    }
    bool any = false;
    for (const std::string* s : texts)
        any = any || s->find(kMarker) != std::string::npos || s->find(kReplacement) != std::string::npos;
    if (!any) return;
    Vocabulary vocabulary;
    for (const std::string* s : texts) vocabulary.add(*s);
    for (std::string* s : texts) *s = repair_text(*s, vocabulary);
}

}  // namespace formsift::extract::pdf
