#include <catch2/catch.hpp>

#include "formsift/normalize/record.hpp"

using namespace formsift;
using namespace formsift::normalize;

namespace {

Template tmpl() {
    return load_template(R"(id: demo
versions: ["1"]
sections:
  - id: s
    questions:
      - id: name
        label: Your name
        type: text
        mandatory: true
      - id: colour
        label: Favourite colour
        type: single_choice
        options: [Red, Green]
      - id: regions
        label: List of regions
        type: list
      - id: events
        label: Events
        type: table
        columns: [Event, Date]
      - id: grid
        label: Agreement
        type: matrix
        columns: [Yes, No]
        rows: [Row A, Row B]
)",
                         "demo.yaml");
}

model::Question text_q(const std::string& title, const std::string& text, bool mandatory = false) {
    model::Question q;
    q.title = title;
    q.mandatory = mandatory;
    q.answer.kind = model::AnswerKind::text;
    q.answer.text = text;
    return q;
}

const RecordAnswer& answer(const Record& r, const std::string& id) {
    for (const auto& a : r.answers)
        if (a.question == id) return a;
    FAIL("no answer " << id);
    throw std::logic_error("unreachable");
}

// The findings about what a document says. The demo template's questions a
// test's document leaves out are each a question-not-found; those are
// checked by tests of their own.
std::vector<Finding> said(const Record& r) {
    std::vector<Finding> out;
    for (const auto& f : r.findings)
        if (f.code != model::Code::question_not_found) out.push_back(f);
    return out;
}

std::vector<std::string> codes(const Record& r) {
    std::vector<std::string> out;
    for (const auto& f : said(r)) out.push_back(std::string(model::to_string(f.code)) + ":" + f.question);
    return out;
}

std::vector<std::string> not_found(const Record& r) {
    std::vector<std::string> out;
    for (const auto& f : r.findings)
        if (f.code == model::Code::question_not_found) out.push_back(f.question);
    return out;
}

}  // namespace

TEST_CASE("record: questions match template labels despite numbering and small wording changes") {
    model::Document d;
    d.questions.push_back(text_q("1. Your name:", "Ann"));
    d.questions.push_back(text_q("List of the regions", "1 Andalusia (ES)\n2 Lapland (FI)"));
    const auto r = build_record(d, tmpl(), 1.0);
    CHECK(answer(r, "name").value->text == "Ann");
    CHECK(answer(r, "regions").value->items == std::vector<std::string>{"Andalusia (ES)", "Lapland (FI)"});
    CHECK_FALSE(answer(r, "colour").value.has_value());
    CHECK_FALSE(answer(r, "colour").found);
}

TEST_CASE("record: a mandatory question without answer is missing-mandatory, from template or document") {
    model::Document d;
    d.questions.push_back(text_q("Your name", "   \n "));
    d.questions.push_back(text_q("Extra question", "", true));
    const auto r = build_record(d, tmpl(), 1.0);
    CHECK(codes(r) == std::vector<std::string>{"missing-mandatory:name", "unmatched-question:extra_question",
                                               "missing-mandatory:extra_question"});
    CHECK(said(r)[0].severity() == model::Severity::error);
    CHECK(said(r)[1].severity() == model::Severity::info);
    CHECK(has_errors(r));
}

TEST_CASE("record: a mandatory template question absent from the document is missing too") {
    model::Document d;
    const auto r = build_record(d, tmpl(), 0.0);
    CHECK(codes(r) == std::vector<std::string>{"missing-mandatory:name"});
}

TEST_CASE("record: single choice with two selections is an error and keeps both") {
    model::Document d;
    model::Question q;
    q.title = "Favourite colour";
    q.answer.kind = model::AnswerKind::choice;
    q.answer.choice.options = {{"red", "r", true, {}}, {"Green", "g", true, {}}};
    d.questions.push_back(q);
    const auto r = build_record(d, tmpl(), 1.0);
    const auto& v = *answer(r, "colour").value;
    CHECK(v.kind == Value::Kind::list);
    CHECK(v.items == std::vector<std::string>{"Red", "Green"});  // labels take the template's spelling
    CHECK(codes(r) == std::vector<std::string>{"missing-mandatory:name", "multiple-selections:colour"});
}

TEST_CASE("record: table padding rows are dropped and columns keyed by the template") {
    model::Document d;
    model::Question q;
    q.title = "Events";
    q.answer.kind = model::AnswerKind::table;
    q.answer.table.columns = {"event", "Date"};
    q.answer.table.rows = {
        {"1", false, {"<p>Kick-off</p>", "May"}, {}}, {"2", false, {"", "  "}, {}}, {"3", false, {"Review", ""}, {}}};
    d.questions.push_back(q);
    const auto r = build_record(d, tmpl(), 1.0);
    const auto& rows = answer(r, "events").value->rows;
    REQUIRE(rows.size() == 2);
    CHECK(rows[0] == std::vector<std::pair<std::string, std::string>>{{"Event", "Kick-off"}, {"Date", "May"}});
    CHECK(rows[1][0].second == "Review");
    CHECK(codes(r) == std::vector<std::string>{"missing-mandatory:name"});  // no finding for padding rows
}

TEST_CASE("record: matrix rows map to columns, unanswered rows are warnings and absent") {
    model::Document d;
    model::Question q;
    q.title = "Agreement";
    q.answer.kind = model::AnswerKind::matrix;
    q.answer.matrix.columns = {"Yes", "No"};
    q.answer.matrix.rows = {{"Row A", false, {false, true}, {}}, {"Row B", false, {false, false}, {}}};
    d.questions.push_back(q);
    const auto r = build_record(d, tmpl(), 1.0);
    const auto& m = answer(r, "grid").value->mapping;
    REQUIRE(m.size() == 1);
    CHECK(m[0].first == "Row A");
    CHECK(m[0].second == std::vector<std::string>{"No"});
    CHECK(codes(r) == std::vector<std::string>{"missing-mandatory:name", "unanswered-matrix-row:grid"});
    CHECK(said(r)[1].severity() == model::Severity::warning);
}

TEST_CASE("record: an unanswered matrix row with a star of its own is a missing mandatory answer naming the row") {
    model::Document d;
    model::Question q;
    q.title = "Agreement";
    q.answer.kind = model::AnswerKind::matrix;
    q.answer.matrix.columns = {"Yes", "No"};
    q.answer.matrix.rows = {{"Row A", true, {false, false}, {}}, {"Row B", false, {false, false}, {}}};
    d.questions.push_back(q);
    const auto r = build_record(d, tmpl(), 1.0);
    CHECK(codes(r) ==
          std::vector<std::string>{"missing-mandatory:name", "missing-mandatory:grid", "unanswered-matrix-row:grid"});
    CHECK(said(r)[1].severity() == model::Severity::error);
    CHECK(said(r)[1].message == "mandatory row \"Row A\" of \"Agreement\" has no answer");
    CHECK(said(r)[2].severity() == model::Severity::warning);
}

TEST_CASE("record: two selections in a single-choice matrix row are an error") {
    model::Document d;
    model::Question q;
    q.title = "Agreement";
    q.answer.kind = model::AnswerKind::matrix;
    q.answer.matrix.columns = {"Yes", "No"};
    q.answer.matrix.rows = {{"Row A", false, {true, true}, {}}};
    d.questions.push_back(q);
    const auto r = build_record(d, tmpl(), 1.0);
    CHECK(answer(r, "grid").value->mapping[0].second.size() == 2);
    CHECK(codes(r) == std::vector<std::string>{"missing-mandatory:name", "multiple-selections:grid"});
}

TEST_CASE("record: generic records key answers by title slugs, unique") {
    model::Document d;
    d.questions.push_back(text_q("Your name?", "Ann"));
    d.questions.push_back(text_q("Your name", "Bob"));
    d.questions.push_back(text_q("Required thing", "", true));
    const auto r = build_generic_record(d);
    CHECK(r.answers[0].question == "your_name");
    CHECK(r.answers[1].question == "your_name_2");
    CHECK_FALSE(r.template_match.has_value());
    CHECK(codes(r) == std::vector<std::string>{"missing-mandatory:required_thing"});
}

TEST_CASE("record: template score is the share of its questions found, and their order") {
    model::Document d;
    d.questions.push_back(text_q("Your name", "Ann"));
    d.questions.push_back(text_q("Favourite colour", ""));
    // 2 of 5 found (0.9 × 0.4), in the template's order (0.1 × 1)
    CHECK(score_template(tmpl(), d) == Approx(0.46));
    std::swap(d.questions[0], d.questions[1]);
    CHECK(score_template(tmpl(), d) == Approx(0.41));  // one of the two out of order
    CHECK(score_template(tmpl(), model::Document{}) == 0.0);
}

TEST_CASE("record: a template finds its questions among plain texts and headings") {
    // a text export: titles as plain paragraphs (and one as a heading), answers under them
    model::Document doc;
    auto at = [](int line) {
        model::Provenance p;
        p.line = line;
        return p;
    };
    doc.sections.push_back({"Part one", 1, at(1), {}});
    doc.texts.push_back({"Your name", 0, at(3)});
    doc.texts.push_back({"Ada", 0, at(5)});
    doc.texts.push_back({"Lovelace", 0, at(7)});
    doc.sections.push_back({"Favourite colour", 2, at(9), {}});
    doc.texts.push_back({"Green", 1, at(11)});
    doc.sections.push_back({"Part two", 1, at(13), {}});
    doc.texts.push_back({"A note, not an answer.", 2, at(15)});
    doc.questions.push_back(text_q("List of regions", "1 Alpha\n2 Beta"));
    doc.questions.back().where = at(17);
    const TemplateMatcher m(tmpl());
    const auto match = m.match(doc);
    CHECK(match.in_texts.size() == 2);
    const Record r = m.build(doc, match);
    REQUIRE(answer(r, "name").value);
    CHECK(answer(r, "name").value->text == "Ada\n\nLovelace");
    CHECK(answer(r, "name").where.line == 5);
    REQUIRE(answer(r, "colour").value);
    CHECK(answer(r, "colour").value->text == "Green");
    CHECK(answer(r, "regions").value->items == std::vector<std::string>{"Alpha", "Beta"});
    // three of five questions found: the score counts those the texts gave
    CHECK(match.score > 0.5);
    CHECK(codes(r) == std::vector<std::string>{});
}

TEST_CASE("record: labels match through real-world drift") {
    const TemplateMatcher m(load_template(R"(id: drift
sections:
  - id: s
    questions:
      - id: period
        label: Reporting period
        type: text
      - id: webpage
        label: Partnership's webpage
        type: url
      - id: business
        label: Evaluation of the involvement of relevant business sector (clusters, SMEs, business associations, chambers of commerce) in the Partnership activities
        type: text
      - id: regions
        label: Please provide the list of participating regions
        alt_labels: [Veuillez indiquer la liste des régions participantes]
        type: list
      - id: goals
        label: Which goals does the partnership address?
        type: text
      - id: results
        label: Innovative results
        type: text
)",
                                          "drift.yaml"));
    model::Document doc;
    for (const char* title : {
             "1. Reporting period:",        // numbering, colon
             "a) * PARTNERSHIP’S WEBPAGE",  // letter, star, case, smart quote
             "Assessment of the involvement of relevant business sector (clusters, SMEs, business "
             "associations, chambers of commerce) in the Partnership activities",  // a reworded word
             "Veuillez indiquer la liste des régions participantes",               // the translation
             "II. Which goals does the partnership address ?",                     // roman numeral, spacing
             "*Innovative results*",                                               // stars around
         })
        doc.questions.push_back(text_q(title, "x"));
    const auto match = m.match(doc);
    REQUIRE(match.by_doc.size() == 6);
    for (std::size_t d = 0; d < 6; ++d) {
        INFO(doc.questions[d].title);
        CHECK(match.by_doc[d] == static_cast<int>(d));
    }
    // a different question is not taken for one of them
    model::Document other;
    other.questions.push_back(text_q("Please provide the list of leading regions", "x"));
    CHECK(m.match(other).by_doc == std::vector<int>{-1});
}

TEST_CASE(
    "record: a date, address or e-mail answer is read as its type beside its text, and one that does not read is "
    "said") {
    const TemplateMatcher m(load_template(R"(id: typed
sections:
  - id: s
    questions:
      - id: period
        label: Reporting period
        type: date
      - id: site
        label: Webpage
        type: url
      - id: mail
        label: Contact e-mail
        type: email
)",
                                          "typed.yaml"));
    model::Document doc;
    doc.questions.push_back(text_q("Reporting period", "January - June 2020"));
    doc.questions.push_back(text_q("Webpage", "<www.example.org>."));
    doc.questions.push_back(text_q("Contact e-mail", "ada at example dot org"));
    const Record r = m.build(doc, m.match(doc));
    REQUIRE(answer(r, "period").parsed);
    CHECK(answer(r, "period").parsed->value == "2020-01/2020-06");
    CHECK(answer(r, "period").parsed->interval);
    CHECK(answer(r, "period").value->text == "January - June 2020");  // the text as written stays
    REQUIRE(answer(r, "site").parsed);
    CHECK(answer(r, "site").parsed->value == "https://www.example.org");
    CHECK_FALSE(answer(r, "mail").parsed);
    CHECK(answer(r, "mail").value->text == "ada at example dot org");  // kept, not dropped
    CHECK(codes(r) == std::vector<std::string>{"invalid-email:mail"});
}

TEST_CASE("record: list items, table cells, amounts and counts are read as the template types them") {
    const TemplateMatcher m(load_template(R"(id: typed
sections:
  - id: s
    questions:
      - id: period
        label: Reporting period
        type: date
      - id: regions
        label: Participating regions
        type: list
        items: region
      - id: budget
        label: Total budget
        type: amount
      - id: members
        label: Number of member regions
        type: number
      - id: events
        label: Events
        type: table
        columns: [Event, Date, Cost]
        column_types: {Date: date, Cost: amount}
        year_from: period
        within: period
)",
                                          "typed.yaml"));
    model::Document doc;
    doc.questions.push_back(text_q("Reporting period", "July - December 2019"));
    doc.questions.push_back(
        text_q("Participating regions", "- Lapland (FI), FI1D7\n- Bavaria (GR)\n- Atlantis (ES)\n- Attica (GR)"));
    doc.questions.push_back(text_q("Total budget", "€ 50 millions"));
    doc.questions.push_back(text_q("Number of member regions", "a few"));
    model::Question events;
    events.title = "Events";
    events.answer.kind = model::AnswerKind::table;
    events.answer.table.columns = {"Event", "Date", "Cost"};
    events.answer.table.rows = {{"1", false, {"Kick-off", "23 October", "EUR 2.5m"}, {}},
                                {"2", false, {"Workshop", "15 March", "tbc"}, {}},
                                {"3", false, {"Visit", "", ""}, {}}};
    doc.questions.push_back(events);
    const Record r = m.build(doc, m.match(doc));

    const auto& regions = answer(r, "regions").parsed_items;
    REQUIRE(regions.size() == 4);
    CHECK(regions[0].region.nuts == "FI1D7");
    CHECK(regions[1].region.nuts.empty());  // Bavaria is not in Greece: no code guessed
    CHECK(regions[1].region.country == "EL");
    CHECK(regions[2].region.nuts.empty());
    CHECK(regions[3].region.nuts == "EL30");
    REQUIRE(answer(r, "budget").parsed);
    CHECK(answer(r, "budget").parsed->number == 50e6);
    CHECK(answer(r, "budget").parsed->currency == "EUR");
    CHECK_FALSE(answer(r, "members").parsed);
    CHECK(answer(r, "members").value->text == "a few");

    // "23 October" in the period's year; "15 March" is in neither of its years' periods: its last year, said
    const auto& rows = answer(r, "events").parsed_rows;
    REQUIRE(rows.size() == 3);
    REQUIRE(rows[0].size() == 2);
    CHECK(rows[0][0].first == "Date");
    CHECK(rows[0][0].second.value == "2019-10-23");
    CHECK(rows[0][0].second.year_inferred);
    CHECK(rows[0][1].second.number == 2.5e6);
    REQUIRE(rows[1].size() == 1);
    CHECK(rows[1][0].second.value == "2019-03-15");
    CHECK(rows[2].empty());
    CHECK(codes(r) == std::vector<std::string>{"country-mismatch:regions", "no-nuts-code:regions",
                                               "invalid-number:members", "date-outside-period:events",
                                               "invalid-amount:events"});
}

TEST_CASE("record: a date without its year and no period to take it from is said, not guessed") {
    const TemplateMatcher m(load_template(R"(id: typed
sections:
  - id: s
    questions:
      - id: period
        label: Reporting period
        type: date
      - id: events
        label: Events
        type: table
        columns: [Event, Date]
        column_types: {Date: date}
        year_from: period
)",
                                          "typed.yaml"));
    model::Document doc;
    model::Question events;
    events.title = "Events";
    events.answer.kind = model::AnswerKind::table;
    events.answer.table.columns = {"Event", "Date"};
    events.answer.table.rows = {{"1", false, {"Kick-off", "23 October"}, {}}};
    doc.questions.push_back(events);
    const Record r = m.build(doc, m.match(doc));
    REQUIRE(said(r).size() == 1);
    CHECK(said(r)[0].code == model::Code::invalid_date);
    CHECK(said(r)[0].message ==
          "row 1, Date \"23 October\" is not a date formsift can read (it has no year, and period gives none)");
}

TEST_CASE("record: every template question the document lacks is question-not-found, a mandatory one also missing") {
    const TemplateMatcher m(tmpl());
    model::Document doc;
    doc.questions.push_back(text_q("Favourite colour", ""));
    const Record r = m.build(doc, m.match(doc));
    CHECK(not_found(r) == std::vector<std::string>{"name", "regions", "events", "grid"});
    CHECK(codes(r) == std::vector<std::string>{"missing-mandatory:name"});
    for (const auto& f : r.findings)
        if (f.code == model::Code::question_not_found) CHECK(f.severity() == model::Severity::warning);
}

namespace {

Template dependent() {
    return load_template(R"(id: dep
sections:
  - id: s
    questions:
      - id: kinds
        label: Which kinds of members
        type: multiple_choice
        options:
          - Regions
          - {label: Other, alt_labels: [Autre]}
      - id: other
        label: Please specify the other kinds
        type: text
        mandatory: true
        shown_if: {question: kinds, option: Other}
      - id: rating
        label: How would you rate it
        type: matrix
        columns: [Good, Bad]
        rows:
          - {label: Speed, mandatory: true}
          - {label: Cost, alt_labels: [Coût]}
)",
                         "dep.yaml");
}

model::Question choice_q(const std::string& title, const std::vector<std::pair<std::string, bool>>& options) {
    model::Question q;
    q.title = title;
    q.answer.kind = model::AnswerKind::choice;
    q.answer.choice.multiple = true;
    for (const auto& [label, selected] : options) q.answer.choice.options.push_back({label, label, selected, {}});
    return q;
}

model::Question matrix_q(const std::string& title, const std::vector<std::pair<std::string, int>>& rows) {
    model::Question q;
    q.title = title;
    q.answer.kind = model::AnswerKind::matrix;
    q.answer.matrix.columns = {"Good", "Bad"};
    for (const auto& [label, chosen] : rows) {
        model::MatrixRow r;
        r.label = label;
        r.selected = {chosen == 0, chosen == 1};
        q.answer.matrix.rows.push_back(r);
    }
    return q;
}

}  // namespace

TEST_CASE(
    "record: a question shown only for an option is neither missing nor not found while that option is not chosen") {
    const TemplateMatcher m(dependent());
    model::Document doc;
    doc.questions.push_back(choice_q("Which kinds of members", {{"Regions", true}, {"Autre", false}}));
    doc.questions.push_back(matrix_q("How would you rate it", {{"Speed", 0}, {"Coût", 1}}));
    const Record hidden = m.build(doc, m.match(doc));
    CHECK(codes(hidden).empty());
    CHECK(not_found(hidden).empty());

    // the option chosen (by its other wording): the question is asked, and mandatory
    doc.questions[0] = choice_q("Which kinds of members", {{"Regions", false}, {"Autre", true}});
    const Record shown = m.build(doc, m.match(doc));
    CHECK(answer(shown, "kinds").value->items == std::vector<std::string>{"Other"});
    CHECK(not_found(shown) == std::vector<std::string>{"other"});
    CHECK(codes(shown) == std::vector<std::string>{"missing-mandatory:other"});
    doc.questions.push_back(text_q("Please specify the other kinds", ""));
    CHECK(codes(m.build(doc, m.match(doc))) == std::vector<std::string>{"missing-mandatory:other"});
}

TEST_CASE(
    "record: rows and options match their other wordings, and a row the template marks mandatory must be answered") {
    const TemplateMatcher m(dependent());
    model::Document doc;
    doc.questions.push_back(choice_q("Which kinds of members", {{"Autre", true}, {"Regions", true}}));
    doc.questions.push_back(text_q("Please specify the other kinds", "Ports"));
    doc.questions.push_back(matrix_q("How would you rate it", {{"Speed", -1}, {"Coût", 0}}));
    const Record r = m.build(doc, m.match(doc));
    // chosen options in the template's order, whatever the document's
    CHECK(answer(r, "kinds").value->items == std::vector<std::string>{"Regions", "Other"});
    REQUIRE(answer(r, "rating").value);
    CHECK(answer(r, "rating").value->mapping.size() == 1);
    CHECK(answer(r, "rating").value->mapping.front().first == "Cost");
    CHECK(codes(r) == std::vector<std::string>{"missing-mandatory:rating"});
    CHECK(said(r).front().message == "mandatory row \"Speed\" of \"How would you rate it\" has no answer");
}

TEST_CASE(
    "record: without a template, a survey-tool PDF's questions are read again from the pages by their own titles") {
    model::Document doc;
    doc.format = "pdf";
    model::Question q = text_q("1.1 Name of the organisation", "Help: as registered Acme Agency", true);
    q.where.page = 1;
    doc.questions.push_back(q);
    const auto line = [](double y, const std::string& text, double grey) {
        model::LayoutLine l;
        l.page = 1;
        l.text = text;
        l.size = 10;
        l.box[0] = 50;
        l.box[1] = y;
        l.box[2] = 50 + 6.0 * static_cast<double>(text.size());
        l.box[3] = y + 10;
        model::LayoutWord w;
        w.text = text;
        w.font = "Sans";
        w.size = 10;
        for (double& c : w.rgb) c = grey;
        for (int k = 0; k < 4; ++k) w.box[k] = l.box[k];
        l.words.push_back(w);
        return l;
    };
    doc.layout.pages = {{600, 800}};
    doc.layout.lines = {line(100, "1.1 Name of the organisation", 0.2), line(115, "Help: as registered", 0.6),
                        line(140, "Acme Agency", 0.2)};
    model::LayoutRect box;
    box.page = 1;
    box.box[0] = 45;
    box.box[1] = 135;
    box.box[2] = 400;
    box.box[3] = 155;
    doc.layout.rects.push_back(box);
    // an ordinary PDF keeps what its page flow read; the survey tool's is read by its answer box
    CHECK(build_generic_record(doc).answers.at(0).value->text == "Help: as registered Acme Agency");
    doc.layout.survey_tool = true;
    const Record r = build_generic_record(doc);
    REQUIRE(r.answers.size() == 1);
    CHECK(r.answers[0].value->text == "Acme Agency");
    CHECK(r.answers[0].located == "layout");
}

TEST_CASE("record: a matrix row label a renderer broke inside its words matches the row with the same letters") {
    const Template t = load_template(R"(id: strands
sections:
  - id: s
    questions:
      - id: progress
        label: Progress of the work strands
        type: matrix
        columns: [Started, Completed]
        rows: [Mapping of regional capabilities, Business matchmaking]
)",
                                     "strands.yaml");
    model::Document d;
    model::Question q;
    q.title = "Progress of the work strands";
    q.answer.kind = model::AnswerKind::matrix;
    q.answer.matrix.columns = {"Started", "Completed"};
    // a label column one letter wide: each line a piece of a word
    q.answer.matrix.rows = {{"M a p pi n g of r e gi o n al c a p a bi lit ie s", false, {false, true}, {}},
                            {"B u si n e s s m a tc h m a ki n g", false, {true, false}, {}}};
    d.questions.push_back(q);
    const auto r = build_record(d, t, 1.0);
    const auto& m = answer(r, "progress").value->mapping;
    REQUIRE(m.size() == 2);
    CHECK(m[0].first == "Mapping of regional capabilities");
    CHECK(m[0].second == std::vector<std::string>{"Completed"});
    CHECK(m[1].first == "Business matchmaking");
}

TEST_CASE("record: the title of a question not located elsewhere, inside an answer, is split off and said") {
    const Template t = load_template(R"(id: run-on
sections:
  - id: s
    questions:
      - {id: summary, label: Executive summary of the year, type: text}
      - {id: results, label: Please describe the results achieved so far, type: text, mandatory: true}
      - {id: pilots, label: How many pilots were run in total, type: number}
      - {id: grid, label: Progress of each of the work packages, type: matrix, columns: [Started, Done], rows: [A]}
      - {id: name, label: Name, type: text}
)",
                                     "run-on.yaml");
    const auto run_on = [](const Record& r) {
        std::vector<std::string> out;
        for (const auto& f : r.findings)
            if (f.code == model::Code::title_in_answer) out.push_back(f.question + ": " + f.message);
        return out;
    };
    SECTION("one title inside the text, numbered, in another case") {
        model::Document d;
        // the page ran the second question into the first: its title was not seen as one
        d.questions.push_back(text_q("Executive summary of the year",
                                     "A good year.\n2. PLEASE describe the results achieved so far: two pilots, one "
                                     "Name in the press."));
        const auto r = build_record(d, t, 1.0);
        CHECK(answer(r, "summary").value->text == "A good year.");
        REQUIRE(answer(r, "results").value);
        CHECK(answer(r, "results").value->text ==
              "two pilots, one Name in the press.");  // a one-word title is not looked for
        CHECK(answer(r, "results").located == "text");
        const auto said_run_on = run_on(r);
        REQUIRE(said_run_on.size() == 1);
        CHECK(said_run_on[0].rfind("results: ", 0) == 0);
        CHECK(said_run_on[0].find("Executive summary of the year") != std::string::npos);
        CHECK(said(r).front().severity() == model::Severity::warning);
        for (const auto& f : r.findings)
            CHECK_FALSE((f.code == model::Code::question_not_found && f.question == "results"));
    }
    SECTION("two titles in a row, and a matrix that text cannot give") {
        model::Document d;
        d.questions.push_back(text_q("Executive summary of the year",
                                     "Fine. Please describe the results achieved so far? None yet. How many pilots "
                                     "were run in total: 3 Progress of each of the work packages"));
        const auto r = build_record(d, t, 1.0);
        CHECK(answer(r, "summary").value->text == "Fine.");
        CHECK(answer(r, "results").value->text == "None yet.");
        REQUIRE(answer(r, "pilots").parsed);
        CHECK(answer(r, "pilots").parsed->number == 3);
        CHECK_FALSE(answer(r, "grid").value);
        CHECK(run_on(r).size() == 3);
    }
    SECTION("a title that is not there is not split") {
        model::Document d;
        d.questions.push_back(text_q("Executive summary of the year", "Please describe the results later."));
        const auto r = build_record(d, t, 1.0);
        CHECK(answer(r, "summary").value->text == "Please describe the results later.");
        CHECK(run_on(r).empty());
    }
}
