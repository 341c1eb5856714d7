// Developer tool: what the PDF backend reads from each page (words with font,
// size and colour, marks, ruling lines), one item per line, for working on
// the layout rules.   pdf_dump FILE.pdf [PAGE]
// With --flow instead of a page: the document the flow reader makes of it
// (sections, texts, questions and their answers), one item per line.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include <poppler/PDFDoc.h>

#include "flow.hpp"
#include "layout.hpp"
#include "page_reader.hpp"
#include "pdf_session.hpp"

using namespace formsift::extract::pdf;

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: pdf_dump FILE.pdf [PAGE]\n";
        return 2;
    }
    std::ifstream in(argv[1], std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string bytes = ss.str();
    const bool flow = argc > 2 && std::string(argv[2]) == "--flow";
    const int only = argc > 2 && !flow ? std::stoi(argv[2]) : 0;
    try {
        ErrorCollector errors;
        Opened opened = open_pdf(bytes, argv[1], std::nullopt, errors);
        std::vector<formsift::model::Diagnostic> diags;
        const auto pages = read_pages(*opened.doc, ReadLimits{}, diags);
        if (flow) {
            formsift::model::Document doc;
            read_flow(pages, read_drawn_choices(pages, is_survey_tool_pdf(doc)), doc);
            std::printf("title |%s\n", doc.title.c_str());
            for (const auto& s : doc.sections) std::printf("section p%d |%s\n", s.where.page, s.title.c_str());
            for (const auto& t : doc.texts) std::printf("text s%d p%d |%s\n", t.section, t.where.page, t.text.c_str());
            for (const auto& q : doc.questions) {
                std::printf("question s%d p%d %s %s |%s\n", q.section, q.where.page, q.mandatory ? "*" : "-",
                            formsift::model::to_string(q.answer.kind), q.title.c_str());
                if (!q.help.empty()) std::printf("  help |%s\n", q.help.c_str());
                if (q.answer.kind == formsift::model::AnswerKind::text)
                    std::printf("  text |%s\n", q.answer.text.substr(0, 200).c_str());
                if (q.answer.kind == formsift::model::AnswerKind::table)
                    std::printf("  table %zu columns, %zu rows\n", q.answer.table.columns.size(),
                                q.answer.table.rows.size());
            }
            return 0;
        }
        for (const auto& page : pages) {
            if (only != 0 && page.number != only) continue;
            std::printf("page %d %.1fx%.1f\n", page.number, page.width, page.height);
            for (const auto& w : page.words)
                std::printf("W %7.2f %7.2f %7.2f %7.2f %-14s %5.2f %s %.2f,%.2f,%.2f |%s\n", w.box.x0, w.box.y0,
                            w.box.x1, w.box.y1, w.font.substr(0, 24).c_str(), w.size, w.bold ? "b" : "-", w.rgb[0],
                            w.rgb[1], w.rgb[2], w.text.c_str());
            for (const auto& m : page.marks)
                std::printf("M %7.2f %7.2f %7.2f %7.2f %s %s %s\n", m.box.x0, m.box.y0, m.box.x1, m.box.y1,
                            m.shape == MarkShape::radio ? "radio" : "checkbox", m.checked ? "on" : "off", m.origin);
            for (const auto& t : find_tables(page, nullptr))
                std::printf("T %7.2f %7.2f %7.2f %7.2f %zu columns, %zu rows%s\n", t.box.x0, t.box.y0, t.box.x1,
                            t.box.y1, t.columns.size(), t.rows.size(), t.header ? ", header" : "");
            for (const auto& b : page.boxes) std::printf("B %7.2f %7.2f %7.2f %7.2f\n", b.x0, b.y0, b.x1, b.y1);
            for (const auto& r : page.rules)
                std::printf("R %7.2f %7.2f %7.2f %7.2f\n", r.box.x0, r.box.y0, r.box.x1, r.box.y1);
        }
    } catch (const std::exception& e) {
        std::cerr << e.what() << "\n";
        return 1;
    }
    return 0;
}
