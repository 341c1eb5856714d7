#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>
#include <set>

#include "formsift/extract/error.hpp"
#include "formsift/normalize/mapping.hpp"

namespace formsift::normalize {
namespace {

[[noreturn]] void fail(const std::string& file, int line, const std::string& message) {
    throw Error(model::Code::mapping_invalid, file, line > 0 ? "line " + std::to_string(line) : "", message);
}

int line_of(const YAML::Node& n) {
    return n.Mark().line >= 0 ? n.Mark().line + 1 : 0;
}

std::string scalar(const YAML::Node& n, const std::string& what, const std::string& file) {
    if (!n.IsScalar()) fail(file, line_of(n), what + " must be a text");
    return n.as<std::string>();
}

std::vector<std::string> strings(const YAML::Node& n, const std::string& what, const std::string& file) {
    std::vector<std::string> out;
    if (!n) return out;
    if (n.IsScalar()) {
        out.push_back(n.as<std::string>());
        return out;
    }
    if (!n.IsSequence()) fail(file, line_of(n), what + " must be a list of texts");
    for (const auto& item : n) out.push_back(scalar(item, what + " item", file));
    return out;
}

// A list of choices (options, columns, rows): each a label, or a mapping
// {label, alt_labels, mandatory} (other wordings; a matrix row that must be answered).
std::vector<std::string> choices(const YAML::Node& n, const std::string& what, const std::string& file,
                                 std::map<std::string, std::vector<std::string>>& others,
                                 std::vector<std::string>* mandatory = nullptr);

bool boolean(const YAML::Node& n, const std::string& what, const std::string& file) {
    if (!n) return false;
    try {
        return n.as<bool>();
    } catch (const YAML::Exception&) {
        fail(file, line_of(n), what + " must be true or false");
    }
}

std::vector<std::string> choices(const YAML::Node& n, const std::string& what, const std::string& file,
                                 std::map<std::string, std::vector<std::string>>& others,
                                 std::vector<std::string>* mandatory) {
    std::vector<std::string> out;
    if (!n) return out;
    if (n.IsScalar()) return strings(n, what, file);
    if (!n.IsSequence()) fail(file, line_of(n), what + " must be a list");
    for (const auto& item : n) {
        if (!item.IsMap()) {
            out.push_back(scalar(item, what + " item", file));
            continue;
        }
        const std::set<std::string> known = mandatory != nullptr
                                                ? std::set<std::string>{"label", "alt_labels", "mandatory"}
                                                : std::set<std::string>{"label", "alt_labels"};
        for (const auto& kv : item) {
            const std::string key = kv.first.as<std::string>();
            if (known.count(key) == 0) fail(file, line_of(kv.first), "unknown key '" + key + "' in an item of " + what);
        }
        if (!item["label"]) fail(file, line_of(item), "an item of " + what + " has no label");
        const std::string label = scalar(item["label"], what + " label", file);
        out.push_back(label);
        const auto alts = strings(item["alt_labels"], "alt_labels", file);
        if (!alts.empty()) others[label] = alts;
        if (mandatory != nullptr && boolean(item["mandatory"], "mandatory", file)) mandatory->push_back(label);
    }
    return out;
}

QuestionType parse_type(const YAML::Node& n, const std::string& file) {
    const std::string t = scalar(n, "type", file);
    static const std::pair<const char*, QuestionType> kTypes[] = {{"text", QuestionType::text},
                                                                  {"single_choice", QuestionType::single_choice},
                                                                  {"multiple_choice", QuestionType::multiple_choice},
                                                                  {"list", QuestionType::list},
                                                                  {"table", QuestionType::table},
                                                                  {"matrix", QuestionType::matrix},
                                                                  {"date", QuestionType::date},
                                                                  {"number", QuestionType::number},
                                                                  {"url", QuestionType::url},
                                                                  {"email", QuestionType::email},
                                                                  {"region", QuestionType::region},
                                                                  {"amount", QuestionType::amount}};
    for (const auto& [name, type] : kTypes)
        if (t == name) return type;
    fail(file, line_of(n),
         "unknown question type '" + t +
             "' (known: text, single_choice, multiple_choice, list, table, matrix, date, number, url, email, region, "
             "amount)");
}

void check_keys(const YAML::Node& map, std::initializer_list<const char*> known, const std::string& what,
                const std::string& file) {
    for (const auto& kv : map) {
        const std::string key = kv.first.as<std::string>();
        bool ok = false;
        for (const char* k : known) ok = ok || key == k;
        if (!ok) fail(file, line_of(kv.first), "unknown key '" + key + "' in " + what);
    }
}

TemplateQuestion parse_question(const YAML::Node& q, const std::string& section, const std::string& file) {
    if (!q.IsMap()) fail(file, line_of(q), "a question must be a mapping with id, label and type");
    check_keys(q,
               {"id", "label", "alt_labels", "version_labels", "since", "until", "type", "mandatory", "options",
                "columns", "rows", "uid", "note", "items", "column_types", "year_from", "within", "shown_if"},
               "question", file);
    TemplateQuestion t;
    t.line = line_of(q);
    if (!q["id"]) fail(file, t.line, "question without an id");
    t.id = scalar(q["id"], "id", file);
    if (t.id.empty()) fail(file, t.line, "question id is empty");
    if (!q["label"]) fail(file, t.line, "question '" + t.id + "' has no label");
    t.label = scalar(q["label"], "label", file);
    t.alt_labels = strings(q["alt_labels"], "alt_labels", file);
    t.uids = strings(q["uid"], "uid", file);
    if (q["since"]) t.since = scalar(q["since"], "since", file);
    if (q["until"]) t.until = scalar(q["until"], "until", file);
    if (const YAML::Node v = q["version_labels"]) {
        if (!v.IsMap()) fail(file, line_of(v), "version_labels must map a version to a label");
        for (const auto& kv : v) t.version_labels[scalar(kv.first, "version", file)] = scalar(kv.second, "label", file);
    }
    if (!q["type"]) fail(file, t.line, "question '" + t.id + "' has no type");
    t.type = parse_type(q["type"], file);
    t.mandatory = boolean(q["mandatory"], "mandatory", file);
    t.options = choices(q["options"], "options", file, t.alt_options);
    t.columns = choices(q["columns"], "columns", file, t.alt_columns);
    if (q["rows"] && q["rows"].IsScalar()) {
        // a table may just give its number of rows
        try {
            const int n = q["rows"].as<int>();
            if (n < 0 || n > 100000) fail(file, line_of(q["rows"]), "rows must be a count or a list");
            for (int i = 1; i <= n; ++i) t.rows.push_back(std::to_string(i));
        } catch (const YAML::Exception&) {
            fail(file, line_of(q["rows"]), "rows must be a count or a list of row labels");
        }
    } else {
        t.rows = choices(q["rows"], "rows", file, t.alt_rows, &t.mandatory_rows);
    }
    if (const YAML::Node c = q["shown_if"]) {
        if (!c.IsMap() || !c["question"] || !c["option"])
            fail(file, line_of(c),
                 "shown_if must name a question and one of its options: {question: ID, option: LABEL}");
        t.shown_if_question = scalar(c["question"], "shown_if question", file);
        t.shown_if_option = scalar(c["option"], "shown_if option", file);
    }
    if (t.type == QuestionType::matrix) {
        if (t.columns.empty()) fail(file, t.line, "matrix '" + t.id + "' has no columns");
        if (t.rows.empty()) fail(file, t.line, "matrix '" + t.id + "' has no rows");
    }
    if (t.type == QuestionType::table && t.columns.empty()) fail(file, t.line, "table '" + t.id + "' has no columns");
    if ((t.type == QuestionType::single_choice || t.type == QuestionType::multiple_choice) && t.options.empty())
        fail(file, t.line, "choice question '" + t.id + "' has no options");
    const auto value_type = [&file](const YAML::Node& n, const std::string& what) {
        const QuestionType vt = parse_type(n, file);
        if (!is_value_type(vt))
            fail(file, line_of(n), what + " must be a value type (date, number, url, email, region, amount)");
        return vt;
    };
    if (q["items"]) {
        if (t.type != QuestionType::list) fail(file, line_of(q["items"]), "items is for list questions");
        t.items = value_type(q["items"], "items");
    }
    if (const YAML::Node c = q["column_types"]) {
        if (t.type != QuestionType::table) fail(file, line_of(c), "column_types is for table questions");
        if (!c.IsMap()) fail(file, line_of(c), "column_types must map a column to a type");
        for (const auto& kv : c) {
            const std::string column = scalar(kv.first, "column", file);
            if (std::find(t.columns.begin(), t.columns.end(), column) == t.columns.end())
                fail(file, line_of(kv.first), "column_types names '" + column + "', not a column of '" + t.id + "'");
            t.column_types[column] = value_type(kv.second, "a column's type");
        }
    }
    if (q["year_from"]) t.year_from = scalar(q["year_from"], "year_from", file);
    if (q["within"]) t.within = scalar(q["within"], "within", file);
    t.section = section;
    return t;
}

}  // namespace

const char* to_string(QuestionType t) {
    switch (t) {
        case QuestionType::text: return "text";
        case QuestionType::single_choice: return "single_choice";
        case QuestionType::multiple_choice: return "multiple_choice";
        case QuestionType::list: return "list";
        case QuestionType::table: return "table";
        case QuestionType::matrix: return "matrix";
        case QuestionType::date: return "date";
        case QuestionType::number: return "number";
        case QuestionType::url: return "url";
        case QuestionType::email: return "email";
        case QuestionType::region: return "region";
        case QuestionType::amount: return "amount";
    }
    return "text";
}

namespace {

YAML::Node parse_yaml(std::string_view yaml_text, const std::string& file) {
    try {
        return YAML::Load(std::string(yaml_text));
    } catch (const YAML::ParserException& e) {
        fail(file, e.mark.line >= 0 ? e.mark.line + 1 : 0, "not valid YAML: " + e.msg);
    } catch (const YAML::Exception& e) {
        fail(file, 0, std::string("not valid YAML: ") + e.what());
    }
}

// The compact form, in prefix order: "m<n>:" a mapping of n key/value
// pairs, "q<n>:" a sequence of n nodes, "s<n>:" then n bytes a scalar,
// "~" a null.
void write_compact(const YAML::Node& n, std::string& out) {
    switch (n.Type()) {
        case YAML::NodeType::Map:
            out += "m" + std::to_string(n.size()) + ":";
            for (const auto& kv : n) {
                write_compact(kv.first, out);
                write_compact(kv.second, out);
            }
            return;
        case YAML::NodeType::Sequence:
            out += "q" + std::to_string(n.size()) + ":";
            for (const auto& e : n) write_compact(e, out);
            return;
        case YAML::NodeType::Scalar: out += "s" + std::to_string(n.Scalar().size()) + ":" + n.Scalar(); return;
        default: out += "~";
    }
}

struct CompactReader {
    std::string_view text;
    const std::string& file;
    std::size_t pos = 0;

    std::size_t count() {
        std::size_t n = 0, digits = 0;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
            n = n * 10 + static_cast<std::size_t>(text[pos++] - '0');
            ++digits;
        }
        if (digits == 0 || pos >= text.size() || text[pos] != ':') fail(file, 0, "damaged compact template");
        ++pos;
        return n;
    }
    YAML::Node node() {
        if (pos >= text.size()) fail(file, 0, "damaged compact template");
        const char kind = text[pos++];
        if (kind == '~') return YAML::Node(YAML::NodeType::Null);
        const std::size_t n = count();
        if (kind == 's') {
            if (n > text.size() - pos) fail(file, 0, "damaged compact template");
            YAML::Node scalar(std::string(text.substr(pos, n)));
            pos += n;
            return scalar;
        }
        if (kind == 'q') {
            YAML::Node seq(YAML::NodeType::Sequence);
            for (std::size_t i = 0; i < n; ++i) seq.push_back(node());
            return seq;
        }
        if (kind != 'm') fail(file, 0, "damaged compact template");
        YAML::Node map(YAML::NodeType::Map);
        for (std::size_t i = 0; i < n; ++i) {
            const YAML::Node key = node();
            map.force_insert(key, node());
        }
        return map;
    }
};

Template from_tree(const YAML::Node& root, const std::string& file);

}  // namespace

Template load_template(std::string_view yaml_text, const std::string& file) {
    return from_tree(parse_yaml(yaml_text, file), file);
}

std::string compact_template(std::string_view yaml_text, const std::string& file) {
    const YAML::Node root = parse_yaml(yaml_text, file);
    from_tree(root, file);  // a template, or it throws
    std::string out;
    write_compact(root, out);
    return out;
}

Template load_compact_template(std::string_view compact, const std::string& file) {
    CompactReader r{compact, file};
    const YAML::Node root = r.node();
    if (r.pos != compact.size()) fail(file, 0, "damaged compact template");
    return from_tree(root, file);
}

namespace {

Template from_tree(const YAML::Node& root, const std::string& file) {
    if (!root.IsMap()) fail(file, line_of(root), "a template must be a mapping with id, title and sections");
    try {
        check_keys(root, {"id", "title", "versions", "signature", "sections", "note"}, "template", file);
        Template t;
        t.file = file;
        if (!root["id"]) fail(file, 1, "template has no id");
        t.id = scalar(root["id"], "id", file);
        if (root["title"]) t.title = scalar(root["title"], "title", file);
        t.versions = strings(root["versions"], "versions", file);
        t.signature = strings(root["signature"], "signature", file);
        const YAML::Node sections = root["sections"];
        if (!sections || !sections.IsSequence() || sections.size() == 0)
            fail(file, sections ? line_of(sections) : 1, "template needs a list of sections");
        std::set<std::string> ids;
        for (const auto& s : sections) {
            if (!s.IsMap()) fail(file, line_of(s), "a section must be a mapping with id, title and questions");
            check_keys(s, {"id", "title", "alt_titles", "confidential", "questions", "note"}, "section", file);
            TemplateSection sec;
            if (!s["id"]) fail(file, line_of(s), "section without an id");
            sec.id = scalar(s["id"], "section id", file);
            if (s["title"]) sec.title = scalar(s["title"], "section title", file);
            sec.alt_titles = strings(s["alt_titles"], "alt_titles", file);
            sec.confidential = boolean(s["confidential"], "confidential", file);
            t.sections.push_back(sec);
            const YAML::Node qs = s["questions"];
            if (!qs) continue;
            if (!qs.IsSequence()) fail(file, line_of(qs), "questions must be a list");
            for (const auto& q : qs) {
                TemplateQuestion tq = parse_question(q, sec.id, file);
                if (!ids.insert(tq.id).second) fail(file, tq.line, "duplicate question id '" + tq.id + "'");
                t.questions.push_back(std::move(tq));
            }
        }
        if (t.questions.empty()) fail(file, 1, "template has no questions");
        // versions named by questions must be the template's
        const auto known = [&t](const std::string& v) {
            return std::find(t.versions.begin(), t.versions.end(), v) != t.versions.end();
        };
        for (const auto& q : t.questions) {
            for (const auto& v : {q.since, q.until})
                if (!v.empty() && !known(v))
                    fail(file, q.line,
                         "question '" + q.id + "' names version '" + v + "', not among the template's versions");
            for (const auto& [v, label] : q.version_labels)
                if (!known(v))
                    fail(file, q.line,
                         "question '" + q.id + "' has a label for version '" + v +
                             "', not among the template's versions");
            for (const auto& relation : {std::pair{"year_from", q.year_from}, std::pair{"within", q.within}}) {
                const std::string& key = relation.first;
                const std::string& target = relation.second;
                if (target.empty()) continue;
                const auto it = std::find_if(t.questions.begin(), t.questions.end(),
                                             [&target](const TemplateQuestion& o) { return o.id == target; });
                if (it == t.questions.end() || it->type != QuestionType::date)
                    fail(file, q.line,
                         "question '" + q.id + "': " + key + " names '" + target +
                             "', which is not a date question of the template");
            }
            if (!q.shown_if_question.empty()) {
                const auto it = std::find_if(t.questions.begin(), t.questions.end(),
                                             [&q](const TemplateQuestion& o) { return o.id == q.shown_if_question; });
                if (it == t.questions.end() ||
                    std::find(it->options.begin(), it->options.end(), q.shown_if_option) == it->options.end())
                    fail(file, q.line,
                         "question '" + q.id + "': shown_if names '" + q.shown_if_question + "' and option '" +
                             q.shown_if_option + "', which is not a choice question of the template with that option");
            }
            if (!q.since.empty() && !q.until.empty() &&
                std::find(t.versions.begin(), t.versions.end(), q.since) >
                    std::find(t.versions.begin(), t.versions.end(), q.until))
                fail(file, q.line,
                     "question '" + q.id + "': since '" + q.since + "' comes after until '" + q.until + "'");
        }
        return t;
    } catch (const YAML::Exception& e) {
        fail(file, e.mark.line >= 0 ? e.mark.line + 1 : 0, std::string("bad template: ") + e.what());
    }
}

}  // namespace

}  // namespace formsift::normalize
