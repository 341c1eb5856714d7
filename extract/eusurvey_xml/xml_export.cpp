#include "xml_export.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <memory>
#include <optional>

#include "formsift/extract/error.hpp"
#include "utf8.hpp"

namespace formsift::extract::eusurvey_xml {
namespace {

// ---- small libxml2 helpers ---------------------------------------------------

bool named(const xmlNode* n, const char* name) {
    return n != nullptr && n->type == XML_ELEMENT_NODE && xmlStrcmp(n->name, BAD_CAST name) == 0;
}

std::string trim(std::string s) {
    const auto a = s.find_first_not_of(" \t\r\n");
    if (a == std::string::npos) return {};
    const auto b = s.find_last_not_of(" \t\r\n");
    return s.substr(a, b - a + 1);
}

std::string attr(xmlNode* n, const char* name) {
    xmlChar* v = xmlGetProp(n, BAD_CAST name);
    std::string s = v != nullptr ? reinterpret_cast<const char*>(v) : "";
    xmlFree(v);
    return trim(s);  // ids are written untrimmed on some export paths
}

std::string content(xmlNode* n) {
    xmlChar* v = xmlNodeGetContent(n);
    std::string s = v != nullptr ? reinterpret_cast<const char*>(v) : "";
    xmlFree(v);
    return s;
}

int line_of(const xmlNode* n) {
    const long l = xmlGetLineNo(n);
    return l > 0 && l < 1000000000 ? static_cast<int>(l) : 0;
}

model::Provenance at(int line) {
    model::Provenance p;
    p.line = line;
    return p;
}

// White space runs as one space, trimmed.
std::string one_line(const std::string& s) {
    std::string out;
    bool space = false;
    for (const char c : s) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

// The export's titles are rich text (HTML, escaped in the XML): their text.
std::string rich_text(const std::string& html) {
    if (html.find('<') == std::string::npos && html.find('&') == std::string::npos) return one_line(html);
    const std::string doc = "<body>" + html + "</body>";
    std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> parsed(
        htmlReadMemory(doc.data(), static_cast<int>(doc.size()), nullptr, "utf-8",
                       HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET),
        &xmlFreeDoc);
    if (!parsed) return one_line(html);
    std::string out;
    std::vector<xmlNode*> stack{xmlDocGetRootElement(parsed.get())};
    std::size_t seen = 0;
    while (!stack.empty() && ++seen < 100000) {
        xmlNode* n = stack.back();
        stack.pop_back();
        if (n == nullptr) continue;
        if (n->type == XML_TEXT_NODE && n->content != nullptr) out += reinterpret_cast<const char*>(n->content);
        if (n->type == XML_ELEMENT_NODE && (named(n, "br") || named(n, "p") || named(n, "div") || named(n, "li")))
            out += ' ';
        if (n->type != XML_ELEMENT_NODE || named(n, "script") || named(n, "style")) continue;
        std::vector<xmlNode*> kids;
        for (xmlNode* c = n->children; c != nullptr; c = c->next) kids.push_back(c);
        stack.insert(stack.end(), kids.rbegin(), kids.rend());
    }
    return one_line(out);
}

// "2020-07-15_11-42-07" as the survey tool prints dates: "15/07/2020 11:42:07".
std::string print_date(const std::string& s) {
    if (s.size() != 19 || s[4] != '-' || s[7] != '-' || s[10] != '_' || s[13] != '-' || s[16] != '-') return s;
    return s.substr(8, 2) + "/" + s.substr(5, 2) + "/" + s.substr(0, 4) + " " + s.substr(11, 2) + ":" +
           s.substr(14, 2) + ":" + s.substr(17, 2);
}

// The parts of a ';'-separated list (option ids, item ids, file names),
// trimmed, empty ones left out.
std::vector<std::string> parts_of(const std::string& list) {
    std::vector<std::string> out;
    for (std::size_t p = 0; p <= list.size();) {
        std::size_t e = list.find(';', p);
        if (e == std::string::npos) e = list.size();
        if (std::string part = trim(list.substr(p, e - p)); !part.empty()) out.push_back(std::move(part));
        p = e + 1;
    }
    return out;
}

// ---- the survey's elements ---------------------------------------------------

struct Item {
    enum class Kind { section, text, free, choice, matrix, table, ranking, rating, upload };
    Kind kind = Kind::free;
    std::string uid, title, type;
    int line = 0;
    bool multiple = false;
    std::vector<std::pair<std::string, std::string>> options, rows, columns;  // uid, label
};

struct Form {
    std::string lang;
    std::vector<Item> items;
    // elements shown only when an option is chosen: element uid → (question uid, option uid)
    std::map<std::string, std::vector<std::pair<std::string, std::string>>> shown_by;
};

Form read_elements(xmlNode* elements, std::size_t max_items) {
    Form f;
    f.lang = attr(elements, "lang");
    Item* last = nullptr;  // the element later siblings (options, rows, columns) belong to
    auto push = [&f, &last](Item it) {
        f.items.push_back(std::move(it));
        last = &f.items.back();
    };
    for (xmlNode* c = elements->children; c != nullptr && f.items.size() < max_items; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        const std::string type = attr(c, "type");
        Item it;
        it.uid = attr(c, "id");
        it.type = type;
        it.title = rich_text(content(c));
        it.line = line_of(c);
        const auto add_to = [&](Item::Kind kind, auto member) {
            if (last != nullptr && last->kind == kind) (last->*member).emplace_back(it.uid, it.title);
        };
        if (named(c, "Section") || type == "Section") {
            it.kind = Item::Kind::section;
            push(std::move(it));
            last = nullptr;
        } else if (named(c, "Answer") || type == "Choice Answer") {
            add_to(Item::Kind::choice, &Item::options);
            if (last != nullptr && last->kind == Item::Kind::choice)
                for (const auto& dep : parts_of(attr(c, "dependentElements")))
                    f.shown_by[dep].emplace_back(last->uid, it.uid);
        } else if (named(c, "RankingItem") || type == "Ranking Item") {
            add_to(Item::Kind::ranking, &Item::options);
        } else if (named(c, "RatingQuestion")) {
            // a rating's row: "Rating title: row title" (eusurvey-formats.md §4)
            if (last != nullptr && last->kind == Item::Kind::rating) {
                std::string row = it.title;
                if (const std::string head = last->title + ":"; row.compare(0, head.size(), head) == 0)
                    row = trim(row.substr(head.size()));
                last->rows.emplace_back(it.uid, row);
            }
        } else if (named(c, "MatrixQuestion")) {
            add_to(Item::Kind::matrix, &Item::rows);
        } else if (named(c, "MatrixAnswer")) {
            add_to(Item::Kind::matrix, &Item::columns);
        } else if (named(c, "TableQuestion")) {
            add_to(Item::Kind::table, &Item::rows);
        } else if (named(c, "TableAnswer")) {
            add_to(Item::Kind::table, &Item::columns);
        } else if (named(c, "MatrixTitle") || type == "Matrix") {
            it.kind = Item::Kind::matrix;
            push(std::move(it));
        } else if (named(c, "TableTitle") || type == "Table") {
            it.kind = Item::Kind::table;
            push(std::move(it));
        } else if (type == "Single Choice" || type == "Multiple Choice") {
            it.kind = Item::Kind::choice;
            it.multiple = type == "Multiple Choice";
            push(std::move(it));
        } else if (type == "Ranking") {
            it.kind = Item::Kind::ranking;
            push(std::move(it));
        } else if (type == "Rating") {
            it.kind = Item::Kind::rating;
            push(std::move(it));
        } else if (type == "File Upload") {
            it.kind = Item::Kind::upload;
            push(std::move(it));
        } else if (type == "Text") {
            it.kind = Item::Kind::text;
            push(std::move(it));
            last = nullptr;
        } else if (named(c, "Question") && type != "Image" && type != "Line" && type != "File Download" &&
                   type != "Gallery" && type != "Confirmation") {
            // (a confirmation's answer is never exported, eusurvey-formats.md §4:
            // left out, so that a template's confirmation is not found here
            // rather than read as unanswered)
            it.kind = Item::Kind::free;  // free text, number, date, time, e-mail, rating, upload, ...
            push(std::move(it));
        }
    }
    return f;
}

// ---- one answer set ----------------------------------------------------------

struct Given {
    std::string aid, text;
    int line = 0;
    bool used = false;
};

// The answer a row (or question) gives with option or column id `aid`: the last one.
const Given* answer_to(const std::vector<Given>* given, const std::string& aid) {
    const Given* found = nullptr;
    if (given != nullptr)
        for (const auto& x : *given)
            if (x.aid == aid) found = &x;
    return found;
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// An answer set as read from the stream: its attributes and answers in order.
struct RawAnswer {
    std::string qid, aid, text;
    int line = 0;
};
struct RawSet {
    std::map<std::string, std::string> attributes;
    int line = 0;
    std::vector<RawAnswer> answers;
    std::size_t dropped = 0;  // answers over the limit

    std::string get(const char* key) const {
        auto it = attributes.find(key);
        return it == attributes.end() ? std::string() : trim(it->second);
    }
    // The answer set in a canonical form (attributes, then answers in order):
    // what its digest is taken of, the same however the export is laid out.
    std::string canonical() const {
        std::string out = "AnswerSet";
        for (const auto& [k, v] : attributes) out += "\x1f" + k + "=" + v;
        for (const auto& a : answers) out += "\x1e" + a.qid + "\x1f" + a.aid + "\x1f" + a.text;
        return out;
    }
};

model::Document read_answer_set(const RawSet& set, const std::vector<Form>& forms,
                                const std::map<std::string, std::string>& survey, std::size_t index,
                                const Options& options) {
    model::Document d;
    d.format = "eusurvey-xml";
    d.meta = survey;
    d.meta["answer_set"] = std::to_string(index);
    const std::string id = set.get("id");
    if (id == "Anonymous" || id.empty())
        d.meta["anonymous"] = "true";
    else
        d.meta["contribution_id"] = id;
    if (const std::string c = set.get("create"); !c.empty()) d.meta["date"] = print_date(c);
    if (const std::string l = set.get("last"); !l.empty()) d.meta["last_update"] = print_date(l);
    for (const char* key : {"user", "invitation"})
        if (const std::string v = set.get(key); !v.empty() && v != "Anonymous") d.meta[key] = v;
    d.language = set.get("lang");

    // the elements in the answer set's language, else the first language given
    const Form* form = nullptr;
    for (const auto& f : forms)
        if (lower(f.lang) == lower(d.language)) form = &f;
    if (form == nullptr && !forms.empty()) {
        form = &forms.front();
        d.diagnostics.push_back({model::Code::xml_language_missing, "line " + std::to_string(set.line),
                                 "the export has no elements in the answer set's language '" + d.language +
                                     "'; titles are in '" + form->lang + "'"});
    }

    std::map<std::string, std::vector<Given>> given;
    if (set.dropped > 0)
        d.diagnostics.push_back({model::Code::too_many_fields, "line " + std::to_string(set.line),
                                 std::to_string(set.dropped) + " answer(s) over the limit of " +
                                     std::to_string(options.limits.max_fields) + " in one answer set were ignored"});
    for (const RawAnswer& a : set.answers) {
        std::string text = a.text;
        if (text.size() > options.limits.max_text) {
            text.resize(utf8_prefix(text, options.limits.max_text));
            d.diagnostics.push_back({model::Code::text_too_long, "line " + std::to_string(a.line),
                                     "an answer is longer than " + std::to_string(options.limits.max_text) +
                                         " bytes and was cut (--max-text)"});
        }
        // several option ids in one answer (one export path joins them with ';')
        std::size_t pos = 0;
        do {
            const std::size_t end = a.aid.find(';', pos);
            const std::string aid = trim(a.aid.substr(pos, end == std::string::npos ? std::string::npos : end - pos));
            given[trim(a.qid)].push_back({aid, text, a.line});
            pos = end == std::string::npos ? end : end + 1;
        } while (pos != std::string::npos);
    }
    static const Form kNoElements;
    if (form == nullptr) form = &kNoElements;  // no elements at all: only the unknown ids below

    for (const Item& it : form->items) {
        const int section = static_cast<int>(d.sections.size()) - 1;
        // an element an option shows is there only when the option was chosen (or it was answered)
        if (auto deps = form->shown_by.find(it.uid); deps != form->shown_by.end() && given.count(it.uid) == 0) {
            const bool shown = std::any_of(deps->second.begin(), deps->second.end(), [&given](const auto& qo) {
                auto g = given.find(qo.first);
                return g != given.end() && std::any_of(g->second.begin(), g->second.end(),
                                                       [&qo](const Given& x) { return x.aid == qo.second; });
            });
            if (!shown) continue;
        }
        // the element in the form's other languages, by its id
        const auto other_languages = [&forms, form, &it]() {
            std::vector<std::pair<std::string, const Item*>> out;
            for (const auto& f : forms) {
                if (&f == form || f.lang.empty()) continue;
                for (const auto& other : f.items)
                    if (other.uid == it.uid) {
                        out.emplace_back(f.lang, &other);
                        break;
                    }
            }
            return out;
        };
        if (it.kind == Item::Kind::section) {
            model::Section s{it.title, 1, at(it.line), {}};
            for (const auto& [lang, other] : other_languages()) s.wordings[lang] = other->title;
            d.sections.push_back(std::move(s));
            continue;
        }
        if (it.kind == Item::Kind::text) {
            if (!it.title.empty()) d.texts.push_back({it.title, section, at(it.line)});
            continue;
        }
        model::Question q;
        q.title = it.title;
        q.source_id = it.uid;
        q.section = section;
        q.where = at(it.line);
        // the element types of a results export that are value types
        if (it.type == "Number" || it.type == "Formula")
            q.declared_type = "number";
        else if (it.type == "Date")
            q.declared_type = "date";
        else if (it.type == "E-mail")
            q.declared_type = "email";
        else if (it.type == "Free Text")
            q.declared_type = "text";
        for (const auto& [lang, other] : other_languages()) {
            model::Question::Wording& w = q.wordings[lang];
            w.title = other->title;
            const auto labels = [](const auto& mine, const auto& theirs, std::vector<std::string>& to) {
                for (const auto& [uid, label] : mine) {
                    std::string found = label;
                    for (const auto& [ouid, olabel] : theirs)
                        if (ouid == uid) found = olabel;
                    to.push_back(found);
                }
            };
            labels(it.options, other->options, w.options);
            labels(it.rows, other->rows, w.rows);
            labels(it.columns, other->columns, w.columns);
        }
        if (auto deps = form->shown_by.find(it.uid); deps != form->shown_by.end() && !deps->second.empty()) {
            const auto& [question, option] = deps->second.front();
            q.shown_if_question = question;
            for (const auto& c : form->items)
                if (c.uid == question)
                    for (const auto& [ouid, olabel] : c.options)
                        if (ouid == option) q.shown_if_option = olabel;
        }
        model::Answer& a = q.answer;
        auto take = [&given](const std::string& uid) -> std::vector<Given>* {
            auto g = given.find(uid);
            if (g == given.end()) return nullptr;
            for (auto& x : g->second) x.used = true;
            return &g->second;
        };
        switch (it.kind) {
            case Item::Kind::free:
                if (auto* g = take(it.uid)) {
                    a.kind = model::AnswerKind::text;
                    a.where = at(g->front().line);
                    for (const auto& x : *g) {
                        if (!a.text.empty()) a.text += "\n";
                        a.text += x.text;
                    }
                }
                break;
            case Item::Kind::ranking:
            case Item::Kind::upload:
                // a ranking: its items' ids in the order given, read as their
                // labels; an upload: its files' names; either joined by ';' (one
                // export path writes one answer per file) — eusurvey-formats.md §4
                if (auto* g = take(it.uid)) {
                    a.kind = model::AnswerKind::list;
                    a.where = at(g->front().line);
                    for (const auto& x : *g)
                        for (const auto& part : parts_of(x.text)) {
                            std::string label = part;
                            if (it.kind == Item::Kind::ranking)
                                for (const auto& [ou, ol] : it.options)
                                    if (ou == part) label = ol;
                            a.items.push_back(label);
                        }
                }
                break;
            case Item::Kind::rating: {
                // a rating: per row "n/max", read as a grid whose columns are
                // 1/max to max/max (eusurvey-formats.md §4): the largest max given
                a.kind = model::AnswerKind::matrix;
                a.where = at(it.line);
                std::vector<std::pair<const Given*, int>> chosen;  // per row: its answer and n
                int most = 0;
                for (const auto& [ruid, rlabel] : it.rows) {
                    const std::vector<Given>* g = take(ruid);
                    const Given* x = g != nullptr && !g->empty() ? &g->back() : nullptr;
                    int n = 0;
                    if (x != nullptr) {
                        const std::size_t slash = x->text.find('/');
                        const std::string left = trim(x->text.substr(0, slash));
                        const std::string right = slash == std::string::npos ? "" : trim(x->text.substr(slash + 1));
                        const auto number = [](const std::string& t) {
                            if (t.empty() || t.size() > 3 ||
                                !std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; }))
                                return 0;
                            return std::stoi(t);
                        };
                        n = number(left);
                        most = std::max({most, number(right), n});
                    }
                    chosen.emplace_back(x, n);
                }
                for (int c = 1; c <= most; ++c)
                    a.matrix.columns.push_back(std::to_string(c) + "/" + std::to_string(most));
                for (std::size_t r = 0; r < it.rows.size(); ++r) {
                    model::MatrixRow row;
                    row.label = it.rows[r].second;
                    row.where = chosen[r].first != nullptr ? at(chosen[r].first->line) : at(it.line);
                    row.selected.assign(static_cast<std::size_t>(most), false);
                    if (chosen[r].second > 0) row.selected[static_cast<std::size_t>(chosen[r].second - 1)] = true;
                    a.matrix.rows.push_back(std::move(row));
                }
                break;
            }
            case Item::Kind::choice: {
                a.kind = model::AnswerKind::choice;
                a.choice.multiple = it.multiple;
                std::vector<Given>* g = take(it.uid);
                for (const auto& [uid, label] : it.options) {
                    model::Option o;
                    o.label = label;
                    o.value = uid;
                    if (g != nullptr)
                        for (const auto& x : *g)
                            if (x.aid == uid) {
                                o.selected = true;
                                o.where = at(x.line);
                                if (a.where.empty()) a.where = at(x.line);
                            }
                    a.choice.options.push_back(std::move(o));
                }
                if (g != nullptr)
                    for (const auto& x : *g)
                        if (std::none_of(it.options.begin(), it.options.end(),
                                         [&x](const auto& o) { return o.first == x.aid; }))
                            d.diagnostics.push_back({model::Code::xml_unknown_option, "line " + std::to_string(x.line),
                                                     "answer names option id '" + x.aid + "', which question \"" +
                                                         it.title + "\" does not have"});
                break;  // no answer: the options, none chosen
            }
            case Item::Kind::matrix: {
                a.kind = model::AnswerKind::matrix;
                a.where = at(it.line);
                for (const auto& [uid, label] : it.columns) a.matrix.columns.push_back(label);
                for (const auto& [ruid, rlabel] : it.rows) {
                    model::MatrixRow row;
                    row.label = rlabel;
                    row.where = at(it.line);
                    const std::vector<Given>* g = take(ruid);
                    for (const auto& [cuid, clabel] : it.columns) {
                        const Given* x = answer_to(g, cuid);
                        if (x != nullptr) row.where = at(x->line);
                        row.selected.push_back(x != nullptr);
                    }
                    a.matrix.rows.push_back(std::move(row));
                }
                break;
            }
            case Item::Kind::table: {
                a.kind = model::AnswerKind::table;
                a.where = at(it.line);
                for (const auto& [uid, label] : it.columns) a.table.columns.push_back(label);
                for (const auto& [ruid, rlabel] : it.rows) {
                    model::TableRow row;
                    row.header = rlabel;
                    row.where = at(it.line);
                    const std::vector<Given>* g = take(ruid);
                    for (const auto& [cuid, clabel] : it.columns) {
                        const Given* x = answer_to(g, cuid);
                        if (x != nullptr) row.where = at(x->line);
                        row.cells.push_back(x != nullptr ? x->text : std::string());
                    }
                    a.table.rows.push_back(std::move(row));
                }
                break;
            }
            default: break;
        }
        d.questions.push_back(std::move(q));
    }
    // answers the elements know nothing of: reported, not dropped in silence
    std::size_t unknown = 0;
    const Given* first = nullptr;
    std::string first_qid;
    for (const auto& [qid, list] : given)
        for (const auto& x : list)
            if (!x.used) {
                ++unknown;
                if (first == nullptr || x.line < first->line) {
                    first = &x;
                    first_qid = qid;
                }
            }
    if (unknown > 0)
        d.diagnostics.push_back({model::Code::xml_unknown_question, "line " + std::to_string(first->line),
                                 std::to_string(unknown) +
                                     " answer(s) name question ids the export's elements do not define (first: '" +
                                     first_qid + "')"});
    return d;
}

// ---- the stream ---------------------------------------------------------------

struct Stream {
    const ByteSource* source = nullptr;
    std::string failure;  // the source threw
};

int read_callback(void* context, char* buffer, int len) {
    auto* s = static_cast<Stream*>(context);
    try {
        // small pieces: the parser then never sees the end of the input (and
        // the error a cut-off export raises there) before the reader has handed
        // over every node that precedes it
        return static_cast<int>((*s->source)(buffer, std::min<std::size_t>(static_cast<std::size_t>(len), 512)));
    } catch (const std::exception& e) {
        s->failure = e.what();
        return -1;
    } catch (...) {  // nothing may cross libxml2's C frames
        s->failure = "the input could not be read";
        return -1;
    }
}

int close_callback(void*) {
    return 0;
}

struct Problem {
    int line = 0;
    std::string message;
    bool fatal = false;
};

void on_error(void* context, xmlErrorPtr e) {
    auto* problems = static_cast<std::vector<Problem>*>(context);
    if (e == nullptr || problems->size() >= 100) return;
    std::string m = e->message != nullptr ? e->message : "malformed XML";
    while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
    problems->push_back({e->line, m, e->level == XML_ERR_FATAL || e->level == XML_ERR_ERROR});
}

int current_line(xmlTextReader* r) {
    if (const xmlNode* n = xmlTextReaderCurrentNode(r); n != nullptr && line_of(n) > 0) return line_of(n);
    return xmlTextReaderGetParserLineNumber(r);
}

struct ReaderDeleter {
    void operator()(xmlTextReader* r) const { xmlFreeTextReader(r); }
};

Result as_result(model::Document d) {
    Result r;
    r.format = Format::eusurvey_xml;
    r.document = std::move(d);
    for (const auto& x : r.document.diagnostics)
        if (x.severity() != model::Severity::info) r.status = Status::partial;
    return r;
}

// An answer set whose reading failed: what is known of it, and why.
Result failed_set(const RawSet& set, const std::map<std::string, std::string>& survey, std::size_t index,
                  const Failure& failure) {
    Result r;
    r.format = Format::eusurvey_xml;
    r.status = Status::failed;
    r.document.format = "eusurvey-xml";
    r.document.meta = survey;
    r.document.meta["answer_set"] = std::to_string(index);
    r.document.diagnostics.push_back({failure.code,
                                      failure.locator.empty() ? "line " + std::to_string(set.line) : failure.locator,
                                      failure.message});
    return r;
}

}  // namespace

std::size_t read_export(const ByteSource& source, const std::string& name, const Options& options,
                        const std::function<void(Part&&)>& each) {
    Stream stream{&source, {}};
    std::vector<Problem> problems;
    // no network, no external entities or DTDs, entities left unexpanded
    std::unique_ptr<xmlTextReader, ReaderDeleter> reader(xmlReaderForIO(
        read_callback, close_callback, &stream, name.c_str(), nullptr, XML_PARSE_NONET | XML_PARSE_RECOVER));
    if (!reader) throw Error(model::Code::input_unreadable, name, "", "cannot start reading the XML export");
    xmlTextReaderSetStructuredErrorHandler(reader.get(), on_error, &problems);

    std::vector<Form> forms;
    std::map<std::string, std::string> survey;
    std::size_t sets = 0;
    int cut_off = 0;  // line of an answer set the damage cut short
    int ret = xmlTextReaderRead(reader.get());
    bool doctype = false;
    while (ret == 1) {
        if (xmlTextReaderNodeType(reader.get()) == XML_READER_TYPE_DOCUMENT_TYPE) {
            // a results export never declares a DTD; one that does could expand
            // entities without bound (billion laughs): not read
            doctype = true;
            break;
        }
        if (xmlTextReaderNodeType(reader.get()) != XML_READER_TYPE_ELEMENT) {
            ret = xmlTextReaderRead(reader.get());
            continue;
        }
        const auto* tag = reinterpret_cast<const char*>(xmlTextReaderConstLocalName(reader.get()));
        if (std::strcmp(tag, "Survey") == 0) {
            for (const auto& [attribute, key] : {std::pair{"alias", "survey_alias"}, std::pair{"uid", "survey_uid"}})
                if (xmlChar* v = xmlTextReaderGetAttribute(reader.get(), BAD_CAST attribute)) {
                    if (*v != 0) survey[key] = trim(reinterpret_cast<const char*>(v));
                    xmlFree(v);
                }
        }
        if (std::strcmp(tag, "Elements") == 0) {
            // the survey's elements are small: read as a subtree
            if (options.fault) options.fault("elements");
            if (xmlNode* node = xmlTextReaderExpand(reader.get()))
                forms.push_back(read_elements(node, options.limits.max_fields));
            ret = xmlTextReaderNext(reader.get());
            continue;
        }
        if (std::strcmp(tag, "AnswerSet") == 0) {
            // an answer set node by node, so that one complete before a damaged
            // part of the export still comes out
            RawSet set;
            set.line = current_line(reader.get());
            while (xmlTextReaderMoveToNextAttribute(reader.get()) == 1)
                set.attributes[reinterpret_cast<const char*>(xmlTextReaderConstLocalName(reader.get()))] =
                    reinterpret_cast<const char*>(xmlTextReaderConstValue(reader.get()));
            xmlTextReaderMoveToElement(reader.get());
            const int depth = xmlTextReaderDepth(reader.get());
            bool complete = xmlTextReaderIsEmptyElement(reader.get()) == 1;
            RawAnswer* answer = nullptr;
            int answer_depth = -1;
            while (!complete && (ret = xmlTextReaderRead(reader.get())) == 1) {
                const int type = xmlTextReaderNodeType(reader.get());
                const int d = xmlTextReaderDepth(reader.get());
                if (type == XML_READER_TYPE_END_ELEMENT && d == depth) {
                    complete = true;
                } else if (type == XML_READER_TYPE_ELEMENT && d == depth + 1 &&
                           std::strcmp(reinterpret_cast<const char*>(xmlTextReaderConstLocalName(reader.get())),
                                       "Answer") == 0) {
                    answer = nullptr;
                    if (set.answers.size() >= options.limits.max_fields) {
                        ++set.dropped;
                        continue;
                    }
                    RawAnswer a;
                    a.line = current_line(reader.get());
                    for (const auto& [attribute, field] :
                         {std::pair{"qid", &RawAnswer::qid}, std::pair{"aid", &RawAnswer::aid}})
                        if (xmlChar* v = xmlTextReaderGetAttribute(reader.get(), BAD_CAST attribute)) {
                            a.*field = reinterpret_cast<const char*>(v);
                            xmlFree(v);
                        }
                    set.answers.push_back(std::move(a));
                    if (xmlTextReaderIsEmptyElement(reader.get()) != 1) {
                        answer = &set.answers.back();
                        answer_depth = d;
                    }
                } else if (answer != nullptr && d > answer_depth &&
                           (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
                            type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE || type == XML_READER_TYPE_WHITESPACE)) {
                    if (const xmlChar* v = xmlTextReaderConstValue(reader.get());
                        v != nullptr && answer->text.size() <= options.limits.max_text)
                        answer->text += reinterpret_cast<const char*>(v);
                } else if (type == XML_READER_TYPE_END_ELEMENT && d == answer_depth) {
                    answer = nullptr;
                }
            }
            if (!complete) {
                cut_off = set.line;
                break;
            }
            Part part;
            ++sets;
            part.own_bytes = set.canonical();
            try {
                if (options.fault) options.fault("answer set");
                part.result = as_result(read_answer_set(set, forms, survey, sets, options));
            } catch (...) {
                // this answer set alone fails; the export goes on
                part.result =
                    failed_set(set, survey, sets, current_failure("reading answer set " + std::to_string(sets)));
            }
            each(std::move(part));
            ret = xmlTextReaderRead(reader.get());
            continue;
        }
        ret = xmlTextReaderRead(reader.get());
    }
    const auto fatal = std::find_if(problems.begin(), problems.end(), [](const Problem& p) { return p.fatal; });
    if (ret < 0 || fatal != problems.end() || !stream.failure.empty() || sets == 0 || doctype) {
        model::Document d;
        d.format = "eusurvey-xml";
        if (doctype) {
            d.diagnostics.push_back({model::Code::xml_doctype, "line " + std::to_string(current_line(reader.get())),
                                     "the export declares a DTD (<!DOCTYPE>), which a results export never does; "
                                     "it is not read (its entities could expand without bound)"});
        } else if (!stream.failure.empty()) {
            d.diagnostics.push_back({model::Code::input_unreadable, "", stream.failure});
        } else if (ret < 0 || fatal != problems.end()) {
            const Problem p = fatal != problems.end() ? *fatal : problems.empty() ? Problem{} : problems.front();
            std::string what = "malformed XML" + (p.message.empty() ? std::string() : ": " + p.message);
            if (cut_off > 0)
                what += "; the answer set at line " + std::to_string(cut_off) + " is cut short and not read";
            what += sets > 0 ? "; the " + std::to_string(sets) + " answer set(s) before it were read"
                             : "; no answer set could be read";
            d.diagnostics.push_back(
                {model::Code::xml_malformed, p.line > 0 ? "line " + std::to_string(p.line) : "", what});
        } else {
            d.diagnostics.push_back({model::Code::xml_no_answer_sets, "", "the export holds no answer set"});
        }
        Part part;
        part.result.format = Format::eusurvey_xml;
        part.result.document = std::move(d);
        // a damaged export could not be read (in part): its own status says so
        const bool error = part.result.document.diagnostics.front().severity() == model::Severity::error;
        part.result.status = error ? Status::failed : Status::partial;
        each(std::move(part));
    }
    return sets;
}

}  // namespace formsift::extract::eusurvey_xml
