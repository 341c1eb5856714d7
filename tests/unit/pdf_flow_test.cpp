#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "flow.hpp"
#include "layout.hpp"
#include "words.hpp"

using namespace formsift::extract::pdf;
namespace model = formsift::model;

namespace {

// Words of a line set in a monospaced font: `advance` points a character,
// one character of space between words, starting at x.
std::vector<Word> mono(const std::string& text, double x, double y, double advance = 6, double size = 10,
                       const std::string& font = "Mono") {
    std::vector<Word> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string::npos) end = text.size();
        if (end > start) {
            Word w;
            w.text = text.substr(start, end - start);
            w.box = {x + advance * static_cast<double>(start), y, x + advance * static_cast<double>(end), y + size};
            w.font = font;
            w.size = size;
            out.push_back(w);
        }
        start = end + 1;
    }
    return out;
}

WrappedLine wrapped(const std::string& text, double y, double x = 100, int page = 1) {
    WrappedLine l;
    l.words = mono(text, x, y);
    l.box = {l.words.front().box.x0, y, l.words.back().box.x1, y + 10};
    l.page = page;
    return l;
}

// A column 20 characters wide: x from 100 to 220.
WrapGeometry column() {
    WrapGeometry g;
    g.limit = 220;
    g.pitch = 12;
    return g;
}

// The survey tool's red mandatory star, 5 x 10 points at (x, y).
Word red_star(double x, double y) {
    Word star;
    star.text = "*";
    star.box = {x, y, x + 5, y + 10};
    star.font = "Sans-Bold";
    star.size = 10;
    star.rgb[0] = 0.93;
    return star;
}

}  // namespace

TEST_CASE("pdf flow: a line that ends where the next word would not fit was wrapped by the renderer") {
    // "beyond" (6) after "the edge of the" (15) needs 22 > 20 characters
    CHECK(unwrap_lines({wrapped("the edge of the", 0), wrapped("beyond", 12)}, column()) == "the edge of the beyond");
    // "to" fits after "a short line" (12 + 1 + 2): the writer broke the line
    CHECK(unwrap_lines({wrapped("a short line", 0), wrapped("to end", 12)}, column()) == "a short line\nto end");
}

TEST_CASE("pdf flow: gaps of whole lines are blank lines, indentation is kept") {
    CHECK(unwrap_lines({wrapped("one", 0), wrapped("two", 36)}, column()) == "one\n\n\ntwo");
    CHECK(unwrap_lines({wrapped("list:", 0), wrapped("- item", 12, 112)}, column()) == "list:\n  - item");
}

TEST_CASE("pdf flow: words broken at a line end are joined without a space") {
    // a long address filling a line of its own, broken where the line ended
    CHECK(unwrap_lines({wrapped("https://example.org/", 0), wrapped("docs/a.pdf", 12)}, column()) ==
          "https://example.org/docs/a.pdf");
    // broken after a hyphen inside a word: marked, settled once the document is read
    const std::string broken =
        unwrap_lines({wrapped("see www-lesechos-", 0), wrapped("fr.example.org now", 12)}, column());
    CHECK(broken == "see www-lesechos" + std::string(kLineEndHyphen) + "fr.example.org now");
    CHECK(repair_text(broken, Vocabulary{}) == "see www-lesechos-fr.example.org now");
    // a plain word that happens to fill the line is not a broken one
    CHECK(unwrap_lines({wrapped("Communications", 0), wrapped("officer", 12)}, WrapGeometry{184, 12, true}) ==
          "Communications officer");
}

namespace {

struct RepairCase {
    const char* text;        // '|' stands for a hyphen at a line end, '?' for U+FFFD
    const char* vocabulary;  // the document's other words
    const char* repaired;
};

std::string spelled(const char* s) {
    std::string out;
    for (const char* p = s; *p != 0; ++p) {
        if (*p == '|')
            out += kLineEndHyphen;
        else if (*p == '?')
            out += "\xEF\xBF\xBD";
        else
            out += *p;
    }
    return out;
}

}  // namespace

TEST_CASE("pdf words: line-end hyphens joined only where the document spells the word whole, ligatures repaired") {
    const RepairCase cases[] = {
        {"the partner|ship grew", "a partnership of regions", "the partnership grew"},
        {"the partner|ship grew", "", "the partner-ship grew"},  // nothing says it is one word
        {"socio|economic impacts", "socio-economic and economic", "socio-economic impacts"},
        {"socio|economic impacts", "socioeconomic, socio-economic", "socio-economic impacts"},  // both spellings
        {"Aides|Tech", "aidestech", "AidesTech"},
        {"well|being", "WELLBEING", "wellbeing"},
        {"end of line|", "line", "end of line-"},
        {"signi?cant results", "", "significant results"},  // a common word
        {"the o?ce", "", "the office"},
        {"sta? costs", "", "staff costs"},
        {"?nancial", "", "financial"},
        {"a rare?x", "", "a rare?x"},                                               // no word fits: left as it is
        {"the Kra?in project", "Kraftin Kra-flin Kraflin", "the Kraflin project"},  // the document's own word
        {"plain text", "", "plain text"},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        Vocabulary v;
        v.add(c.vocabulary);
        CHECK(repair_text(spelled(c.text), v) == spelled(c.repaired));
    }
}

TEST_CASE("pdf flow: a space drawn at the line end settles a wrap at a space") {
    auto first = wrapped("https://example.org/", 0);
    first.words.back().space_after = true;
    CHECK(unwrap_lines({first, wrapped("docs/a.pdf", 12)}, column()) == "https://example.org/ docs/a.pdf");
}

TEST_CASE("pdf flow: table cells keep no line breaks of their own") {
    WrapGeometry cell;
    cell.limit = 220;
    cell.hard_breaks = false;
    CHECK(unwrap_lines({wrapped("Working", 0), wrapped("area", 12)}, cell) == "Working area");
}

TEST_CASE("pdf flow: cells drawn as rectangles make a table, its rows go on over the page break") {
    PageContent p1;
    p1.number = 1;
    p1.width = 600;
    p1.height = 800;
    // header row: corner + two columns; rows bounded by the first column's boxes
    p1.boxes = {{50, 100, 80, 120}, {80, 100, 200, 120}, {200, 100, 320, 120}, {50, 120, 80, 150}, {50, 150, 80, 180}};
    const auto tables = find_tables(p1, nullptr);
    REQUIRE(tables.size() == 1);
    CHECK(tables[0].header);
    CHECK(tables[0].columns.size() == 3);
    CHECK(tables[0].rows.size() == 3);

    PageContent p2 = p1;
    p2.number = 2;
    p2.boxes = {{50, 40, 80, 70}, {50, 70, 80, 100}};
    const auto carried = find_tables(p2, &tables[0]);
    REQUIRE(carried.size() == 1);
    CHECK_FALSE(carried[0].header);
    CHECK(carried[0].rows.size() == 2);
    // without a table on the page before, lone boxes are no table
    CHECK(find_tables(p2, nullptr).empty());
}

TEST_CASE("pdf flow: a table drawn line by line is found by its rules") {
    PageContent p;
    p.number = 1;
    p.width = 600;
    p.height = 800;
    for (const double y : {100.0, 120.0, 140.0, 160.0}) p.rules.push_back({{50, y, 350, y}});
    for (const double x : {50.0, 150.0, 350.0}) p.rules.push_back({{x, 100, x, 160}});
    const auto tables = find_tables(p, nullptr);
    REQUIRE(tables.size() == 1);
    CHECK(tables[0].columns.size() == 2);
    CHECK(tables[0].rows.size() == 3);
}

TEST_CASE("pdf flow: titles, help, answers, sections and footers of a flattened page") {
    PageContent p;
    p.number = 1;
    p.width = 600;
    p.height = 800;
    auto add = [&p](std::vector<Word> words, double r = 0, double g = 0, double b = 0) {
        for (auto& w : words) {
            w.rgb[0] = r;
            w.rgb[1] = g;
            w.rgb[2] = b;
            p.words.push_back(w);
        }
    };
    add(mono("Contribution ID: 1234abcd-0000", 50, 20, 6, 10, "Sans"));
    add(mono("Form title", 50, 50, 9, 16, "Sans"));
    add(mono("Section one", 50, 90, 7, 13, "Sans"), 0, 0.3, 0.6);
    p.words.push_back(red_star(40, 120));
    add(mono("Your name", 50, 120, 6, 10, "Sans"));
    add(mono("as on your passport", 50, 133, 5, 9, "Sans"), 0.5, 0.5, 0.5);
    add(mono("Ada Lovelace", 60, 150));
    add(mono("A note for everyone.", 50, 190, 6, 10, "Sans"));
    add(mono("Favourite colour", 50, 230, 6, 10, "Sans"));
    add(mono("3", 560, 780, 6, 10, "Sans"));

    model::Document doc;
    doc.meta["contribution_id"] = "1234abcd-0000";  // the survey tool's document: its page-1 header is metadata
    read_flow({p}, {}, doc);
    CHECK(doc.title == "Form title");
    REQUIRE(doc.sections.size() == 1);
    CHECK(doc.sections[0].title == "Section one");
    REQUIRE(doc.questions.size() == 1);
    const auto& q = doc.questions[0];
    CHECK(q.title == "Your name");
    CHECK(q.mandatory);
    CHECK(q.help == "as on your passport");
    CHECK(q.section == 0);
    CHECK(q.answer.kind == model::AnswerKind::text);
    CHECK(q.answer.text == "Ada Lovelace");
    // static text, and a title with nothing under it that no star calls mandatory
    REQUIRE(doc.texts.size() == 2);
    CHECK(doc.texts[0].text == "A note for everyone.");
    CHECK(doc.texts[1].text == "Favourite colour");
}

TEST_CASE("pdf flow: a label with its value on the same line is a question and its answer") {
    PageContent p;
    p.number = 1;
    p.width = 600;
    p.height = 800;
    for (auto& w : mono("Reporting period:", 50, 100, 6, 10, "Sans-Bold")) p.words.push_back(w);
    for (auto& w : mono("July - December 2020", 160, 100, 5, 10, "Sans")) p.words.push_back(w);
    model::Document doc;
    read_flow({p}, {}, doc);
    REQUIRE(doc.questions.size() == 1);
    CHECK(doc.questions[0].title == "Reporting period:");
    CHECK(doc.questions[0].answer.text == "July - December 2020");
}

TEST_CASE("pdf flow: what stands right of a label on its line is its value, in any style") {
    PageContent p;
    p.number = 1;
    p.width = 600;
    p.height = 800;
    for (auto& w : mono("Given Name:", 50, 100, 6, 10, "Sans")) p.words.push_back(w);
    // the value set a little lower, in the same font, in a box further right
    for (auto& w : mono("Ada", 170, 104, 6, 10, "Sans")) p.words.push_back(w);
    model::Document doc;
    read_flow({p}, {}, doc);
    REQUIRE(doc.questions.size() == 1);
    CHECK(doc.questions[0].title == "Given Name:");
    CHECK(doc.questions[0].answer.text == "Ada");
}

TEST_CASE("pdf flow: the survey tool's conventions apply to its documents only") {
    const auto page = [] {
        PageContent p;
        p.number = 1;
        p.width = 600;
        p.height = 800;
        for (auto& w : mono("Date: 12/03/2021", 50, 20, 6, 10, "Sans")) p.words.push_back(w);
        for (auto& w : mono("Form title", 50, 50, 9, 16, "Sans")) p.words.push_back(w);
        p.words.push_back(red_star(40, 120));
        for (auto& w : mono("What did you build", 50, 120, 6, 10, "Sans")) p.words.push_back(w);
        for (auto& w : mono("We build a bridge. Details are on", 60, 140)) p.words.push_back(w);
        for (auto& w : mono("our website", 60, 152)) {  // a link: blue, the answer's size
            w.rgb[1] = 0.3;
            w.rgb[2] = 0.7;
            p.words.push_back(w);
        }
        return p;
    };
    // an ordinary PDF: "Date:" on page 1 is what it says, the link part of the answer
    model::Document plain;
    read_flow({page()}, {}, plain);
    REQUIRE(plain.questions.size() == 1);
    CHECK(plain.questions[0].answer.text == "We build a bridge. Details are on our website");
    for (const auto& x : plain.sections) CHECK(x.title != "our website");
    bool dated = plain.title == "Date: 12/03/2021";
    for (const auto& x : plain.sections) dated = dated || x.title == "Date: 12/03/2021";
    for (const auto& t : plain.texts) dated = dated || t.text == "Date: 12/03/2021";
    for (const auto& q : plain.questions) dated = dated || q.title == "Date: 12/03/2021";
    CHECK(dated);
    // the survey tool's: its page-1 header is metadata
    model::Document eus;
    eus.meta["contribution_id"] = "49964414-f36b-4d3b-b47d-341df5ef6f3c";
    read_flow({page()}, {}, eus);
    for (const auto& t : eus.texts) CHECK(t.text != "Date: 12/03/2021");
}

TEST_CASE("pdf flow: outside the survey tool, numbered labels and labels ending in a colon are fields, blank or not") {
    const auto page = [] {
        PageContent p;
        p.number = 1;
        p.width = 600;
        p.height = 800;
        for (auto& w : mono("Application form", 50, 40, 9, 16, "Sans")) p.words.push_back(w);
        // a numbered label goes on in another style (a hint): still the label
        for (auto& w : mono("1. Surname", 50, 100, 6, 8, "Sans-Bold")) p.words.push_back(w);
        for (auto& w : mono("2. First names", 50, 130, 6, 8, "Sans-Bold")) p.words.push_back(w);
        for (auto& w : mono("3. Date of birth", 50, 160, 6, 8, "Sans-Bold")) p.words.push_back(w);
        for (auto& w : mono("(year-month-day) (any calendar)", 150, 160, 6, 8, "Sans")) p.words.push_back(w);
        for (auto& w : mono("4. Place of birth", 50, 190, 6, 8, "Sans-Bold")) p.words.push_back(w);
        for (auto& w : mono("Date of application :", 400, 220, 6, 8, "Sans-Bold")) p.words.push_back(w);
        return p;
    };
    model::Document doc;
    read_flow({page()}, {}, doc);
    std::vector<std::string> titles;
    for (const auto& q : doc.questions) {
        titles.push_back(q.title);
        CHECK_FALSE(q.answer.answered());  // all left blank
    }
    CHECK(titles == std::vector<std::string>{"1. Surname", "2. First names",
                                             "3. Date of birth (year-month-day) (any calendar)", "4. Place of birth",
                                             "Date of application :"});
    // the survey tool's document: its titles are found by their stars and boxes, not by these rules
    model::Document eus;
    eus.meta["contribution_id"] = "49964414-f36b-4d3b-b47d-341df5ef6f3c";
    read_flow({page()}, {}, eus);
    // (at most the label whose hint, in another style, is read as its answer)
    CHECK(eus.questions.size() <= 1);
}

TEST_CASE("pdf flow: outside the survey tool, the text left of a row of labelled buttons is its question") {
    PageContent p;
    p.number = 1;
    p.width = 600;
    p.height = 800;
    const auto row = [&p](const std::string& title, double y, bool yes) {
        for (auto& w : mono(title, 40, y, 5, 8, "Serif")) p.words.push_back(w);
        Mark a, b;
        a.box = {480, y, 489, y + 9};
        a.checked = yes;
        b.box = {505, y, 514, y + 9};
        b.checked = !yes;
        p.marks.push_back(a);
        p.marks.push_back(b);
        for (auto& w : mono("Yes", 492, y + 1, 4, 6, "Serif")) p.words.push_back(w);
        for (auto& w : mono("No", 517, y + 1, 4, 6, "Serif")) p.words.push_back(w);
    };
    row("1. Have you met the applicant?", 100, true);
    row("2. Is the applicant a customer?", 115, false);
    row("3. Do you recommend the application?", 130, true);
    for (const bool survey_tool : {false, true}) {
        INFO("survey tool " << survey_tool);
        DrawnChoices drawn = read_drawn_choices({p}, survey_tool);
        const std::size_t lists = drawn.questions.size();
        model::Document doc;
        if (survey_tool) doc.meta["contribution_id"] = "49964414-f36b-4d3b-b47d-341df5ef6f3c";
        const auto fields = read_flow({p}, std::move(drawn), doc);
        CHECK(fields.size() == lists);
        if (!survey_tool) {
            REQUIRE(doc.questions.size() == 3);
            CHECK(doc.questions[0].title == "1. Have you met the applicant?");
            CHECK(doc.questions[1].title == "2. Is the applicant a customer?");
            for (std::size_t i = 0; i < 3; ++i) {
                REQUIRE(doc.questions[i].answer.choice.options.size() == 2);
                CHECK(doc.questions[i].answer.choice.options[0].label == "Yes");
                CHECK(doc.questions[i].answer.choice.options[0].selected == (i != 1));
                CHECK(doc.questions[i].answer.choice.options[1].selected == (i == 1));
            }
        } else {
            // the survey tool's lists are never titled so: the three rows are one list of buttons
            REQUIRE(lists == 1);
            REQUIRE(fields.size() == 1);
            CHECK(fields[0].options.size() == 6);
        }
    }
}

TEST_CASE("pdf flow: outside the survey tool, a label and its value in another font beside it, no colon") {
    PageContent p;
    p.number = 1;
    p.width = 600;
    p.height = 800;
    for (auto& w : mono("Text Field", 50, 100, 6, 12, "Serif")) p.words.push_back(w);
    // the value a little higher (its own baseline), an em and a half away, in the filler's font
    for (auto& w : mono("abc def", 128, 98, 6, 12, "Sans")) p.words.push_back(w);
    for (auto& w : mono("Potato", 50, 130, 6, 12, "Serif")) p.words.push_back(w);
    for (auto& w : mono("salad", 110, 130, 6, 12, "Sans")) p.words.push_back(w);
    // a bold phrase inside a sentence, a normal space away: not a label
    for (auto& w : mono("Read the rules", 50, 160, 6, 12, "Serif")) p.words.push_back(w);
    for (auto& w : mono("carefully", 140, 160, 6, 12, "Serif-Bold")) p.words.push_back(w);
    model::Document doc;
    read_flow({p}, {}, doc);
    REQUIRE(doc.questions.size() == 2);
    CHECK(doc.questions[0].title == "Text Field");
    CHECK(doc.questions[0].answer.text == "abc def");
    CHECK(doc.questions[1].title == "Potato");
    CHECK(doc.questions[1].answer.text == "salad");
    // the survey tool's document: no label without its colon
    model::Document eus;
    eus.meta["contribution_id"] = "49964414-f36b-4d3b-b47d-341df5ef6f3c";
    read_flow({p}, {}, eus);
    for (const auto& q : eus.questions) CHECK(q.title != "Potato");
}
