// Fuzz target: one answer of any length up to 1 MiB (the longest --max-text
// lets through) read as every type a template can give it: the value
// parsers, literal markup, lists of regions, table cells, label matching,
// the whole record built, and infer's draft. Each reading runs once on the
// whole input, so long inputs stay quick to try; fuzz_values takes short
// ones line by line.
#include <cstddef>
#include <cstdint>
#include <string>

#include "formsift/normalize/infer.hpp"
#include "formsift/normalize/record.hpp"
#include "formsift/normalize/regions.hpp"
#include "formsift/normalize/text.hpp"
#include "formsift/normalize/values.hpp"

namespace {

using namespace formsift;
using namespace formsift::normalize;

const TemplateMatcher& typed() {
    static const TemplateMatcher m(load_template(R"(id: typed
versions: ["1"]
sections:
  - id: s
    questions:
      - id: period
        label: Reporting period
        type: date
      - id: event
        label: Date of the event
        type: date
        year_from: period
        within: period
      - id: site
        label: Web site
        type: url
      - id: mail
        label: Contact e-mail
        type: email
      - id: budget
        label: Budget
        type: amount
      - id: members
        label: Number of members
        type: number
      - id: region
        label: Lead region
        type: region
      - id: regions
        label: Participating regions
        type: list
        items: region
      - id: summary
        label: Executive summary
        type: text
        mandatory: true
      - id: choice
        label: Which topics interest you?
        type: multiple_choice
        options: [Energy, Health]
      - id: events
        label: Events
        type: table
        columns: [Event, Date]
        column_types: {Date: date}
)",
                                                 "typed.yaml"));
    return m;
}

model::Question text_question(const std::string& title, const std::string& text) {
    model::Question q;
    q.title = title;
    q.answer.kind = model::AnswerKind::text;
    q.answer.text = text;
    return q;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > (1u << 20)) return 0;  // no answer is longer (--max-text)
    const std::string text(reinterpret_cast<const char*>(data), size);
    (void)parse_date(text, 2020);
    (void)parse_url(text);
    (void)parse_email(text);
    (void)parse_amount(text);
    (void)parse_count(text);
    (void)read_region(text);
    (void)strip_literal_markup(text);
    (void)label_similarity(text, text + "x");

    model::Document doc;
    doc.format = "html";
    for (const char* title : {"Reporting period", "Date of the event", "Web site", "Contact e-mail", "Budget",
                              "Number of members", "Lead region", "Participating regions", "Executive summary"})
        doc.questions.push_back(text_question(title, text));
    model::Question choice;
    choice.title = "Which topics interest you?";
    choice.answer.kind = model::AnswerKind::choice;
    choice.answer.choice.options = {{text, text, true, {}}, {"Energy", "Energy", true, {}}};
    doc.questions.push_back(choice);
    model::Question events;
    events.title = "Events";
    events.answer.kind = model::AnswerKind::table;
    events.answer.table.columns = {"Event", text};
    events.answer.table.rows.push_back({"1", false, {text, text}, {}});
    doc.questions.push_back(std::move(events));
    doc.questions.push_back(text_question(text, "x"));  // the answer taken for a title
    doc.texts.push_back({text, -1, {}});
    (void)typed().build(doc, typed().match(doc));
    (void)build_generic_record(doc);
    (void)draft_yaml(infer_template({&doc}));
    return 0;
}
