#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "blocks.hpp"
#include "formsift/extract/extract.hpp"

using namespace formsift::extract::markdown;
namespace model = formsift::model;
namespace extract = formsift::extract;

namespace {

std::vector<Block> blocks_of(const std::string& text) {
    std::vector<model::Diagnostic> diagnostics;
    return read_blocks(text, 512, diagnostics);
}

model::Document doc_of(const std::string& text) {
    return extract::extract(text, "test.md").document;
}

}  // namespace

TEST_CASE("markdown blocks: tab-separated lines are a table, over a blank line where a page broke") {
    const auto b = blocks_of("Title\n\n\tA\tB\n1\tx\ty\n\n2\tz\tw\n\nAfter\n");
    REQUIRE(b.size() == 3);
    CHECK(b[1].kind == Block::Kind::table);
    REQUIRE(b[1].rows.size() == 3);
    CHECK(b[1].rows[0][1].text == "A");
    CHECK(b[1].rows[2][2].text == "w");
    CHECK(b[1].row_lines == std::vector<int>{3, 4, 6});
    CHECK(b[2].line == 8);
    // indented code and list items written with a tab are not tables
    CHECK(blocks_of("\tcode line\n\tmore code\n").front().kind == Block::Kind::code);
    CHECK(blocks_of("-\tone\n-\ttwo\n").front().kind == Block::Kind::list);
}

TEST_CASE("markdown blocks: bold titles run together stay apart, leftover ** toggles bold") {
    const auto b = blocks_of("**Webpage**<https://example.org>**I. Report****\\* Summary**\n");
    REQUIRE(b.size() == 1);
    const auto& r = b[0].runs;
    REQUIRE(r.size() == 4);
    CHECK((r[0].strong && r[0].text == "Webpage"));
    CHECK((!r[1].strong && r[1].text == "https://example.org"));
    CHECK((r[2].strong && r[2].text == "I. Report"));
    CHECK((r[3].strong && r[3].text == "* Summary"));
}

TEST_CASE("markdown blocks: list items keep their markers and nesting, task lists their marks") {
    const auto b = blocks_of("- a\n- b:\n  - c\n\n4. d\n\n4. e\n\n- [x] yes\n- [ ] no\n");
    REQUIRE(b.size() == 3);
    CHECK(b[0].text == "- a\n- b:\n  - c");
    CHECK(b[1].text == "4. d\n\n4. e");
    CHECK(b[2].tasks);
    CHECK(b[2].task_items == std::vector<std::pair<std::string, bool>>{{"yes", true}, {"no", false}});
}

TEST_CASE("markdown blocks: buttons in cells, as HTML or as marks") {
    Cell html{R"(<input checked="" type="radio"/>)", 0, 0, false};
    count_buttons(html);
    CHECK((html.buttons == 1 && html.checked == 1));
    Cell box{"<INPUT TYPE=checkbox>", 0, 0, false};
    count_buttons(box);
    CHECK((box.buttons == 1 && box.checked == 0 && box.checkbox));
    Cell mark{" [x] ", 0, 0, false};
    count_buttons(mark);
    CHECK((mark.buttons == 1 && mark.checked == 1));
    Cell text{"<p>Viken</p>", 0, 0, false};
    count_buttons(text);
    CHECK(text.buttons == 0);
}

TEST_CASE("markdown: titles, stars, help and answers") {
    const auto d = doc_of(
        "# The form\n\nFields marked with \\* are mandatory.\n\n## Part one\n\n### \\* Your name\n\nAda\n\n"
        "**\\* Your regions**\n\n*One a line*\n\n- 1 Alpha\n- 2 Beta\n\n**Remarks**\n\n**Website**\n");
    CHECK(d.format == "markdown");
    CHECK(d.title == "The form");
    REQUIRE(d.sections.size() == 1);
    CHECK(d.sections[0].title == "Part one");
    REQUIRE(d.questions.size() == 2);
    CHECK(d.questions[0].title == "Your name");
    CHECK(d.questions[0].mandatory);
    CHECK(d.questions[0].answer.text == "Ada");
    CHECK(d.questions[0].where.line == 7);
    CHECK(d.questions[1].title == "Your regions");
    CHECK(d.questions[1].help == "One a line");
    CHECK(d.questions[1].answer.text == "- 1 Alpha\n- 2 Beta");
    CHECK(d.questions[1].answer.where.line == 15);
    // bold titles that nothing answers or marks are text
    REQUIRE(d.texts.size() == 2);
    CHECK(d.texts[0].text == "Remarks");
}

TEST_CASE("markdown: a paragraph or heading over a table titles it, radio cells make a matrix") {
    const auto d = doc_of(
        "Please list the events\n\n\tEvent\tDate\n1\tKick-off\tMay\n2\t\t\n\n#### Rate the goals\n\n"
        "| | Agree | Disagree |\n|---|---|---|\n| Goal 1 | [x] | [ ] |\n| Goal 2 | [ ] | [ ] |\n");
    REQUIRE(d.questions.size() == 2);
    const auto& t = d.questions[0];
    CHECK(t.title == "Please list the events");
    REQUIRE(t.answer.kind == model::AnswerKind::table);
    CHECK(t.answer.table.columns == std::vector<std::string>{"Event", "Date"});
    REQUIRE(t.answer.table.rows.size() == 2);
    CHECK(t.answer.table.rows[0].header == "1");
    CHECK(t.answer.table.rows[0].cells == std::vector<std::string>{"Kick-off", "May"});
    const auto& m = d.questions[1];
    CHECK(m.title == "Rate the goals");
    REQUIRE(m.answer.kind == model::AnswerKind::matrix);
    CHECK(m.answer.matrix.columns == std::vector<std::string>{"Agree", "Disagree"});
    REQUIRE(m.answer.matrix.rows.size() == 2);
    CHECK(m.answer.matrix.rows[0].selected == std::vector<bool>{true, false});
    CHECK(m.answer.matrix.rows[1].selected == std::vector<bool>{false, false});
}

TEST_CASE("markdown: a task list under a title is a choice, text that is no form is texts") {
    const auto d = doc_of("### Which sessions?\n\n- [x] Opening\n- [ ] Closing\n");
    REQUIRE(d.questions.size() == 1);
    REQUIRE(d.questions[0].answer.kind == model::AnswerKind::choice);
    CHECK(d.questions[0].answer.choice.multiple);
    REQUIRE(d.questions[0].answer.choice.options.size() == 2);
    CHECK(d.questions[0].answer.choice.options[0].selected);
    const auto notes = doc_of("Meeting notes\n\nWe met on Monday.\n\n- coffee\n- cake\n");
    CHECK(notes.questions.empty());
    CHECK(notes.texts.size() == 3);
}

TEST_CASE("markdown: nesting deeper than the limit is reported, not followed") {
    std::string deep(2000, '>');
    deep += " bottom\n";
    std::vector<model::Diagnostic> diagnostics;
    read_blocks(deep, 100, diagnostics);
    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics[0].code == model::Code::markdown_too_deep);
}
