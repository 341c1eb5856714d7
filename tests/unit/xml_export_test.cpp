#include <catch2/catch.hpp>

#include <cstring>
#include <string>
#include <vector>

#include "formsift/extract/extract.hpp"
#include "formsift/normalize/record.hpp"

using namespace formsift;

namespace {

const char* const kExport = R"(<?xml version="1.0" encoding="UTF-8"?>
<Results create="2021-03-01_08-00-00">
  <Survey id="1" uid="S" alias="Demo">
    <Elements lang="EN">
      <Section id="s1" type="Section">Part one</Section>
      <Question id="q-name" type="Free Text">&lt;p&gt;Your &lt;b&gt;name&lt;/b&gt;&lt;/p&gt;</Question>
      <Question id="q-topics" type="Multiple Choice">Topics</Question>
      <Answer id="o-energy" type="Choice Answer">Energy</Answer>
      <Answer id="o-other" type="Choice Answer" dependentElements="q-why">Other</Answer>
      <Question id="q-why" type="Free Text">Which other topic?</Question>
      <MatrixTitle id="m" type="Matrix">Agree?</MatrixTitle>
      <MatrixQuestion id="m-r1" type="Single Choice Matrix Question">Row one</MatrixQuestion>
      <MatrixQuestion id="m-r2" type="Single Choice Matrix Question">Row two</MatrixQuestion>
      <MatrixAnswer id="m-yes" type="Matrix Answer">Yes</MatrixAnswer>
      <MatrixAnswer id="m-no" type="Matrix Answer">No</MatrixAnswer>
      <TableTitle id="t" type="Table">Projects</TableTitle>
      <TableQuestion id="t-r1" type="Table Question">1</TableQuestion>
      <TableAnswer id="t-c1" type="Table Answer">Project</TableAnswer>
      <TableAnswer id="t-c2" type="Table Answer">Budget</TableAnswer>
    </Elements>
    <Elements lang="FR">
      <Section id="s1" type="Section">Première partie</Section>
      <Question id="q-name" type="Free Text">Votre nom</Question>
      <Question id="q-topics" type="Multiple Choice">Thèmes</Question>
      <Answer id="o-energy" type="Choice Answer">Énergie</Answer>
      <Answer id="o-other" type="Choice Answer" dependentElements="q-why">Autre</Answer>
      <Question id="q-why" type="Free Text">Quel autre thème ?</Question>
    </Elements>
  </Survey>
  <Answers>
    <AnswerSet id="c-1" create="2021-03-02_10-15-00" last="2021-03-02_10-15-00" list="1" lang="EN" user="" invitation="">
      <Answer qid="q-name">Ada</Answer>
      <Answer qid="q-topics" aid=" o-energy;o-other "/>
      <Answer aid="m-no" qid="m-r1"/>
      <Answer qid="t-r1" aid="t-c1">Heat network</Answer>
      <Answer qid="t-r1" aid="t-c2"></Answer>
      <Answer qid="q-unknown">stray</Answer>
    </AnswerSet>
    <AnswerSet id="Anonymous" create="2021-03-03_16-40-00" list="2" lang="FR" user="Anonymous" invitation="">
      <Answer qid="q-name">Marie</Answer>
      <Answer qid="q-topics" aid="o-energy"/>
    </AnswerSet>
  </Answers>
</Results>
)";

// The export read through a source that gives `piece` bytes at a time.
std::vector<extract::Part> read_all(const std::string& xml, std::size_t piece = 7) {
    std::size_t offset = 0;
    const extract::ByteSource source = [&](char* buffer, std::size_t size) {
        const std::size_t n = std::min({size, piece, xml.size() - offset});
        std::memcpy(buffer, xml.data() + offset, n);
        offset += n;
        return n;
    };
    std::vector<extract::Part> parts;
    extract::extract_each(source, "export.xml", {}, [&parts](extract::Part&& p) { parts.push_back(std::move(p)); });
    return parts;
}

const model::Question& question(const model::Document& d, const std::string& uid) {
    for (const auto& q : d.questions)
        if (q.source_id == uid) return q;
    FAIL("no question " << uid);
    throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("xml export: an answer set is a document in its own language, ids kept") {
    CHECK(extract::detect_format(kExport) == extract::Format::eusurvey_xml);
    CHECK(extract::holds_many(extract::Format::eusurvey_xml));
    const auto parts = read_all(kExport);
    REQUIRE(parts.size() == 2);
    const model::Document& en = parts[0].result.document;
    CHECK(en.format == "eusurvey-xml");
    CHECK(en.language == "EN");
    CHECK(en.meta.at("contribution_id") == "c-1");
    CHECK(en.meta.at("date") == "02/03/2021 10:15:00");
    CHECK(en.meta.at("survey_alias") == "Demo");
    REQUIRE(en.sections.size() == 1);
    CHECK(en.sections[0].title == "Part one");
    // rich-text titles as text
    CHECK(question(en, "q-name").title == "Your name");
    CHECK(question(en, "q-name").answer.text == "Ada");
    // option ids trimmed and split
    const auto& topics = question(en, "q-topics").answer.choice;
    CHECK(topics.multiple);
    REQUIRE(topics.options.size() == 2);
    CHECK((topics.options[0].selected && topics.options[1].selected));
    // "Other" chosen: the question it shows is there, unanswered
    CHECK(question(en, "q-why").answer.kind == model::AnswerKind::none);
    const auto& m = question(en, "m").answer.matrix;
    CHECK(m.columns == std::vector<std::string>{"Yes", "No"});
    REQUIRE(m.rows.size() == 2);
    CHECK(m.rows[0].selected == std::vector<bool>{false, true});
    CHECK(m.rows[1].selected == std::vector<bool>{false, false});
    const auto& t = question(en, "t").answer.table;
    REQUIRE(t.rows.size() == 1);
    CHECK(t.rows[0].cells == std::vector<std::string>{"Heat network", ""});
    // the answer to an id the elements do not define is reported
    REQUIRE(en.diagnostics.size() == 1);
    CHECK(en.diagnostics[0].code == model::Code::xml_unknown_question);
    CHECK(parts[0].result.status == extract::Status::partial);
    CHECK_FALSE(parts[0].own_bytes.empty());

    const model::Document& fr = parts[1].result.document;
    CHECK(fr.meta.at("anonymous") == "true");
    CHECK(fr.meta.count("contribution_id") == 0);
    CHECK(question(fr, "q-name").title == "Votre nom");
    CHECK(question(fr, "q-topics").answer.choice.options[0].label == "Énergie");
    // "Autre" not chosen: the question it shows is left out
    for (const auto& q : fr.questions) CHECK(q.source_id != "q-why");
    CHECK(parts[1].result.status == extract::Status::ok);
}

TEST_CASE("xml export: answer sets complete before damage come out, the damage is located") {
    std::string cut = kExport;
    cut.resize(cut.find("<Answer qid=\"q-topics\" aid=\"o-energy\"/>"));
    const auto parts = read_all(cut, 512);
    REQUIRE(parts.size() == 2);
    CHECK(parts[0].result.document.meta.at("contribution_id") == "c-1");
    const auto& last = parts[1].result;
    CHECK(last.status == extract::Status::failed);
    REQUIRE(last.document.diagnostics.size() == 1);
    CHECK(last.document.diagnostics[0].code == model::Code::xml_malformed);
    CHECK(last.document.diagnostics[0].locator.rfind("line ", 0) == 0);
    CHECK(last.document.diagnostics[0].message.find("cut short") != std::string::npos);
    // not XML at all: one failed part
    const auto junk = read_all("<Results><Answers><AnswerSet id=\"x\"></Results>");
    REQUIRE_FALSE(junk.empty());
    CHECK(junk.back().result.status == extract::Status::failed);
}

TEST_CASE("xml export: a template with the survey tool's ids matches whatever the titles say") {
    const auto parts = read_all(kExport);
    const normalize::TemplateMatcher m(normalize::load_template(R"(id: demo
sections:
  - id: s
    questions:
      - id: name
        label: Full name of the respondent
        uid: q-name
        type: text
        mandatory: true
      - id: topics
        label: Topics
        uid: [q-topics, q-topics-2019]
        type: multiple_choice
        options: [Energy, Other]
)",
                                                                "demo.yaml"));
    const auto& fr = parts[1].result.document;  // French titles
    const auto record = m.build(fr, m.match(fr));
    REQUIRE(record.answers.size() == 2);
    REQUIRE(record.answers[0].value);
    CHECK(record.answers[0].value->text == "Marie");
    REQUIRE(record.answers[1].value);
    CHECK(record.answers[1].value->items == std::vector<std::string>{"Énergie"});
}

TEST_CASE("xml export: ratings, rankings and uploads (eusurvey-formats.md §4)") {
    const std::string xml = R"(<?xml version="1.0" encoding="UTF-8"?>
<Results create="2021-03-01_08-00-00">
  <Survey id="1" uid="S" alias="Demo">
    <Elements lang="EN">
      <Question id="r" type="Rating">How useful was it</Question>
      <RatingQuestion id="r-1" type="Rating">How useful was it: The talks</RatingQuestion>
      <RatingQuestion id="r-2" type="Rating">How useful was it: The visits</RatingQuestion>
      <RatingQuestion id="r-3" type="Rating">How useful was it: The food</RatingQuestion>
      <Question id="k" type="Ranking">Order these</Question>
      <RankingItem id="k-a" type="Ranking Item">Alpha</RankingItem>
      <RankingItem id="k-b" type="Ranking Item">Beta</RankingItem>
      <RankingItem id="k-c" type="Ranking Item">Gamma</RankingItem>
      <Question id="u" type="File Upload">Your report</Question>
      <Question id="u2" type="File Upload">Annexes</Question>
    </Elements>
  </Survey>
  <Answers>
    <AnswerSet id="c-1" create="2021-03-02_10-15-00" list="1" lang="EN">
      <Answer qid="r-1">4/5</Answer>
      <Answer qid="r-3">1/5</Answer>
      <Answer qid="k">k-c; k-a;k-b</Answer>
      <Answer qid="u">report.pdf;annex 1.docx</Answer>
      <Answer qid="u2">a.pdf</Answer>
      <Answer qid="u2">b.pdf</Answer>
    </AnswerSet>
  </Answers>
</Results>
)";
    const auto parts = read_all(xml);
    REQUIRE(parts.size() == 1);
    const model::Document& d = parts[0].result.document;
    // a rating is a grid: its rows, columns 1/5 to 5/5, the count chosen
    const auto& r = question(d, "r").answer;
    REQUIRE(r.kind == model::AnswerKind::matrix);
    CHECK(r.matrix.columns == std::vector<std::string>{"1/5", "2/5", "3/5", "4/5", "5/5"});
    REQUIRE(r.matrix.rows.size() == 3);
    CHECK(r.matrix.rows[0].label == "The talks");
    CHECK(r.matrix.rows[0].selected == std::vector<bool>{false, false, false, true, false});
    CHECK(r.matrix.rows[1].selected == std::vector<bool>(5, false));
    CHECK(r.matrix.rows[2].selected == std::vector<bool>{true, false, false, false, false});
    // a ranking: its items' labels in the order given
    const auto& k = question(d, "k").answer;
    REQUIRE(k.kind == model::AnswerKind::list);
    CHECK(k.items == std::vector<std::string>{"Gamma", "Alpha", "Beta"});
    // uploads: the files' names, one export path or the other
    CHECK(question(d, "u").answer.items == std::vector<std::string>{"report.pdf", "annex 1.docx"});
    CHECK(question(d, "u2").answer.items == std::vector<std::string>{"a.pdf", "b.pdf"});
    CHECK(d.diagnostics.empty());
}
