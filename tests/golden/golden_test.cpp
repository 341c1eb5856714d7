// One runner for every sample: samples/<kind>/<name>.<ext> is extracted with
// the bundled templates and its whole record compared with
// <name>.expected.json; samples/bad/<name>.<ext> gives the check lines of
// <name>.expected.err. A missing expected file fails. With
// FORMSIFT_UPDATE_GOLDEN=1 the expected files are rewritten instead (the
// update-golden target): review that diff like code.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "../support/recipe.hpp"
#include "app/pipeline.hpp"
#include "app/writers.hpp"
#include "formsift/normalize/infer.hpp"
#include "formsift/normalize/text.hpp"

namespace fs = std::filesystem;
using namespace formsift;

namespace {

const fs::path kRoot = FORMSIFT_SOURCE_DIR;

bool updating() {
    const char* v = std::getenv("FORMSIFT_UPDATE_GOLDEN");
    return v != nullptr && std::string(v) == "1";
}

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void spit(const fs::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::binary);
    out << text;
}

bool is_input(const fs::path& p) {
    const std::string name = p.filename().string();
    if (name.find(".expected.") != std::string::npos) return false;
    if (name == "SOURCES.md" || name == "README.md") return false;
    return fs::is_regular_file(p);
}

// Sample inputs of one folder, sorted, as paths relative to the source root.
std::vector<std::string> inputs_in(const std::string& dir) {
    std::vector<std::string> out;
    const fs::path d = kRoot / dir;
    if (!fs::is_directory(d)) return out;
    for (const auto& e : fs::directory_iterator(d))
        if (is_input(e.path()) && e.path().extension() != ".gen")
            out.push_back(dir + "/" + e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
}

std::string generate(const fs::path& recipe) {
    return test::generate_recipe(slurp(recipe));
}

app::Settings settings() {
    app::Settings s;
    s.templates = app::prepare(app::bundled_templates());
    return s;
}

void compare_or_update(const fs::path& expected, const std::string& actual) {
    if (updating()) {
        spit(expected, actual);
        return;
    }
    INFO("expected file: " << expected.string() << " (cmake --build build --target update-golden rewrites it)");
    REQUIRE(fs::exists(expected));
    const std::string want = slurp(expected);
    if (want != actual) {
        // show the first differing line rather than two whole records
        std::istringstream a(want), b(actual);
        std::string la, lb;
        int n = 0;
        while (true) {
            ++n;
            const bool ga = static_cast<bool>(std::getline(a, la)), gb = static_cast<bool>(std::getline(b, lb));
            if (!ga && !gb) break;
            if (la != lb || ga != gb) {
                FAIL("line " << n << " differs\n  expected: " << (ga ? la : "<end>")
                             << "\n  actual:   " << (gb ? lb : "<end>"));
            }
        }
    }
    CHECK(want == actual);
}

}  // namespace

TEST_CASE("golden: every sample gives its expected record") {
    const auto s = settings();
    std::size_t count = 0;
    for (const auto& entry : fs::directory_iterator(kRoot / "samples")) {
        if (!entry.is_directory() || entry.path().filename() == "bad") continue;
        const std::string kind = "samples/" + entry.path().filename().string();
        for (const auto& rel : inputs_in(kind)) {
            SECTION(rel) {
                // one record, or an array of them for an export of many submissions
                std::vector<app::Json> records;
                app::process_path_each(rel, s,
                                       [&records](app::ProcessedFile&& f) { records.push_back(app::record_json(f)); });
                const fs::path p = kRoot / rel;
                app::Json all = app::Json::array();
                for (auto& r : records) all.push_back(std::move(r));
                compare_or_update(p.parent_path() / (p.stem().string() + ".expected.json"),
                                  app::dump(all.size() == 1 ? all.front() : all));
            }
            ++count;
        }
    }
    CHECK(count >= 6);
}

TEST_CASE("golden: every bad sample gives its expected messages") {
    const auto s = settings();
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(kRoot / "samples/bad")) {
        const std::string n = e.path().filename().string();
        const auto pos = n.find(".expected.err");
        if (pos != std::string::npos) names.push_back(n.substr(0, pos));
    }
    // inputs without an expected file fail too
    for (const auto& rel : inputs_in("samples/bad")) {
        const fs::path p = kRoot / rel;
        if (std::find(names.begin(), names.end(), p.stem().string()) == names.end()) {
            if (updating())
                names.push_back(p.stem().string());
            else
                FAIL("no expected file for " << rel);
        }
    }
    for (const auto& e : fs::directory_iterator(kRoot / "samples/bad"))
        if (e.path().extension() == ".gen") {
            const std::string stem = fs::path(e.path().stem()).stem().string();
            if (std::find(names.begin(), names.end(), stem) == names.end()) names.push_back(stem);
        }
    std::sort(names.begin(), names.end());
    REQUIRE(names.size() >= 6);
    for (const auto& name : names) {
        SECTION(name) {
            // the input: <name>.<ext>, or bytes made from <name>.<ext>.gen, or no file at all
            std::string rel;
            fs::path recipe;
            for (const auto& e : fs::directory_iterator(kRoot / "samples/bad")) {
                const std::string n = e.path().filename().string();
                if (n.rfind(name + ".", 0) != 0 || n.find(".expected.") != std::string::npos) continue;
                if (e.path().extension() == ".gen")
                    recipe = e.path();
                else
                    rel = "samples/bad/" + n;
            }
            // every record's lines (an export holds many); infer drafts from
            // every document read, as `formsift infer` would
            std::string text;
            const auto lines = [&text](app::ProcessedFile&& f) {
                for (const auto& line : app::check_lines(f)) text += line + "\n";
                if (f.status != extract::Status::failed)
                    CHECK_FALSE(normalize::draft_yaml(normalize::infer_template({&f.document})).empty());
            };
            if (!recipe.empty()) {
                const std::string display = "samples/bad/" + recipe.stem().string();
                lines(app::process_bytes(generate(recipe), display, s));
            } else if (!rel.empty()) {
                app::process_path_each(rel, s, lines);
            } else {
                lines(app::process_path("samples/bad/" + name + ".html", s));  // the file that is not there
            }
            compare_or_update(kRoot / "samples/bad" / (name + ".expected.err"), text);
        }
    }
}

TEST_CASE("golden: the example submission gives all 21 answers, clean tables, 15 matrix rows, two row warnings") {
    const auto f = app::process_path("samples/html/tssp-progress-report-2020-h1.html", settings());
    REQUIRE(f.record.template_match);
    CHECK(f.record.template_match->id == "tssp-progress-report");
    REQUIRE(f.record.answers.size() == 21);
    for (const auto& a : f.record.answers) {
        INFO(a.question);
        CHECK(a.value.has_value());
        if (a.question == "working_areas") CHECK(a.value->rows.size() == 6);
        if (a.question == "past_events") CHECK(a.value->rows.size() == 10);
        if (a.question == "planned_events") CHECK(a.value->rows.size() == 1);
        if (a.question == "participating_regions") CHECK(a.value->items.size() == 26);
        if (a.question == "sdg_contribution") CHECK(a.value->mapping.size() == 15);
    }
    std::vector<std::string> codes;
    for (const auto& x : f.record.findings) codes.emplace_back(model::to_string(x.code));
    CHECK(codes == std::vector<std::string>{"no-nuts-code", "date-outside-period", "unanswered-matrix-row",
                                            "unanswered-matrix-row"});
    CHECK_FALSE(normalize::has_errors(f.record));
}

TEST_CASE("golden: the example submission's typed values: period, start date, regions with NUTS codes, event dates") {
    const auto f = app::process_path("samples/html/tssp-progress-report-2020-h1.html", settings());
    const auto answer = [&f](const std::string& id) -> const normalize::RecordAnswer& {
        for (const auto& a : f.record.answers)
            if (a.question == id) return a;
        FAIL("no answer " << id);
        throw std::logic_error("unreachable");
    };
    REQUIRE(answer("reporting_period").parsed);
    CHECK(answer("reporting_period").parsed->value == "2020-01/2020-06");
    CHECK(answer("reporting_period").parsed->precision == "month");
    REQUIRE(answer("start_date").parsed);
    CHECK(answer("start_date").parsed->value == "2018-10");

    // every region of the three lists: country and NUTS 2021 code (empty: none, said by an info finding)
    const std::vector<std::pair<std::string, std::vector<std::string>>> regions = {
        {"leading_regions", {"ES ES61", "ES ES41", "SI SI04"}},
        {"participating_regions",
         {"ES ES24",  "AT AT",   "FR FRK",   "DE DE1",   "ES ES21", "DE DE2",   "BE BE10",  "FI FI1D5", "IT ITH5",
          "SI SI03",  "BE BE2",  "FI FI1D8", "FI FI1D7", "IT ITC4", "NL ",      "ES ES22",  "FI FI1D9", "FR FRI",
          "FI FI1D2", "IT ITC1", "DE DE7",   "ES ES52",  "NO NO0A", "NO NO082", "FI FI1D3", "ES ES11"}},
        {"interested_entities", {"SE SE331", "ES ES43"}},
    };
    for (const auto& [id, expected] : regions) {
        INFO(id);
        const auto& a = answer(id);
        REQUIRE(a.parsed_items.size() == expected.size());
        for (std::size_t i = 0; i < expected.size(); ++i) {
            INFO(a.value->items[i]);
            CHECK(a.parsed_items[i].type == "region");
            CHECK(a.parsed_items[i].region.country + " " + a.parsed_items[i].region.nuts == expected[i]);
        }
    }
    CHECK(answer("participating_regions").parsed_items[1].region.level == 0);  // Austria: the country
    CHECK(answer("participating_regions").parsed_items[18].region.name == "Pohjois-Savo");

    // the past events' dates, "23 April" and "10 July" in the reporting period's year
    const std::vector<std::string> dates = {"2020-01-20", "2020-01-29/2020-01-30",
                                            "2020-04-04", "2020-04-23*",
                                            "2020-05-25", "2020-05-26",
                                            "2020-05-28", "2020-06-24",
                                            "2020-06-26", "2020-07-10*"};
    const auto& past = answer("past_events");
    REQUIRE(past.parsed_rows.size() == dates.size());
    for (std::size_t i = 0; i < dates.size(); ++i) {
        REQUIRE(past.parsed_rows[i].size() == 1);
        const auto& [column, p] = past.parsed_rows[i].front();
        CHECK(column == "Date");
        CHECK(p.value + (p.year_inferred ? "*" : "") == dates[i]);
    }
    REQUIRE(answer("planned_events").parsed_rows.size() == 1);
    CHECK(answer("planned_events").parsed_rows[0].front().second.value == "2020-09");
}

namespace {

// Records of the example submission's channels, with the template forced so
// that documents read only in part are still compared question by question.
app::ProcessedFile record_with_template(const std::string& rel) {
    app::Settings s;
    s.forced = normalize::TemplateMatcher(app::load_template_file("mappings/tssp-progress-report.yaml"));
    return app::process_path(rel, s);
}

std::string value_text(const normalize::RecordAnswer& a) {
    if (!a.value) return "<none>";
    app::ProcessedFile f;
    f.record.answers.push_back(a);
    return app::dump(app::record_json(f)["answers"].begin().value()["value"], -1);
}

// Findings about the content (those naming a question), in order.
std::vector<std::string> content_findings(const normalize::Record& r) {
    std::vector<std::string> out;
    for (const auto& f : r.findings)
        if (!f.question.empty())
            out.push_back(std::string(model::to_string(f.code)) + " " + model::to_string(f.severity()) + " " +
                          f.question);
    return out;
}

const char* const kSubmissions[] = {"tssp-progress-report-2020-h1", "tssp-progress-report-2020-h1-no-summary",
                                    "tssp-progress-report-2020-h1-complete",
                                    "tssp-progress-report-2020-h1-double-radio"};

}  // namespace

namespace {

// The record of `other` has the answers and content findings of the print
// view `html` (with the example's template forced).
void check_same_record(const std::string& html_rel, const std::string& other_rel) {
    INFO(other_rel);
    const auto html = record_with_template(html_rel);
    const auto other = record_with_template(other_rel);
    REQUIRE(html.record.answers.size() == other.record.answers.size());
    std::size_t answered = 0;
    for (std::size_t i = 0; i < html.record.answers.size(); ++i) {
        INFO(html.record.answers[i].question);
        CHECK(other.record.answers[i].question == html.record.answers[i].question);
        CHECK(value_text(other.record.answers[i]) == value_text(html.record.answers[i]));
        answered += other.record.answers[i].value ? 1 : 0;
    }
    CHECK(answered >= 20);
    CHECK(content_findings(other.record) == content_findings(html.record));
}

}  // namespace

TEST_CASE("golden: channel invariance, every PDF of a submission gives the print view's answers and findings") {
    for (const std::string name : kSubmissions)
        for (const std::string channel : {"eusurvey", "chromium", "fillable", "rotated"}) {
            // a browser or a form field keeps one of two checked radios: that
            // variant cannot be printed by a browser nor be a fillable form
            if (channel != "eusurvey" && name.find("double-radio") != std::string::npos) continue;
            // pages turned by 90, 180 and 270 degrees: the example submission only
            if (channel == "rotated" && name != kSubmissions[0]) continue;
            check_same_record("samples/html/" + name + ".html", "samples/pdf/" + name + "." + channel + ".pdf");
        }
}

TEST_CASE("golden: channel invariance, the Markdown and text exports of a submission give the print view's record") {
    for (const std::string name : kSubmissions)
        for (const std::string ext : {".export.txt", ".gfm.md"})
            check_same_record("samples/html/" + name + ".html", "samples/markdown/" + name + ext);
}

TEST_CASE("golden: channel invariance, each answer set of the XML results export gives its print view's record") {
    app::Settings s;
    s.forced = normalize::TemplateMatcher(app::load_template_file("mappings/tssp-progress-report.yaml"));
    std::vector<app::ProcessedFile> sets;
    app::process_path_each("samples/xml/tssp-progress-report-2020-results.xml", s,
                           [&sets](app::ProcessedFile&& f) { sets.push_back(std::move(f)); });
    REQUIRE(sets.size() == std::size(kSubmissions));
    for (std::size_t k = 0; k < sets.size(); ++k) {
        INFO(kSubmissions[k]);
        const auto html = record_with_template(std::string("samples/html/") + kSubmissions[k] + ".html");
        REQUIRE(html.record.answers.size() == sets[k].record.answers.size());
        for (std::size_t i = 0; i < html.record.answers.size(); ++i) {
            INFO(html.record.answers[i].question);
            CHECK(value_text(sets[k].record.answers[i]) == value_text(html.record.answers[i]));
        }
        CHECK(content_findings(sets[k].record) == content_findings(html.record));
    }
}

TEST_CASE("golden: channel invariance, a rating, a ranking and an upload read the same in all four channels") {
    // tools/make-checklist-samples: the template chosen by the files themselves
    const app::Settings s = [] {
        app::Settings settings;
        settings.templates = app::prepare(app::bundled_templates());
        return settings;
    }();
    const auto html = app::process_path("samples/html/workshop-evaluation-2024.html", s);
    REQUIRE(html.record.template_match);
    CHECK(html.record.template_match->id == "workshop-evaluation");
    const std::map<std::string, std::string> want = {
        {"usefulness", R"({"Opening talk":"4/5","Site visit to the innovation hub":"2/5","Closing panel":"5/5"})"},
        {"topic_ranking", R"(["Mobility","Water management","Energy","Housing"])"},
        {"presentation", R"(["slides-final.pdf","speaker notes.docx"])"},
        {"publication", R"(["I agree that my answers may be published without my name."])"}};
    for (const auto& a : html.record.answers)
        if (auto it = want.find(a.question); it != want.end()) CHECK(value_text(a) == it->second + "\n");
    for (const std::string other :
         {"samples/xml/workshop-evaluation-2024-results.xml", "samples/pdf/workshop-evaluation-2024.eusurvey.pdf",
          "samples/pdf/workshop-evaluation-2024.chromium.pdf"}) {
        INFO(other);
        const auto r = app::process_path(other, s);
        REQUIRE(r.record.template_match);
        CHECK(r.record.template_match->id == "workshop-evaluation");
        REQUIRE(r.record.answers.size() == html.record.answers.size());
        // the XML export never holds a confirmation's answer: not found there, said
        const bool xml = other.find(".xml") != std::string::npos;
        for (std::size_t i = 0; i < r.record.answers.size(); ++i) {
            INFO(html.record.answers[i].question);
            if (xml && html.record.answers[i].question == "publication")
                CHECK_FALSE(r.record.answers[i].value);
            else
                CHECK(value_text(r.record.answers[i]) == value_text(html.record.answers[i]));
        }
        if (xml) {
            CHECK(content_findings(r.record) == std::vector<std::string>{"question-not-found warning publication"});
            CHECK(r.status == extract::Status::partial);
        } else {
            CHECK(content_findings(r.record) == content_findings(html.record));
            CHECK(r.status == extract::Status::ok);
        }
    }
}

// A real text export of the example submission (not in the repository; CTest
// runs this when ../shared/seed/ is there).
TEST_CASE("golden: the real text export of the example gives the print view's answers and findings", "[.seed]") {
    const fs::path seed = kRoot / "../shared/seed/progress-report-2020-h1.txt";
    REQUIRE(fs::exists(seed));
    check_same_record("samples/html/tssp-progress-report-2020-h1.html", seed.string());
}

namespace {

// Structure of a question type: free text of any kind, a choice, a table, a matrix.
std::string shape(normalize::QuestionType t) {
    using T = normalize::QuestionType;
    switch (t) {
        case T::single_choice:
        case T::multiple_choice: return "choice";
        case T::table: return "table";
        case T::matrix: return "matrix";
        default: return "text";
    }
}

// A template drafted from a document, read back as a template file would be.
normalize::Template drafted_from(const std::vector<std::string>& paths) {
    app::Settings s;
    s.build_records = false;
    std::vector<app::ProcessedFile> files;
    for (const auto& p : paths)
        app::process_path_each(p, s, [&files](app::ProcessedFile&& f) { files.push_back(std::move(f)); });
    std::vector<const model::Document*> docs;
    for (const auto& f : files) docs.push_back(&f.document);
    return normalize::load_template(normalize::draft_yaml(normalize::infer_template(docs)), "drafted.yaml");
}

}  // namespace

TEST_CASE("golden: a template drafted from the example's print view matches the hand-written one") {
    const auto drafted = drafted_from({"samples/html/tssp-progress-report-2020-h1.html"});
    const auto written = app::load_template_file("mappings/tssp-progress-report.yaml");
    REQUIRE(drafted.questions.size() == written.questions.size());
    for (std::size_t i = 0; i < written.questions.size(); ++i) {
        const auto& d = drafted.questions[i];
        const auto& w = written.questions[i];
        INFO(w.id << " / " << d.id);
        CHECK(normalize::label_similarity(normalize::make_label_key(d.label), normalize::make_label_key(w.label)) >=
              normalize::kLabelMatchThreshold);
        CHECK(shape(d.type) == shape(w.type));
        CHECK(d.mandatory == w.mandatory);
        CHECK(d.options == w.options);
        CHECK(d.columns == w.columns);
    }
    // used with extract on the same document: every question found, as many answers as with the written one
    app::Settings with;
    with.forced = normalize::TemplateMatcher(drafted);
    const auto f = app::process_path("samples/html/tssp-progress-report-2020-h1.html", with);
    std::size_t answered = 0;
    for (const auto& a : f.record.answers) {
        CHECK(a.found);
        answered += a.value ? 1 : 0;
    }
    CHECK(answered == 21);
    CHECK(f.record.template_match->score == 1.0);
}

TEST_CASE("golden: templates drafted from the XML export and the PDFs find every question again") {
    for (const std::string path :
         {"samples/xml/tssp-progress-report-2020-results.xml", "samples/pdf/tssp-progress-report-2020-h1.eusurvey.pdf",
          "samples/pdf/tssp-progress-report-2020-h1.fillable.pdf"}) {
        INFO(path);
        const auto drafted = drafted_from({path});
        CHECK(drafted.questions.size() >= 20);
        app::Settings with;
        with.forced = normalize::TemplateMatcher(drafted);
        app::process_path_each(path, with, [&drafted](app::ProcessedFile&& f) {
            std::size_t found = 0;
            for (const auto& a : f.record.answers) found += a.found ? 1 : 0;
            CHECK(found == drafted.questions.size());
        });
    }
}

TEST_CASE("golden: a folder of two forms and two versions of one: every record names its template and version") {
    const auto s = settings();  // no --mapping: the bundled templates compete
    const std::pair<const char*, const char*> expected[] = {
        {"samples/html/form-event-feedback.html", "event-feedback 2024"},
        {"samples/html/form-membership-latin1.html", "(generic)"},
        {"samples/html/tssp-progress-report-2019-h2.html", "tssp-progress-report 2019"},
        {"samples/html/tssp-progress-report-2020-h1.html", "tssp-progress-report 2020"},
        {"samples/html/tssp-progress-report-2020-h1-no-summary.html", "tssp-progress-report 2020"},
        {"samples/pdf/tssp-progress-report-2020-h1.eusurvey.pdf", "tssp-progress-report 2020"},
        {"samples/markdown/tssp-progress-report-2020-h1.export.txt", "tssp-progress-report 2020"},
    };
    for (const auto& [path, want] : expected) {
        INFO(path);
        const auto f = app::process_path(path, s);
        const std::string got = f.record.template_match
                                    ? f.record.template_match->id + " " + f.record.template_match->version
                                    : std::string("(generic)");
        CHECK(got == want);
        // a generic record says why
        if (!f.record.template_match) {
            REQUIRE_FALSE(f.record.findings.empty());
            CHECK(f.record.findings.front().code == model::Code::template_none);
        }
    }
    // the 2019 form does not ask about other S3 platforms: not in its record, not missing
    const auto old = app::process_path("samples/html/tssp-progress-report-2019-h2.html", s);
    CHECK(old.record.answers.size() == 20);
    for (const auto& a : old.record.answers) CHECK(a.question != "other_platform_activities");
}

// The survey tool's own blank PDFs (not in the repository; CTest runs this
// when ../shared/corpus/pdf-flat/ is there): generic records with every
// question and its options, each starred one missing; a template drafted
// from each gives the same record.
TEST_CASE("golden: the survey tool's blank PDFs give generic records, and drafted templates give them again",
          "[.corpus]") {
    for (const std::string name : {"eusurvey__SatisfactionSurvey.pdf", "eusurvey__JournalFeedbackSurvey.pdf"}) {
        const fs::path path = kRoot / "../shared/corpus/pdf-flat" / name;
        INFO(name);
        REQUIRE(fs::exists(path));
        const auto generic = app::process_path(path.string(), settings());
        REQUIRE_FALSE(generic.record.template_match);
        std::size_t starred = 0, missing = 0;
        for (const auto& q : generic.document.questions) {
            starred += q.mandatory ? 1 : 0;
            if (q.answer.kind == model::AnswerKind::choice) CHECK(q.answer.choice.options.size() >= 2);
        }
        for (const auto& x : generic.record.findings) missing += x.code == model::Code::missing_mandatory ? 1 : 0;
        CHECK(starred > 0);
        CHECK(missing == starred);
        app::Settings with;
        with.forced = normalize::TemplateMatcher(drafted_from({path.string()}));
        const auto again = app::process_path(path.string(), with);
        REQUIRE(again.record.answers.size() == generic.record.answers.size());
        for (std::size_t i = 0; i < generic.record.answers.size(); ++i) {
            CHECK(again.record.answers[i].question == generic.record.answers[i].question);
            CHECK(value_text(again.record.answers[i]) == value_text(generic.record.answers[i]));
        }
        CHECK(content_findings(again.record) == content_findings(generic.record));
    }
}
