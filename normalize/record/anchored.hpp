#pragma once
// Reading a paginated document by a known form: the template's question
// titles (and their other wordings) are anchors in the pages' lines, and the
// answer of a question is what lies between its title and the next anchor,
// read as its type asks (marks beside labels, a grid of marks, a ruled table,
// the text inside an answer box). Independent of fonts, sizes and page
// breaks: every distance is relative to the lines' own heights.
#include <cstddef>
#include <vector>

#include "formsift/model/document.hpp"
#include "formsift/normalize/mapping.hpp"

namespace formsift::normalize {

struct AnchoredQuestion {
    model::Question question;  // its title as printed, and the answer read from its region
    std::size_t index = 0;     // the template question
    bool read = false;         // the answer could be read as the type asks (else: title located only)
    // the region (title included), as positions page * kPageSpan + y
    double begin = 0, end = 0;
};

// Position of a point of a page in reading order across pages.
inline constexpr double kPageSpan = 100000.0;

std::vector<AnchoredQuestion> read_by_anchors(const model::Layout& layout,
                                              const std::vector<TemplateQuestion>& questions,
                                              const std::vector<TemplateSection>& sections);

}  // namespace formsift::normalize
