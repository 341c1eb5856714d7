#include <catch2/catch.hpp>

#include "app/pipeline.hpp"
#include "app/writers.hpp"

#include <memory>
#include <new>
#include <stdexcept>

using namespace formsift;

TEST_CASE("pipeline: a file that is not there fails with a located message, nothing thrown") {
    const auto f = app::process_path("no/such/file.html", {});
    CHECK(f.status == extract::Status::failed);
    CHECK(f.error_code == model::Code::input_unreadable);
    REQUIRE(app::check_lines(f).size() == 1);
    CHECK(app::check_lines(f)[0] ==
          "no/such/file.html: error: cannot open: No such file or directory [input-unreadable]");
}

TEST_CASE("pipeline: a directory is not an input") {
    const auto f = app::process_path("samples", {});
    CHECK(f.error_code == model::Code::input_unreadable);
}

TEST_CASE("pipeline: the same bytes give byte-identical records") {
    const std::string html = "<form><label for=a>A *</label><input id=a name=a></form>";
    app::Settings s;
    s.templates = app::prepare(app::bundled_templates());
    const auto a = app::dump(app::record_json(app::process_bytes(html, "x.html", s)));
    const auto b = app::dump(app::record_json(app::process_bytes(html, "x.html", s)));
    CHECK(a == b);
    CHECK(a.find("missing-mandatory") != std::string::npos);
}

TEST_CASE("pipeline: sha256 of the bytes read") {
    // FIPS 180-4 examples, then lengths at the padding's edges (one block or
    // two) checked with Python's hashlib, then every byte value
    CHECK(app::sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(app::sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(app::sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(app::sha256_hex(std::string(1000000, 'a')) ==
          "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    const std::pair<std::size_t, const char*> lengths[] = {
        {55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"},
        {56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"},
        {63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"},
        {64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"},
        {65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"},
        {119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"},
        {120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"},
        {128, "6836cf13bac400e9105071cd6af47084dfacad4e5e302c94bfed24e013afb73e"}};
    for (const auto& [n, digest] : lengths) {
        INFO(n << " bytes");
        CHECK(app::sha256_hex(std::string(n, 'a')) == digest);
    }
    std::string all;
    for (int round = 0; round < 3; ++round)
        for (int b = 0; b < 256; ++b) all += static_cast<char>(b);
    CHECK(app::sha256_hex(all) == "f3a25aa93aa2fbba28d79260535bbd6a5eb0fc1c24a8b0f04e12b484c1dfe363");
}

TEST_CASE("pipeline: a document far from every template gives a generic record") {
    app::Settings s;
    s.templates = app::prepare(app::bundled_templates());
    const auto f =
        app::process_bytes("<form><label for=a>Colour</label><input id=a name=a value=red></form>", "x.html", s);
    CHECK_FALSE(f.record.template_match.has_value());
    REQUIRE(f.record.answers.size() == 1);
    CHECK(f.record.answers[0].question == "colour");
}

TEST_CASE("pipeline: CSV output quotes cells and puts non-strings as JSON") {
    app::Settings s;
    const auto f = app::process_bytes(
        "<form><label for=a>Name</label><input id=a name=a value='Smith, J'><p>Pick</p><input type=checkbox name=c "
        "value=x checked> X</form>",
        "x.html", s);
    const std::string csv = app::csv_rows(f);
    CHECK(csv.find("x.html,ok,,name,\"Smith, J\",\n") != std::string::npos);
    CHECK(csv.find("x.html,ok,,pick,\"[\"\"X\"\"]\",\n") != std::string::npos);  // titled by the paragraph before it
}

TEST_CASE("pipeline: two templates that fit about equally are named in a warning, not chosen in silence") {
    const char* form = R"(id: %s
sections:
  - id: s
    questions:
      - id: name
        label: Your name
        type: text
      - id: city
        label: Your city
        type: text
)";
    auto make = [form](const char* id) {
        std::string text = form;
        text.replace(text.find("%s"), 2, id);
        return normalize::load_template(text, std::string(id) + ".yaml");
    };
    app::Settings s;
    s.templates = app::prepare({make("form-a"), make("form-b")});
    const std::string html =
        "<form><label for=n>Your name</label><input id=n name=n value=Ada>"
        "<label for=c>Your city</label><input id=c name=c value=Paris></form>";
    const auto f = app::process_bytes(html, "x.html", s);
    REQUIRE(f.record.template_match);
    REQUIRE_FALSE(f.record.findings.empty());
    CHECK(f.record.findings.front().code == model::Code::template_ambiguous);
    CHECK(f.record.findings.front().message.find("form-a") != std::string::npos);
    CHECK(f.record.findings.front().message.find("form-b") != std::string::npos);
}

// ---- the per-document boundary, tried with exceptions thrown from inside it

namespace {

struct NotAnException {};

std::vector<app::ProcessedFile> run(const std::vector<std::string>& paths, const app::Settings& s) {
    std::vector<app::ProcessedFile> out;
    for (const auto& p : paths)
        app::process_path_each(p, s, [&out](app::ProcessedFile&& f) { out.push_back(std::move(f)); });
    return out;
}

}  // namespace

TEST_CASE("pipeline: an exception of any kind inside one document fails that document alone") {
    const std::string good = "samples/html/form-event-feedback.html";
    const std::string bad = "samples/html/tssp-progress-report-2020-h1.html";
    const std::vector<std::pair<std::string, std::function<void()>>> throws = {
        {"std::runtime_error", [] { throw std::runtime_error("injected"); }},
        {"std::out_of_range", [] { throw std::out_of_range("vector::at"); }},
        {"a type not derived from std::exception", [] { throw NotAnException{}; }},
        {"an int", [] { throw 42; }},
    };
    for (const std::string stage : {"extract", "record"}) {
        for (const auto& [kind, thrower] : throws) {
            INFO(kind << " thrown at " << stage);
            // only the middle file throws: the hook tells files apart by the order of calls
            auto calls = std::make_shared<int>(0);
            app::Settings s;
            s.templates = app::prepare(app::bundled_templates());
            s.extract.fault = [=, thrower = thrower](const std::string& at) {
                if (at == "extract") ++*calls;
                if (at == stage && *calls == 2) thrower();
            };
            const auto files = run({good, bad, good}, s);
            REQUIRE(files.size() == 3);
            CHECK(files[0].status == extract::Status::ok);
            CHECK(files[2].status == extract::Status::ok);
            CHECK(files[1].status == extract::Status::failed);
            CHECK(files[1].error_code == model::Code::internal_error);
            REQUIRE(files[1].record.findings.size() == 1);
            const auto& finding = files[1].record.findings[0];
            CHECK(finding.code == model::Code::internal_error);
            CHECK(finding.severity() == model::Severity::error);
            CHECK(finding.message.find(stage == "extract" ? "while reading the document"
                                                          : "while building the record") != std::string::npos);
            if (kind == "std::runtime_error") CHECK(finding.message.find("(injected)") != std::string::npos);
            CHECK(files[1].record.answers.empty());  // nothing half-built is kept
        }
    }
}

TEST_CASE("pipeline: running out of memory inside a document is that document's out-of-memory failure") {
    auto calls = std::make_shared<int>(0);
    app::Settings s;
    s.extract.fault = [calls](const std::string& at) {
        if (at == "record" && ++*calls == 1) throw std::bad_alloc();
    };
    const auto files = run({"samples/html/form-event-feedback.html", "samples/html/form-event-feedback.html"}, s);
    REQUIRE(files.size() == 2);
    CHECK(files[0].error_code == model::Code::out_of_memory);
    CHECK(files[0].status == extract::Status::failed);
    CHECK(files[1].status == extract::Status::ok);
}

TEST_CASE("pipeline: an exception inside one answer set of an export fails that answer set alone") {
    const std::string xml = "samples/xml/tssp-progress-report-2020-results.xml";
    const auto clean = run({xml}, {});
    REQUIRE(clean.size() == 4);
    for (const std::string stage : {"answer set", "record"}) {
        INFO("thrown at " << stage);
        auto calls = std::make_shared<int>(0);
        app::Settings s;
        s.extract.fault = [=](const std::string& at) {
            if (at == stage && ++*calls == 2) throw std::logic_error("injected");
        };
        const auto sets = run({xml}, s);
        REQUIRE(sets.size() == 4);
        for (std::size_t i = 0; i < sets.size(); ++i) {
            INFO("answer set " << i + 1);
            if (i == 1) {
                CHECK(sets[i].status == extract::Status::failed);
                CHECK(sets[i].error_code == model::Code::internal_error);
                REQUIRE_FALSE(sets[i].record.findings.empty());
                CHECK(sets[i].record.findings[0].code == model::Code::internal_error);
                CHECK(sets[i].document.meta.at("answer_set") == "2");  // the summary names it
            } else {
                CHECK(sets[i].status == clean[i].status);
                CHECK(app::dump(app::record_json(sets[i])) == app::dump(app::record_json(clean[i])));
            }
        }
    }
}

TEST_CASE("pipeline: what the consumer of records throws is not a document's failure") {
    struct WriterFailed {};
    const auto consume = [](app::ProcessedFile&&) { throw WriterFailed{}; };
    CHECK_THROWS_AS(app::process_path_each("samples/html/form-event-feedback.html", {}, consume), WriterFailed);
    CHECK_THROWS_AS(app::process_path_each("samples/xml/tssp-progress-report-2020-results.xml", {}, consume),
                    WriterFailed);
}

TEST_CASE("pipeline: a failure of an export's reading outside its answer sets fails the rest of the export") {
    app::Settings s;
    s.extract.fault = [](const std::string& at) {
        if (at == "elements") throw std::runtime_error("injected");
    };
    const auto files =
        run({"samples/xml/tssp-progress-report-2020-results.xml", "samples/html/form-event-feedback.html"}, s);
    REQUIRE(files.size() == 2);
    CHECK(files[0].status == extract::Status::failed);
    CHECK(files[0].error_code == model::Code::internal_error);
    REQUIRE(files[0].record.findings.size() == 1);
    CHECK(files[0].record.findings[0].message ==
          "internal error while reading the export (injected): please report it (the rest of the export; "
          "the 0 answer set(s) before it were read)");
    CHECK(files[1].status == extract::Status::ok);
    // and what the consumer throws on that failure is still the consumer's own
    struct WriterFailed {};
    CHECK_THROWS_AS(app::process_path_each("samples/xml/tssp-progress-report-2020-results.xml", s,
                                           [](app::ProcessedFile&&) { throw WriterFailed{}; }),
                    WriterFailed);
}
