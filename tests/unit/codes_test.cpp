#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <string>

#include "formsift/extract/error.hpp"
#include "formsift/model/code.hpp"

using namespace formsift;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The product's sources, except the registry itself.
std::vector<fs::path> product_sources() {
    std::vector<fs::path> out;
    for (const char* dir : {"extract", "normalize", "cli"})
        for (const auto& e : fs::recursive_directory_iterator(fs::path(FORMSIFT_SOURCE_DIR) / dir)) {
            const auto ext = e.path().extension();
            if ((ext == ".cpp" || ext == ".hpp") && e.path().filename() != "code.cpp" &&
                e.path().filename() != "code.hpp")
                out.push_back(e.path());
        }
    return out;
}

std::string enumerator(std::string_view name) {
    std::string out(name);
    for (auto& c : out)
        if (c == '-') c = '_';
    return out;
}

}  // namespace

TEST_CASE("codes: the registry lists every code once, in the enumeration's order, each with a meaning") {
    const auto& codes = model::all_codes();
    REQUIRE_FALSE(codes.empty());
    std::set<std::string_view> names;
    for (std::size_t i = 0; i < codes.size(); ++i) {
        const auto& c = codes[i];
        INFO(c.name);
        CHECK(static_cast<std::size_t>(c.code) == i);
        CHECK(names.insert(c.name).second);
        CHECK(c.name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") == std::string_view::npos);
        CHECK(c.name.front() != '-');
        CHECK(c.name.back() != '-');
        CHECK(model::code_named(c.name) == c.code);
        CHECK(model::to_string(c.code) == c.name);
        CHECK(model::severity_of(c.code) == c.severity);
        CHECK_FALSE(c.group.empty());
        CHECK(c.description.size() > 10);
        CHECK(c.description.find('\n') == std::string_view::npos);
        CHECK(c.description.find('|') == std::string_view::npos);  // a cell of the README's table
        CHECK(c.description.back() != '.');
    }
    CHECK_FALSE(model::code_named("no-such-code"));
    std::ostringstream out;
    out << model::Code::missing_mandatory;
    CHECK(out.str() == "missing-mandatory");
}

TEST_CASE("codes: a message is formatted with its code's severity") {
    CHECK(format_message("a.pdf", "page 3", model::Code::pdf_encrypted, "encrypted PDF, give --password") ==
          "a.pdf:page 3: error: encrypted PDF, give --password [pdf-encrypted]");
    CHECK(format_message("a.html", "", model::Code::nul_bytes, "NUL bytes dropped") ==
          "a.html: warning: NUL bytes dropped [nul-bytes]");
}

TEST_CASE("codes: the product's code names every code through the registry, and reports every code it registers") {
    std::string all;
    for (const auto& p : product_sources()) all += slurp(p);
    for (const auto& c : model::all_codes()) {
        INFO(c.name);
        // a code as a string literal would bypass the registry
        CHECK(all.find("\"" + std::string(c.name) + "\"") == std::string::npos);
        // a code nobody reports is a code the README promises in vain
        CHECK(all.find("Code::" + enumerator(c.name)) != std::string::npos);
    }
}
