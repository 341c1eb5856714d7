#include "formsift/normalize/infer.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>
#include <set>

#include "formsift/normalize/text.hpp"

namespace formsift::normalize {
namespace {

bool contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

void add_unique(std::vector<std::string>& to, const std::string& s) {
    if (!s.empty() && !contains(to, s)) to.push_back(s);
}

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

bool starts_with_nocase(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
    return true;
}

// Hand-written recognisers (answers are document text: no backtracking
// matcher may run on them). Each looks at the whole of one line.

// "http://…" or "https://…" with no space in it.
bool looks_like_url(std::string_view t) {
    std::size_t scheme = 0;
    if (starts_with_nocase(t, "https://"))
        scheme = 8;
    else if (starts_with_nocase(t, "http://"))
        scheme = 7;
    else
        return false;
    return t.size() > scheme && std::none_of(t.begin(), t.end(), is_space);
}

// local@domain.tld: one "@", no spaces, a top-level domain of two or more letters.
bool looks_like_email(std::string_view t) {
    const std::size_t at = t.find('@');
    if (at == 0 || at == std::string_view::npos || t.find('@', at + 1) != std::string_view::npos) return false;
    if (std::any_of(t.begin(), t.end(), is_space)) return false;
    const std::string_view domain = t.substr(at + 1);
    const std::size_t dot = domain.rfind('.');
    if (dot == std::string_view::npos || dot == 0 || domain.size() - dot - 1 < 2) return false;
    return std::all_of(domain.begin() + static_cast<std::ptrdiff_t>(dot) + 1, domain.end(),
                       [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; });
}

// The length of an English month name at t[i] (any case), or 0.
std::size_t month_at(std::string_view t, std::size_t i) {
    static constexpr std::string_view kMonths[] = {"january",   "february", "march",    "april",
                                                   "may",       "june",     "july",     "august",
                                                   "september", "october",  "november", "december"};
    for (const auto m : kMonths)
        if (starts_with_nocase(t.substr(i), m)) return m.size();
    return 0;
}

// "3/4/2020", "03.04.20", "2020-04-03", "April 2020", "January - June 2020".
bool looks_like_date(std::string_view t) {
    const auto digits = [&t](std::size_t& i, std::size_t least, std::size_t most) {
        std::size_t n = 0;
        while (i + n < t.size() && n < most && is_digit(t[i + n])) ++n;
        if (n < least || (i + n < t.size() && is_digit(t[i + n]))) return false;
        i += n;
        return true;
    };
    const auto separator = [&t](std::size_t& i) {
        if (i >= t.size() || (t[i] != '.' && t[i] != '/' && t[i] != '-')) return false;
        ++i;
        return true;
    };
    // day, month and year separated by . / or -
    if (std::size_t i = 0;
        digits(i, 1, 2) && separator(i) && digits(i, 1, 2) && separator(i) && digits(i, 2, 4) && i == t.size())
        return true;
    // ISO 8601
    if (std::size_t i = 0; digits(i, 4, 4) && i < t.size() && t[i++] == '-' && digits(i, 2, 2) && i < t.size() &&
                           t[i++] == '-' && digits(i, 2, 2) && i == t.size())
        return true;
    // a month, perhaps a range of months, and a year
    std::size_t i = month_at(t, 0);
    if (i == 0) return false;
    std::size_t j = i;
    while (j < t.size() && is_space(t[j])) ++j;
    if (j < t.size() && t[j] == '-') {
        ++j;
        while (j < t.size() && is_space(t[j])) ++j;
        const std::size_t m = month_at(t, j);
        if (m == 0) return false;
        i = j + m;
    }
    const std::size_t before_year = i;
    while (i < t.size() && is_space(t[i])) ++i;
    return i > before_year && digits(i, 4, 4) && i == t.size();
}

}  // namespace

std::string guess_text_kind(const std::string& text) {
    const std::string t = one_line(text);
    if (t.empty()) return {};
    if (text.find('\n') == std::string::npos) {
        if (looks_like_url(t)) return "url";
        if (looks_like_email(t)) return "email";
        if (looks_like_date(t)) return "date";
        return {};
    }
    // several lines, most of them numbered or bulleted, none a paragraph
    std::size_t lines = 0, marked = 0, long_lines = 0;
    for (const auto& line : split_list(text)) {
        ++lines;
        long_lines += line.size() > 120 ? 1 : 0;
    }
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string::npos) end = text.size();
        const std::string line = text.substr(pos, end - pos);
        if (!line.empty() && (std::isdigit(static_cast<unsigned char>(line[0])) || line[0] == '-' || line[0] == '*'))
            ++marked;
        pos = end + 1;
    }
    return lines >= 2 && long_lines == 0 && marked * 2 >= lines ? "list" : std::string();
}

namespace {

// The labels of a question's options (rows, columns) as the draft spells
// them, with the other wordings documents give (other languages).
struct Labels {
    std::vector<std::string>& list;
    std::map<std::string, std::vector<std::string>>& others;
    std::map<std::string, std::string>& by_id;  // the survey tool's option id → its label here

    // The draft's label for a document's label (and id): an existing one that
    // has this id or matches it by wording, else the label added.
    // `taken`: the labels other options of the same document already are
    // (two options of one question are never one).
    std::string place(const std::string& raw, const std::string& id = {}, std::set<std::string>* taken = nullptr) {
        const std::string label = one_line(raw);
        if (label.empty()) return label;
        const auto mark = [taken](const std::string& l) {
            if (taken != nullptr) taken->insert(l);
            return l;
        };
        if (!id.empty())
            if (auto it = by_id.find(id); it != by_id.end()) {
                add_other(it->second, label);
                return mark(it->second);
            }
        if (contains(list, label) && (taken == nullptr || taken->count(label) == 0)) {
            if (!id.empty()) by_id[id] = label;
            return mark(label);
        }
        const LabelKey key = make_label_key(label);
        for (const auto& l : list) {
            if (taken != nullptr && taken->count(l) > 0) continue;
            bool same = label_similarity(key, make_label_key(l)) >= kLabelMatchThreshold;
            if (auto o = others.find(l); !same && o != others.end())
                for (const auto& w : o->second)
                    same = same || label_similarity(key, make_label_key(w)) >= kLabelMatchThreshold;
            if (same) {
                if (!id.empty()) by_id[id] = l;
                return mark(l);
            }
        }
        list.push_back(label);
        if (!id.empty()) by_id[id] = label;
        return mark(label);
    }
    void add_other(const std::string& label, const std::string& raw) {
        const std::string other = one_line(raw);
        if (other.empty() || other == label) return;
        add_unique(others[label], other);
    }
};

}  // namespace

Draft infer_template(const std::vector<const model::Document*>& documents) {
    Draft d;
    Template& t = d.t;
    std::vector<std::vector<LabelKey>> keys;  // per draft question: its label and other wordings
    std::set<std::string> used;
    std::map<std::string, std::set<std::string>> kinds_seen;  // id → guess_text_kind() results, "" included
    std::map<std::string, std::map<std::string, std::string>> option_ids;  // question id → option id → label
    struct Shown {
        std::string question, by, option;  // a draft question shown by an option (id, label) of a question (uid)
    };
    std::vector<Shown> shown;
    std::map<std::string, std::string> declared;  // question id → the type a document declares for it
    bool from_export = false, starred = false;
    const auto same_as = [&](const LabelKey& key) {
        int best = -1;
        double best_score = 0;
        for (std::size_t i = 0; i < keys.size(); ++i)
            for (const auto& k : keys[i]) {
                const double sc = label_similarity(key, k);
                if (sc >= kLabelMatchThreshold && sc > best_score) {
                    best = static_cast<int>(i);
                    best_score = sc;
                }
            }
        return best;
    };
    for (const model::Document* doc : documents) {
        if (doc == nullptr) continue;
        if (t.title.empty() && !doc->title.empty()) t.title = doc->title;
        if (t.id.empty())
            if (auto alias = doc->meta.find("survey_alias"); alias != doc->meta.end()) t.id = slug(alias->second);
        const bool xml = doc->format == "eusurvey-xml";
        from_export = from_export || xml;
        starred = starred || !xml;
        int insert_at = 0;  // new questions go after the last one matched, in document order
        for (const auto& q : doc->questions) {
            if (one_line(q.title).empty()) continue;
            const LabelKey key = make_label_key(q.title);
            int i = -1;
            // the survey tool's id names the question in every language
            if (xml && !q.source_id.empty())
                for (std::size_t k = 0; k < t.questions.size() && i < 0; ++k)
                    if (contains(t.questions[k].uids, q.source_id)) i = static_cast<int>(k);
            if (i < 0) i = same_as(key);
            if (i < 0) {
                TemplateQuestion tq;
                tq.label = one_line(q.title);
                const std::string base = slug(tq.label);
                std::string id = base;
                for (int k = 2; !used.insert(id).second; ++k) id = base + "_" + std::to_string(k);
                tq.id = id;
                // its section: the document's heading above it
                std::string section = "questions";
                if (q.section >= 0 && static_cast<std::size_t>(q.section) < doc->sections.size()) {
                    const model::Section& s = doc->sections[static_cast<std::size_t>(q.section)];
                    const std::string title = one_line(s.title);
                    section = slug(title);
                    auto it = std::find_if(t.sections.begin(), t.sections.end(),
                                           [&section](const TemplateSection& x) { return x.id == section; });
                    if (it == t.sections.end()) {
                        t.sections.push_back({section, title, false, {}});
                        it = t.sections.end() - 1;
                    }
                    for (const auto& [lang, other] : s.wordings)
                        if (one_line(other) != title) add_unique(it->alt_titles, one_line(other));
                } else if (std::none_of(t.sections.begin(), t.sections.end(),
                                        [](const TemplateSection& s) { return s.id == "questions"; })) {
                    t.sections.insert(t.sections.begin(), {"questions", "", false, {}});
                }
                tq.section = section;
                t.questions.insert(t.questions.begin() + insert_at, std::move(tq));
                keys.insert(keys.begin() + insert_at, {key});
                i = insert_at;
            }
            insert_at = i + 1;
            TemplateQuestion& tq = t.questions[static_cast<std::size_t>(i)];
            auto& k = keys[static_cast<std::size_t>(i)];
            const auto other_title = [&](const std::string& raw) {
                const std::string title = one_line(raw);
                if (title.empty() || title == tq.label || contains(tq.alt_labels, title)) return;
                const LabelKey tk = make_label_key(title);
                for (const auto& known : k)
                    if (label_similarity(tk, known) >= kLabelMatchThreshold) return;  // a wording it has, nearly
                tq.alt_labels.push_back(title);
                k.push_back(tk);
            };
            other_title(q.title);
            for (const auto& [lang, w] : q.wordings) other_title(w.title);
            tq.mandatory = tq.mandatory || q.mandatory;
            if (xml && !q.source_id.empty()) add_unique(tq.uids, q.source_id);
            if (!q.declared_type.empty()) declared[tq.id] = q.declared_type;
            if (!q.shown_if_question.empty()) shown.push_back({tq.id, q.shown_if_question, q.shown_if_option});
            const model::Answer& a = q.answer;
            // each of the document's labels placed among the draft's, with its other wordings
            const auto place_all = [&q](Labels labels, const std::vector<std::string>& mine,
                                        std::vector<std::string> model::Question::Wording::*theirs,
                                        const std::vector<std::string>& ids) {
                std::set<std::string> taken;
                for (std::size_t n = 0; n < mine.size(); ++n) {
                    const std::string label = labels.place(mine[n], n < ids.size() ? ids[n] : std::string(), &taken);
                    for (const auto& [lang, w] : q.wordings)
                        if (n < (w.*theirs).size()) labels.add_other(label, (w.*theirs)[n]);
                }
            };
            std::map<std::string, std::string> no_ids;
            switch (a.kind) {
                case model::AnswerKind::choice: {
                    tq.type = a.choice.multiple ? QuestionType::multiple_choice : QuestionType::single_choice;
                    std::vector<std::string> labels, ids;
                    for (const auto& o : a.choice.options) {
                        labels.push_back(o.label);
                        ids.push_back(xml ? o.value : std::string());
                    }
                    place_all({tq.options, tq.alt_options, option_ids[tq.id]}, labels,
                              &model::Question::Wording::options, ids);
                    if (doc->format == "markdown" && a.choice.options.size() < 2)
                        d.notes[tq.id].push_back("the document shows only the chosen option: add the others");
                    break;
                }
                case model::AnswerKind::matrix: {
                    tq.type = QuestionType::matrix;
                    std::vector<std::string> rows;
                    for (const auto& r : a.matrix.rows) rows.push_back(r.label);
                    place_all({tq.columns, tq.alt_columns, no_ids}, a.matrix.columns,
                              &model::Question::Wording::columns, {});
                    no_ids.clear();
                    place_all({tq.rows, tq.alt_rows, no_ids}, rows, &model::Question::Wording::rows, {});
                    // a row with a star of its own must be answered
                    for (const auto& r : a.matrix.rows)
                        if (r.mandatory) {
                            no_ids.clear();
                            add_unique(tq.mandatory_rows, Labels{tq.rows, tq.alt_rows, no_ids}.place(r.label));
                        }
                    if (a.matrix.multiple) d.notes[tq.id].push_back("check boxes: each row may take several columns");
                    break;
                }
                case model::AnswerKind::table: {
                    tq.type = QuestionType::table;
                    place_all({tq.columns, tq.alt_columns, no_ids}, a.table.columns, &model::Question::Wording::columns,
                              {});
                    for (const auto& r : a.table.rows) add_unique(tq.rows, one_line(r.header));
                    break;
                }
                case model::AnswerKind::list: tq.type = QuestionType::list; break;
                case model::AnswerKind::text: kinds_seen[tq.id].insert(guess_text_kind(a.text)); break;
                case model::AnswerKind::none: kinds_seen[tq.id]; break;
            }
        }
    }
    // questions shown only by an option of another: named by that question's id here
    for (const auto& s : shown) {
        auto q = std::find_if(t.questions.begin(), t.questions.end(),
                              [&s](const TemplateQuestion& x) { return x.id == s.question; });
        auto by = std::find_if(t.questions.begin(), t.questions.end(),
                               [&s](const TemplateQuestion& x) { return contains(x.uids, s.by); });
        if (q == t.questions.end() || by == t.questions.end() || !q->shown_if_question.empty()) continue;
        std::map<std::string, std::string> none;
        const std::string option = Labels{by->options, by->alt_options, none}.place(s.option);
        q->shown_if_question = by->id;
        q->shown_if_option = option;
        d.notes[q->id].push_back("shown only when \"" + option + "\" is chosen in " + by->id);
    }
    for (auto& q : t.questions) {
        // rows "1".."n" of a table are a count
        if (q.type == QuestionType::table) {
            bool numbered = !q.rows.empty();
            for (std::size_t r = 0; r < q.rows.size() && numbered; ++r) numbered = q.rows[r] == std::to_string(r + 1);
            if (!numbered && !q.rows.empty()) d.notes[q.id].push_back("rows with titles: keep them, or give a count");
        }
        if (q.type == QuestionType::matrix && q.columns.empty()) d.notes[q.id].push_back("no columns seen: add them");
        auto seen = kinds_seen.find(q.id);
        if (seen == kinds_seen.end()) continue;  // a choice, matrix or table
        if (auto it = declared.find(q.id); it != declared.end() && it->second != "text") {
            q.type = it->second == "number" ? QuestionType::number
                     : it->second == "date" ? QuestionType::date
                                            : QuestionType::email;
            d.notes[q.id].push_back("type " + it->second + ": the results export says so");
            continue;
        }
        const auto& kinds = seen->second;  // what each answer looked like ("": plain text)
        std::set<std::string> special;
        for (const auto& k : kinds)
            if (!k.empty()) special.insert(k);
        if (kinds.empty()) {
            d.notes[q.id].push_back("no answer seen: text assumed");
        } else if (special.size() == 1 && kinds.count("") == 0) {
            const std::string& k = *special.begin();
            q.type = k == "list"   ? QuestionType::list
                     : k == "date" ? QuestionType::date
                     : k == "url"  ? QuestionType::url
                                   : QuestionType::email;
            d.notes[q.id].push_back("type " + k + ": guessed from the answers");
        } else if (!special.empty()) {
            std::string which;
            for (const auto& k : special) which += (which.empty() ? "" : ", ") + k;
            d.notes[q.id].push_back("some answers look like " + which + ", others not: text kept");
        }
    }
    if (from_export && !starred)
        d.general_notes.push_back(
            "the results export does not say which questions are mandatory: set mandatory where the form has a *, "
            "or draft it together with a print view or PDF of the form");
    if (t.id.empty()) {
        const std::string base = slug(t.title.empty() ? "drafted form" : t.title);
        t.id = base == "question" ? "drafted_form" : base;
    }
    if (!t.title.empty()) t.signature.push_back(t.title);
    for (const auto& s : t.sections)
        if (!s.title.empty() && t.signature.size() < 3) t.signature.push_back(s.title);
    if (t.sections.empty()) t.sections.push_back({"questions", "", false, {}});
    d.general_notes.push_back("ids are slugs of the titles: rename them to the ids records should use");
    return d;
}

std::string draft_yaml(const Draft& draft) {
    const Template& t = draft.t;
    YAML::Emitter out;
    out.SetIndent(2);
    out << YAML::Comment("Drafted by formsift infer: review it (see the comments), then rename the ids.");
    for (const auto& n : draft.general_notes) out << YAML::Newline << YAML::Comment(n);
    out << YAML::BeginMap;
    out << YAML::Key << "id" << YAML::Value << t.id;
    if (!t.title.empty()) out << YAML::Key << "title" << YAML::Value << t.title;
    if (!t.signature.empty()) {
        out << YAML::Key << "signature" << YAML::Value << YAML::BeginSeq;
        for (const auto& s : t.signature) out << s;
        out << YAML::EndSeq;
    }
    out << YAML::Key << "sections" << YAML::Value << YAML::BeginSeq;
    for (const auto& s : t.sections) {
        out << YAML::BeginMap << YAML::Key << "id" << YAML::Value << s.id;
        if (!s.title.empty()) out << YAML::Key << "title" << YAML::Value << s.title;
        if (!s.alt_titles.empty()) out << YAML::Key << "alt_titles" << YAML::Value << s.alt_titles;
        out << YAML::Key << "questions" << YAML::Value << YAML::BeginSeq;
        for (const auto& q : t.questions) {
            if (q.section != s.id) continue;
            out << YAML::BeginMap;
            out << YAML::Key << "id" << YAML::Value << q.id;
            if (auto n = draft.notes.find(q.id); n != draft.notes.end())
                for (const auto& note : n->second) out << YAML::Comment(note);
            out << YAML::Key << "label" << YAML::Value << q.label;
            if (!q.alt_labels.empty()) out << YAML::Key << "alt_labels" << YAML::Value << q.alt_labels;
            if (q.uids.size() == 1) out << YAML::Key << "uid" << YAML::Value << q.uids.front();
            if (q.uids.size() > 1) out << YAML::Key << "uid" << YAML::Value << YAML::Flow << q.uids;
            out << YAML::Key << "type" << YAML::Value << to_string(q.type);
            if (q.mandatory) out << YAML::Key << "mandatory" << YAML::Value << true;
            if (!q.shown_if_question.empty())
                out << YAML::Key << "shown_if" << YAML::Value << YAML::Flow << YAML::BeginMap << YAML::Key << "question"
                    << YAML::Value << q.shown_if_question << YAML::Key << "option" << YAML::Value << q.shown_if_option
                    << YAML::EndMap;
            // a label alone, or with its other wordings (and a row's own star)
            const auto labels = [&out](const char* key, const std::vector<std::string>& list,
                                       const std::map<std::string, std::vector<std::string>>& others,
                                       const std::vector<std::string>& mandatory) {
                out << YAML::Key << key << YAML::Value << YAML::BeginSeq;
                for (const auto& l : list) {
                    const auto o = others.find(l);
                    const bool must = contains(mandatory, l);
                    if (o == others.end() && !must) {
                        out << l;
                        continue;
                    }
                    out << YAML::Flow << YAML::BeginMap << YAML::Key << "label" << YAML::Value << l;
                    if (o != others.end()) out << YAML::Key << "alt_labels" << YAML::Value << YAML::Flow << o->second;
                    if (must) out << YAML::Key << "mandatory" << YAML::Value << true;
                    out << YAML::EndMap;
                }
                out << YAML::EndSeq;
            };
            if (!q.options.empty()) labels("options", q.options, q.alt_options, {});
            if (!q.columns.empty()) labels("columns", q.columns, q.alt_columns, {});
            if (!q.rows.empty()) {
                bool numbered = true;
                for (std::size_t r = 0; r < q.rows.size() && numbered; ++r)
                    numbered = q.rows[r] == std::to_string(r + 1);
                if (numbered && q.type == QuestionType::table)
                    out << YAML::Key << "rows" << YAML::Value << q.rows.size();
                else
                    labels("rows", q.rows, q.alt_rows, q.mandatory_rows);
            }
            out << YAML::EndMap;
        }
        out << YAML::EndSeq << YAML::EndMap;
    }
    out << YAML::EndSeq << YAML::EndMap;
    return std::string(out.c_str()) + "\n";
}

}  // namespace formsift::normalize
