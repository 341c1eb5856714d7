#pragma once
// Words a PDF's text breaks: a word hyphenated at a line end (joined only
// where the document itself spells the word whole), and a ligature glyph
// without a Unicode mapping, which text extraction gives as U+FFFD
// ("signi\uFFFDcant"). Both are settled once the whole document is read,
// against the words it spells elsewhere.
#include <string>
#include <string_view>
#include <unordered_set>

#include "formsift/model/document.hpp"

namespace formsift::extract::pdf {

// What the flow writes for a hyphen at a line end, before the next line's
// text: the hyphen, then U+E000 (private use). repair_words() resolves it.
inline constexpr std::string_view kLineEndHyphen = "-\xEE\x80\x80";

// The words of a document, lower-cased (ASCII letters), for plausibility.
class Vocabulary {
public:
    void add(std::string_view text);
    bool has(std::string_view word) const;

private:
    std::unordered_set<std::string> words_;
};

// `s` with its line-end hyphens resolved (the hyphen dropped where the
// vocabulary has the joined word and not the hyphenated one) and each
// U+FFFD between letters replaced by the ligature (ff, fi, fl, ffi, ffl)
// that makes a word the vocabulary or a list of common words has.
std::string repair_text(std::string_view s, const Vocabulary& vocabulary);

// Every text of the document repaired so.
void repair_words(model::Document& doc);

}  // namespace formsift::extract::pdf
