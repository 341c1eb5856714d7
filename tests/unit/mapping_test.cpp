#include <catch2/catch.hpp>

#include <algorithm>

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
