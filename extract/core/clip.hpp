#pragma once
// Answers longer than --max-text cut (whole characters kept), with a located
// warning each: shared by the backends that build documents in memory.
#include <string>

#include "formsift/model/document.hpp"
#include "utf8.hpp"

namespace formsift::extract {

inline void clip_long_answers(model::Document& doc, std::size_t max_text) {
    auto clip = [&](std::string& s, const model::Provenance& where, std::vector<model::Diagnostic>& to) {
        if (s.size() <= max_text) return;
        s.resize(utf8_prefix(s, max_text));
        to.push_back({model::Code::text_too_long, where.locator(),
                      "answer text longer than " + std::to_string(max_text) + " bytes was cut"});
    };
    for (auto& q : doc.questions) {
        clip(q.answer.text, q.where, doc.diagnostics);
        for (auto& r : q.answer.table.rows)
            for (auto& c : r.cells) clip(c, r.where, doc.diagnostics);
    }
    for (auto& f : doc.fields) clip(f.value, f.where, doc.field_diagnostics);
}

}  // namespace formsift::extract
