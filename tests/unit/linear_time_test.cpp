// Every reading of document text takes time linear in the text: each value
// parser, the text normalisation, template matching, record building and
// infer are fed answers of up to 1 MiB (the default --max-text) made of the
// patterns that break backtracking matchers and naive scanners: unclosed
// tags, long runs of one character, deep nesting of brackets and quotes,
// endless repetitions of what the parsers look for.
//
// How "linear" is told: each pattern is run at 4 KiB, 64 KiB and 1 MiB, in
// this thread's CPU time; each step makes the input 16 times as long, so a
// linear reading takes about 16 times as long (up to about 40 times, as the
// data outgrows the caches), a quadratic one 256 times. A step over
// kMaxGrowth fails, unless the larger run took under kNoiseFloorSeconds (too
// short to matter). A quadratic reading fails at 64 KiB, before the 1 MiB
// run could take minutes; one that recursed per character would have
// overflowed the stack. FORMSIFT_LINEAR_REPORT=1 prints every step.
//
// Fresh memory costs more here than the work on it (a page fault can take
// longer than the reading of the bytes it holds): the first run to reach a
// new heap size would seem slower per byte than the runs before it. So the
// heap is grown once, before any timing, and kept (glibc's malloc told to
// neither map large blocks apart nor give memory back). Under the
// sanitizers, whose allocator is their own, the runs are made and checked
// for errors but not timed, and only up to 64 KiB.
#include <catch2/catch.hpp>

#include <malloc.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "formsift/normalize/infer.hpp"
#include "formsift/normalize/record.hpp"
#include "formsift/normalize/regions.hpp"
#include "formsift/normalize/text.hpp"
#include "formsift/normalize/values.hpp"

using namespace formsift;
using namespace formsift::normalize;

namespace {

constexpr double kMaxGrowth = 100.0;
constexpr double kNoiseFloorSeconds = 0.05;
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kTimed = false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kTimed = false;
#else
constexpr bool kTimed = true;
#endif
#else
constexpr bool kTimed = true;
#endif

constexpr std::size_t kStep = 16;
// under the sanitizers (not timed, and 20 to 50 times slower) up to 64 KiB:
// the same code paths; the release build's runs reach 1 MiB
constexpr std::size_t kSizes[] = {4 * 1024, 4 * 1024 * kStep, kTimed ? 4 * 1024 * kStep* kStep : 0};

struct Pattern {
    const char* name;
    std::function<std::string(std::size_t)> make;  // text of about n bytes
};

std::string repeat(const std::string& unit, std::size_t n) {
    std::string out;
    out.reserve(n + unit.size());
    while (out.size() < n) out += unit;
    return out;
}

std::string nest(const std::string& open, const std::string& close, const std::string& middle, std::size_t n) {
    const std::size_t depth = n / (open.size() + close.size()) + 1;
    std::string out;
    out.reserve(depth * (open.size() + close.size()) + middle.size());
    for (std::size_t i = 0; i < depth; ++i) out += open;
    out += middle;
    for (std::size_t i = 0; i < depth; ++i) out += close;
    return out;
}

const std::vector<Pattern>& patterns() {
    static const std::vector<Pattern> kPatterns = {
        // unclosed and endless tags (the input that overflowed std::regex)
        {"<p then one long word", [](std::size_t n) { return "<p " + repeat("a", n); }},
        {"<p repeated", [](std::size_t n) { return repeat("<p ", n); }},
        {"< repeated", [](std::size_t n) { return repeat("<", n); }},
        {"<br/ repeated", [](std::size_t n) { return repeat("<br/", n); }},
        {"<li> repeated", [](std::size_t n) { return repeat("<li>x", n); }},
        {"tags nested", [](std::size_t n) { return nest("<div><span>", "</span></div>", "text", n); }},
        // long runs of one character
        {"one long word", [](std::size_t n) { return repeat("a", n); }},
        {"spaces", [](std::size_t n) { return "x" + repeat(" ", n) + "x"; }},
        {"newlines", [](std::size_t n) { return "x" + repeat("\n", n) + "x"; }},
        {"tabs", [](std::size_t n) { return repeat("\t", n); }},
        {"hyphens", [](std::size_t n) { return repeat("-", n); }},
        {"dots", [](std::size_t n) { return repeat(".", n); }},
        {"digits", [](std::size_t n) { return repeat("9", n); }},
        {"at signs", [](std::size_t n) { return repeat("@", n); }},
        {"slashes", [](std::size_t n) { return repeat("/", n); }},
        {"stars", [](std::size_t n) { return repeat("*", n); }},
        {"roman letters", [](std::size_t n) { return repeat("i", n); }},
        {"accented letters", [](std::size_t n) { return repeat("\xC3\xA9", n); }},        // é
        {"ligatures", [](std::size_t n) { return repeat("\xEF\xAC\x81", n); }},           // ﬁ
        {"zero-width spaces", [](std::size_t n) { return repeat("a\xE2\x80\x8B", n); }},  // U+200B
        {"invalid UTF-8", [](std::size_t n) { return repeat("\xFF\xC3", n); }},
        {"euro signs", [](std::size_t n) { return repeat("\xE2\x82\xAC", n); }},
        // deep nesting of brackets and quotes
        {"round brackets nested", [](std::size_t n) { return nest("(", ")", "FI", n); }},
        {"square brackets nested", [](std::size_t n) { return nest("[", "]", "x", n); }},
        {"brackets unclosed", [](std::size_t n) { return repeat("(", n); }},
        {"quotes", [](std::size_t n) { return repeat("\"", n); }},
        {"guillemets nested", [](std::size_t n) { return nest("\xC2\xAB", "\xC2\xBB", "x", n); }},
        // what the parsers look for, without end
        {"numbering", [](std::size_t n) { return repeat("1.", n); }},
        {"grouped digits", [](std::size_t n) { return repeat("1 200 ", n); }},
        {"decimal commas", [](std::size_t n) { return repeat("2,5", n); }},
        {"months", [](std::size_t n) { return repeat("January - ", n); }},
        {"day and month", [](std::size_t n) { return repeat("23 April ", n); }},
        {"date separators", [](std::size_t n) { return repeat("12/", n); }},
        {"quarters", [](std::size_t n) { return repeat("Q3 ", n); }},
        {"currencies", [](std::size_t n) { return repeat("EUR million ", n); }},
        {"counts", [](std::size_t n) { return repeat("from 25 to ", n); }},
        {"web addresses", [](std::size_t n) { return repeat("http://www.", n); }},
        {"e-mail parts", [](std::size_t n) { return repeat("a@b.", n); }},
        {"regions", [](std::size_t n) { return repeat("Lapland (FI), FI1D7, ", n); }},
        {"country codes", [](std::size_t n) { return repeat("(FI)", n); }},
        {"list lines", [](std::size_t n) { return repeat("- item\n", n); }},
        {"numbered lines", [](std::size_t n) { return repeat("12) a\n", n); }},
        {"blank lines and CRs", [](std::size_t n) { return repeat("\r\n \r\n", n); }},
        {"header labels", [](std::size_t n) { return repeat("Contribution ID: Date: ", n); }},
    };
    return kPatterns;
}

// The heap grown to what the largest runs need, its pages touched, and kept.
void warm_heap() {
    static const bool done = [] {
#if defined(__GLIBC__)
        if (kTimed) {
            mallopt(M_MMAP_MAX, 0);
            mallopt(M_TRIM_THRESHOLD, std::numeric_limits<int>::max());
            constexpr std::size_t kBytes = 512u << 20;
            char* volatile block = static_cast<char*>(std::malloc(kBytes));
            if (block != nullptr)
                for (std::size_t i = 0; i < kBytes; i += 4096) block[i] = 1;
            std::free(block);
        }
#endif
        return true;
    }();
    (void)done;
}

// CPU time of this thread: what other processes do (tests run in parallel)
// does not count.
double cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

double seconds(const std::function<void(const std::string&, std::size_t)>& f, const std::string& text,
               std::size_t pattern) {
    const double start = cpu_seconds();
    f(text, pattern);
    return cpu_seconds() - start;
}

// Runs `f` on every pattern at every size and checks each step's growth
// (a step over the bound is measured once more before it fails: a busy
// machine can slow one run).
// `f` is given the text and the pattern's number.
void check_linear(const std::string& what, const std::function<void(const std::string&, std::size_t)>& f) {
    warm_heap();
    for (std::size_t i = 0; i < patterns().size(); ++i) {
        const Pattern& p = patterns()[i];
        double previous = 0;
        for (const std::size_t n : kSizes) {
            if (n == 0) continue;
            const std::string text = p.make(n);
            double t = seconds(f, text, i);
            if (kTimed && previous > 0 && t >= kNoiseFloorSeconds && t > kMaxGrowth * previous) {
                // measured once more, both sizes: one run may have been slowed
                previous = std::min(previous, seconds(f, p.make(n / kStep), i));
                t = std::min(t, seconds(f, text, i));
            }
            if (std::getenv("FORMSIFT_LINEAR_REPORT") != nullptr)
                WARN(what << " on " << p.name << ": " << t << " s at " << text.size() << " bytes"
                          << (previous > 0 ? ", x" + std::to_string(t / previous) : std::string()));
            INFO(what << " on " << p.name << ": " << previous << " s, then " << t << " s at " << text.size()
                      << " bytes");
            const bool linear = !kTimed || previous <= 0 || t < kNoiseFloorSeconds || t <= kMaxGrowth * previous;
            CHECK(linear);
            if (!linear) break;  // the next size would only take longer
            previous = std::max(t, 1e-6);
        }
    }
}

Template typed_template() {
    return load_template(R"(id: typed
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
      - id: events
        label: Events
        type: table
        columns: [Event, Date]
        column_types: {Date: date}
)",
                         "typed.yaml");
}

model::Question text_question(const std::string& title, const std::string& text) {
    model::Question q;
    q.title = title;
    q.answer.kind = model::AnswerKind::text;
    q.answer.text = text;
    return q;
}

constexpr const char* kTypedTitles[] = {"Reporting period", "Date of the event", "Web site",    "Contact e-mail",
                                        "Budget",           "Number of members", "Lead region", "Participating regions",
                                        "Executive summary"};
constexpr std::size_t kTypedQuestions = std::size(kTypedTitles) + 1;  // and the table

// A document answering every question of typed_template(): question
// `which` (mod kTypedQuestions; the last is the table, both of its cells)
// with `text`, the others with a short answer of their type (each pattern
// puts its long text into another question: a tenth of the work of putting
// it everywhere, and every question reached by several patterns).
model::Document typed_document(const std::string& text, std::size_t which) {
    static constexpr const char* kShort[] = {"January - June 2020", "23 April",       "www.example.eu",
                                             "a@example.eu",        "EUR 2.5m",       "29",
                                             "Lapland (FI)",        "Andalusia (ES)", "Done."};
    which %= kTypedQuestions;
    model::Document doc;
    doc.format = "html";
    for (std::size_t i = 0; i < std::size(kTypedTitles); ++i)
        doc.questions.push_back(text_question(kTypedTitles[i], i == which ? text : kShort[i]));
    const std::string cell = which == std::size(kTypedTitles) ? text : "10 July";
    model::Question events;
    events.title = "Events";
    events.answer.kind = model::AnswerKind::table;
    events.answer.table.columns = {"Event", "Date"};
    events.answer.table.rows.push_back({"1", false, {cell, cell}, {}});
    doc.questions.push_back(std::move(events));
    return doc;
}

}  // namespace

TEST_CASE("linear time: the value parsers on 1 MiB answers of the worst patterns") {
    check_linear("parse_date", [](const std::string& s, std::size_t) { (void)parse_date(s); });
    check_linear("parse_date with a year", [](const std::string& s, std::size_t) { (void)parse_date(s, 2020); });
    check_linear("parse_url", [](const std::string& s, std::size_t) { (void)parse_url(s); });
    check_linear("parse_email", [](const std::string& s, std::size_t) { (void)parse_email(s); });
    check_linear("parse_amount", [](const std::string& s, std::size_t) { (void)parse_amount(s); });
    check_linear("parse_count", [](const std::string& s, std::size_t) { (void)parse_count(s); });
    check_linear("read_region", [](const std::string& s, std::size_t) { (void)read_region(s); });
}

TEST_CASE("linear time: text normalisation on 1 MiB answers of the worst patterns") {
    check_linear("strip_literal_markup", [](const std::string& s, std::size_t) { (void)strip_literal_markup(s); });
    check_linear("nfc", [](const std::string& s, std::size_t) { (void)nfc(s); });
    check_linear("one_line", [](const std::string& s, std::size_t) { (void)one_line(s); });
    check_linear("tidy_text", [](const std::string& s, std::size_t) { (void)tidy_text(s); });
    check_linear("label_key", [](const std::string& s, std::size_t) { (void)label_key(s); });
    check_linear("slug", [](const std::string& s, std::size_t) { (void)slug(s); });
    check_linear("split_list", [](const std::string& s, std::size_t) { (void)split_list(s); });
    const LabelKey label = make_label_key("Please provide the list of participating regions");
    check_linear("label_similarity",
                 [&label](const std::string& s, std::size_t) { (void)label_similarity(make_label_key(s), label); });
    check_linear("label_similarity of two texts one character apart",
                 [](const std::string& s, std::size_t) { (void)label_similarity(s, s + "x"); });
}

TEST_CASE("linear time: a record built from 1 MiB answers and titles of the worst patterns") {
    const TemplateMatcher typed(typed_template());
    check_linear("typed record", [&typed](const std::string& s, std::size_t pattern) {
        const model::Document doc = typed_document(s, pattern);
        (void)typed.build(doc, typed.match(doc));
    });
    check_linear("generic record from a title and a text", [&typed](const std::string& s, std::size_t) {
        model::Document doc;
        doc.questions.push_back(text_question(s, s));
        doc.texts.push_back({s, -1, {}});
        (void)typed.match(doc);
        (void)build_generic_record(doc);
    });
}

TEST_CASE("linear time: infer on 1 MiB answers and titles of the worst patterns") {
    check_linear("infer", [](const std::string& s, std::size_t pattern) {
        model::Document doc = typed_document(s, pattern);
        doc.questions.push_back(text_question(s, "x"));
        doc.questions.push_back(text_question(s + "x", "y"));  // another question, its title one character apart
        doc.questions.push_back(text_question("One line", s.substr(0, s.find('\n'))));
        (void)draft_yaml(infer_template({&doc}));
    });
}
