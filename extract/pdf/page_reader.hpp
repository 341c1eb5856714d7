#pragma once
// Reads what each page shows (words, marks, ruling lines) with one pass of
// Poppler's renderer per page, bounded in objects per page.
#include <vector>

#include "formsift/model/diagnostic.hpp"
#include "page_content.hpp"

class PDFDoc;

namespace formsift::extract::pdf {

struct ReadLimits {
    int max_pages = 2000;
    std::size_t max_objects_per_page = 100000;  // paths, images and glyph marks
    double max_seconds = 60;                    // reading the pages; those left are not read
};

std::vector<PageContent> read_pages(PDFDoc& doc, const ReadLimits& limits, std::vector<model::Diagnostic>& diagnostics);

}  // namespace formsift::extract::pdf
