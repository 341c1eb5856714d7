#pragma once
// Text normalisation: the only place that knows about Unicode tables.
// Values are kept in NFC with whitespace tidied; matching keys are NFKC +
// case folded with marks, numbering prefixes, stars and punctuation removed.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace formsift::normalize {

// The Unicode policy values and keys follow, as each record declares it
// ("normalization"): rule name → what is done.
const std::vector<std::pair<std::string, std::string>>& unicode_policy();

// Unicode NFC. Invalid UTF-8 is returned unchanged.
std::string nfc(std::string_view s);

// One line: NFC, every run of white space (incl. no-break spaces) → one
// space, trimmed; ligatures expanded, fullwidth forms as ASCII, soft hyphens
// and zero-width characters removed.
std::string one_line(std::string_view s);

// Multi-line value: NFC, CRLF → LF, spaces collapsed within lines, lines
// trimmed at the end, at most one blank line in a row, trimmed overall.
std::string tidy_text(std::string_view s);

// Remove literal rich-text tags a respondent's editor left in an answer
// (<p>, <br>, <div>, <span>, <strong>, ...): text kept, breaks kept as newlines.
std::string strip_literal_markup(std::string_view s);

// Key for matching labels: NFKC + case folding + marks stripped, leading
// numbering ("1.", "1.2", "a)", "II.", "(b)") and `*` removed, punctuation as
// spaces, spaces collapsed.
std::string label_key(std::string_view s);

// A label prepared for matching: made once, compared many times.
struct LabelKey {
    std::string key;                            // label_key()
    std::string content;                        // the key without words that carry no meaning ("the", "your", ...)
    std::vector<std::string> words;             // content words, sorted
    std::size_t length = 0;                     // code points in `content`
    std::array<std::uint16_t, 64> histogram{};  // code points of `content` by (code point mod 64)
};

// Labels at least this similar are the same question, option, row or column.
inline constexpr double kLabelMatchThreshold = 0.85;

LabelKey make_label_key(std::string_view label);

// Labels longer than this (in code points of their content words) are
// compared by their words only: the edit distance takes time in the product
// of the two lengths.
inline constexpr std::size_t kEditDistanceMaxLength = 2000;

// Similarity of two labels in [0, 1]: 1 for equal keys, else (at most 0.99)
// the better of a character edit-distance ratio and a word overlap ratio on
// their content words. Exact when at least kLabelMatchThreshold; below it the
// edit ratio may be left out when it cannot reach the threshold, and it is
// left out for labels longer than kEditDistanceMaxLength.
double label_similarity(const LabelKey& a, const LabelKey& b);
double label_similarity(std::string_view a, std::string_view b);

// 1 minus the edit distance of two strings (in code points) over the longer
// one's length; for keys already made with label_key().
double edit_similarity(std::string_view a, std::string_view b);

// Identifier from a title: lower-case ASCII words joined by '_', at most
// `max_words` words.
std::string slug(std::string_view s, std::size_t max_words = 8);

// List items of a free-text answer: one per non-empty line, with bullets
// ("-", "*", "•") and numbering ("1", "1.", "1)", "a)") stripped.
std::vector<std::string> split_list(std::string_view s);

}  // namespace formsift::normalize
