#include "writers.hpp"

#include <cmath>

#include "formsift/extract/error.hpp"
#include "formsift/normalize/text.hpp"

namespace formsift::app {
namespace {

Json where_json(const model::Provenance& p, const std::string& locator = {}) {
    Json w = Json::object();
    if (p.page > 0) {
        w["page"] = p.page;
        // points to 1/100: enough to place an item, and stable across builds
        auto r = [](double v) { return std::round(v * 100.0) / 100.0; };
        w["box"] = {r(p.box[0]), r(p.box[1]), r(p.box[2]), r(p.box[3])};
        if (!p.continued.empty()) {
            Json more = Json::array();
            for (const auto& c : p.continued)
                more.push_back({{"page", c.page}, {"box", {r(c.box[0]), r(c.box[1]), r(c.box[2]), r(c.box[3])}}});
            w["continued"] = std::move(more);
        }
    }
    if (p.line > 0) w["line"] = p.line;
    if (!p.path.empty()) w["path"] = p.path;
    if (w.empty() && !locator.empty()) w["locator"] = locator;
    return w;
}

// An object with room for n members: nlohmann's ordered map is a vector
// whose members are copied, not moved, when it grows.
Json object_for(std::size_t n) {
    Json o = Json::object();
    o.get_ref<Json::object_t&>().reserve(n);
    return o;
}

Json value_json(const normalize::Value& v) {
    using K = normalize::Value::Kind;
    switch (v.kind) {
        case K::string: return v.text;
        case K::list: {
            Json a = Json::array();
            for (const auto& s : v.items) a.push_back(s);
            return a;
        }
        case K::rows: {
            Json a = Json::array();
            for (const auto& row : v.rows) {
                Json o = object_for(row.size());
                for (const auto& [k, cell] : row) o[k] = cell;
                a.push_back(std::move(o));
            }
            return a;
        }
        case K::mapping: {
            Json o = object_for(v.mapping.size());
            for (const auto& [row, cols] : v.mapping) {
                if (cols.size() == 1 && !v.multi_valued_mapping) {
                    o[row] = cols.front();
                } else {
                    Json a = Json::array();
                    for (const auto& c : cols) a.push_back(c);
                    o[row] = std::move(a);
                }
            }
            return o;
        }
    }
    return nullptr;
}

// A number as JSON: a whole number as an integer (counts, amounts in whole
// units), else as it is.
Json number_json(double v) {
    if (std::fabs(v) < 9.0e15 && v == std::floor(v)) return static_cast<long long>(v);
    return v;
}

// A typed reading: its type, then what that type has.
Json parsed_json(const normalize::Parsed& p) {
    Json o = object_for(6);
    o["type"] = p.type;
    if (p.type == "region") {
        if (!p.region.name.empty()) o["name"] = p.region.name;
        if (!p.region.country.empty()) o["country"] = p.region.country;
        if (!p.region.nuts.empty()) {
            o["nuts"] = p.region.nuts;
            o["nuts_name"] = p.region.nuts_name;
            o["level"] = p.region.level;
        }
        return o;
    }
    if (p.type == "amount" || p.type == "number") {
        o["value"] = number_json(p.number);
        if (!p.currency.empty()) o["currency"] = p.currency;
        if (p.approximate) o["approximate"] = true;
        return o;
    }
    if (!p.value.empty()) o["value"] = p.value;
    if (!p.precision.empty()) o["precision"] = p.precision;
    if (p.interval) o["interval"] = true;
    if (p.year_inferred) o["year_inferred"] = true;
    return o;
}

// An answer's typed readings: an object, an array per list item, or an
// array of row objects; null when it has none.
Json answer_parsed_json(const normalize::RecordAnswer& a) {
    if (a.parsed) return parsed_json(*a.parsed);
    if (!a.parsed_items.empty()) {
        Json items = Json::array();
        for (const auto& p : a.parsed_items) items.push_back(parsed_json(p));
        return items;
    }
    if (!a.parsed_rows.empty()) {
        Json rows = Json::array();
        for (const auto& row : a.parsed_rows) {
            Json cells = object_for(row.size());
            for (const auto& [column, p] : row) cells[column] = parsed_json(p);
            rows.push_back(std::move(cells));
        }
        return rows;
    }
    return nullptr;
}

Json source_json(const ProcessedFile& f) {
    Json s = object_for(8 + f.document.meta.size());
    s["path"] = f.path;
    if (!f.sha256.empty()) {
        s["sha256"] = f.sha256;
        s["bytes"] = f.bytes;
    }
    if (!f.document.format.empty()) s["format"] = f.document.format;
    if (f.document.pages > 0) s["pages"] = f.document.pages;
    if (!f.document.title.empty()) s["title"] = f.document.title;
    if (!f.document.language.empty()) s["language"] = f.document.language;
    for (const auto& [k, v] : f.document.meta)
        if (k != "html_title") s[k] = v;
    return s;
}

}  // namespace

std::string dump(const Json& j, int indent) {
    return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

Json record_json(const ProcessedFile& f) {
    Json r = object_for(6);
    r["source"] = source_json(f);
    r["status"] = extract::to_string(f.status);
    if (f.record.template_match) {
        const auto& t = *f.record.template_match;
        r["template"] = {{"id", t.id}, {"version", t.version}, {"score", t.score}};
    } else {
        r["template"] = nullptr;
    }
    // the Unicode policy the values and keys follow
    static const Json kPolicy = [] {
        Json p = Json::object();
        for (const auto& [rule, what] : normalize::unicode_policy()) p[rule] = what;
        return p;
    }();
    r["normalization"] = kPolicy;
    Json answers = object_for(f.record.answers.size());
    for (const auto& a : f.record.answers) {
        Json o = object_for(3);
        if (a.value) o["value"] = value_json(*a.value);
        if (Json p = answer_parsed_json(a); !p.is_null()) o["parsed"] = std::move(p);
        if (a.found) {
            o["where"] = where_json(a.where);
            if (!a.located.empty()) o["located"] = a.located;
        }
        answers[a.question] = std::move(o);
    }
    r["answers"] = std::move(answers);
    Json findings = Json::array();
    for (const auto& x : f.record.findings) {
        Json o = Json::object();
        o["code"] = model::to_string(x.code);
        o["severity"] = model::to_string(x.severity());
        if (!x.question.empty()) o["question"] = x.question;
        o["message"] = x.message;
        Json w = where_json(x.where, x.locator);
        if (!w.empty()) o["where"] = std::move(w);
        findings.push_back(std::move(o));
    }
    r["findings"] = std::move(findings);
    return r;
}

Json fields_json(const ProcessedFile& f) {
    Json out = Json::object();
    out["source"] = source_json(f);
    out["status"] = extract::to_string(f.status);
    Json fields = Json::array();
    for (const auto& fd : f.document.fields) {
        Json o = Json::object();
        o["name"] = fd.name;
        o["label"] = fd.label;
        o["kind"] = model::to_string(fd.kind);
        Json opts = Json::array();
        for (const auto& op : fd.options)
            opts.push_back(Json{{"label", op.label}, {"export", op.value}, {"selected", op.selected}});
        o["options"] = std::move(opts);
        switch (fd.kind) {
            case model::FieldKind::text:
            case model::FieldKind::signature:
            case model::FieldKind::button: o["value"] = fd.value; break;
            case model::FieldKind::radio:
            case model::FieldKind::checkbox:
            case model::FieldKind::choice: {
                const bool many = fd.kind == model::FieldKind::checkbox || fd.multiple;
                Json sel = Json::array();
                for (const auto& op : fd.options)
                    if (op.selected) sel.push_back(op.value);
                if (many)
                    o["value"] = std::move(sel);
                else
                    o["value"] = sel.empty() ? Json(nullptr) : sel.front();
                break;
            }
        }
        o["required"] = fd.required;
        o["origin"] = fd.origin;
        Json w = where_json(fd.where);
        if (fd.hidden) w["hidden"] = true;
        o["where"] = std::move(w);
        fields.push_back(std::move(o));
    }
    out["fields"] = std::move(fields);
    Json diags = Json::array();
    for (const auto& x : f.record.findings)
        if (x.question.empty())
            diags.push_back(Json{{"code", model::to_string(x.code)},
                                 {"severity", model::to_string(x.severity())},
                                 {"message", x.message}});
    for (const auto& d : f.document.field_diagnostics)
        diags.push_back(Json{
            {"code", model::to_string(d.code)}, {"severity", model::to_string(d.severity())}, {"message", d.message}});
    out["diagnostics"] = std::move(diags);
    return out;
}

namespace {
std::string csv_escape(const std::string& s) {
    if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
    std::string out = "\"";
    for (const char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}
}  // namespace

std::string csv_header() {
    return "path,status,template,question,value,parsed\n";
}

std::string csv_rows(const ProcessedFile& f) {
    std::string out;
    const std::string tid = f.record.template_match ? f.record.template_match->id : std::string();
    const std::string status = extract::to_string(f.status);
    for (const auto& a : f.record.answers) {
        std::string value;
        if (a.value) {
            const Json v = value_json(*a.value);
            value =
                v.is_string() ? v.get<std::string>() : v.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        }
        const Json p = answer_parsed_json(a);
        const std::string parsed = p.is_null() ? std::string() : p.dump(-1, ' ', false, Json::error_handler_t::replace);
        out += csv_escape(f.path) + "," + status + "," + csv_escape(tid) + "," + csv_escape(a.question) + "," +
               csv_escape(value) + "," + csv_escape(parsed) + "\n";
    }
    if (f.record.answers.empty()) out += csv_escape(f.path) + "," + status + "," + csv_escape(tid) + ",,,\n";
    return out;
}

std::vector<std::string> check_lines(const ProcessedFile& f) {
    std::vector<std::string> out;
    for (const auto& x : f.record.findings) {
        const std::string message = x.question.empty() ? x.message : x.question + ": " + x.message;
        out.push_back(format_message(f.path, x.where_text(), x.code, message));
    }
    return out;
}

}  // namespace formsift::app
