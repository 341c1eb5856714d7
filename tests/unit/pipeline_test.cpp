#include <catch2/catch.hpp>

#include "app/pipeline.hpp"
#include "app/writers.hpp"

using namespace formsift;

TEST_CASE("pipeline: a file that is not there fails with a located message, nothing thrown") {
    const auto f = app::process_path("no/such/file.html", {});
    CHECK(f.status == extract::Status::failed);
    CHECK(f.error_code == "input-unreadable");
    REQUIRE(app::check_lines(f).size() == 1);
    CHECK(app::check_lines(f)[0] ==
          "no/such/file.html: error: cannot open: No such file or directory [input-unreadable]");
}

TEST_CASE("pipeline: a directory is not an input") {
    const auto f = app::process_path("samples", {});
    CHECK(f.error_code == "input-unreadable");
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
    CHECK(app::sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
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
    CHECK(csv.find("x.html,ok,,x,\"[\"\"X\"\"]\",\n") != std::string::npos);
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
    CHECK(f.record.findings.front().code == "template-ambiguous");
    CHECK(f.record.findings.front().message.find("form-a") != std::string::npos);
    CHECK(f.record.findings.front().message.find("form-b") != std::string::npos);
}
