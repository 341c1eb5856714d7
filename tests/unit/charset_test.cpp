#include <catch2/catch.hpp>

#include "charset.hpp"

using namespace formsift::extract;
namespace model = formsift::model;

TEST_CASE("charset: a BOM decides the encoding") {
    CHECK(sniff_encoding("\xEF\xBB\xBF<p>x").encoding == "utf-8");
    CHECK(sniff_encoding("\xEF\xBB\xBF<p>x").bom_length == 3);
    CHECK(sniff_encoding(std::string_view("\xFF\xFE<\0p\0", 6)).encoding == "utf-16le");
    CHECK(sniff_encoding(std::string_view("\xFE\xFF\0<\0p", 6)).encoding == "utf-16be");
}

TEST_CASE("charset: meta charset and http-equiv are read from the head") {
    CHECK(sniff_encoding("<html><head><meta charset=\"ISO-8859-1\">").encoding == "windows-1252");
    CHECK(sniff_encoding("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\" />").encoding ==
          "windows-1252");
    CHECK(sniff_encoding("<META HTTP-EQUIV=content-type CONTENT='text/html;charset=utf-8'>").encoding == "utf-8");
    CHECK(sniff_encoding("<meta charset=iso-8859-2>").encoding == "iso-8859-2");
    CHECK(sniff_encoding("<meta charset=\"utf-8\">").source == "meta");
}

TEST_CASE("charset: a meta naming UTF-16 in ASCII bytes means UTF-8") {
    CHECK(sniff_encoding("<meta charset=utf-16>").encoding == "utf-8");
}

TEST_CASE("charset: without a declaration, valid UTF-8 is UTF-8 and other bytes windows-1252") {
    CHECK(sniff_encoding("<p>K\xC3\xB6ln</p>").encoding == "utf-8");
    CHECK(sniff_encoding("<p>K\xF6ln caf\xE9</p>").encoding == "windows-1252");
}

TEST_CASE("charset: windows-1252 bytes decode like a browser, euro sign included") {
    const auto d = decode_to_utf8("\x80 40 \x92s caf\xE9", {"windows-1252", "meta", 0});
    CHECK(d.utf8 == "\xE2\x82\xAC 40 \xE2\x80\x99s caf\xC3\xA9");
    CHECK(d.diagnostics.empty());
}

TEST_CASE("charset: invalid UTF-8 becomes U+FFFD with one located warning") {
    const auto d = decode_to_utf8("ok\nRen\xE9 \xC0\xAF end", {"utf-8", "meta", 0});
    CHECK(d.utf8 == "ok\nRen\xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD end");
    REQUIRE(d.diagnostics.size() == 1);
    CHECK(d.diagnostics[0].code == model::Code::invalid_utf8);
    CHECK(d.diagnostics[0].locator == "line 2, byte 6");
}

TEST_CASE("charset: overlong, surrogate and truncated sequences are invalid") {
    CHECK(find_invalid_utf8("\xC0\x80") == 0);
    CHECK(find_invalid_utf8("a\xED\xA0\x80") == 1);
    CHECK(find_invalid_utf8("ab\xE2\x82") == 2);
    CHECK(find_invalid_utf8("\xF4\x90\x80\x80") == 0);
    CHECK(find_invalid_utf8("\xE2\x82\xAC\xF0\x9F\x98\x80") == std::string_view::npos);
}

TEST_CASE("charset: NUL bytes are dropped with a warning") {
    const auto d = decode_to_utf8(std::string_view("a\0b", 3), {"utf-8", "default", 0});
    CHECK(d.utf8 == "ab");
    REQUIRE(d.diagnostics.size() == 1);
    CHECK(d.diagnostics[0].code == model::Code::nul_bytes);
}

TEST_CASE("charset: UTF-16 with surrogate pairs decodes, a lone surrogate is replaced") {
    const std::string le(
        "\x3D\xD8\x00\xDE"
        "A\0"
        "\x00\xD8"
        "B\0",
        10);
    const auto d = decode_to_utf8(le, {"utf-16le", "bom", 0});
    CHECK(d.utf8 ==
          "\xF0\x9F\x98\x80"
          "A\xEF\xBF\xBD"
          "B");
    CHECK(d.diagnostics.size() == 1);
}

TEST_CASE("charset: other encodings go through iconv, unknown ones fall back with a warning") {
    const auto d = decode_to_utf8("\xB1", {"iso-8859-2", "meta", 0});  // ą
    CHECK(d.utf8 == "\xC4\x85");
    const auto u = decode_to_utf8("abc", {"x-no-such-charset", "meta", 0});
    CHECK(u.utf8 == "abc");
    REQUIRE(u.diagnostics.size() == 1);
    CHECK(u.diagnostics[0].code == model::Code::unknown_charset);
}

TEST_CASE("charset: labels are canonicalised per WHATWG") {
    CHECK(canonical_encoding(" Latin1 ") == "windows-1252");
    CHECK(canonical_encoding("US-ASCII") == "windows-1252");
    CHECK(canonical_encoding("UTF8") == "utf-8");
    CHECK(canonical_encoding("bad label!") == "");
}
