#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <unordered_map>

#include "anchored.hpp"
#include "formsift/normalize/record.hpp"
#include "formsift/normalize/regions.hpp"
#include "formsift/normalize/text.hpp"
#include "formsift/normalize/values.hpp"

namespace formsift::normalize {
namespace {

using model::AnswerKind;
using model::Severity;

constexpr double kMatchThreshold = kLabelMatchThreshold;

// Match::by_doc of a document question that a reading by anchors took into
// another question's answer (neither matched nor unknown).
constexpr int kSuperseded = -2;

std::string clean_text(const std::string& s) {
    return tidy_text(strip_literal_markup(s));
}

std::string without_spaces(const std::string& s) {
    std::string out;
    for (const char c : s)
        if (c != ' ') out += c;
    return out;
}

// Labels prepared once for repeated matching. Results are remembered by
// text: an export of many submissions asks about the same titles, options
// and rows again and again. Safe to share between threads.
class Labels {
public:
    explicit Labels(const std::vector<std::string>& labels) : memo_(std::make_shared<Memo>()) {
        for (const auto& l : labels) {
            owner_.push_back(static_cast<long>(keys_.size()));
            keys_.push_back(make_label_key(l));
            exact_.push_back(one_line(l));
        }
        for (const auto& k : keys_) squeezed_.push_back(without_spaces(k.key));
    }
    // Labels with other wordings of each (label → wordings): a wording matches as its label.
    Labels(const std::vector<std::string>& labels, const std::map<std::string, std::vector<std::string>>& others)
        : memo_(std::make_shared<Memo>()) {
        for (std::size_t i = 0; i < labels.size(); ++i) {
            owner_.push_back(static_cast<long>(i));
            keys_.push_back(make_label_key(labels[i]));
            exact_.push_back(one_line(labels[i]));
            if (auto it = others.find(labels[i]); it != others.end())
                for (const auto& o : it->second) {
                    owner_.push_back(static_cast<long>(i));
                    keys_.push_back(make_label_key(o));
                    exact_.push_back(one_line(o));
                }
        }
        for (const auto& k : keys_) squeezed_.push_back(without_spaces(k.key));
    }
    // Index of the label matching `text`, or -1.
    int find(const std::string& text) const {
        if (keys_.empty()) return -1;
        return static_cast<int>(lookup(text).first);
    }
    // Best similarity of `text` to any of the labels.
    double best(const std::string& text) const {
        if (keys_.empty()) return 0;
        return lookup(text).second;
    }

private:
    struct Memo {
        std::mutex mutex;
        std::unordered_map<std::string, std::pair<long, double>> results;  // text → (match or -1, best)
    };

    std::pair<long, double> lookup(const std::string& text) const {
        {
            std::lock_guard<std::mutex> lock(memo_->mutex);
            if (auto it = memo_->results.find(text); it != memo_->results.end()) return it->second;
        }
        const LabelKey key = make_label_key(text);
        long found = -1;
        double best = 0, found_score = 0;
        // the very text of a label is that label, whatever its key ("4/5" and
        // "1/5" have the same key: numbering and punctuation go)
        const std::string exact = one_line(text);
        for (std::size_t i = 0; i < exact_.size() && found < 0; ++i)
            if (exact_[i] == exact && !exact.empty()) {
                found = owner_[i];
                best = found_score = 1.0;
            }
        for (std::size_t i = 0; i < keys_.size() && found_score < 1.0; ++i) {
            const double s = label_similarity(key, keys_[i]);
            best = std::max(best, s);
            if (s >= kMatchThreshold && s > found_score) {
                found = owner_[i];
                found_score = s;
            }
        }
        // a label a renderer broke inside its words (a column too narrow for
        // them: "M a p pi n g of …"): the same letters, spaces aside
        if (found < 0) {
            const std::string squeezed = without_spaces(key.key);
            for (std::size_t i = 0; i < keys_.size() && !squeezed.empty(); ++i)
                if (squeezed_[i] == squeezed) {
                    found = owner_[i];
                    best = std::max(best, kMatchThreshold);
                    break;
                }
        }
        std::lock_guard<std::mutex> lock(memo_->mutex);
        if (memo_->results.size() >= 65536) memo_->results.clear();  // bounded: a cache, not a record
        memo_->results.emplace(text, std::pair{found, best});
        return {found, best};
    }

    std::vector<LabelKey> keys_;
    std::vector<std::string> exact_;     // each label's text, white space folded
    std::vector<std::string> squeezed_;  // per key: its letters without spaces
    std::vector<long> owner_;            // per key: the label it spells
    std::shared_ptr<Memo> memo_;         // shared by copies of a prepared template
};

Labels question_labels(const TemplateQuestion& q) {
    std::vector<std::string> all{q.label};
    all.insert(all.end(), q.alt_labels.begin(), q.alt_labels.end());
    for (const auto& [version, label] : q.version_labels) all.push_back(label);
    return Labels(all);
}

// A template question with its labels prepared for matching.
struct PreparedQuestion {
    const TemplateQuestion* q;
    Labels titles, options, columns, rows;
    std::vector<bool> asked;      // per template version: the version asks it
    std::vector<Labels> wording;  // per template version: its label then
    PreparedQuestion(const TemplateQuestion& tq, const std::vector<std::string>& versions)
        : q(&tq),
          titles(question_labels(tq)),
          options(tq.options, tq.alt_options),
          columns(tq.columns, tq.alt_columns),
          rows(tq.rows, tq.alt_rows) {
        const auto at = [&versions](const std::string& v, long otherwise) {
            const auto it = std::find(versions.begin(), versions.end(), v);
            return v.empty() || it == versions.end() ? otherwise : static_cast<long>(it - versions.begin());
        };
        const long since = at(tq.since, 0), until = at(tq.until, static_cast<long>(versions.size()) - 1);
        for (std::size_t v = 0; v < versions.size(); ++v) {
            asked.push_back(static_cast<long>(v) >= since && static_cast<long>(v) <= until);
            auto it = tq.version_labels.find(versions[v]);
            wording.emplace_back(std::vector<std::string>{it != tq.version_labels.end() ? it->second : tq.label});
        }
    }
};

const Labels kNoLabels{{}};

struct Matching {
    std::vector<int> by_doc;    // template index per document question, -1: none
    std::vector<double> score;  // similarity of each document question to its match
};

// One-to-one assignment of document questions to template questions, best
// pairs first.
Matching match_questions(const model::Document& doc, const std::vector<PreparedQuestion>& tpl) {
    struct Pair {
        double score;
        std::size_t d, q;
    };
    std::vector<Pair> pairs;
    for (std::size_t d = 0; d < doc.questions.size(); ++d) {
        const model::Question& dq = doc.questions[d];
        for (std::size_t q = 0; q < tpl.size(); ++q) {
            // the survey tool's own id, when the template knows it, is an exact match
            const auto& uids = tpl[q].q->uids;
            if (!dq.source_id.empty() && std::find(uids.begin(), uids.end(), dq.source_id) != uids.end()) {
                pairs.push_back({2.0, d, q});
                continue;
            }
            const double s = tpl[q].titles.best(dq.title);
            if (s >= kMatchThreshold) pairs.push_back({s, d, q});
        }
    }
    std::stable_sort(pairs.begin(), pairs.end(), [](const Pair& a, const Pair& b) { return a.score > b.score; });
    Matching m{std::vector<int>(doc.questions.size(), -1), std::vector<double>(doc.questions.size(), 0.0)};
    std::vector<bool> taken(tpl.size(), false);
    for (const auto& p : pairs) {
        if (m.by_doc[p.d] != -1 || taken[p.q]) continue;
        m.by_doc[p.d] = static_cast<int>(p.q);
        m.score[p.d] = std::min(p.score, 1.0);
        taken[p.q] = true;
    }
    return m;
}

// Reading order of two items of a document: by page and place on paginated
// documents, by source line otherwise.
bool earlier(const model::Provenance& a, const model::Provenance& b) {
    if (a.page != b.page) return a.page < b.page;
    if (a.page > 0) return a.box[1] < b.box[1] - 1 || (std::abs(a.box[1] - b.box[1]) <= 1 && a.box[0] < b.box[0]);
    return a.line < b.line;
}

// Index of the section a heading at `where` opens.
int section_of(const model::Document& doc, const model::Provenance& where) {
    for (std::size_t s = 0; s < doc.sections.size(); ++s)
        if (!earlier(doc.sections[s].where, where) && !earlier(where, doc.sections[s].where))
            return static_cast<int>(s);
    return -1;
}

// Questions a document sets as plain text (a text export without emphasis, a
// title nothing marks, a heading): a text or heading matching the label of a
// template question that no document question matched is taken as that
// question's title, and the texts after it, up to the next section, question
// or such title, as its answer. Returns the questions with the template index of each.
std::vector<std::pair<model::Question, std::size_t>> questions_in_texts(const model::Document& doc,
                                                                        const std::vector<PreparedQuestion>& tpl,
                                                                        const std::vector<bool>& taken) {
    std::vector<std::pair<model::Question, std::size_t>> out;
    if (doc.texts.empty()) return out;
    std::size_t longest = 0;
    for (const auto& p : tpl)
        for (const auto& l : p.q->alt_labels) longest = std::max(longest, l.size());
    for (const auto& p : tpl) longest = std::max(longest, p.q->label.size());
    struct Pair {
        double score;
        std::size_t text, q;
    };
    // candidates: the texts, then the section headings (a question written as a heading)
    std::vector<model::StaticText> candidates = doc.texts;
    for (const auto& s : doc.sections) candidates.push_back({s.title, -1, s.where});
    const std::size_t n_texts = doc.texts.size();
    std::vector<Pair> pairs;
    for (std::size_t t = 0; t < candidates.size(); ++t) {
        const std::string& text = candidates[t].text;
        if (text.size() > 2 * longest + 40) continue;  // a paragraph, not a title
        for (std::size_t q = 0; q < tpl.size(); ++q) {
            if (taken[q]) continue;
            const double s = tpl[q].titles.best(text);
            if (s >= kMatchThreshold) pairs.push_back({s, t, q});
        }
    }
    if (pairs.empty()) return out;
    std::stable_sort(pairs.begin(), pairs.end(), [](const Pair& a, const Pair& b) { return a.score > b.score; });
    std::vector<int> title_of(candidates.size(), -1);  // template index per candidate taken as a title
    std::vector<bool> used(tpl.size(), false);
    for (const auto& p : pairs) {
        if (title_of[p.text] != -1 || used[p.q]) continue;
        title_of[p.text] = static_cast<int>(p.q);
        used[p.q] = true;
    }
    // the texts in reading order among the items that end an answer
    struct Item {
        model::Provenance where;
        int text;  // index into doc.texts, -1: a section or a question
    };
    std::vector<Item> items;
    for (const auto& q : doc.questions) items.push_back({q.where, -1});
    for (std::size_t t = 0; t < candidates.size(); ++t) {
        // a section heading not taken as a title ends an answer, like a question
        const bool section = t >= n_texts;
        items.push_back({candidates[t].where, section && title_of[t] < 0 ? -1 : static_cast<int>(t)});
    }
    std::stable_sort(items.begin(), items.end(),
                     [](const Item& a, const Item& b) { return earlier(a.where, b.where); });
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (items[i].text < 0 || title_of[static_cast<std::size_t>(items[i].text)] < 0) continue;
        const std::size_t c = static_cast<std::size_t>(items[i].text);
        const model::StaticText& title = candidates[c];
        model::Question q;
        q.title = title.text;
        q.section = c < n_texts ? title.section : section_of(doc, title.where);
        q.where = title.where;
        q.answer.kind = AnswerKind::text;
        for (std::size_t j = i + 1; j < items.size(); ++j) {
            if (items[j].text < 0 || title_of[static_cast<std::size_t>(items[j].text)] >= 0) break;
            const model::StaticText& part = candidates[static_cast<std::size_t>(items[j].text)];
            if (q.answer.where.empty()) q.answer.where = part.where;
            if (!q.answer.text.empty()) q.answer.text += "\n\n";
            q.answer.text += part.text;
        }
        out.emplace_back(std::move(q), static_cast<std::size_t>(title_of[static_cast<std::size_t>(items[i].text)]));
    }
    return out;
}

// The record's answer to question `id` includes the option `label`.
bool chosen(const Record& r, const std::string& id, const std::string& label) {
    for (const auto& a : r.answers) {
        if (a.question != id || !a.value) continue;
        if (a.value->text == label) return true;
        return std::find(a.value->items.begin(), a.value->items.end(), label) != a.value->items.end();
    }
    return false;
}

std::string quoted(const std::string& s) {
    std::string t = one_line(s);
    if (t.size() > 80) {
        std::size_t cut = 77;
        while (cut > 0 && (static_cast<unsigned char>(t[cut]) & 0xC0) == 0x80) --cut;
        t = t.substr(0, cut) + "...";
    }
    return "\"" + t + "\"";
}

// A span of days, from a date's ISO form: "2020-01/2020-06" runs from
// 2020-01-01 to 2020-06-31 (days compared as text: 31 ends any month).
struct Period {
    std::string iso, first, last;
    int first_year = 0, last_year = 0;

    static std::optional<Period> of(const std::string& iso) {
        const auto slash = iso.find('/');
        const std::string a = iso.substr(0, slash), b = slash == std::string::npos ? a : iso.substr(slash + 1);
        if (a.size() < 4 || b.size() < 4) return std::nullopt;
        Period p;
        p.iso = iso;
        p.first = a + std::string("-01-01").substr(a.size() - 4);
        p.last = b + std::string("-12-31").substr(b.size() - 4);
        p.first_year = std::atoi(a.substr(0, 4).c_str());
        p.last_year = std::atoi(b.substr(0, 4).c_str());
        return p;
    }
};

bool overlaps(const std::string& iso, const Period& p) {
    const auto d = Period::of(iso);
    return d && d->first <= p.last && d->last >= p.first;
}

// A date written without its year ("23 April"), in the period's years: the
// year that puts it inside the period, else the period's last year.
std::optional<DateValue> date_in(const std::string& text, const Period& p) {
    for (int y = p.first_year; y <= p.last_year && y - p.first_year < 10; ++y)
        if (auto d = parse_date(text, y); d && overlaps(d->iso, p)) return d;
    return parse_date(text, p.last_year);
}

// The answers a question's dates relate to: year_from, within (periods).
struct DateContext {
    std::string year_from, within;  // question ids
    std::optional<Period> year_period, within_period;
};

struct Builder {
    Record& record;
    const model::Question& q;
    std::string id;
    const PreparedQuestion* pq;  // nullptr for a generic record

    void finding(model::Code code, std::string message, const model::Provenance& where) {
        record.findings.push_back({code, id, std::move(message), where, {}});
    }

    DateContext dates;  // for year_from and within

    // The typed reading of a value (an answer, a list item, a table cell)
    // of a value type; `what` names it in findings ("answer", "item 3",
    // "row 2, Date"). A value that does not read as its type is said, and
    // kept as written.
    std::optional<Parsed> parsed(QuestionType type, const std::string& text, const model::Provenance& where,
                                 const std::string& what = "answer") {
        const auto shown = [&] { return what + " " + quoted(text); };  // for findings only
        Parsed p;
        p.type = to_string(type);
        switch (type) {
            case QuestionType::date: {
                auto d = parse_date(text);
                if (!d && dates.year_period) d = date_in(text, *dates.year_period);
                if (!d) {
                    finding(model::Code::invalid_date,
                            shown() + " is not a date formsift can read" +
                                (dates.year_period || dates.year_from.empty() || !parse_date(text, 2000)
                                     ? std::string()
                                     : " (it has no year, and " + dates.year_from + " gives none)"),
                            where);
                    return std::nullopt;
                }
                p.value = d->iso;
                p.precision = d->precision;
                p.interval = d->interval;
                p.year_inferred = d->inferred_year;
                if (dates.within_period && !overlaps(d->iso, *dates.within_period))
                    finding(model::Code::date_outside_period,
                            shown() + " (" + d->iso +
                                (d->inferred_year ? ", its year taken from " + dates.year_from : "") + ") is outside " +
                                dates.within + " " + dates.within_period->iso,
                            where);
                return p;
            }
            case QuestionType::url:
            case QuestionType::email: {
                const bool url = type == QuestionType::url;
                if (auto address = url ? parse_url(text) : parse_email(text)) {
                    p.value = *address;
                    return p;
                }
                finding(url ? model::Code::invalid_url : model::Code::invalid_email,
                        shown() + (url ? " is not a web address" : " is not an e-mail address"), where);
                return std::nullopt;
            }
            case QuestionType::amount:
                if (auto m = parse_amount(text)) {
                    p.number = m->amount;
                    p.currency = m->currency;
                    p.approximate = m->approximate;
                    return p;
                }
                finding(model::Code::invalid_amount, shown() + " is not an amount of money (a number and a currency)",
                        where);
                return std::nullopt;
            case QuestionType::number:
                if (auto c = parse_count(text)) {
                    p.number = static_cast<double>(c->count);
                    p.approximate = c->approximate;
                    return p;
                }
                finding(model::Code::invalid_number, shown() + " is not one number", where);
                return std::nullopt;
            case QuestionType::region: {
                RegionReading r = read_region(text);
                for (auto& n : r.notes) record.findings.push_back({n.code, id, shown() + ": " + n.message, where, {}});
                p.value = r.value.nuts;
                p.region = std::move(r.value);
                return p;
            }
            default: return std::nullopt;
        }
    }

    // Typed readings of a value as the template types it: the answer, each
    // item of a list, the typed columns of each table row.
    void parse_into(RecordAnswer& ans) {
        if (pq == nullptr || !ans.value) return;
        const TemplateQuestion& tq = *pq->q;
        const Value& v = *ans.value;
        if (v.kind == Value::Kind::string && is_value_type(tq.type)) {
            ans.parsed = parsed(tq.type, v.text, ans.where);
        } else if (v.kind == Value::Kind::list && is_value_type(tq.items)) {
            for (std::size_t i = 0; i < v.items.size(); ++i) {
                auto p = parsed(tq.items, v.items[i], ans.where, "item " + std::to_string(i + 1));
                if (!p) {
                    p.emplace();
                    p->type = to_string(tq.items);  // nothing read: the type alone
                }
                ans.parsed_items.push_back(std::move(*p));
            }
        } else if (v.kind == Value::Kind::rows && !tq.column_types.empty()) {
            for (std::size_t i = 0; i < v.rows.size(); ++i) {
                std::vector<std::pair<std::string, Parsed>> row;
                for (const auto& [column, cell] : v.rows[i]) {
                    const auto t = tq.column_types.find(column);
                    if (t == tq.column_types.end() || cell.empty()) continue;
                    if (auto p = parsed(t->second, cell, ans.where, "row " + std::to_string(i + 1) + ", " + column))
                        row.emplace_back(column, std::move(*p));
                }
                ans.parsed_rows.push_back(std::move(row));
            }
        }
    }

    std::vector<std::string> selected_labels(const model::ChoiceGroup& g) {
        std::vector<std::string> out;
        std::vector<std::pair<long, std::string>> placed;  // the template's option index, -1: unknown
        for (const auto* o : g.selected()) {
            std::string label = one_line(o->label);
            long index = -1;
            if (pq != nullptr && !pq->q->options.empty()) {
                const auto& options = pq->q->options;
                const int k = pq->options.find(label);
                index = k;
                if (k >= 0) {
                    label = options[static_cast<std::size_t>(k)];
                } else {
                    finding(
                        model::Code::unknown_option,
                        "option " + quoted(label) + " of " + quoted(q.title) + " is not among the template's options",
                        o->where);
                }
            }
            placed.emplace_back(index < 0 ? std::numeric_limits<long>::max() : index, std::move(label));
        }
        // chosen options in the form's order, whatever order the document prints them in
        std::stable_sort(placed.begin(), placed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        for (auto& [index, label] : placed) out.push_back(std::move(label));
        return out;
    }

    std::optional<Value> choice_value(const model::ChoiceGroup& g, bool single) {
        auto labels = selected_labels(g);
        if (labels.empty()) return std::nullopt;
        Value v;
        if (single && labels.size() > 1) {
            finding(model::Code::multiple_selections,
                    quoted(q.title) + " allows one choice but " + std::to_string(labels.size()) + " are selected",
                    q.answer.where);
        }
        if (single && labels.size() == 1) {
            v.text = labels.front();
        } else {
            v.kind = Value::Kind::list;
            v.items = std::move(labels);
        }
        return v;
    }

    std::optional<Value> table_value(const model::Table& tb) {
        static const std::vector<std::string> kNone;
        const auto& columns = pq != nullptr ? pq->q->columns : kNone;
        const Labels& known = pq != nullptr ? pq->columns : kNoLabels;
        // doc column → output column name
        std::vector<std::string> names;
        for (std::size_t i = 0; i < tb.columns.size(); ++i) {
            std::string name = one_line(tb.columns[i]);
            if (!columns.empty()) {
                const int k = known.find(name);
                if (k >= 0)
                    name = columns[static_cast<std::size_t>(k)];
                else if (name.empty() && i < columns.size())
                    name = columns[i];
            }
            if (name.empty()) name = "column " + std::to_string(i + 1);
            names.push_back(name);
        }
        Value v;
        v.kind = Value::Kind::rows;
        for (const auto& r : tb.rows) {
            std::vector<std::pair<std::string, std::string>> row;
            bool any = false;
            // template column order first, then columns only the document has
            std::vector<bool> used(names.size(), false);
            for (const auto& c : columns) {
                std::string cell;
                for (std::size_t i = 0; i < names.size(); ++i)
                    if (!used[i] && names[i] == c) {
                        cell = i < r.cells.size() ? clean_text(r.cells[i]) : std::string();
                        used[i] = true;
                        break;
                    }
                any = any || !cell.empty();
                row.emplace_back(c, cell);
            }
            for (std::size_t i = 0; i < names.size(); ++i) {
                if (used[i]) continue;
                std::string cell = i < r.cells.size() ? clean_text(r.cells[i]) : std::string();
                any = any || !cell.empty();
                row.emplace_back(names[i], cell);
            }
            if (any) v.rows.push_back(std::move(row));  // padding rows (all empty) are dropped
        }
        if (v.rows.empty()) return std::nullopt;
        return v;
    }

    std::optional<Value> matrix_value(const model::Matrix& m) {
        static const std::vector<std::string> kNone;
        const auto& columns = pq != nullptr ? pq->q->columns : kNone;
        const auto& rows = pq != nullptr ? pq->q->rows : kNone;
        const Labels& known_columns = pq != nullptr ? pq->columns : kNoLabels;
        const Labels& known_rows = pq != nullptr ? pq->rows : kNoLabels;
        std::vector<std::string> col_names;
        for (std::size_t i = 0; i < m.columns.size(); ++i) {
            std::string name = one_line(m.columns[i]);
            if (!columns.empty()) {
                const int k = known_columns.find(name);
                if (k >= 0) name = columns[static_cast<std::size_t>(k)];
            }
            col_names.push_back(name);
        }
        Value v;
        v.kind = Value::Kind::mapping;
        v.multi_valued_mapping = m.multiple;
        for (const auto& r : m.rows) {
            std::string label = one_line(r.label);
            if (!rows.empty()) {
                const int k = known_rows.find(label);
                if (k >= 0) label = rows[static_cast<std::size_t>(k)];
            }
            std::vector<std::string> chosen;
            for (std::size_t i = 0; i < r.selected.size() && i < col_names.size(); ++i)
                if (r.selected[i]) chosen.push_back(col_names[i]);
            if (chosen.empty()) {
                // a row with a star of its own is mandatory by itself
                const auto& must = pq != nullptr ? pq->q->mandatory_rows : kNone;
                if (r.mandatory || std::find(must.begin(), must.end(), label) != must.end())
                    finding(model::Code::missing_mandatory,
                            "mandatory row " + quoted(label) + " of " + quoted(q.title) + " has no answer", r.where);
                else
                    finding(model::Code::unanswered_matrix_row,
                            "row " + quoted(label) + " of " + quoted(q.title) + " has no answer", r.where);
                continue;
            }
            if (!m.multiple && chosen.size() > 1)
                finding(model::Code::multiple_selections,
                        "row " + quoted(label) + " of " + quoted(q.title) + " allows one choice but " +
                            std::to_string(chosen.size()) + " are selected",
                        r.where);
            v.mapping.emplace_back(label, std::move(chosen));
        }
        if (v.mapping.empty()) return std::nullopt;
        return v;
    }

    std::optional<Value> text_value(const std::string& text, bool single_line) {
        std::string t = clean_text(text);
        if (single_line) t = one_line(t);
        if (t.empty()) return std::nullopt;
        Value v;
        v.text = std::move(t);
        return v;
    }

    std::optional<Value> list_value(const std::string& text) {
        Value v;
        v.kind = Value::Kind::list;
        v.items = split_list(strip_literal_markup(text));
        if (v.items.empty()) return std::nullopt;
        return v;
    }

    // Shape the document's answer as the template type asks.
    std::optional<Value> typed() {
        const model::Answer& a = q.answer;
        const TemplateQuestion* tq = pq != nullptr ? pq->q : nullptr;
        const QuestionType type = tq ? tq->type : QuestionType::text;
        static const std::vector<std::string> kNone;
        const auto& options = tq ? tq->options : kNone;
        switch (a.kind) {
            case AnswerKind::none: return std::nullopt;
            case AnswerKind::choice: {
                const bool single =
                    tq ? (type != QuestionType::multiple_choice && type != QuestionType::list) : !a.choice.multiple;
                return choice_value(a.choice, single);
            }
            case AnswerKind::table: return table_value(a.table);
            case AnswerKind::matrix: return matrix_value(a.matrix);
            case AnswerKind::list: {
                Value v;
                v.kind = Value::Kind::list;
                for (const auto& item : a.items)
                    if (auto t = one_line(item); !t.empty()) v.items.push_back(t);
                if (v.items.empty()) return std::nullopt;
                return v;
            }
            case AnswerKind::text:
                switch (type) {
                    case QuestionType::list:
                    case QuestionType::multiple_choice: return list_value(a.text);
                    case QuestionType::single_choice: {
                        auto v = text_value(a.text, true);
                        if (v && !options.empty()) {
                            const int k = pq->options.find(v->text);
                            if (k >= 0)
                                v->text = options[static_cast<std::size_t>(k)];
                            else
                                finding(model::Code::unknown_option,
                                        "answer " + quoted(v->text) + " of " + quoted(q.title) +
                                            " is not among the template's options",
                                        a.where);
                        }
                        return v;
                    }
                    case QuestionType::date:
                    case QuestionType::number:
                    case QuestionType::url:
                    case QuestionType::email:
                    case QuestionType::region:
                    case QuestionType::amount: return text_value(a.text, true);
                    default: return text_value(a.text, false);
                }
        }
        return std::nullopt;
    }
};

// Keys made unique by a number ("name", "name_2", ...); each title's next
// number is remembered, so that many questions of one title take linear time.
struct SlugSet {
    std::set<std::string> used;
    std::unordered_map<std::string, int> next;
};

std::string unique_slug(const std::string& title, SlugSet& slugs) {
    const std::string base = slug(title);
    std::string s = base;
    int& k = slugs.next.try_emplace(base, 2).first->second;
    while (!slugs.used.insert(s).second) s = base + "_" + std::to_string(k++);
    return s;
}

}  // namespace

struct TemplateMatcher::Prepared {
    Template t;
    std::vector<PreparedQuestion> questions;
    std::vector<std::string> signature_keys;
};

TemplateMatcher::TemplateMatcher(Template t) {
    auto p = std::make_shared<Prepared>();
    p->t = std::move(t);
    for (const auto& q : p->t.questions) p->questions.emplace_back(q, p->t.versions);
    for (const auto& phrase : p->t.signature) p->signature_keys.push_back(label_key(phrase));
    p_ = std::move(p);
}

const Template& TemplateMatcher::definition() const {
    return p_->t;
}

TemplateMatcher::Match TemplateMatcher::match(const model::Document& doc, bool read_pages) const {
    Match out;
    const auto m = match_questions(doc, p_->questions);
    out.by_doc = m.by_doc;
    if (p_->questions.empty()) return out;
    double matched = 0;
    std::vector<bool> taken(p_->questions.size(), false);
    for (const int q : m.by_doc)
        if (q >= 0) taken[static_cast<std::size_t>(q)] = true;
    for (auto& [q, index] : questions_in_texts(doc, p_->questions, taken)) {
        out.in_texts.push_back(std::move(q));
        out.by_doc.push_back(static_cast<int>(index));
    }
    // pages: the template's titles are anchors, and what lies between one and
    // the next is read as its question's type asks; that reading replaces the
    // page flow's for the questions it reads, and the flow's questions inside
    // its region are part of it
    if (read_pages && !doc.layout.empty()) {
        for (auto& a : read_by_anchors(doc.layout, p_->t.questions, p_->t.sections)) {
            if (!a.read) continue;
            for (std::size_t d = 0; d < out.by_doc.size(); ++d) {
                const model::Provenance& w =
                    d < doc.questions.size() ? doc.questions[d].where : out.in_texts[d - doc.questions.size()].where;
                const double at = w.page * kPageSpan + w.box[1];
                if (out.by_doc[d] == static_cast<int>(a.index) || (w.page > 0 && at >= a.begin - 1 && at < a.end))
                    out.by_doc[d] = kSuperseded;
            }
            a.question.source_id = "anchor";
            out.in_texts.push_back(std::move(a.question));
            out.by_doc.push_back(static_cast<int>(a.index));
        }
    }
    for (std::size_t d = 0; d < out.by_doc.size(); ++d) {
        if (out.by_doc[d] < 0) continue;
        if (d < doc.questions.size())
            matched += m.by_doc[d] == out.by_doc[d] ? m.score[d] : 0;
        else
            matched += p_->questions[static_cast<std::size_t>(out.by_doc[d])].titles.best(
                out.in_texts[d - doc.questions.size()].title);
    }
    // the share of the questions the document's version of the form asks
    out.version = best_version(doc, out);
    double asked = 0;
    const auto v = std::find(p_->t.versions.begin(), p_->t.versions.end(), out.version);
    for (const auto& pq : p_->questions)
        asked += v == p_->t.versions.end() || pq.asked[static_cast<std::size_t>(v - p_->t.versions.begin())] ? 1 : 0;
    const double share = std::min(1.0, matched / std::max(1.0, asked));
    // order: the share of the matched questions that come in the template's
    // order (sections and questions of another form come in another order)
    std::vector<int> sequence, tails;
    if (doc.layout.empty()) {
        for (std::size_t d = 0; d < doc.questions.size() && d < out.by_doc.size(); ++d)
            if (out.by_doc[d] >= 0) sequence.push_back(out.by_doc[d]);
    } else {
        // pages: every question found, in the order of the pages
        std::vector<std::pair<const model::Provenance*, int>> placed;
        for (std::size_t d = 0; d < out.by_doc.size(); ++d)
            if (out.by_doc[d] >= 0)
                placed.emplace_back(
                    d < doc.questions.size() ? &doc.questions[d].where : &out.in_texts[d - doc.questions.size()].where,
                    out.by_doc[d]);
        std::stable_sort(placed.begin(), placed.end(),
                         [](const auto& a, const auto& b) { return earlier(*a.first, *b.first); });
        for (const auto& [where, q] : placed) sequence.push_back(q);
    }
    for (const int x : sequence) {  // longest increasing subsequence
        auto it = std::lower_bound(tails.begin(), tails.end(), x);
        if (it == tails.end())
            tails.push_back(x);
        else
            *it = x;
    }
    const double order =
        sequence.empty() ? 0.0 : static_cast<double>(tails.size()) / static_cast<double>(sequence.size());
    if (p_->signature_keys.empty()) {
        out.score = 0.9 * share + 0.1 * order;
        return out;
    }
    std::string all = label_key(doc.title) + " ";
    for (const auto& s : doc.sections) all += label_key(s.title) + " ";
    for (const auto& x : doc.texts) all += label_key(x.text) + " ";
    for (const auto& q : doc.questions) all += label_key(q.title) + " ";
    double hits = 0;
    for (const auto& key : p_->signature_keys)
        if (all.find(key) != std::string::npos) hits += 1;
    out.score = 0.75 * share + 0.15 * hits / static_cast<double>(p_->signature_keys.size()) + 0.1 * order;
    return out;
}

// The version of the form a document was made with: the one whose questions
// and wordings it matches best (the later one on a tie).
std::string TemplateMatcher::best_version(const model::Document& doc, const Match& match) const {
    const auto& versions = p_->t.versions;
    if (versions.size() < 2) return versions.empty() ? std::string() : versions.front();
    std::size_t best = versions.size() - 1;
    double best_score = -1;
    for (std::size_t v = 0; v < versions.size(); ++v) {
        double found = 0, asked = 0;
        for (const auto& pq : p_->questions) asked += pq.asked[v] ? 1 : 0;
        for (std::size_t d = 0; d < match.by_doc.size(); ++d) {
            if (match.by_doc[d] < 0) continue;
            const PreparedQuestion& pq = p_->questions[static_cast<std::size_t>(match.by_doc[d])];
            const model::Question& q =
                d < doc.questions.size() ? doc.questions[d] : match.in_texts[d - doc.questions.size()];
            // a question the version does not ask counts against it
            found += pq.asked[v] ? pq.wording[v].best(q.title) : -1;
        }
        const double score = asked > 0 ? found / asked : 0;
        if (score >= best_score) {
            best_score = score;
            best = v;
        }
    }
    return versions[best];
}

namespace {

std::vector<std::string> split_words(std::string_view key) {
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (pos < key.size()) {
        const std::size_t end = std::min(key.find(' ', pos), key.size());
        if (end > pos) out.emplace_back(key.substr(pos, end - pos));
        pos = end + 1;
    }
    return out;
}

// A numbering written before a title: "3.", "3.1", "12)", "(b)", "b)", "iv.".
bool numbering_word(std::string_view w) {
    if (!w.empty() && w.front() == '(') w.remove_prefix(1);
    if (w.size() < 2 || (w.back() != '.' && w.back() != ')')) return false;
    w.remove_suffix(1);
    if (std::all_of(w.begin(), w.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) || c == '.'; }))
        return std::isdigit(static_cast<unsigned char>(w.front())) != 0;
    if (w.size() == 1) return std::isalpha(static_cast<unsigned char>(w.front())) != 0;
    return w.size() <= 4 && std::all_of(w.begin(), w.end(), [](char c) {
               return std::string_view("ivxIVX").find(c) != std::string_view::npos;
           });
}

// Where a title (its label key) stands in a text answer, by whole words:
// [begin, end) of the raw text, a numbering just before it ("3.", "b)")
// included. Words are compared by their label keys, so case, accents,
// stars and punctuation do not matter.
std::optional<std::pair<std::size_t, std::size_t>> title_span(const std::string& raw, const std::string& title_key) {
    struct Piece {
        std::string key;   // one word of a raw word's key
        std::size_t word;  // the raw word it comes from
        bool first, last;  // the raw word's first / last key word
    };
    std::vector<std::pair<std::size_t, std::size_t>> words;  // raw words: [begin, end)
    for (std::size_t i = 0; i < raw.size();) {
        while (i < raw.size() && std::isspace(static_cast<unsigned char>(raw[i]))) ++i;
        const std::size_t b = i;
        while (i < raw.size() && !std::isspace(static_cast<unsigned char>(raw[i]))) ++i;
        if (i > b) words.emplace_back(b, i);
    }
    std::vector<Piece> pieces;
    for (std::size_t w = 0; w < words.size(); ++w) {
        const std::string key =
            label_key(std::string_view(raw).substr(words[w].first, words[w].second - words[w].first));
        const auto parts = split_words(key);
        for (std::size_t k = 0; k < parts.size(); ++k) pieces.push_back({parts[k], w, k == 0, k + 1 == parts.size()});
    }
    const auto want = split_words(title_key);
    if (want.empty() || pieces.size() < want.size()) return std::nullopt;
    for (std::size_t s = 0; s + want.size() <= pieces.size(); ++s) {
        if (!pieces[s].first || !pieces[s + want.size() - 1].last) continue;
        bool same = true;
        for (std::size_t k = 0; k < want.size() && same; ++k) same = pieces[s + k].key == want[k];
        if (!same) continue;
        std::size_t first = pieces[s].word;
        const std::size_t last = pieces[s + want.size() - 1].word;
        // a numbering before the title is the title's: "3.", "3.1", "(b)", "iv)"
        if (first > 0) {
            const std::string_view before =
                std::string_view(raw).substr(words[first - 1].first, words[first - 1].second - words[first - 1].first);
            if (numbering_word(before)) --first;
        }
        return std::make_pair(words[first].first, words[last].second);
    }
    return std::nullopt;
}

// The text with the white space, colons, question marks and stars at its
// ends taken off.
std::string trimmed_answer(std::string_view s) {
    const auto strip = [](char c) { return std::isspace(static_cast<unsigned char>(c)) || c == ':' || c == '*'; };
    std::size_t b = 0, e = s.size();
    while (b < e && (strip(s[b]) || s[b] == '?')) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
    return std::string(s.substr(b, e - b));
}

}  // namespace

Record TemplateMatcher::build(const model::Document& doc, const Match& match) const {
    const Template& t = p_->t;
    Record r;
    const std::string version = !match.version.empty() ? match.version
                                : t.versions.empty()   ? std::string()
                                                       : t.versions.back();
    r.template_match = TemplateMatch{t.id, version, std::round(match.score * 100.0) / 100.0};
    const auto v = std::find(t.versions.begin(), t.versions.end(), version);
    const auto& by_doc = match.by_doc;
    // the document's questions, then those its texts hold
    const auto question = [&](std::size_t d) -> const model::Question& {
        return d < doc.questions.size() ? doc.questions[d] : match.in_texts[d - doc.questions.size()];
    };
    const std::size_t all = doc.questions.size() + match.in_texts.size();
    std::vector<int> by_tpl(t.questions.size(), -1);
    for (std::size_t d = 0; d < by_doc.size() && d < all; ++d)
        if (by_doc[d] >= 0 && static_cast<std::size_t>(by_doc[d]) < by_tpl.size())
            by_tpl[static_cast<std::size_t>(by_doc[d])] = static_cast<int>(d);

    // the date (period) another answer gives, for year_from and within
    std::map<std::string, std::optional<Period>> periods;
    const auto period_of = [&](const std::string& qid) -> std::optional<Period> {
        if (auto it = periods.find(qid); it != periods.end()) return it->second;
        std::optional<Period> out;
        for (std::size_t k = 0; k < t.questions.size(); ++k) {
            if (t.questions[k].id != qid || by_tpl[k] < 0) continue;
            Record scratch;
            Builder pb{scratch, question(static_cast<std::size_t>(by_tpl[k])), qid, &p_->questions[k], {}};
            if (const auto value = pb.typed(); value && value->kind == Value::Kind::string)
                if (const auto d = parse_date(value->text)) out = Period::of(d->iso);
        }
        periods[qid] = out;
        return out;
    };

    // titles long enough not to stand in an answer by chance (four words and more)
    std::vector<std::string> title_keys(t.questions.size());
    for (std::size_t j = 0; j < t.questions.size(); ++j) {
        std::string k = label_key(t.questions[j].label);
        if (std::count(k.begin(), k.end(), ' ') >= 3) title_keys[j] = std::move(k);
    }
    // The title of a question not located elsewhere, inside a text answer:
    // the page ran that question into this one (its title not seen as one).
    // The answer is cut at the title; what follows the title is that
    // question's answer (a matrix or table cannot be read from text: that
    // one is only reported). Each cut is a warning title-in-answer.
    std::vector<std::optional<model::Question>> cut(t.questions.size());
    std::vector<std::size_t> cut_from(t.questions.size(), t.questions.size());  // split-off answer → its host
    for (std::size_t i = 0; i < t.questions.size(); ++i) {
        if (by_tpl[i] < 0) continue;
        const model::Question& host = question(static_cast<std::size_t>(by_tpl[i]));
        if (host.answer.kind != model::AnswerKind::text || host.answer.text.empty()) continue;
        std::size_t owner = i;  // whose answer the text being searched is
        model::Question rest = host;
        for (int guard = 0; guard < 32; ++guard) {
            // the title found earliest in the text
            std::optional<std::pair<std::size_t, std::size_t>> first;
            std::size_t which = 0;
            for (std::size_t j = 0; j < t.questions.size(); ++j) {
                if (j == i || by_tpl[j] >= 0 || cut[j] || title_keys[j].empty()) continue;
                if (const auto span = title_span(rest.answer.text, title_keys[j]);
                    span && (!first || span->first < first->first)) {
                    first = span;
                    which = j;
                }
            }
            if (!first) break;
            const QuestionType kind = t.questions[which].type;
            model::Question next;
            next.title = t.questions[which].label;
            next.where = host.where;
            next.answer.kind = model::AnswerKind::text;
            next.answer.where = host.answer.where.empty() ? host.where : host.answer.where;
            next.answer.text = trimmed_answer(std::string_view(rest.answer.text).substr(first->second));
            if (next.answer.text.empty()) next.answer.kind = model::AnswerKind::none;
            rest.answer.text = trimmed_answer(std::string_view(rest.answer.text).substr(0, first->first));
            if (rest.answer.text.empty()) rest.answer.kind = model::AnswerKind::none;
            cut[owner] = rest;
            cut_from[which] = owner;
            if (kind == QuestionType::matrix || kind == QuestionType::table) {
                // not readable from text: reported, the text left out of the host
                next.answer = {};
                next.answer.kind = model::AnswerKind::none;
                cut[which] = next;
                break;
            }
            cut[which] = next;
            owner = which;
            rest = next;
        }
    }

    for (std::size_t i = 0; i < t.questions.size(); ++i) {
        const TemplateQuestion& tq = t.questions[i];
        // a question the document's version of the form does not ask is not in its record
        if (v != t.versions.end() && !p_->questions[i].asked[static_cast<std::size_t>(v - t.versions.begin())] &&
            by_tpl[i] < 0 && !cut[i])
            continue;
        RecordAnswer ans;
        ans.question = tq.id;
        // a question shown only when an option of another is chosen
        // (the survey tool's dependent elements) is hidden otherwise: never
        // missing, never mandatory
        const bool hidden = !tq.shown_if_question.empty() && !chosen(r, tq.shown_if_question, tq.shown_if_option);
        if (by_tpl[i] < 0 && !cut[i]) {
            r.answers.push_back(ans);
            if (hidden) continue;
            r.findings.push_back(
                {model::Code::question_not_found,
                 tq.id,
                 "question " + quoted(tq.label) + " was not found in the document: its answer is unknown",
                 {},
                 {}});
            if (tq.mandatory)
                r.findings.push_back({model::Code::missing_mandatory,
                                      tq.id,
                                      "mandatory question " + quoted(tq.label) + " is not in the document",
                                      {},
                                      {}});
            continue;
        }
        const bool split_off = by_tpl[i] < 0;
        const std::size_t d = split_off ? all : static_cast<std::size_t>(by_tpl[i]);
        const model::Question& q = cut[i] ? *cut[i] : question(d);
        Builder b{r, q, tq.id, &p_->questions[i], {}};
        ans.found = true;
        const bool paged = !doc.layout.empty();
        if (split_off)
            ans.located = paged ? "layout" : "text";
        else if (q.source_id == "anchor")
            ans.located = "anchor";
        else if (!q.source_id.empty() && std::find(tq.uids.begin(), tq.uids.end(), q.source_id) != tq.uids.end())
            ans.located = "id";
        else if (d >= doc.questions.size())
            ans.located = paged ? "layout" : "text";
        else
            ans.located = paged ? "layout" : "field";
        ans.where = q.answer.where.empty() ? q.where : q.answer.where;
        ans.value = b.typed();
        if (!ans.value && !hidden && (tq.mandatory || q.mandatory))
            b.finding(model::Code::missing_mandatory, "mandatory question " + quoted(q.title) + " has no answer",
                      q.where);
        if (!tq.year_from.empty()) b.dates.year_period = period_of(tq.year_from);
        if (!tq.within.empty()) b.dates.within_period = period_of(tq.within);
        b.dates.year_from = tq.year_from;
        b.dates.within = tq.within;
        b.parse_into(ans);
        if (split_off) {
            const TemplateQuestion& host = t.questions[cut_from[i]];
            b.finding(model::Code::title_in_answer,
                      "the answer to " + quoted(host.label) + " holds the title of question " + quoted(tq.label) +
                          ", which is not located elsewhere: " +
                          (tq.type == QuestionType::matrix || tq.type == QuestionType::table
                               ? std::string("its answer cannot be read from that text")
                               : std::string("the text after the title is read as its answer")),
                      q.where);
        }
        r.answers.push_back(std::move(ans));
    }
    SlugSet used;
    for (const auto& tq : t.questions) used.used.insert(tq.id);
    for (std::size_t d = 0; d < doc.questions.size(); ++d) {
        if (d < by_doc.size() && by_doc[d] != -1) continue;  // matched, or read again by anchors
        const model::Question& q = doc.questions[d];
        const std::string id = unique_slug(q.title, used);
        r.findings.push_back({model::Code::unmatched_question,
                              id,
                              "question " + quoted(q.title) + " is not in template " + t.id,
                              q.where,
                              {}});
        if (q.mandatory && !q.answer.answered())
            r.findings.push_back({model::Code::missing_mandatory,
                                  id,
                                  "mandatory question " + quoted(q.title) + " has no answer",
                                  q.where,
                                  {}});
    }
    return r;
}

double score_template(const Template& t, const model::Document& doc) {
    return TemplateMatcher(t).match(doc).score;
}

Record build_record(const model::Document& doc, const Template& t, double score) {
    const TemplateMatcher m(t);
    auto match = m.match(doc);
    match.score = score;
    return m.build(doc, match);
}

namespace {

// A survey-tool PDF read without a template: the questions its page flow
// found are read again from the pages, each by its own title as an anchor (an
// answer box's text without the help and limits lines above it, a boxed
// drop-down label, a grid rebuilt from its cells), when that reading works.
model::Document reread_by_own_titles(const model::Document& doc) {
    std::vector<TemplateQuestion> questions;
    for (std::size_t i = 0; i < doc.questions.size(); ++i) {
        const model::Question& q = doc.questions[i];
        TemplateQuestion tq;
        tq.id = std::to_string(i);
        tq.label = q.title;
        switch (q.answer.kind) {
            case AnswerKind::choice:
                tq.type = q.answer.choice.multiple ? QuestionType::multiple_choice : QuestionType::single_choice;
                for (const auto& o : q.answer.choice.options) tq.options.push_back(o.label);
                break;
            case AnswerKind::matrix:
                tq.type = QuestionType::matrix;
                tq.columns = q.answer.matrix.columns;
                for (const auto& r : q.answer.matrix.rows) tq.rows.push_back(r.label);
                break;
            case AnswerKind::table:
                tq.type = QuestionType::table;
                tq.columns = q.answer.table.columns;
                break;
            default: tq.type = QuestionType::text; break;
        }
        questions.push_back(std::move(tq));
    }
    std::vector<TemplateSection> sections;
    for (const auto& s : doc.sections) sections.push_back({slug(s.title), s.title, false, {}});
    model::Document out = doc;
    for (auto& a : read_by_anchors(doc.layout, questions, sections)) {
        if (!a.read || a.index >= out.questions.size()) continue;
        model::Question& q = out.questions[a.index];
        // texts and choices: the page flow's tables and grids stand
        const bool text = q.answer.kind == AnswerKind::text || q.answer.kind == AnswerKind::none;
        const bool same_kind = a.question.answer.kind == q.answer.kind ||
                               (a.question.answer.kind == AnswerKind::text && q.answer.kind == AnswerKind::none);
        if (same_kind && (text || q.answer.kind == AnswerKind::choice)) q.answer = std::move(a.question.answer);
    }
    return out;
}

}  // namespace

Record build_generic_record(const model::Document& given) {
    // the survey tool's PDFs only: its answer boxes and help lines are documented conventions
    const bool again = given.layout.survey_tool && !given.questions.empty();
    const model::Document reread = again ? reread_by_own_titles(given) : model::Document();
    const model::Document& doc = again ? reread : given;
    Record r;
    SlugSet used;
    for (const auto& q : doc.questions) {
        RecordAnswer ans;
        ans.question = unique_slug(q.title, used);
        ans.found = true;
        ans.located = doc.layout.empty() ? "field" : "layout";
        ans.where = q.answer.where.empty() ? q.where : q.answer.where;
        Builder b{r, q, ans.question, nullptr, {}};
        ans.value = b.typed();
        if (!ans.value && q.mandatory)
            b.finding(model::Code::missing_mandatory, "mandatory question " + quoted(q.title) + " has no answer",
                      q.where);
        r.answers.push_back(std::move(ans));
    }
    return r;
}

void add_diagnostics(const model::Document& doc, Record& record) {
    std::vector<Finding> front;
    for (const auto& d : doc.diagnostics) {
        front.push_back({d.code, "", d.message, {}, d.locator});
    }
    record.findings.insert(record.findings.begin(), front.begin(), front.end());
}

bool has_errors(const Record& record) {
    return std::any_of(record.findings.begin(), record.findings.end(),
                       [](const Finding& f) { return f.severity() == Severity::error; });
}

}  // namespace formsift::normalize
