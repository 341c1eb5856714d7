#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "app/pipeline.hpp"
#include "formsift/extract/error.hpp"
#include "formsift/normalize/mapping.hpp"

using namespace formsift;
using normalize::load_template;

namespace {
std::string error_of(const std::string& yaml) {
    try {
        load_template(yaml, "m.yaml");
    } catch (const Error& e) {
        return e.what();
    }
    return "no error";
}
const char* kHead = "id: f\nsections:\n  - id: s\n    questions:\n";
}  // namespace

TEST_CASE("mapping: the bundled example template has the 21 question ids of the product contract") {
    const auto all = app::bundled_templates();
    const auto it = std::find_if(all.begin(), all.end(), [](const auto& t) { return t.id == "tssp-progress-report"; });
    REQUIRE(it != all.end());
    const auto& t = *it;
    CHECK(t.versions == std::vector<std::string>{"2019", "2020"});
    std::vector<std::string> ids;
    for (const auto& q : t.questions) ids.push_back(q.id);
    CHECK(ids == std::vector<std::string>{"reporting_period",
                                          "partnership",
                                          "start_date",
                                          "webpage",
                                          "executive_summary",
                                          "leading_regions",
                                          "participating_regions",
                                          "interested_entities",
                                          "working_areas",
                                          "past_events",
                                          "planned_events",
                                          "innovative_results",
                                          "socio_economic_impacts",
                                          "inter_partnership_results",
                                          "business_involvement",
                                          "interregional_cooperation",
                                          "eu13_involvement",
                                          "non_eu_involvement",
                                          "outreach",
                                          "other_platform_activities",
                                          "sdg_contribution"});
    std::vector<std::string> mandatory;
    for (const auto& q : t.questions)
        if (q.mandatory) mandatory.push_back(q.id);
    CHECK(mandatory == std::vector<std::string>{"reporting_period", "partnership", "start_date", "executive_summary",
                                                "leading_regions", "participating_regions"});
}

TEST_CASE("mapping: a full question is read with all its parts") {
    const auto t = load_template(std::string(kHead) +
                                     "      - id: grid\n        label: Grid\n        alt_labels: [Old grid]\n"
                                     "        type: matrix\n        mandatory: true\n        columns: [Yes, No]\n"
                                     "        rows: [A, B]\n      - id: tbl\n        label: T\n        type: table\n"
                                     "        columns: [X]\n        rows: 3\n",
                                 "m.yaml");
    REQUIRE(t.questions.size() == 2);
    CHECK(t.questions[0].alt_labels == std::vector<std::string>{"Old grid"});
    CHECK(t.questions[0].type == normalize::QuestionType::matrix);
    CHECK(t.questions[0].mandatory);
    CHECK(t.questions[0].columns == std::vector<std::string>{"Yes", "No"});
    CHECK(t.questions[1].rows == std::vector<std::string>{"1", "2", "3"});
    CHECK(t.questions[0].line == 5);
}

TEST_CASE("mapping: typed list items, table columns and dates related to a period") {
    const auto t = load_template(std::string(kHead) +
                                     "      - id: period\n        label: Period\n        type: date\n"
                                     "      - id: regions\n        label: Regions\n        type: list\n"
                                     "        items: region\n"
                                     "      - id: events\n        label: Events\n        type: table\n"
                                     "        columns: [Event, Date, Cost]\n"
                                     "        column_types: {Date: date, Cost: amount}\n"
                                     "        year_from: period\n        within: period\n",
                                 "m.yaml");
    REQUIRE(t.questions.size() == 3);
    CHECK(t.questions[1].items == normalize::QuestionType::region);
    CHECK(t.questions[2].column_types.at("Date") == normalize::QuestionType::date);
    CHECK(t.questions[2].column_types.at("Cost") == normalize::QuestionType::amount);
    CHECK(t.questions[2].year_from == "period");
    CHECK(t.questions[2].within == "period");
    const std::string list = "      - id: l\n        label: L\n        type: list\n";
    const std::string table = "      - id: t\n        label: T\n        type: table\n        columns: [A]\n";
    CHECK(error_of(std::string(kHead) + list + "        items: table\n") ==
          "m.yaml:line 8: error: items must be a value type (date, number, url, email, region, amount) "
          "[mapping-invalid]");
    CHECK(error_of(std::string(kHead) + table + "        column_types: {B: date}\n") ==
          "m.yaml:line 9: error: column_types names 'B', not a column of 't' [mapping-invalid]");
    CHECK(error_of(std::string(kHead) + table + "        year_from: t\n") ==
          "m.yaml:line 5: error: question 't': year_from names 't', which is not a date question of the template "
          "[mapping-invalid]");
    CHECK(error_of(std::string(kHead) + "      - id: a\n        label: A\n        type: text\n        items: date\n") ==
          "m.yaml:line 8: error: items is for list questions [mapping-invalid]");
}

TEST_CASE("mapping: errors name the file and line") {
    CHECK(error_of("id: f\nsections: [").rfind("m.yaml:line ", 0) == 0);
    CHECK(error_of(std::string(kHead) + "      - id: a\n        label: A\n        type: essay\n") ==
          "m.yaml:line 7: error: unknown question type 'essay' (known: text, single_choice, multiple_choice, list, "
          "table, matrix, date, number, url, email, region, amount) [mapping-invalid]");
    CHECK(error_of(std::string(kHead) + "      - id: a\n        label: A\n        type: text\n"
                                        "      - id: a\n        label: B\n        type: text\n") ==
          "m.yaml:line 8: error: duplicate question id 'a' [mapping-invalid]");
    CHECK(error_of(std::string(kHead) + "      - id: m\n        label: M\n        type: matrix\n        rows: [r]\n") ==
          "m.yaml:line 5: error: matrix 'm' has no columns [mapping-invalid]");
    CHECK(error_of(std::string(kHead) + "      - id: a\n        label: A\n        type: text\n        colour: red\n") ==
          "m.yaml:line 8: error: unknown key 'colour' in question [mapping-invalid]");
    CHECK(error_of("- just\n- a list\n") ==
          "m.yaml:line 1: error: a template must be a mapping with id, title and sections [mapping-invalid]");
}

TEST_CASE(
    "mapping: options, rows and columns may give other wordings, rows may be mandatory, shown_if names an option") {
    const normalize::Template t = load_template(R"(id: t
sections:
  - id: s
    alt_titles: [Section]
    questions:
      - id: kinds
        label: Kinds
        type: multiple_choice
        options: [A, {label: Other, alt_labels: [Autre, Andere]}]
      - id: more
        label: More
        type: text
        shown_if: {question: kinds, option: Other}
      - id: m
        label: M
        type: matrix
        columns: [{label: Yes, alt_labels: [Oui]}, No]
        rows: [{label: R1, mandatory: true}, R2]
)",
                                                "t.yaml");
    CHECK(t.sections[0].alt_titles == std::vector<std::string>{"Section"});
    CHECK(t.questions[0].options == std::vector<std::string>{"A", "Other"});
    CHECK(t.questions[0].alt_options.at("Other") == std::vector<std::string>{"Autre", "Andere"});
    CHECK(t.questions[1].shown_if_question == "kinds");
    CHECK(t.questions[1].shown_if_option == "Other");
    CHECK(t.questions[2].alt_columns.at("Yes") == std::vector<std::string>{"Oui"});
    CHECK(t.questions[2].rows == std::vector<std::string>{"R1", "R2"});
    CHECK(t.questions[2].mandatory_rows == std::vector<std::string>{"R1"});
}

TEST_CASE("mapping: a shown_if naming no option of a choice question, or an unknown key in an item, is refused") {
    const auto bad = [](const std::string& yaml) { return error_of(yaml); };
    CHECK_THAT(bad("id: t\nsections:\n  - id: s\n    questions:\n      - {id: a, label: A, type: single_choice, "
                   "options: [X]}\n"
                   "      - {id: b, label: B, type: text, shown_if: {question: a, option: Y}}\n"),
               Catch::Contains("shown_if names 'a' and option 'Y'"));
    CHECK_THAT(bad("id: t\nsections:\n  - id: s\n    questions:\n      - {id: a, label: A, type: single_choice, "
                   "options: [{label: X, mandatory: true}]}\n"),
               Catch::Contains("unknown key 'mandatory' in an item of options"));
    CHECK_THAT(bad("id: t\nsections:\n  - id: s\n    questions:\n      - {id: b, label: B, type: text, shown_if: a}\n"),
               Catch::Contains("shown_if must name a question and one of its options"));
}

namespace {
// Every part of a template but the lines it was defined on, as text.
std::string described(const normalize::Template& t) {
    std::string out = t.id + "|" + t.title + "|" + t.file + "\n";
    const auto list = [&out](const std::vector<std::string>& v) {
        for (const auto& s : v) out += s + ";";
        out += "|";
    };
    const auto lists = [&](const std::map<std::string, std::vector<std::string>>& m) {
        for (const auto& [k, v] : m) {
            out += k + "=";
            list(v);
        }
    };
    list(t.versions);
    list(t.signature);
    for (const auto& s : t.sections) {
        out += "\n" + s.id + "|" + s.title + "|" + (s.confidential ? "c" : "") + "|";
        list(s.alt_titles);
    }
    for (const auto& q : t.questions) {
        out += "\n" + q.id + "|" + q.label + "|" + q.since + "|" + q.until + "|" + normalize::to_string(q.type) +
               (q.mandatory ? "|m|" : "||") + q.shown_if_question + "|" + q.shown_if_option + "|" +
               normalize::to_string(q.items) + "|" + q.year_from + "|" + q.within + "|" + q.section + "|";
        list(q.alt_labels);
        list(q.uids);
        list(q.options);
        list(q.columns);
        list(q.rows);
        list(q.mandatory_rows);
        lists(q.alt_options);
        lists(q.alt_columns);
        lists(q.alt_rows);
        for (const auto& [v, l] : q.version_labels) out += v + "=" + l + ";";
        for (const auto& [c, ty] : q.column_types) out += c + "=" + normalize::to_string(ty) + ";";
    }
    return out;
}
}  // namespace

TEST_CASE("mapping: a template's compact form (the bundled templates') reads back as the same template") {
    for (const char* name : {"tssp-progress-report.yaml", "s3p-annual-self-assessment.yaml", "event-feedback.yaml"}) {
        INFO(name);
        std::ifstream in(std::string("mappings/") + name);
        REQUIRE(in);
        std::stringstream yaml;
        yaml << in.rdbuf();
        const std::string file = std::string("mappings/") + name;
        const auto direct = load_template(yaml.str(), file);
        const std::string compact = normalize::compact_template(yaml.str(), file);
        const auto back = normalize::load_compact_template(compact, file);
        CHECK(described(back) == described(direct));
        CHECK(direct.questions.size() > 5);
        // the program's bundled copy is this template
        const auto bundled = app::bundled_templates();
        const auto it =
            std::find_if(bundled.begin(), bundled.end(), [&](const normalize::Template& b) { return b.file == file; });
        REQUIRE(it != bundled.end());
        CHECK(described(*it) == described(direct));
        // a damaged compact form is an error, not a wrong template
        CHECK_THROWS_AS(normalize::load_compact_template(compact.substr(0, compact.size() / 2), name), Error);
        CHECK_THROWS_AS(normalize::load_compact_template("m2:s2:id", name), Error);
    }
    // a YAML that is not a template is refused as load_template refuses it
    CHECK_THROWS_AS(normalize::compact_template("id: x\n", "m.yaml"), Error);
}
