#include <catch2/catch.hpp>

#include "formsift/normalize/infer.hpp"
#include "formsift/normalize/mapping.hpp"

using namespace formsift;
using namespace formsift::normalize;

namespace {

model::Question choice(const std::string& uid, const std::string& title,
                       const std::vector<std::pair<std::string, std::string>>& options) {
    model::Question q;
    q.source_id = uid;
    q.title = title;
    q.answer.kind = model::AnswerKind::choice;
    q.answer.choice.multiple = true;
    for (const auto& [id, label] : options) q.answer.choice.options.push_back({label, id, false, {}});
    return q;
}

const TemplateQuestion& question(const Template& t, const std::string& label) {
    for (const auto& q : t.questions)
        if (q.label == label) return q;
    FAIL("no question " << label);
    throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("infer: an export's languages become other wordings, its dependencies shown_if, its types the types") {
    model::Document xml;
    xml.format = "eusurvey-xml";
    model::Question kinds = choice("u1", "Which kinds of members",
                                   {{"o1", "Regional authorities"}, {"o2", "National authorities"}, {"o3", "Other"}});
    kinds.wordings["FR"] = {
        "Quels types de membres", {"Autorités régionales", "Autorités nationales", "Autre"}, {}, {}};
    model::Question other;
    other.source_id = "u2";
    other.title = "Please specify";
    other.answer.kind = model::AnswerKind::text;
    other.shown_if_question = "u1";
    other.shown_if_option = "Other";
    other.wordings["FR"] = {"Veuillez préciser", {}, {}, {}};
    model::Question count;
    count.source_id = "u3";
    count.title = "Number of members";
    count.answer.kind = model::AnswerKind::text;
    count.answer.text = "twelve";
    count.declared_type = "number";
    xml.questions = {kinds, other, count};

    // a French print view of the same form: its stars, merged by wording
    model::Document print;
    print.format = "html";
    model::Question starred = choice("", "1.1 Quels types de membres", {{"", "Autorités régionales"}, {"", "Autre"}});
    starred.mandatory = true;
    model::Question grid;
    grid.title = "Rate it";
    grid.answer.kind = model::AnswerKind::matrix;
    grid.answer.matrix.columns = {"Good", "Bad"};
    grid.answer.matrix.rows = {{"Speed", true, {false, false}, {}}, {"Cost", false, {true, false}, {}}};
    print.questions = {starred, grid};

    const Draft d = infer_template({&xml, &print});
    const Template& t = d.t;
    const TemplateQuestion& k = question(t, "Which kinds of members");
    CHECK(k.uids == std::vector<std::string>{"u1"});
    CHECK(k.alt_labels == std::vector<std::string>{"Quels types de membres"});
    CHECK(k.mandatory);
    // two options of one question are never one, however alike their wording
    CHECK(k.options == std::vector<std::string>{"Regional authorities", "National authorities", "Other"});
    CHECK(k.alt_options.at("Other") == std::vector<std::string>{"Autre"});
    CHECK(k.alt_options.at("Regional authorities") == std::vector<std::string>{"Autorités régionales"});
    const TemplateQuestion& s = question(t, "Please specify");
    CHECK(s.shown_if_question == k.id);
    CHECK(s.shown_if_option == "Other");
    CHECK(question(t, "Number of members").type == QuestionType::number);
    CHECK(question(t, "Rate it").mandatory_rows == std::vector<std::string>{"Speed"});

    // the draft reads back as the same template
    const Template again = load_template(draft_yaml(d), "draft.yaml");
    const TemplateQuestion& k2 = question(again, "Which kinds of members");
    CHECK(k2.alt_options == k.alt_options);
    CHECK(question(again, "Please specify").shown_if_option == "Other");
    CHECK(question(again, "Rate it").mandatory_rows == std::vector<std::string>{"Speed"});
    CHECK(draft_yaml(d).find("does not say which questions are mandatory") ==
          std::string::npos);  // a print view came too
}
