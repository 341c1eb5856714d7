#include <catch2/catch.hpp>

#include "formsift/extract/error.hpp"
#include "formsift/extract/extract.hpp"

using namespace formsift;
using model::AnswerKind;

namespace {

model::Document doc_of(const std::string& html) {
    return extract::extract(html, "t.html").document;
}

const model::Question& question(const model::Document& d, const std::string& title) {
    for (const auto& q : d.questions)
        if (q.title == title) return q;
    FAIL("no question titled '" << title << "'");
    throw std::logic_error("unreachable");
}

const model::Field& field(const model::Document& d, const std::string& name) {
    for (const auto& f : d.fields)
        if (f.name == name) return f;
    FAIL("no field named '" << name << "'");
    throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("html: checked counts in every spelling") {
    const auto d = doc_of(R"(<form><p>Pick</p>
        <input type=checkbox name=c value=a checked> A
        <input type=checkbox name=c value=b checked=""> B
        <input type=checkbox name=c value=c CHECKED> C
        <input type=checkbox name=c value=d checked="checked"> D
        <input type=checkbox name=c value=e> E</form>)");
    const auto& f = field(d, "c");
    REQUIRE(f.options.size() == 5);
    for (int i = 0; i < 4; ++i) CHECK(f.options[static_cast<std::size_t>(i)].selected);
    CHECK_FALSE(f.options[4].selected);
}

TEST_CASE("html: a checked radio selects its option, labelled by label for=") {
    const auto d = doc_of(R"(<form><fieldset><legend>Size</legend>
        <input type=radio id=s name=size value=s><label for=s>Small</label>
        <input type=radio id=l name=size value=l checked><label for=l>Large</label></fieldset></form>)");
    const auto& q = question(d, "Size");
    REQUIRE(q.answer.kind == AnswerKind::choice);
    CHECK_FALSE(q.answer.choice.multiple);
    REQUIRE(q.answer.choice.selected().size() == 1);
    CHECK(q.answer.choice.selected()[0]->label == "Large");
    CHECK(q.answer.choice.selected()[0]->value == "l");
}

TEST_CASE("html: nested labels, textarea, select and text inputs give answers") {
    const auto d = doc_of(R"(<form>
        <label>Your name <input name=n value="Ann"></label>
        <label for=t>Notes</label><textarea id=t name=t>
line one
line two</textarea>
        <label for=s>Country</label><select id=s name=s><option value="">choose</option><option selected>France</option></select>
        <label for=m>Topics</label><select id=m name=m multiple><option selected>A</option><option>B</option><option selected>C</option></select>
        </form>)");
    CHECK(question(d, "Your name").answer.text == "Ann");
    CHECK(question(d, "Notes").answer.text == "line one\nline two");
    const auto& s = question(d, "Country");
    REQUIRE(s.answer.choice.selected().size() == 1);
    CHECK(s.answer.choice.selected()[0]->label == "France");
    const auto& m = question(d, "Topics");
    CHECK(m.answer.choice.multiple);
    CHECK(m.answer.choice.selected().size() == 2);
}

TEST_CASE("html: required, aria-required and a star in the label mark a question mandatory") {
    const auto d = doc_of(R"(<form>
        <label for=a>A</label><input id=a name=a required>
        <label for=b>B</label><input id=b name=b aria-required="true">
        <label for=c>C *</label><input id=c name=c>
        <label for=e>E</label><input id=e name=e></form>)");
    CHECK(question(d, "A").mandatory);
    CHECK(question(d, "B").mandatory);
    CHECK(question(d, "C").mandatory);
    CHECK_FALSE(question(d, "E").mandatory);
    CHECK(field(d, "a").required);
    CHECK_FALSE(field(d, "c").required);  // fields report the attribute, as a browser does
}

TEST_CASE("html: hidden elements, helpers, scripts and styles are skipped") {
    const auto d =
        doc_of(R"(<html><head><style>label{}</style><script>var x = "<label>Fake</label>";</script></head><body><form>
        <div style="display: none"><label for=h>Hidden</label><input id=h name=h value=x></div>
        <input type=hidden name=token value=t>
        <input name=attr hidden value=y>
        <label for=v>Visible <span class="sr-only">(required)</span></label><input id=v name=v value=z>
        </form></body></html>)");
    REQUIRE(d.questions.size() == 1);
    CHECK(d.questions[0].title == "Visible");
    // the raw fields still list CSS-hidden controls, marked hidden
    CHECK(field(d, "h").hidden);
    for (const auto& f : d.fields) CHECK(f.name != "token");
}

TEST_CASE("html: a browser keeps the last of several checked radios, the question keeps both") {
    const auto d = doc_of(
        R"(<form><p>Q</p><input type=radio name=r value=1 checked> One <input type=radio name=r value=2 checked> Two</form>)");
    const auto& f = field(d, "r");
    CHECK_FALSE(f.options[0].selected);
    CHECK(f.options[1].selected);
    REQUIRE(d.field_diagnostics.size() == 1);
    CHECK(d.field_diagnostics[0].code == model::Code::radio_group_conflict);
    CHECK(question(d, "Q").answer.choice.selected().size() == 2);
}

TEST_CASE("html: a select-one without selection shows its first enabled option in fields, no answer in questions") {
    const auto d = doc_of(
        R"(<form><label for=s>S</label><select id=s name=s><option disabled>x</option><option value=a>A</option></select></form>)");
    const auto& f = field(d, "s");
    CHECK_FALSE(f.options[0].selected);
    CHECK(f.options[1].selected);
    CHECK(question(d, "S").answer.choice.selected().empty());
}

TEST_CASE("html: input values are sanitised like a browser's") {
    const auto d = doc_of(
        R"(<form><input name=n type=number value="12abc"><input name=e type=email value="  a@b.c "><input name=d type=date value="2021-02-30"><input name=t value="a
b"></form>)");
    CHECK(field(d, "n").value.empty());
    CHECK(field(d, "e").value == "a@b.c");
    CHECK(field(d, "d").value.empty());
    CHECK(field(d, "t").value == "ab");
}

TEST_CASE("html: table layouts label a control by the neighbouring cell") {
    const auto d = doc_of(R"(<form><table><tr><td>Name *</td><td><input name=n value="X"></td></tr>
        <tr><td>Kind</td><td><input type=radio name=k value=a checked> Apple <input type=radio name=k value=b> Pear</td></tr></table></form>)");
    const auto& n = question(d, "Name");
    CHECK(n.mandatory);
    CHECK(n.answer.text == "X");
    const auto& k = question(d, "Kind");
    REQUIRE(k.answer.choice.options.size() == 2);
    CHECK(k.answer.choice.options[0].label == "Apple");
}

TEST_CASE("html: print view elements become sections, texts and questions") {
    const auto d = doc_of(
        R"(<html><body><div>Contribution ID: 3f1c2a9e-6b7d-4e21-9a0c-5d8e7f6a1b2c</div><div>Date: 15/07/2020 11:42:07</div>
      <div class="surveytitle">My survey</div>
      <div class="survey-element" id="1"><div class="sectiontitle section1">Part A</div></div>
      <div class="survey-element" id="2"><div class="text"><p>Intro text</p></div></div>
      <div class="survey-element" id="3"><span class="mandatory">*</span><div class="questiontitle">Period</div>
        <div class="limits">100 character(s) maximum</div><div class="questionhelp">Help here</div>
        <pre><div>January - June 2020</div></pre></div>
      <div class="survey-element" id="4" style="display: none;"><span class="mandatory">*</span><div class="questiontitle">Hidden one</div><pre></pre></div>
      </body></html>)");
    CHECK(d.title == "My survey");
    CHECK(d.meta.at("contribution_id") == "3f1c2a9e-6b7d-4e21-9a0c-5d8e7f6a1b2c");
    CHECK(d.meta.at("date") == "15/07/2020 11:42:07");
    REQUIRE(d.sections.size() == 1);
    CHECK(d.sections[0].title == "Part A");
    REQUIRE(d.texts.size() == 1);
    CHECK(d.texts[0].text == "Intro text");
    REQUIRE(d.questions.size() == 1);
    const auto& q = d.questions[0];
    CHECK(q.title == "Period");
    CHECK(q.mandatory);
    CHECK(q.limits == "100 character(s) maximum");
    CHECK(q.help == "Help here");
    CHECK(q.answer.text == "January - June 2020");
    CHECK(q.section == 0);
}

TEST_CASE("html: print view matrix rows, header and per-row stars") {
    const auto d =
        doc_of(R"(<div class="survey-element"><div class="questiontitle">Grid</div><table class="matrixtable">
      <tr><td class="matrix-header"></td><td class="matrix-header">Yes</td><td class="matrix-header">No</td></tr>
      <tr class="hideme"><td>radio button</td></tr>
      <tr class="matrix-question"><td><span class="mandatory">*</span>Row 1</td><td><input type="radio" checked="checked"></td><td><input type="radio"></td></tr>
      <tr class="matrix-question"><td>Row 2</td><td><input type="radio"></td><td><input type="radio"></td></tr>
      <tr class="matrix-question" style="display: none;"><td>Row 3</td><td><input type="radio"></td><td><input type="radio"></td></tr>
      </table></div>)");
    const auto& q = question(d, "Grid");
    CHECK_FALSE(q.mandatory);  // a star in a row belongs to the row, not the matrix
    REQUIRE(q.answer.kind == AnswerKind::matrix);
    const auto& m = q.answer.matrix;
    CHECK(m.columns == std::vector<std::string>{"Yes", "No"});
    REQUIRE(m.rows.size() == 2);
    CHECK(m.rows[0].label == "Row 1");
    CHECK(m.rows[0].mandatory);
    CHECK(m.rows[0].selected == std::vector<bool>{true, false});
    CHECK(m.rows[1].selected == std::vector<bool>{false, false});
}

TEST_CASE("html: print view ratings, rankings and uploads (eusurvey-formats.md §2.3, §3)") {
    const auto d = doc_of(R"(<div class="survey-element"><div class="questiontitle">How useful was it</div>
      <table class="ratingtable">
      <tr><td>The talks</td><td><span class="ratingitem"><img src="/eusurvey/resources/images/star_yellow.png"/></span><span class="ratingitem"><img src="/eusurvey/resources/images/star_yellow.png"/></span><span class="ratingitem"><img src="/eusurvey/resources/images/star_grey.png"/></span></td></tr>
      <tr><td>The food</td><td><span class="ratingitem"><img src="heart_grey.png"/></span><span class="ratingitem"><img src="heart_grey.png"/></span><span class="ratingitem"><img src="heart_grey.png"/></span></td></tr>
      </table></div>
      <div class="survey-element"><div class="questiontitle">Order these</div>
      <div class="ranking-question-initial-answer-message">Use drag&amp;drop or the up/down buttons to change the order or accept the initial order.</div>
      <div class="rankingitem-form-data"><table><tr><td><img src="drag.png"/></td><td><div class="rankingitemtext">Gamma</div></td></tr></table></div>
      <div class="rankingitem-form-data"><table><tr><td><img src="drag.png"/></td><td><div class="rankingitemtext">Alpha</div></td></tr></table></div>
      </div>
      <div class="survey-element"><div class="questiontitle">Your report</div><div class="uploaded-files">report.pdf<br /><br />annex 1.docx<br /><br /></div></div>
      <div class="survey-element"><div class="questiontitle">Annexes</div><div class="uploaded-files"></div></div>)");
    const auto& r = question(d, "How useful was it").answer;
    REQUIRE(r.kind == AnswerKind::matrix);
    CHECK(r.matrix.columns == std::vector<std::string>{"1/3", "2/3", "3/3"});
    REQUIRE(r.matrix.rows.size() == 2);
    CHECK(r.matrix.rows[0].label == "The talks");
    CHECK(r.matrix.rows[0].selected == std::vector<bool>{false, true, false});
    CHECK(r.matrix.rows[1].selected == std::vector<bool>{false, false, false});
    const auto& k = question(d, "Order these").answer;
    REQUIRE(k.kind == AnswerKind::list);
    CHECK(k.items == std::vector<std::string>{"Gamma", "Alpha"});
    CHECK(question(d, "Your report").answer.items == std::vector<std::string>{"report.pdf", "annex 1.docx"});
    CHECK(question(d, "Annexes").answer.kind == AnswerKind::none);
}

TEST_CASE("html: print view tables keep every row and literal markup in cells") {
    const auto d =
        doc_of(R"(<div class="survey-element"><div class="questiontitle">Events</div><table class="tabletable">
      <tr><td></td><td>Event</td><td>Date</td></tr>
      <tr><td>1</td><td><pre>&lt;p&gt;Kick-off&lt;/p&gt;</pre></td><td><pre>May</pre></td></tr>
      <tr><td>2</td><td><pre></pre></td><td><pre></pre></td></tr></table></div>)");
    const auto& t = question(d, "Events").answer.table;
    CHECK(t.columns == std::vector<std::string>{"Event", "Date"});
    REQUIRE(t.rows.size() == 2);
    CHECK(t.rows[0].header == "1");
    CHECK(t.rows[0].cells[0] == "<p>Kick-off</p>");
    CHECK(t.rows[1].cells[0].empty());
}

TEST_CASE("html: nesting past the parser's limit is a located warning, not a crash") {
    std::string html = "<html><body>";
    for (int i = 0; i < 10000; ++i) html += "<div>";
    html += "deep";
    const auto r = extract::extract(html, "deep.html");
    CHECK(r.status == extract::Status::partial);
    REQUIRE_FALSE(r.document.diagnostics.empty());
    CHECK(r.document.diagnostics[0].code == model::Code::html_too_deep);
    CHECK(r.document.diagnostics[0].locator == "line 1");
}

TEST_CASE("html: empty, binary and oversized input throw one located error type") {
    using Catch::Matchers::Contains;
    CHECK_THROWS_WITH(extract::extract("", "e.html"), Contains("e.html: error: file is empty [input-empty]"));
    CHECK_THROWS_WITH(extract::extract(std::string("\x01\x02\0\x03", 4), "b.bin"), Contains("[input-binary]"));
    extract::Options small;
    small.limits.max_bytes = 4;
    CHECK_THROWS_AS(extract::extract("<p>hello</p>", "big.html", small), formsift::Error);
}

TEST_CASE("html: long answers are cut at the limit with a warning, on a UTF-8 boundary") {
    extract::Options o;
    o.limits.max_text = 5;
    const auto r = extract::extract(
        "<form><label for=t>T</label><textarea id=t name=t>abcd\xC3\xA9xyz</textarea></form>", "t.html", o);
    REQUIRE(r.document.questions.size() == 1);
    CHECK(r.document.questions[0].answer.text == "abcd");
    CHECK(r.status == extract::Status::partial);
}

TEST_CASE("html: format detection looks at content, not names") {
    CHECK(extract::detect_format("%PDF-1.7\n") == extract::Format::pdf);
    CHECK(extract::detect_format("  <!DOCTYPE html><p>") == extract::Format::html);
    CHECK(extract::detect_format("<?xml version=\"1.0\"?><Results>") == extract::Format::eusurvey_xml);
    CHECK(extract::detect_format("# Title\n\ntext") == extract::Format::markdown);
    CHECK(extract::detect_format(" \n\t") == extract::Format::empty);
}

TEST_CASE("html: answers escaped entity by entity (as the survey tool's encoder does) decode to their text") {
    const auto d = doc_of(
        R"(<div class="survey-element"><div class="questiontitle">Place</div><pre><div>Caf&#xe9; &#x28;Z&#xfc;rich&#x29;&#x3a; &#x201c;ok&#x201d; &amp; &lt;p&gt;</div></pre></div>)");
    CHECK(question(d, "Place").answer.text == "Café (Zürich): “ok” & <p>");
}
