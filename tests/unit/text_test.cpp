#include <catch2/catch.hpp>

#include "formsift/normalize/text.hpp"

using namespace formsift::normalize;

TEST_CASE("text: values are NFC") {
    CHECK(nfc("Ko\xCC\x88ln") == "K\xC3\xB6ln");  // o + combining diaeresis → ö
    CHECK(one_line("  a \xC2\xA0 b\n c  ") == "a b c");
}

TEST_CASE("text: multi-line values keep paragraphs and indentation, drop extra blank lines") {
    CHECK(tidy_text("\r\n\r\nFirst  line  \r\n\r\n\r\n\r\nSecond\n  - nested\n") == "First line\n\nSecond\n  - nested");
    CHECK(tidy_text("a\xC2\xAD"
                    "b") == "ab");  // soft hyphen removed
}

TEST_CASE("text: literal rich-text tags left in answers are removed, text kept") {
    CHECK(tidy_text(strip_literal_markup("<p>Viken (Norway) – Vestlandet</p>")) == "Viken (Norway) – Vestlandet");
    CHECK(tidy_text(strip_literal_markup("<p>a</p><p>b<br/>c</p>")) == "a\n\nb\nc");
    CHECK(strip_literal_markup("1 < 2 and <x> stays") == "1 < 2 and <x> stays");
}

TEST_CASE("text: label keys ignore numbering prefixes, stars, punctuation and case") {
    const std::string k = label_key("Please provide the list of leading regions");
    CHECK(label_key("1. Please provide the list of leading regions:") == k);
    CHECK(label_key("a) PLEASE provide the list of leading regions?") == k);
    CHECK(label_key("II. * Please provide the list of leading regions") == k);
    CHECK(label_key("1.2.3 Please provide the list of leading regions") == k);
    CHECK(label_key("(b) Please provide the list of leading regions") == k);
    CHECK(label_key("“Please provide” the list of leading regions") == k);
    CHECK(label_key("Goal 1. End poverty") == "goal 1 end poverty");
}

TEST_CASE("text: label keys fold compatibility forms and accents") {
    CHECK(label_key("Ｆｕｌｌ ﬁeld") == label_key("full field"));
    CHECK(label_key("Castilla y León") == label_key("castilla y leon"));
}

TEST_CASE("text: similar labels score high, different ones low") {
    CHECK(label_similarity("Start date of your partnership", "Start date of the partnership") > 0.85);
    CHECK(label_similarity("Please provide the list of leading regions",
                           "Please provide the list of participating regions") < 0.85);
    CHECK(label_similarity("Reporting period", "Reporting period *") == 1.0);
    CHECK(label_similarity("", "x") == 0.0);
}

TEST_CASE("text: slugs are ASCII words joined by underscores") {
    CHECK(slug("E-mail address *") == "e_mail_address");
    CHECK(slug("Größe der Stadt?") == "grosse_der_stadt");
    CHECK(slug("!!!") == "question");
    // numbering is not part of a title's name
    CHECK(slug("1) Please tell us about yourself") == "please_tell_us_about_yourself");
    CHECK(slug("IV. Results") == "results");
    CHECK(slug("a. First option") == "first_option");
    CHECK(slug("2020 in review") == "2020_in_review");
    CHECK(slug("one two three four five six seven eight nine ten") == "one_two_three_four_five_six_seven_eight");
}

TEST_CASE("text: list items lose bullets and numbering") {
    CHECK(split_list("1 Andalusia (ES)\n2 Castilla y León region (ES)\n\n3 West Slovenia (SI)") ==
          std::vector<std::string>{"Andalusia (ES)", "Castilla y León region (ES)", "West Slovenia (SI)"});
    CHECK(split_list("- 4 Aragon (ES)\n• Bavaria (DE)\n* Flanders (BE)\na) Kainuu (FI)\n10. Lapland (FI)") ==
          std::vector<std::string>{"Aragon (ES)", "Bavaria (DE)", "Flanders (BE)", "Kainuu (FI)", "Lapland (FI)"});
    // a numbered list written with bullets (a text export of "1 Andalusia") gives the same items;
    // one number alone stays
    CHECK(split_list("- 1 Andalusia (ES)\n- 2 Castilla y León region (ES)") ==
          std::vector<std::string>{"Andalusia (ES)", "Castilla y León region (ES)"});
    CHECK(split_list("- 2020") == std::vector<std::string>{"2020"});
    CHECK(split_list("Västerbotten (North Sweden)") == std::vector<std::string>{"Västerbotten (North Sweden)"});
}

TEST_CASE("text: ASCII and non-ASCII labels fold the same way") {
    CHECK(label_key("Reporting PERIOD") == "reporting period");
    CHECK(label_key("Reporting PERIOD \xC3\xA9") == "reporting period e");
    CHECK(nfc("plain ascii") == "plain ascii");
}

namespace {

struct UnicodeCase {
    const char* text;
    const char* value;  // one_line()
    const char* key;    // label_key()
};

}  // namespace

TEST_CASE("text: the Unicode policy, values and keys") {
    const UnicodeCase cases[] = {
        // ligatures expanded in values and keys
        {"e\uFB00ective", "effective", "effective"},
        {"\uFB01nancial o\uFB03ce", "financial office", "financial office"},
        {"\uFB02ow", "flow", "flow"},
        {"ba\uFB04e", "baffle", "baffle"},
        // soft hyphens, zero-width spaces, word joiners and byte order marks removed
        {"partner\u00ADship", "partnership", "partnership"},
        {"Brus\u200Bsels", "Brussels", "brussels"},
        {"\uFEFFReporting period", "Reporting period", "reporting period"},
        {"co\u2060operation", "cooperation", "cooperation"},
        // no-break and other spaces plain, runs collapsed
        {"Budget\u00A0in\u202F€", "Budget in €", "budget in"},
        {"Start\u2003date\u3000of", "Start date of", "start date of"},
        {"  two   spaces  ", "two spaces", "two spaces"},
        // lookalike punctuation repaired
        {"Why\u037E", "Why;", "why"},  // the Greek question mark is a semicolon
        {"\uFF21\uFF22\uFF23\uFF11\uFF12\uFF01", "ABC12!", "abc12"},
        {"\uFF08ES\uFF09", "(ES)", "es"},
        // smart quotes and dashes kept in values, folded in keys
        {"\u201COpen data\u201D \u2013 for all", "\u201COpen data\u201D \u2013 for all", "open data for all"},
        {"Partnership\u2019s webpage", "Partnership\u2019s webpage", "partnership s webpage"},
        // composed (NFC) values; keys without marks
        {"Castilla y Leo\u0301n", "Castilla y Le\u00F3n", "castilla y leon"},
        {"\u00C5land", "\u00C5land", "aland"},
        {"STRASSE", "STRASSE", "strasse"},
        {"Stra\u00DFe", "Stra\u00DFe", "strasse"},  // case folding
    };
    for (const auto& c : cases) {
        INFO(c.text);
        CHECK(one_line(c.text) == c.value);
        CHECK(label_key(c.text) == c.key);
    }
    // line and paragraph separators are line breaks in multi-line values
    CHECK(tidy_text("one\u2028two\u2029three") == "one\ntwo\n\nthree");
    // the policy each record declares
    const auto& policy = unicode_policy();
    REQUIRE(policy.size() == 8);
    CHECK(policy.front() == std::pair<std::string, std::string>{"values", "NFC"});
}
