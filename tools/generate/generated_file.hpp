#pragma once
// For the build-time generators (normalize/regions/index_tool.cpp,
// cli/bundle_templates.cpp): read an input whole, and write a generated
// source only when its text changed, so that nothing rebuilds needlessly and
// a generator stopped half-way leaves no half-written file under its name.
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace formsift::generate {

inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline void write_if_changed(const std::string& path, const std::string& text) {
    if (std::ifstream(path, std::ios::binary) && read_file(path) == text) return;
    {
        std::ofstream file(path + ".tmp", std::ios::binary);
        file << text;
        if (!file) throw std::runtime_error("cannot write " + path + ".tmp");
    }
    if (std::rename((path + ".tmp").c_str(), path.c_str()) != 0) throw std::runtime_error("cannot write " + path);
}

}  // namespace formsift::generate
