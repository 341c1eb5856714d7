// The hand-written scanners that read document text where regular
// expressions once did (a backtracking matcher can exhaust the stack on a
// long answer) agree with those expressions: each is compared with the
// expression it replaces on many short strings made of the pieces the
// expression cares about. std::regex is safe here: the strings are short
// and ours.
#include <catch2/catch.hpp>

#include <random>
#include <regex>
#include <string>
#include <vector>

#include "flow.hpp"
#include "formsift/normalize/infer.hpp"
#include "formsift/normalize/text.hpp"
#include "submission_header.hpp"

using namespace formsift;

namespace {

constexpr int kStrings = 20000;

// A string of 0 to `most` pieces drawn from `pieces`.
class Strings {
public:
    Strings(std::vector<std::string> pieces, std::size_t most) : pieces_(std::move(pieces)), most_(most) {}

    std::string next() {
        std::uniform_int_distribution<std::size_t> count(0, most_), pick(0, pieces_.size() - 1);
        std::string out;
        for (std::size_t n = count(random_); n > 0; --n) out += pieces_[pick(random_)];
        return out;
    }

private:
    std::vector<std::string> pieces_;
    std::size_t most_;
    std::mt19937 random_{20261207};  // fixed: the same strings every run
};

// What slug() makes of ASCII text without numbering: its letter and digit
// runs, lower-cased, joined by '_'.
std::string ascii_slug(const std::string& s) {
    std::string out;
    bool in_word = false;
    for (const char c : s) {
        if (std::isalnum(static_cast<unsigned char>(c))) {
            if (!in_word && !out.empty()) out += '_';
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            in_word = true;
        } else {
            in_word = false;
        }
    }
    return out.empty() ? "question" : out;
}

}  // namespace

TEST_CASE("scanners: literal rich-text tags are found as the expression found them") {
    // the expression strip_literal_markup used
    const std::regex tag(R"(<\s*(/?)\s*(p|br|div|span|strong|b|em|i|u|ul|ol|li)(\s[^<>]*)?/?\s*>)", std::regex::icase);
    const auto by_regex = [&tag](const std::string& text) {
        std::string out;
        std::size_t last = 0;
        for (auto it = std::sregex_iterator(text.begin(), text.end(), tag); it != std::sregex_iterator(); ++it) {
            const auto& m = *it;
            out.append(text, last, static_cast<std::size_t>(m.position(0)) - last);
            std::string name = m[2].str();
            for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            const bool closing = m[1].length() > 0;
            if (name == "br")
                out += '\n';
            else if ((name == "p" || name == "div") && closing)
                out += "\n\n";
            else if (name == "li" && !closing)
                out += "\n- ";
            last = static_cast<std::size_t>(m.position(0) + m.length(0));
        }
        out.append(text, last, std::string::npos);
        return out;
    };
    Strings strings({"<",      ">",     "/",         " ",    "\t",          "\n",     "p",
                     "P",      "br",    "BR",        "div",  "span",        "strong", "b",
                     "em",     "i",     "u",         "ul",   "ol",          "li",     "pre",
                     "a",      "x",     "=",         "\"",   "class=\"c\"", "text",   "<p>",
                     "</p>",   "<br/>", "< / DIV >", "<li>", "<span ",      "<b",     "<strong class=\"x\">",
                     "</ul >", "<i/>"},
                    12);
    int tags = 0;
    for (int k = 0; k < kStrings; ++k) {
        const std::string s = strings.next();
        const std::string expected = by_regex(s);
        tags += expected != s;
        INFO("text: \"" << s << "\"");
        REQUIRE(normalize::strip_literal_markup(s) == expected);
    }
    CHECK(tags > kStrings / 10);  // the strings reach the expression's cases
}

TEST_CASE("scanners: a title's numbering is found as the expression found it") {
    const std::regex numbering(R"(^\s*\(?([0-9]{1,3}(\.[0-9]{1,3})*|[a-zA-Z]|[ivxlcIVXLC]{1,6})[.)]\s+)");
    // spaces, "(", numbering-like pieces, an end, spaces, a title
    Strings lead({" ", "\t", "("}, 2),
        number({"1", "12", "1234", ".", ".1", "a", "B", "i", "v", "IV", "xii", "civil"}, 4),
        end({".", ")", "", ".)", "1"}, 1), space({" ", "\t", "\n"}, 2), title({"Title", "x", "2. Goal", "( a"}, 2);
    int numbered = 0;
    for (int k = 0; k < kStrings; ++k) {
        const std::string s = lead.next() + number.next() + end.next() + space.next() + title.next();
        std::string rest = s;
        if (std::smatch m; std::regex_search(s, m, numbering) && m.length(0) < static_cast<long>(s.size())) {
            rest = s.substr(static_cast<std::size_t>(m.length(0)));
            ++numbered;
        }
        INFO("title: \"" << s << "\"");
        REQUIRE(normalize::slug(s, 100) == ascii_slug(rest));
    }
    CHECK(numbered > kStrings / 50);
}

TEST_CASE("scanners: page-number footers are found as the expression found them") {
    const std::regex footer(R"((?:[Pp]age\s+)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?|-\s*\d{1,4}\s*-)");
    Strings strings({"Page", "page", "PAGE", " ", "\t", "1", "12", "123", "12345", "/", "of", "-", "x"}, 7);
    int footers = 0;
    for (int k = 0; k < kStrings; ++k) {
        const std::string s = strings.next();
        const bool expected = std::regex_match(s, footer);
        footers += expected;
        INFO("line: \"" << s << "\"");
        REQUIRE(extract::pdf::is_page_number(s) == expected);
    }
    CHECK(footers > kStrings / 50);
}

TEST_CASE("scanners: the survey tool's header lines are found as the expressions found them") {
    const std::string labels =
        "(Contribution ID|Draft ID|Num\u00e9ro d'identification de la contribution|"
        "Kennnummer des Beitrags)";
    const std::regex id(labels + R"(:\s*([0-9A-Za-z-]{8,64}))");
    const std::regex date(R"(Date:\s*(\d{2}/\d{2}/\d{4}(?:\s+\d{2}:\d{2}(?::\d{2})?)?))");
    const std::regex line("^(?:" + labels + R"(:\s|Date:\s|Fields marked with \*).*)");
    const std::regex uuid(R"([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})");
    Strings strings({"Contribution ID:",
                     "Draft ID:",
                     "Num\u00e9ro d'identification de la contribution:",
                     "Kennnummer des Beitrags:",
                     "Date:",
                     "Fields marked with *",
                     " ",
                     "\n",
                     "3f1c2a9e",
                     "-6b7d",
                     "4e21",
                     "abc",
                     "x",
                     "15/07/2020",
                     "15/07",
                     "/20",
                     "11:42",
                     ":07",
                     "2020",
                     "12",
                     "Date: 15/07/2020 11:42:07",
                     "Contribution ID: 3f1c2a9e-6b7d"},
                    9);
    int ids = 0, dates = 0;
    for (int k = 0; k < kStrings; ++k) {
        const std::string s = strings.next();
        INFO("text: \"" << s << "\"");
        const extract::SubmissionHeader h = extract::read_submission_header(s);
        std::smatch m;
        if (std::regex_search(s, m, id)) {
            ++ids;
            REQUIRE(h.id_kind == (m[1] == "Draft ID" ? "draft_id" : "contribution_id"));
            REQUIRE(h.id == m[2].str());
        } else {
            REQUIRE(h.id_kind.empty());
        }
        if (std::regex_search(s, m, date)) {
            ++dates;
            REQUIRE(h.date == m[1].str());
        } else {
            REQUIRE(h.date.empty());
        }
        REQUIRE(extract::is_header_line(s) == std::regex_match(s, line));
        REQUIRE(extract::is_uuid(s) == std::regex_match(s, uuid));
    }
    CHECK(ids > kStrings / 20);
    CHECK(dates > kStrings / 20);
    CHECK(extract::is_uuid("3f1c2a9e-6b7d-4e21-9a0c-5d8e7f6a1b2c"));
}

TEST_CASE("scanners: what an answer looks like to infer is found as the expressions found it") {
    const std::regex date(
        R"((\d{1,2}[./-]\d{1,2}[./-]\d{2,4})|(\d{4}-\d{2}-\d{2})|((january|february|march|april|may|june|july|august|september|october|november|december)(\s*-\s*(january|february|march|april|may|june|july|august|september|october|november|december))?\s+\d{4}))",
        std::regex::icase);
    const std::regex url(R"(https?://\S+)", std::regex::icase);
    const std::regex email(R"([^@\s]+@[^@\s]+\.[a-z]{2,})", std::regex::icase);
    Strings strings({"1",    "12",   "2020",    "123",      ".",   "/", "-", " ",  "May", "june",
                     "JULY", "Mayo", "http://", "HTTPS://", "www", "@", "a", "eu", "x.y", "ab"},
                    7);
    int kinds = 0;
    for (int k = 0; k < kStrings; ++k) {
        const std::string s = strings.next();
        // guess_text_kind reads one line folded (one_line); the strings hold no line breaks
        const std::string folded = normalize::one_line(s);
        std::string expected;
        if (!folded.empty()) {
            if (std::regex_match(folded, url))
                expected = "url";
            else if (std::regex_match(folded, email))
                expected = "email";
            else if (std::regex_match(folded, date))
                expected = "date";
        }
        kinds += !expected.empty();
        INFO("answer: \"" << s << "\"");
        REQUIRE(normalize::guess_text_kind(s) == expected);
    }
    CHECK(kinds > kStrings / 50);
}
