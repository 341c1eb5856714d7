#pragma once
// Bytes of a generated sample (samples/bad/*.gen), for the golden runner and
// the fuzz replay: "text T" appends T, "repeat N T" appends T N times; "\n"
// in T is a newline; '#' lines are comments. tools/make-generated-sample
// writes the same bytes to a file.
#include <cstddef>
#include <sstream>
#include <string>

namespace formsift::test {

inline std::string generate_recipe(const std::string& recipe) {
    std::string out, line;
    std::istringstream in(recipe);
    const auto unescape = [](std::string t) {
        for (std::size_t p; (p = t.find("\\n")) != std::string::npos;) t.replace(p, 2, "\n");
        return t;
    };
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        if (line.rfind("text ", 0) == 0) {
            out += unescape(line.substr(5));
        } else if (line.rfind("repeat ", 0) == 0) {
            std::istringstream ls(line.substr(7));
            std::size_t n = 0;
            ls >> n;
            std::string rest;
            std::getline(ls, rest);
            const std::string t = unescape(rest.empty() ? rest : rest.substr(1));
            out.reserve(out.size() + n * t.size());
            for (std::size_t i = 0; i < n; ++i) out += t;
        }
    }
    return out;
}

}  // namespace formsift::test
