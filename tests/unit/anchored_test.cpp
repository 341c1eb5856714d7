#include <catch2/catch.hpp>

#include "anchored.hpp"
#include "formsift/normalize/mapping.hpp"

using namespace formsift;
using namespace formsift::normalize;

namespace {

// A line of words set from x at height y (size 10, one font), 6 points a character.
model::LayoutLine line(int page, double x, double y, const std::string& text, const std::string& font = "Sans",
                       double grey = 0.2) {
    model::LayoutLine l;
    l.page = page;
    l.text = text;
    l.size = 10;
    double at = x;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string::npos) end = text.size();
        model::LayoutWord w;
        w.text = text.substr(start, end - start);
        w.font = font;
        w.size = 10;
        for (double& c : w.rgb) c = grey;
        w.box[0] = at;
        w.box[1] = y;
        w.box[2] = at + 6.0 * static_cast<double>(w.text.size());
        w.box[3] = y + 10;
        at = w.box[2] + 3;
        l.words.push_back(w);
        start = end + 1;
    }
    l.box[0] = x;
    l.box[1] = y;
    l.box[2] = l.words.back().box[2];
    l.box[3] = y + 10;
    return l;
}

model::LayoutRect box(int page, double x0, double y0, double x1, double y1) {
    model::LayoutRect r;
    r.page = page;
    r.box[0] = x0;
    r.box[1] = y0;
    r.box[2] = x1;
    r.box[3] = y1;
    return r;
}

model::LayoutMark mark(int page, double x, double y, bool checked) {
    model::LayoutMark m;
    m.page = page;
    m.radio = true;
    m.checked = checked;
    m.box[0] = x;
    m.box[1] = y;
    m.box[2] = x + 10;
    m.box[3] = y + 10;
    return m;
}

// A table of events: its title, its header cells and a first row, on page 1 of two.
Template events_form() {
    return load_template(R"(id: t
sections:
  - id: s
    questions:
      - {id: events, label: Please list the events of the year, type: table, columns: [Event, Place], rows: 3}
)",
                         "t.yaml");
}

model::Layout events_first_row() {
    model::Layout layout;
    layout.pages = {{600, 800}, {600, 800}};
    layout.lines = {line(1, 50, 600, "Please list the events of the year"),
                    line(1, 150, 625, "Event"),
                    line(1, 300, 625, "Place"),
                    line(1, 60, 650, "1"),
                    line(1, 150, 650, "Kick-off"),
                    line(1, 300, 650, "Brussels")};
    layout.rects = {box(1, 50, 620, 140, 640), box(1, 140, 620, 290, 640), box(1, 290, 620, 440, 640),
                    box(1, 50, 640, 140, 670), box(1, 140, 640, 290, 670), box(1, 290, 640, 440, 670)};
    return layout;
}

Template form() {
    return load_template(R"(id: f
sections:
  - id: s
    title: About you
    questions:
      - {id: name, label: Please give the name of your organisation in full, type: text, mandatory: true}
      - {id: size, label: How large is the organisation, type: single_choice, options: [Small, Medium, Large]}
      - {id: plans, label: What are your plans for next year, type: text}
      - {id: absent, label: A question the pages do not have, type: text}
)",
                         "f.yaml");
}

}  // namespace

TEST_CASE(
    "anchored: titles wrapped over lines are found, answers read from their box and their marks, page numbers left "
    "out") {
    model::Layout layout;
    layout.pages = {{600, 800}, {600, 800}};
    model::LayoutLine star = line(1, 40, 101, "*", "Sans-Bold");
    star.words[0].rgb[0] = 0.93;
    star.words[0].rgb[1] = star.words[0].rgb[2] = 0;
    layout.lines = {
        line(1, 50, 60, "About you", "Sans", 0.0),
        star,
        line(1, 50, 100, "1.1 Please give the name of your"),
        line(1, 50, 112, "organisation in full"),
        line(1, 50, 126, "Help: as registered", "Sans-Oblique", 0.4),
        line(1, 60, 145, "Acme Regional Development Agency"),
        line(1, 50, 200, "1.2 How large is the organisation"),
        line(1, 75, 220, "Small"),
        line(1, 75, 240, "Medium"),
        line(1, 75, 260, "Large"),
        line(1, 50, 700, "1.3 What are your plans for next"),
        line(1, 50, 712, "year"),
        line(1, 60, 740, "We will open a second office and"),
        line(1, 560, 780, "1"),
        line(2, 60, 40, "hire two engineers."),
        line(2, 560, 780, "2"),
    };
    layout.marks = {mark(1, 60, 220, false), mark(1, 60, 240, true), mark(1, 60, 260, false)};
    layout.rects = {box(1, 55, 140, 400, 160), box(1, 55, 735, 240, 800), box(2, 55, 30, 240, 60)};
    layout.survey_tool = true;
    const Template t = form();
    const auto found = read_by_anchors(layout, t.questions, t.sections);
    REQUIRE(found.size() == 3);
    CHECK(found[0].index == 0);
    CHECK(found[0].question.title == "1.1 Please give the name of your organisation in full");
    CHECK(found[0].question.mandatory);
    CHECK(found[0].question.answer.text == "Acme Regional Development Agency");  // the help line is outside the box
    CHECK(found[1].index == 1);
    REQUIRE(found[1].question.answer.choice.options.size() == 3);
    CHECK(found[1].question.answer.choice.options[1].label == "Medium");
    CHECK(found[1].question.answer.choice.options[1].selected);
    CHECK_FALSE(found[1].question.mandatory);
    CHECK(found[2].index == 2);
    // the answer goes on across the page, in a box on each; the page numbers are not part of it
    INFO("kind " << model::to_string(found[2].question.answer.kind) << " title " << found[2].question.title);
    CHECK(found[2].question.answer.text == "We will open a second office and hire two engineers.");
    // its provenance: a box on each page
    const model::Provenance& where = found[2].question.answer.where;
    CHECK(where.page == 1);
    CHECK(where.box[1] == Approx(740).margin(12));
    REQUIRE(where.continued.size() == 1);
    CHECK(where.continued[0].page == 2);
    CHECK(where.continued[0].box[1] == Approx(40).margin(12));
    CHECK(where.continued[0].box[3] < 80);
    CHECK(found[0].question.answer.where.continued.empty());
    for (const auto& a : found) CHECK(a.read);
}

TEST_CASE("anchored: a ruled table is rebuilt from its header cells and row-title cells across a page break") {
    const Template t = events_form();
    model::Layout layout = events_first_row();
    for (const auto& l : {line(2, 60, 50, "2"), line(2, 150, 50, "Workshop"), line(2, 300, 45, "Lyon and"),
                          line(2, 300, 57, "Turin"), line(2, 60, 80, "3")})
        layout.lines.push_back(l);
    for (const auto& r : {box(2, 50, 40, 140, 70), box(2, 140, 40, 290, 70), box(2, 290, 40, 440, 70),
                          box(2, 50, 70, 140, 95), box(2, 140, 70, 290, 95), box(2, 290, 70, 440, 95)})
        layout.rects.push_back(r);
    const auto found = read_by_anchors(layout, t.questions, t.sections);
    REQUIRE(found.size() == 1);
    const auto& table = found[0].question.answer.table;
    REQUIRE(table.rows.size() == 3);
    CHECK(table.rows[0].cells == std::vector<std::string>{"Kick-off", "Brussels"});
    CHECK(table.rows[1].header == "2");
    CHECK(table.rows[1].cells == std::vector<std::string>{"Workshop", "Lyon and Turin"});
    CHECK(table.rows[2].cells == std::vector<std::string>{"", ""});
    // the table's provenance: its first page, then page 2
    CHECK(found[0].question.answer.where.page == 1);
    REQUIRE(found[0].question.answer.where.continued.size() == 1);
    CHECK(found[0].question.answer.where.continued[0].page == 2);
}

namespace {

Template grid_form() {
    return load_template(R"(id: g
sections:
  - id: s
    questions:
      - id: goals
        label: How far does the project serve each goal
        type: matrix
        columns: [Much, Little]
        rows: [Clean water for every village, Schools that stay open all year round, Roads that last]
)",
                         "g.yaml");
}

// The grid's title and its header row (column labels over the marks at x 300 and 350).
std::vector<model::LayoutLine> grid_head(int page, double y) {
    return {line(page, 50, y, "How far does the project serve each goal"), line(page, 300, y + 25, "Much"),
            line(page, 350, y + 25, "Little")};
}

}  // namespace

TEST_CASE("anchored: a ruled grid's row whose cells a page break left open reads its label on both pages") {
    // a browser's print: each row's label cell is drawn, but a cell a page break
    // cuts has no border at the foot of one page nor at the top of the next; the
    // grid's last row is cut too, its label ending on page 3; the first cell is
    // taller than twenty marks (a narrow label column)
    model::Layout layout;
    layout.pages = {{600, 800}, {600, 800}, {600, 800}};
    layout.lines = grid_head(1, 500);
    for (const auto& l :
         {line(1, 60, 560, "Clean water for"), line(1, 60, 572, "every village"), line(1, 60, 770, "Schools that stay"),
          line(2, 60, 30, "open all year round"), line(2, 60, 60, "Roads that last"), line(2, 60, 770, "Bridges over"),
          line(3, 60, 30, "every river")})
        layout.lines.push_back(l);
    layout.rects = {box(1, 55, 540, 280, 760), box(2, 55, 50, 280, 90)};
    layout.marks = {mark(1, 300, 565, true),  mark(1, 350, 565, false), mark(1, 300, 772, false),
                    mark(1, 350, 772, true),  mark(2, 300, 65, true),   mark(2, 350, 65, false),
                    mark(2, 300, 772, false), mark(2, 350, 772, true)};
    layout.survey_tool = true;
    Template t = grid_form();
    t.questions[0].rows.push_back("Bridges over every river");
    const auto found = read_by_anchors(layout, t.questions, t.sections);
    REQUIRE(found.size() == 1);
    const auto& rows = found[0].question.answer.matrix.rows;
    REQUIRE(rows.size() == 4);
    CHECK(rows[0].label == "Clean water for every village");
    CHECK(rows[1].label == "Schools that stay open all year round");
    CHECK(rows[1].selected == std::vector<bool>{false, true});
    CHECK(rows[2].label == "Roads that last");
    CHECK(rows[3].label == "Bridges over every river");
}

TEST_CASE("anchored: a grid drawn without cells groups its label lines by their steps across a page break") {
    model::Layout layout;
    layout.pages = {{600, 800}, {600, 800}};
    layout.lines = grid_head(1, 500);
    // labels of two lines at a pitch of 12, rows 30 apart; the second row's marks
    // stand by its first line, its second line is on page 2
    for (const auto& l :
         {line(1, 60, 560, "Clean water for"), line(1, 60, 572, "every village"), line(1, 60, 770, "Schools that stay"),
          line(2, 60, 30, "open all year round"), line(2, 60, 72, "Roads that"), line(2, 60, 84, "last")})
        layout.lines.push_back(l);
    layout.marks = {mark(1, 300, 562, true), mark(1, 350, 562, false), mark(1, 300, 770, false),
                    mark(1, 350, 770, true), mark(2, 300, 72, true),   mark(2, 350, 72, false)};
    layout.survey_tool = true;
    const Template t = grid_form();
    const auto found = read_by_anchors(layout, t.questions, t.sections);
    REQUIRE(found.size() == 1);
    const auto& rows = found[0].question.answer.matrix.rows;
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].label == "Clean water for every village");
    CHECK(rows[1].label == "Schools that stay open all year round");
    CHECK(rows[2].label == "Roads that last");
}

TEST_CASE("anchored: a table row whose cells a page break left open is one row, its title cell included") {
    const Template t = events_form();
    model::Layout layout = events_first_row();
    for (const auto& l : {// row 2: no cells drawn on either page
                          line(1, 60, 680, "2"), line(1, 150, 680, "Workshop on"), line(1, 300, 680, "Lyon"),
                          line(2, 150, 30, "batteries"), line(2, 300, 30, "and Turin"), line(2, 60, 60, "3"),
                          line(2, 150, 60, "Closing")})
        layout.lines.push_back(l);
    for (const auto& r : {box(2, 50, 55, 140, 75), box(2, 140, 55, 290, 75), box(2, 290, 55, 440, 75)})
        layout.rects.push_back(r);
    const auto found = read_by_anchors(layout, t.questions, t.sections);
    REQUIRE(found.size() == 1);
    const auto& table = found[0].question.answer.table;
    REQUIRE(table.rows.size() == 3);
    CHECK(table.rows[0].cells == std::vector<std::string>{"Kick-off", "Brussels"});
    CHECK(table.rows[1].header == "2");
    CHECK(table.rows[1].cells == std::vector<std::string>{"Workshop on batteries", "Lyon and Turin"});
    CHECK(table.rows[2].cells == std::vector<std::string>{"Closing", ""});
}

TEST_CASE("anchored: a table whose header cells are drawn but not its rows is read by its numbered lines") {
    // a browser's print: the header row in boxes (centred labels), the rows
    // not ruled; the survey tool's grey numbered column left of the named
    // ones; a cell's text starts left of its header's label; a word too long
    // for its narrow cell goes on on the next line, cut where the cell ends
    const Template t = events_form();
    model::Layout layout;
    layout.pages = {{600, 800}, {600, 800}};
    layout.lines = {line(1, 50, 600, "Please list the events of the year"),
                    line(1, 180, 625, "Event"),
                    line(1, 330, 625, "Place"),
                    line(1, 60, 650, "1"),
                    line(1, 150, 650, "Kick-off"),
                    line(1, 300, 650, "Brussels"),
                    line(1, 60, 680, "2"),
                    line(1, 150, 680, "Workshop"),
                    line(1, 300, 674, "Preparati"),
                    line(1, 300, 686, "on"),
                    line(1, 60, 710, "3")};
    layout.rects = {box(1, 140, 620, 290, 640), box(1, 290, 620, 357, 640)};
    const auto found = read_by_anchors(layout, t.questions, t.sections);
    REQUIRE(found.size() == 1);
    const auto& table = found[0].question.answer.table;
    REQUIRE(table.rows.size() == 3);
    CHECK(table.rows[0].cells == std::vector<std::string>{"Kick-off", "Brussels"});
    CHECK(table.rows[1].cells == std::vector<std::string>{"Workshop", "Preparation"});
    CHECK(table.rows[2].cells == std::vector<std::string>{"", ""});
}

TEST_CASE("anchored: help lines in an oblique face named without a hyphen are not the answer") {
    const Template t = form();
    model::Layout layout;
    layout.pages = {{600, 800}};
    layout.lines = {line(1, 50, 100, "Please give the name of your organisation in full", "FreeSansBold"),
                    line(1, 50, 115, "As registered, with its legal form", "FreeSansOblique", 0.4),
                    line(1, 60, 135, "Acme Regional Development Agency", "FreeMono")};
    layout.survey_tool = true;
    const auto found = read_by_anchors(layout, t.questions, t.sections);
    REQUIRE(!found.empty());
    CHECK(found[0].question.answer.text == "Acme Regional Development Agency");
}

TEST_CASE("anchored: a cell's lines: a capital after a full line begins a word, closing punctuation and dashes") {
    // narrow columns (Event: x 140–200, Place: 290–380); each cell's text wraps where its cell ends
    const Template t = events_form();
    model::Layout layout;
    layout.pages = {{600, 800}};
    layout.lines = {line(1, 50, 600, "Please list the events of the year"),
                    line(1, 150, 625, "Event"),
                    line(1, 300, 625, "Place"),
                    line(1, 60, 650, "1"),
                    line(1, 150, 650, "TwinLine"),  // fills its line: 150–198
                    line(1, 150, 662, "Press"),
                    line(1, 300, 650, "Delayed (data"),
                    line(1, 300, 662, "agreement"),
                    line(1, 300, 674, ")"),
                    line(1, 60, 700, "2"),
                    line(1, 150, 700, "Fair"),
                    line(1, 300, 700, "Preparation"),  // fills its line: 300–366
                    line(1, 300, 712, "\u2013 call")};
    layout.rects = {box(1, 50, 620, 140, 640), box(1, 140, 620, 200, 640), box(1, 290, 620, 380, 640),
                    box(1, 50, 640, 140, 690), box(1, 140, 640, 200, 690), box(1, 290, 640, 380, 690),
                    box(1, 50, 690, 140, 725), box(1, 140, 690, 200, 725), box(1, 290, 690, 380, 725)};
    const auto found = read_by_anchors(layout, t.questions, t.sections);
    REQUIRE(found.size() == 1);
    const auto& table = found[0].question.answer.table;
    REQUIRE(table.rows.size() == 2);
    CHECK(table.rows[0].cells == std::vector<std::string>{"TwinLine Press", "Delayed (data agreement)"});
    CHECK(table.rows[1].cells == std::vector<std::string>{"Fair", "Preparation \u2013 call"});
}

namespace {

model::LayoutIcon icon(int page, double x, double y, bool lit, double side = 18) {
    model::LayoutIcon i;
    i.page = page;
    i.lit = lit;
    i.box[0] = x;
    i.box[1] = y;
    i.box[2] = x + side;
    i.box[3] = y + side;
    return i;
}

}  // namespace

TEST_CASE("anchored: a rating by its lit icons, a ranking by its drag handles, uploads, a confirmation in its title") {
    const Template t = load_template(R"(id: c
sections:
  - id: s
    questions:
      - {id: useful, label: How useful were the parts of the day, type: matrix, columns: [1/5, 2/5, 3/5, 4/5, 5/5],
         rows: [Opening talk, Closing panel]}
      - {id: order, label: Order the topics by importance, type: list}
      - {id: files, label: Please attach your slides, type: list}
      - {id: agree, label: Publication of your answers, type: multiple_choice, options: [I agree to publication]}
      - {id: end, label: Any other comments on the day, type: text}
)",
                                     "c.yaml");
    model::Layout layout;
    layout.pages = {{600, 800}};
    layout.survey_tool = true;
    layout.lines = {
        line(1, 50, 50, "How useful were the parts of the day"),
        line(1, 60, 80, "Opening talk"),
        line(1, 60, 104, "Closing panel"),
        line(1, 50, 150, "Order the topics by importance"),
        line(1, 50, 166, "Use drag&drop or the up/down buttons to change the order."),
        line(1, 80, 186, "Mobility"),
        line(1, 80, 206, "Energy"),
        line(1, 50, 250, "Please attach your slides"),
        line(1, 50, 266, "Only files of the type pdf are allowed"),
        line(1, 50, 282, "5e0b7a3c-1f2d-4c6b-8a9e-0d1c2b3a4f5e/slides.pdf"),
        line(1, 50, 298, "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d/notes one.docx"),
        line(1, 70, 340, "Publication of your answers"),
        line(1, 70, 356, "I agree to publication"),
        line(1, 50, 400, "Any other comments on the day"),
    };
    // two rows of five icons, 4 and 2 lit; drag handles left of the ranked items
    for (int k = 0; k < 5; ++k) {
        layout.icons.push_back(icon(1, 200 + 20.0 * k, 76, k < 4));
        layout.icons.push_back(icon(1, 200 + 20.0 * k, 100, k < 2));
    }
    layout.icons.push_back(icon(1, 62, 186, false, 10));
    layout.icons.push_back(icon(1, 62, 206, false, 10));
    // the confirmation's check box, left of its title
    layout.marks.push_back(mark(1, 55, 340, true));
    const auto found = read_by_anchors(layout, t.questions, t.sections);
    const auto get = [&found](std::size_t index) -> const model::Question& {
        for (const auto& a : found)
            if (a.index == index) return a.question;
        FAIL("question " << index << " not read");
        throw std::logic_error("unreachable");
    };
    const auto& useful = get(0).answer.matrix;
    CHECK(useful.columns == std::vector<std::string>{"1/5", "2/5", "3/5", "4/5", "5/5"});
    REQUIRE(useful.rows.size() == 2);
    CHECK(useful.rows[0].label == "Opening talk");
    CHECK(useful.rows[0].selected == std::vector<bool>{false, false, false, true, false});
    CHECK(useful.rows[1].label == "Closing panel");
    CHECK(useful.rows[1].selected == std::vector<bool>{false, true, false, false, false});
    CHECK(get(1).answer.kind == model::AnswerKind::list);
    CHECK(get(1).answer.items == std::vector<std::string>{"Mobility", "Energy"});  // not the hint line
    CHECK(get(2).answer.items == std::vector<std::string>{"slides.pdf", "notes one.docx"});
    const auto& agree = get(3).answer.choice.options;
    REQUIRE(agree.size() == 1);
    CHECK(agree[0].label == "I agree to publication");
    CHECK(agree[0].selected);
}
