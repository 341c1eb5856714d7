#include "submission_header.hpp"

#include <array>

namespace formsift::extract {
namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_id_char(char c) {
    return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
}
bool is_hex(char c) {
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

std::size_t skip_spaces(std::string_view s, std::size_t i) {
    while (i < s.size() && is_space(s[i])) ++i;
    return i;
}

// `n` digits at s[i]: true and i moved past them, or false.
bool digits(std::string_view s, std::size_t& i, std::size_t n) {
    for (std::size_t k = 0; k < n; ++k)
        if (i + k >= s.size() || !is_digit(s[i + k])) return false;
    i += n;
    return true;
}

bool literal(std::string_view s, std::size_t& i, char c) {
    if (i >= s.size() || s[i] != c) return false;
    ++i;
    return true;
}

// The id after "... ID:" at s[i], or empty when it is shorter than 8 characters.
std::string_view id_at(std::string_view s, std::size_t i) {
    i = skip_spaces(s, i);
    std::size_t end = i;
    while (end < s.size() && end - i < 64 && is_id_char(s[end])) ++end;
    return end - i >= 8 ? s.substr(i, end - i) : std::string_view();
}

// "dd/MM/yyyy" with an optional " HH:mm" and ":ss" at s[i] (after "Date:"), or empty.
std::string_view date_at(std::string_view s, std::size_t i) {
    i = skip_spaces(s, i);
    const std::size_t start = i;
    if (!(digits(s, i, 2) && literal(s, i, '/') && digits(s, i, 2) && literal(s, i, '/') && digits(s, i, 4))) return {};
    std::size_t end = i;
    std::size_t t = skip_spaces(s, i);
    if (t > i && digits(s, t, 2) && literal(s, t, ':') && digits(s, t, 2)) {
        end = t;
        if (literal(s, t, ':') && digits(s, t, 2)) end = t;
    }
    return s.substr(start, end - start);
}

}  // namespace

SubmissionHeader read_submission_header(std::string_view text) {
    SubmissionHeader h;
    // each search moves forward only: linear in the text
    static constexpr std::array<std::pair<std::string_view, const char*>, 4> kIds{
        {{"Contribution ID:", "contribution_id"},
         {"Draft ID:", "draft_id"},
         // the print view labels it in the viewer's language (eusurvey-formats.md §6)
         {"Num\u00e9ro d'identification de la contribution:", "contribution_id"},
         {"Kennnummer des Beitrags:", "contribution_id"}}};
    std::size_t best = std::string_view::npos;
    for (const auto& [label, kind] : kIds) {
        for (std::size_t at = text.find(label); at != std::string_view::npos && at < best;
             at = text.find(label, at + 1)) {
            const std::string_view id = id_at(text, at + label.size());
            if (id.empty()) continue;
            best = at;
            h.id_kind = kind;
            h.id = std::string(id);
            break;
        }
    }
    static constexpr std::string_view kDate = "Date:";
    for (std::size_t at = text.find(kDate); at != std::string_view::npos; at = text.find(kDate, at + 1)) {
        const std::string_view date = date_at(text, at + kDate.size());
        if (date.empty()) continue;
        h.date = std::string(date);
        break;
    }
    return h;
}

bool is_header_line(std::string_view line) {
    // one line: a line break after the start makes it more than a line
    const auto one_line = [&line](std::size_t from) {
        return line.find_first_of("\n\r", from) == std::string_view::npos;
    };
    for (const std::string_view label :
         {"Contribution ID:", "Draft ID:", "Date:", "Num\u00e9ro d'identification de la contribution:",
          "Kennnummer des Beitrags:"})
        if (line.substr(0, label.size()) == label && label.size() < line.size() && is_space(line[label.size()]))
            return one_line(label.size() + 1);
    static constexpr std::string_view kLegend = "Fields marked with *";
    return line.substr(0, kLegend.size()) == kLegend && one_line(kLegend.size());
}

bool is_uuid(std::string_view s) {
    static constexpr std::array<std::size_t, 5> kGroups{8, 4, 4, 4, 12};
    std::size_t i = 0;
    for (std::size_t g = 0; g < kGroups.size(); ++g) {
        if (g > 0 && !literal(s, i, '-')) return false;
        for (std::size_t k = 0; k < kGroups[g]; ++k, ++i)
            if (i >= s.size() || !is_hex(s[i])) return false;
    }
    return i == s.size();
}

}  // namespace formsift::extract
