#include "charset.hpp"

#include "utf8.hpp"

#include <iconv.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <memory>

namespace formsift::extract {
namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// Length of the valid UTF-8 sequence at s[i], or 0 if invalid (overlong,
// surrogate, out of range and truncated sequences are all invalid).
std::size_t valid_sequence(std::string_view s, std::size_t i) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) return 1;
    std::size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        len = 2;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        len = 3;
        if (b0 == 0xE0) lo = 0xA0;
        if (b0 == 0xED) hi = 0x9F;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        len = 4;
        if (b0 == 0xF0) lo = 0x90;
        if (b0 == 0xF4) hi = 0x8F;
    } else {
        return 0;
    }
    if (i + len > s.size()) return 0;
    for (std::size_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        const unsigned char l = k == 1 ? lo : 0x80;
        const unsigned char h = k == 1 ? hi : 0xBF;
        if (b < l || b > h) return 0;
    }
    return len;
}

std::string line_locator(std::string_view s, std::size_t offset) {
    const auto line = 1 + std::count(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(offset), '\n');
    return "line " + std::to_string(line) + ", byte " + std::to_string(offset);
}

// windows-1252 0x80..0x9F; the five undefined bytes map to C1 controls as browsers do.
constexpr std::array<std::uint16_t, 32> kCp1252High = {0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                                       0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
                                                       0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                                       0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

Decoded decode_utf8(std::string_view s) {
    Decoded d;
    d.utf8.reserve(s.size());
    std::size_t first_bad = std::string_view::npos, bad = 0, nuls = 0, first_nul = 0;
    for (std::size_t i = 0; i < s.size();) {
        if (s[i] == '\0') {
            if (nuls++ == 0) first_nul = i;
            ++i;
            continue;
        }
        const std::size_t n = valid_sequence(s, i);
        if (n == 0) {
            if (first_bad == std::string_view::npos) first_bad = i;
            ++bad;
            d.utf8 += "\xEF\xBF\xBD";
            ++i;
            continue;
        }
        d.utf8.append(s.substr(i, n));
        i += n;
    }
    if (bad > 0)
        d.diagnostics.push_back({model::Code::invalid_utf8, line_locator(s, first_bad),
                                 std::to_string(bad) + " byte(s) are not valid UTF-8; replaced by U+FFFD"});
    if (nuls > 0)
        d.diagnostics.push_back(
            {model::Code::nul_bytes, line_locator(s, first_nul), std::to_string(nuls) + " NUL byte(s) removed"});
    return d;
}

Decoded decode_utf16(std::string_view s, bool little) {
    Decoded d;
    std::size_t bad = 0, first_bad = 0;
    auto unit = [&](std::size_t i) -> std::uint32_t {
        const auto a = static_cast<unsigned char>(s[i]), b = static_cast<unsigned char>(s[i + 1]);
        return little ? (static_cast<std::uint32_t>(b) << 8 | a) : (static_cast<std::uint32_t>(a) << 8 | b);
    };
    for (std::size_t i = 0; i + 1 < s.size(); i += 2) {
        std::uint32_t u = unit(i);
        if (u >= 0xD800 && u <= 0xDBFF && i + 3 < s.size()) {
            const std::uint32_t v = unit(i + 2);
            if (v >= 0xDC00 && v <= 0xDFFF) {
                append_utf8(d.utf8, 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00));
                i += 2;
                continue;
            }
        }
        if ((u >= 0xD800 && u <= 0xDFFF)) {
            if (bad++ == 0) first_bad = i;
            u = 0xFFFD;
        }
        if (u == 0) continue;
        append_utf8(d.utf8, u);
    }
    if (s.size() % 2 != 0) {
        if (bad++ == 0) first_bad = s.size() - 1;
    }
    if (bad > 0)
        d.diagnostics.push_back({model::Code::invalid_utf16, "byte " + std::to_string(first_bad),
                                 std::to_string(bad) + " invalid UTF-16 code unit(s) replaced by U+FFFD"});
    return d;
}

Decoded decode_cp1252(std::string_view s) {
    Decoded d;
    d.utf8.reserve(s.size() + s.size() / 8);
    for (const char c : s) {
        const auto b = static_cast<unsigned char>(c);
        if (b == 0) continue;
        if (b < 0x80)
            d.utf8 += c;
        else if (b < 0xA0)
            append_utf8(d.utf8, kCp1252High[b - 0x80]);
        else
            append_utf8(d.utf8, b);
    }
    return d;
}

struct IconvCloser {
    void operator()(void* cd) const { iconv_close(static_cast<iconv_t>(cd)); }
};

// Any other encoding the C library knows; undecodable bytes become U+FFFD.
Decoded decode_iconv(std::string_view s, const std::string& encoding) {
    iconv_t raw = iconv_open("UTF-8", encoding.c_str());
    if (raw == reinterpret_cast<iconv_t>(-1)) {
        Decoded d = decode_cp1252(s);
        d.diagnostics.push_back({model::Code::unknown_charset, "",
                                 "declared charset '" + encoding + "' is not supported; read as windows-1252"});
        return d;
    }
    std::unique_ptr<void, IconvCloser> cd(raw);
    Decoded d;
    std::string out(s.size() * 4 + 16, '\0');
    char* in = const_cast<char*>(s.data());
    std::size_t in_left = s.size();
    std::size_t bad = 0, first_bad = 0;
    while (in_left > 0) {
        char* outp = out.data() + d.utf8.size();
        std::size_t out_left = out.size() - d.utf8.size();
        const std::size_t before_out = out_left;
        const std::size_t rc = iconv(raw, &in, &in_left, &outp, &out_left);
        d.utf8.append(out.data() + d.utf8.size(), before_out - out_left);
        if (rc == static_cast<std::size_t>(-1)) {
            if (errno == E2BIG) {
                out.resize(out.size() * 2);
                continue;
            }
            if (bad++ == 0) first_bad = s.size() - in_left;
            d.utf8 += "\xEF\xBF\xBD";
            ++in;
            --in_left;
        }
    }
    d.utf8.erase(std::remove(d.utf8.begin(), d.utf8.end(), '\0'), d.utf8.end());
    if (bad > 0)
        d.diagnostics.push_back({model::Code::invalid_charset_bytes, line_locator(s, first_bad),
                                 std::to_string(bad) + " byte(s) not valid in " + encoding + "; replaced by U+FFFD"});
    return d;
}

// Value of charset= inside a Content-Type like string, per the WHATWG
// "extract a character encoding from a meta element" algorithm (simplified).
std::string charset_from_content(std::string_view content) {
    const std::string l = lower(content);
    auto pos = l.find("charset");
    if (pos == std::string::npos) return {};
    pos += 7;
    while (pos < l.size() && std::isspace(static_cast<unsigned char>(l[pos]))) ++pos;
    if (pos >= l.size() || l[pos] != '=') return {};
    ++pos;
    while (pos < l.size() && std::isspace(static_cast<unsigned char>(l[pos]))) ++pos;
    if (pos >= l.size()) return {};
    char quote = 0;
    if (l[pos] == '"' || l[pos] == '\'') quote = l[pos++];
    std::size_t end = pos;
    while (end < l.size() &&
           (quote ? l[end] != quote : !std::isspace(static_cast<unsigned char>(l[end])) && l[end] != ';'))
        ++end;
    return l.substr(pos, end - pos);
}

// Attributes of one start tag's text (lower-cased), after its name, as the
// HTML prescan reads them: name[=value], value quoted or bare.
std::vector<std::pair<std::string, std::string>> tag_attributes(std::string_view tag) {
    std::vector<std::pair<std::string, std::string>> out;
    std::size_t p = 0;
    while (p < tag.size() && tag[p] != ' ' && tag[p] != '\t' && tag[p] != '\n' && tag[p] != '\r' && tag[p] != '/') ++p;
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '/'; };
    while (p < tag.size()) {
        while (p < tag.size() && space(tag[p])) ++p;
        std::size_t n = p;
        while (n < tag.size() && !space(tag[n]) && tag[n] != '=' && tag[n] != '>') ++n;
        if (n == p) break;
        std::string name(tag.substr(p, n - p));
        p = n;
        while (p < tag.size() && (tag[p] == ' ' || tag[p] == '\t' || tag[p] == '\n' || tag[p] == '\r')) ++p;
        std::string value;
        if (p < tag.size() && tag[p] == '=') {
            ++p;
            while (p < tag.size() && (tag[p] == ' ' || tag[p] == '\t' || tag[p] == '\n' || tag[p] == '\r')) ++p;
            if (p < tag.size() && (tag[p] == '"' || tag[p] == '\'')) {
                const char q = tag[p++];
                const std::size_t e = tag.find(q, p);
                value = std::string(tag.substr(p, e == std::string_view::npos ? std::string_view::npos : e - p));
                p = e == std::string_view::npos ? tag.size() : e + 1;
            } else {
                std::size_t e = p;
                while (e < tag.size() && !space(tag[e]) && tag[e] != '>') ++e;
                value = std::string(tag.substr(p, e - p));
                p = e;
            }
        }
        out.emplace_back(std::move(name), std::move(value));
    }
    return out;
}

}  // namespace

std::string canonical_encoding(std::string_view label) {
    std::string l = lower(label);
    l.erase(0, l.find_first_not_of(" \t\r\n\f"));
    l.erase(l.find_last_not_of(" \t\r\n\f") + 1);
    if (l == "utf-8" || l == "utf8" || l == "unicode-1-1-utf-8" || l == "x-unicode20utf8") return "utf-8";
    if (l == "utf-16le" || l == "utf-16" || l == "unicode" || l == "ucs-2" || l == "csunicode" ||
        l == "iso-10646-ucs-2")
        return "utf-16le";
    if (l == "utf-16be" || l == "unicodefffe") return "utf-16be";
    if (l == "iso-8859-1" || l == "iso8859-1" || l == "latin1" || l == "l1" || l == "ascii" || l == "us-ascii" ||
        l == "windows-1252" || l == "cp1252" || l == "x-cp1252" || l == "iso_8859-1" || l == "iso-ir-100" ||
        l == "cp819" || l == "ibm819" || l == "csisolatin1" || l == "iso_8859-1:1987" || l == "ansi_x3.4-1968")
        return "windows-1252";
    if (l.empty() || l.size() > 40) return {};
    for (const char c : l)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.' && c != ':') return {};
    return l;
}

std::size_t find_invalid_utf8(std::string_view bytes) {
    for (std::size_t i = 0; i < bytes.size();) {
        const std::size_t n = valid_sequence(bytes, i);
        if (n == 0) return i;
        i += n;
    }
    return std::string_view::npos;
}

EncodingGuess sniff_encoding(std::string_view bytes) {
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") return {"utf-8", "bom", 3};
    if (bytes.substr(0, 2) == "\xFF\xFE") return {"utf-16le", "bom", 2};
    if (bytes.substr(0, 2) == "\xFE\xFF") return {"utf-16be", "bom", 2};

    const std::string head = lower(bytes.substr(0, 1024));
    std::size_t pos = 0;
    while ((pos = head.find("<meta", pos)) != std::string::npos) {
        const std::size_t end = head.find('>', pos);
        const std::string_view tag =
            std::string_view(head).substr(pos, end == std::string::npos ? std::string::npos : end - pos);
        pos += 5;
        std::string label, http_equiv, content;
        for (const auto& [name, value] : tag_attributes(tag)) {
            if (name == "charset" && label.empty()) label = value;
            if (name == "http-equiv") http_equiv = value;
            if (name == "content") content = value;
        }
        if (label.empty() && http_equiv == "content-type") label = charset_from_content(content);
        if (label.empty()) continue;
        std::string canonical = canonical_encoding(label);
        // A page served as bytes cannot really be UTF-16 when its meta says
        // so in ASCII; browsers read it as UTF-8.
        if (canonical == "utf-16le" || canonical == "utf-16be") canonical = "utf-8";
        if (!canonical.empty()) return {canonical, "meta", 0};
    }
    if (find_invalid_utf8(bytes) == std::string_view::npos) return {"utf-8", "default", 0};
    // Browsers fall back to a locale default; for undeclared non-UTF-8 pages in
    // Western Europe that is windows-1252. Mostly-valid UTF-8 with a few bad
    // bytes is still read as UTF-8 so the damage is reported, not hidden.
    std::size_t multibyte = 0, invalid = 0;
    for (std::size_t i = 0; i < bytes.size();) {
        const std::size_t n = valid_sequence(bytes, i);
        if (n == 0) {
            ++invalid;
            ++i;
        } else {
            if (n > 1) ++multibyte;
            i += n;
        }
    }
    if (multibyte > invalid) return {"utf-8", "default", 0};
    return {"windows-1252", "default", 0};
}

Decoded decode_to_utf8(std::string_view bytes, const EncodingGuess& guess) {
    const std::string_view body = bytes.substr(std::min(guess.bom_length, bytes.size()));
    if (guess.encoding == "utf-8") return decode_utf8(body);
    if (guess.encoding == "utf-16le") return decode_utf16(body, true);
    if (guess.encoding == "utf-16be") return decode_utf16(body, false);
    if (guess.encoding == "windows-1252") return decode_cp1252(body);
    return decode_iconv(body, guess.encoding);
}

}  // namespace formsift::extract
