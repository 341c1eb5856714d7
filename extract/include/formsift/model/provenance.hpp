#pragma once
// Where an item of a document came from: a DOM line and element path for
// markup formats, a page and a box for paginated ones. Plain value type.
#include <string>
#include <vector>

namespace formsift::model {

// An item's extent on one page.
struct PageBox {
    int page = 0;
    double box[4] = {0, 0, 0, 0};
};

struct Provenance {
    int line = 0;                  // 1-based source line, 0 when unknown
    std::string path;              // element path for markup formats, e.g. /html/body/div[3]
    int page = 0;                  // 1-based page, 0 when not paginated
    double box[4] = {0, 0, 0, 0};  // x0, y0, x1, y1 in points, valid when page > 0
    // an item that crosses pages (a long answer, a table): its extent on
    // each later page, in page order; page and box are its first page's
    std::vector<PageBox> continued;

    bool empty() const { return line == 0 && path.empty() && page == 0; }
    // Short human locator for messages: "line 12", "page 3".
    std::string locator() const;
};

}  // namespace formsift::model
