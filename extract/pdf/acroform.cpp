#include "acroform.hpp"

#include <poppler/Catalog.h>
#include <poppler/Form.h>
#include <poppler/PDFDoc.h>
#include <poppler/Page.h>

#include <poppler/Stream.h>
#include <poppler/XRef.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <optional>
#include <set>
#include <utility>

#include "pdf_session.hpp"

namespace formsift::extract::pdf {
namespace {

constexpr int kMaxFieldDepth = 64;
constexpr int kRequiredFlag = 1 << 1;

struct WidgetPlace {
    int page = 0;
    double box[4] = {0, 0, 0, 0};
};

// Page of every widget annotation, by object reference.
std::map<std::pair<int, int>, WidgetPlace> widget_places(PDFDoc& doc) {
    std::map<std::pair<int, int>, WidgetPlace> out;
    const int pages = doc.getNumPages();
    for (int p = 1; p <= pages; ++p) {
        Page* page = doc.getPage(p);
        if (page == nullptr) continue;
        std::unique_ptr<FormPageWidgets> widgets = page->getFormWidgets();
        if (!widgets) continue;
        for (int i = 0; i < widgets->getNumWidgets(); ++i) {
            FormWidget* w = widgets->getWidget(i);
            if (w == nullptr) continue;
            WidgetPlace place;
            place.page = p;
            w->getRect(&place.box[0], &place.box[1], &place.box[2], &place.box[3]);
            out.emplace(std::make_pair(w->getRef().num, w->getRef().gen), place);
        }
    }
    return out;
}

// A PDF name's bytes as text: UTF-8 when they are valid UTF-8 (what PDF 1.7
// recommends), else PDFDocEncoding, as older writers used.
std::string name_of(const char* s) {
    if (s == nullptr) return {};
    const std::string bytes(s);
    bool utf8 = true;
    for (std::size_t i = 0; i < bytes.size() && utf8;) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (n == 0 || i + n > bytes.size()) utf8 = false;
        for (std::size_t k = 1; utf8 && k < n; ++k)
            if ((static_cast<unsigned char>(bytes[i + k]) & 0xC0) != 0x80) utf8 = false;
        i += n == 0 ? 1 : n;
    }
    return utf8 ? bytes : text_string(bytes);
}

// The field's /Opt entries (radio and checkbox: one per kid, the export value's display form).
std::vector<std::string> opt_entries(FormField* f) {
    std::vector<std::string> out;
    Object* obj = f->getObj();
    if (obj == nullptr || !obj->isDict()) return out;
    Object opt = obj->dictLookup("Opt");
    if (!opt.isArray()) return out;
    for (int i = 0; i < opt.arrayGetLength(); ++i) {
        Object item = opt.arrayGet(i);
        if (item.isString())
            out.push_back(text_string(item.getString()));
        else if (item.isArray() && item.arrayGetLength() > 0) {
            Object first = item.arrayGet(item.arrayGetLength() > 1 ? 1 : 0);
            out.push_back(first.isString() ? text_string(first.getString()) : std::string());
        } else {
            out.emplace_back();
        }
    }
    return out;
}

// An entry of the field's dictionary or, failing that, of its ancestors'
// (bounded: /Parent chains can loop in damaged files).
Object inherited(FormField* f, const char* key) {
    Object* obj = f->getObj();
    if (obj == nullptr || !obj->isDict()) return Object(objNull);
    Object cur = obj->copy();
    for (int depth = 0; depth < kMaxFieldDepth && cur.isDict(); ++depth) {
        Object v = cur.dictLookup(key);
        if (!v.isNull()) return v;
        cur = cur.dictLookup("Parent");
    }
    return Object(objNull);
}

// A text value given as a string or as a stream (long or rich text).
std::string value_text(const Object& v) {
    if (v.isString()) return text_string(v.getString());
    if (v.isStream()) {
        Object copy = v.copy();
        Stream* str = copy.getStream();
        std::string out;
        str->reset();
        for (int c; (c = str->getChar()) != EOF && out.size() < (1u << 24);) out += static_cast<char>(c);
        str->close();
        return text_string(out);
    }
    return {};
}

// The values in /V: one string or name, or an array of them.
std::vector<std::string> value_list(const Object& v) {
    std::vector<std::string> out;
    if (v.isString())
        out.push_back(text_string(v.getString()));
    else if (v.isName())
        out.emplace_back(v.getName());
    else if (v.isArray())
        for (int i = 0; i < v.arrayGetLength(); ++i) {
            Object item = v.arrayGet(i);
            if (item.isString()) out.push_back(text_string(item.getString()));
        }
    return out;
}

// Index of this field among its parent's kids, and the parent's /Opt entry for it.
std::string parent_opt_label(FormField* f) {
    Object* obj = f->getObj();
    if (obj == nullptr || !obj->isDict()) return {};
    Object parent = obj->dictLookup("Parent");
    if (!parent.isDict()) return {};
    Object opt = parent.dictLookup("Opt");
    Object kids = parent.dictLookup("Kids");
    if (!opt.isArray() || !kids.isArray()) return {};
    const Ref self = f->getRef();
    for (int i = 0; i < kids.arrayGetLength() && i < opt.arrayGetLength(); ++i) {
        const Object& kid = kids.arrayGetNF(i);
        if (kid.isRef() && kid.getRef() == self) {
            Object item = opt.arrayGet(i);
            if (item.isString()) return text_string(item.getString());
        }
    }
    return {};
}

// The field's fully qualified name from the /T entries up its /Parent chain.
// Poppler's own walk has no cycle guard and loops forever on a field that is
// its own parent; this one stops at a repeated object and a depth bound.
std::string full_name(FormField* f) {
    Object* obj = f->getObj();
    if (obj == nullptr || !obj->isDict()) return {};
    std::vector<std::string> parts;
    std::set<std::pair<int, int>> seen;
    const Ref self = f->getRef();
    if (self != Ref::INVALID()) seen.insert({self.num, self.gen});
    Object cur = obj->copy();
    for (int depth = 0; depth < kMaxFieldDepth && cur.isDict(); ++depth) {
        Object t = cur.dictLookup("T");
        if (t.isString()) parts.push_back(text_string(t.getString()));
        const Object& parent = cur.getDict()->lookupNF("Parent");
        if (!parent.isRef() || !seen.insert({parent.getRef().num, parent.getRef().gen}).second) break;
        cur = cur.dictLookup("Parent");
    }
    std::string name;
    for (auto it = parts.rbegin(); it != parts.rend(); ++it) {
        if (!name.empty()) name += '.';
        name += *it;
    }
    return name;
}

// A button's on-state from its appearance dictionaries (/AP /N, else /D):
// the one name that is not Off; for widgets whose normal appearance Poppler
// could not use. Without appearance dictionaries, the state it shows (/AS)
// when that is not Off.
std::string on_state_from_appearances(FormWidget* w) {
    Object* obj = w->getObj();
    if (obj == nullptr || !obj->isDict()) return {};
    Object ap = obj->dictLookup("AP");
    if (!ap.isDict()) {
        Object as = obj->dictLookup("AS");
        return as.isName() && std::strcmp(as.getName(), "Off") != 0 ? name_of(as.getName()) : std::string();
    }
    for (const char* kind : {"N", "D"}) {
        Object states = ap.dictLookup(kind);
        if (!states.isDict()) continue;
        for (int i = 0; i < states.dictGetLength(); ++i) {
            const char* key = states.dictGetKey(i);
            if (key != nullptr && std::strcmp(key, "Off") != 0) return name_of(key);
        }
    }
    return {};
}

int own_flags(FormField* f) {
    Object* obj = f->getObj();
    if (obj == nullptr || !obj->isDict()) return -1;
    Object ff = obj->dictLookup("Ff");
    return ff.isInt() ? ff.getInt() : -1;
}

class Walker {
public:
    Walker(PDFDoc& doc, std::size_t max_fields, std::vector<model::Diagnostic>& diagnostics)
        : places_(widget_places(doc)), max_fields_(max_fields), diagnostics_(diagnostics) {}

    void walk(FormField* f, int inherited_flags, int depth) {
        if (f == nullptr || out_.size() >= max_fields_) return;
        const Ref ref = f->getRef();
        if (ref != Ref::INVALID() && !visited_.insert({ref.num, ref.gen}).second) {
            diagnostics_.push_back({model::Code::pdf_field_cycle, "object " + std::to_string(ref.num),
                                    "form field reached twice in the field tree; ignored the second time"});
            return;
        }
        if (depth > kMaxFieldDepth) {
            diagnostics_.push_back(
                {model::Code::pdf_field_depth, "object " + std::to_string(ref.num),
                 "form field tree deeper than " + std::to_string(kMaxFieldDepth) + "; rest ignored"});
            return;
        }
        const int flags = own_flags(f) >= 0 ? own_flags(f) : inherited_flags;
        if (f->getNumWidgets() > 0 || f->getNumChildren() == 0) {
            add_terminal(f, flags);
            return;
        }
        for (int i = 0; i < f->getNumChildren(); ++i) walk(f->getChildren(i), flags, depth + 1);
    }

    std::vector<model::Field> take() { return std::move(out_); }

private:
    void add_terminal(FormField* f, int flags) {
        model::Field field;
        field.origin = "acroform";
        field.name = full_name(f);
        field.label = text_string(f->getAlternateUiName());
        if (field.label.empty()) {
            // a kid without a tooltip of its own takes its parent's
            Object tu = inherited(f, "TU");
            if (tu.isString()) field.label = text_string(tu.getString());
        }
        if (field.label.empty()) field.label = text_string(f->getPartialName());
        field.required = flags >= 0 && (flags & kRequiredFlag) != 0;
        if (f->getNumWidgets() > 0) {
            const Ref r = f->getWidget(0)->getRef();
            auto it = places_.find({r.num, r.gen});
            if (it != places_.end()) {
                field.where.page = it->second.page;
                for (int k = 0; k < 4; ++k) field.where.box[k] = it->second.box[k];
            }
        }
        switch (f->getType()) {
            case formButton: add_button(static_cast<FormFieldButton*>(f), field); break;
            case formText: {
                field.kind = model::FieldKind::text;
                field.value = text_string(static_cast<FormFieldText*>(f)->getContent());
                if (field.value.empty()) field.value = value_text(inherited(f, "V"));  // a stream value
                break;
            }
            case formChoice: add_choice(static_cast<FormFieldChoice*>(f), field); break;
            case formSignature: field.kind = model::FieldKind::signature; break;
            case formUndef:
                // no /FT anywhere up the tree: not a usable field, but say it is there
                field.kind = model::FieldKind::text;
                diagnostics_.push_back(
                    {model::Code::pdf_field_untyped, "", "form field '" + field.name + "' has no field type"});
                break;
        }
        if (field.label.empty()) {
            // no tooltip and no partial name of its own: the last part of the full name
            const auto dot = field.name.rfind('.');
            field.label = dot == std::string::npos ? field.name : field.name.substr(dot + 1);
        }
        // Kids of one field that Poppler models as fields of their own share the
        // fully qualified name: they are one field with several widgets.
        if (auto it = by_name_.find(field.name); it != by_name_.end() && !field.name.empty()) {
            model::Field& first = out_[it->second];
            if (first.kind == field.kind) {
                for (auto& o : field.options) {
                    bool same = false;
                    for (auto& existing : first.options)
                        if (existing.value == o.value && !o.value.empty()) {
                            existing.selected = existing.selected || o.selected;
                            same = true;
                        }
                    if (!same) first.options.push_back(std::move(o));
                }
                first.required = first.required || field.required;
                if (first.kind == model::FieldKind::checkbox) first.multiple = first.options.size() > 1;
                if (first.value.empty()) first.value = field.value;
                return;
            }
        }
        by_name_.emplace(field.name, out_.size());
        out_.push_back(std::move(field));
    }

    void add_button(FormFieldButton* f, model::Field& field) {
        switch (f->getButtonType()) {
            case formButtonPush: field.kind = model::FieldKind::button; return;
            case formButtonCheck: field.kind = model::FieldKind::checkbox; break;
            case formButtonRadio: field.kind = model::FieldKind::radio; break;
        }
        const std::vector<std::string> opts = opt_entries(f);
        field.multiple = field.kind == model::FieldKind::checkbox && f->getNumWidgets() > 1;
        // /V may sit on an ancestor Poppler did not make a field of (widgets listed in /Fields directly)
        const Object v = inherited(f, "V");
        const std::string v_name = v.isName() ? name_of(v.getName()) : std::string();
        std::set<std::string> seen;
        for (int i = 0; i < f->getNumWidgets(); ++i) {
            auto* w = static_cast<FormWidgetButton*>(f->getWidget(i));
            std::string on = name_of(w->getOnStr());
            if (on.empty()) on = on_state_from_appearances(w);
            // radio kids sharing an on-state are one option (they turn on together)
            if (!on.empty() && !seen.insert(on).second) {
                for (auto& o : field.options)
                    if (o.value == on) o.selected = o.selected || w->getState();
                continue;
            }
            model::Option o;
            o.value = on;
            o.label = static_cast<std::size_t>(i) < opts.size() && !opts[static_cast<std::size_t>(i)].empty()
                          ? opts[static_cast<std::size_t>(i)]
                          : on;
            if (opts.empty() && f->getNumWidgets() == 1) {
                // Poppler made a field of each kid: the /Opt list is on the parent
                const std::string from_parent = parent_opt_label(f);
                if (!from_parent.empty()) o.label = from_parent;
            }
            // the field's value (/V) decides, as the PDF specification says; a
            // button drawn in another state (/AS) is reported, not believed
            Object as;
            if (Object* wobj = w->getObj(); wobj != nullptr && wobj->isDict()) as = wobj->dictLookup("AS");
            const bool by_value = w->getState() || on == v_name;
            if (as.isName() && (name_of(as.getName()) == on) != by_value && !on.empty())
                appearance_conflicts_.push_back(field.name);
            o.selected = !on.empty() && by_value;
            const Ref r = w->getRef();
            if (auto it = places_.find({r.num, r.gen}); it != places_.end()) {
                o.where.page = it->second.page;
                for (int k = 0; k < 4; ++k) o.where.box[k] = it->second.box[k];
            }
            field.options.push_back(std::move(o));
        }
    }

    void add_choice(FormFieldChoice* f, model::Field& field) {
        field.kind = model::FieldKind::choice;
        field.multiple = f->isMultiSelect();
        for (int i = 0; i < f->getNumChoices(); ++i) {
            model::Option o;
            o.label = text_string(f->getChoice(i));
            const GooString* exp = f->getExportVal(i);
            o.value = exp ? text_string(exp) : o.label;
            field.options.push_back(std::move(o));
        }
        // the selection is what /V says (/I is only a hint for viewers)
        const std::vector<std::string> values = value_list(inherited(f, "V"));
        for (auto& o : field.options)
            o.selected = std::find(values.begin(), values.end(), o.value) != values.end() ||
                         (o.value != o.label && std::find(values.begin(), values.end(), o.label) != values.end());
        if (!field.multiple) {
            bool seen = false;  // a single choice shows one selection: the first match
            for (auto& o : field.options) {
                if (o.selected && seen) o.selected = false;
                seen = seen || o.selected;
            }
        }
        // an editable combo box may hold a value that is not among its options
        const auto* widget = f->getNumWidgets() > 0 ? static_cast<FormWidgetChoice*>(f->getWidget(0)) : nullptr;
        if (f->hasEdit() && widget != nullptr && widget->getEditChoice() != nullptr) {
            const std::string edit = text_string(widget->getEditChoice());
            bool known = false;
            for (const auto& o : field.options) known = known || (o.selected && o.value == edit);
            if (!known && !edit.empty()) field.value = edit;
        }
    }

    std::map<std::pair<int, int>, WidgetPlace> places_;
    std::size_t max_fields_;
    std::vector<model::Diagnostic>& diagnostics_;
    std::set<std::pair<int, int>> visited_;
    std::map<std::string, std::size_t> by_name_;
    std::vector<model::Field> out_;

public:
    std::vector<std::string> appearance_conflicts_;  // fields whose buttons show another state than /V
};

struct TreeSize {
    std::size_t expanded = 0;
    int depth = 0;
    bool cycle = false;
};

}  // namespace

bool guard_form_tree(PDFDoc& doc, std::size_t limit, std::vector<model::Diagnostic>& diagnostics) {
    Catalog* catalog = doc.getCatalog();
    if (catalog == nullptr) return false;
    Object* acro = catalog->getAcroForm();
    if (acro == nullptr || !acro->isDict()) return true;
    XRef* xref = doc.getXRef();
    TreeSize size;
    // iterative walk over (node, depth, path-so-far) with the references on the current path
    struct Item {
        Object ref;  // a Ref, or a direct dictionary
        int depth;
        std::vector<std::pair<int, int>> path;
    };
    std::vector<Item> stack;
    Object fields = acro->dictLookup("Fields");
    if (fields.isArray())
        for (int i = 0; i < fields.arrayGetLength() && i < 100000; ++i)
            stack.push_back({fields.arrayGetNF(i).copy(), 1, {}});
    while (!stack.empty() && size.expanded <= limit && size.depth <= kMaxFieldDepth) {
        Item item = std::move(stack.back());
        stack.pop_back();
        ++size.expanded;
        size.depth = std::max(size.depth, item.depth);
        Object node = item.ref.isRef() ? xref->fetch(item.ref.getRef()) : item.ref.copy();
        if (!node.isDict()) continue;
        if (item.ref.isRef()) {
            const auto key = std::make_pair(item.ref.getRef().num, item.ref.getRef().gen);
            if (std::find(item.path.begin(), item.path.end(), key) != item.path.end()) {
                size.cycle = true;
                continue;
            }
            item.path.push_back(key);
        }
        Object kids = node.dictLookup("Kids");
        if (!kids.isArray()) continue;
        for (int i = 0; i < kids.arrayGetLength() && size.expanded + stack.size() <= limit; ++i)
            stack.push_back({kids.arrayGetNF(i).copy(), item.depth + 1, item.path});
    }
    if (size.expanded <= limit && size.depth <= kMaxFieldDepth) return true;
    // Poppler would build this tree node by node, recursively; refuse it and
    // read the document as having no form rather than hang or overflow.
    *acro = Object(objNull);
    diagnostics.push_back(
        {model::Code::pdf_form_tree_too_large, "",
         size.depth > kMaxFieldDepth
             ? "form field tree nested deeper than " + std::to_string(kMaxFieldDepth) + " levels; form fields not read"
             : "form field tree expands to more than " + std::to_string(limit) +
                   " fields (nodes shared between parents); form fields not read"});
    return false;
}

std::vector<model::Field> read_acroform(PDFDoc& doc, std::size_t max_fields,
                                        std::vector<model::Diagnostic>& diagnostics) {
    Catalog* catalog = doc.getCatalog();
    if (catalog == nullptr) return {};
    Form* form = catalog->getForm();
    if (form == nullptr) return {};
    Walker walker(doc, max_fields, diagnostics);
    for (int i = 0; i < form->getNumFields(); ++i) walker.walk(form->getRootField(i), -1, 0);
    // widgets on pages that /AcroForm /Fields does not reach (damaged or
    // careless writers): Poppler makes stand-alone fields of them
    for (int p = 1; p <= doc.getNumPages(); ++p) {
        Page* page = doc.getPage(p);
        if (page == nullptr) continue;
        std::unique_ptr<FormPageWidgets> widgets = page->getFormWidgets();
        for (int i = 0; widgets && i < widgets->getNumWidgets(); ++i) {
            FormWidget* w = widgets->getWidget(i);
            if (w != nullptr && w->getField() != nullptr && w->getField()->isStandAlone())
                walker.walk(w->getField(), -1, 0);
        }
    }
    auto fields = walker.take();
    std::set<std::string> reported;
    for (const auto& name : walker.appearance_conflicts_)
        if (reported.insert(name).second)
            diagnostics.push_back(
                {model::Code::pdf_field_appearance, "",
                 "field '" + name + "' draws its buttons in another state than its value (/V); the value is read"});
    if (fields.size() >= max_fields)
        diagnostics.push_back(
            {model::Code::too_many_fields, "",
             "more than " + std::to_string(max_fields) + " form fields; the rest are ignored (--max-fields)"});
    return fields;
}

}  // namespace formsift::extract::pdf

namespace formsift::extract::pdf {
namespace {

// The column a table cell's tooltip names: "Row 3 – Event" → "Event".
std::string column_part(const std::string& label) {
    for (const char* sep : {" \xE2\x80\x93 ", " - ", ": ", " / "}) {
        const auto pos = label.rfind(sep);
        if (pos != std::string::npos) return label.substr(pos + std::strlen(sep));
    }
    return label;
}

model::Question question_of(const model::Field& f) {
    model::Question q;
    q.title = f.label;
    q.mandatory = f.required;
    q.source_id = f.name;
    q.where = f.where;
    q.answer.where = f.where;
    switch (f.kind) {
        case model::FieldKind::text:
            q.answer.kind = model::AnswerKind::text;
            q.answer.text = f.value;
            break;
        case model::FieldKind::radio:
        case model::FieldKind::checkbox:
        case model::FieldKind::choice:
            q.answer.kind = model::AnswerKind::choice;
            q.answer.choice.multiple = f.kind == model::FieldKind::checkbox || f.multiple;
            q.answer.choice.options = f.options;
            break;
        default: q.answer.kind = model::AnswerKind::none; break;
    }
    return q;
}

class QuestionBuilder {
public:
    explicit QuestionBuilder(const std::vector<model::Field>& fields) {
        for (const auto& f : fields) by_name_.emplace(f.name, &f);
    }

    void walk(FormField* node, int depth, std::set<std::pair<int, int>>& seen, std::vector<model::Question>& out) {
        if (node == nullptr || depth > kMaxFieldDepth) return;
        const Ref r = node->getRef();
        if (r != Ref::INVALID() && !seen.insert({r.num, r.gen}).second) return;
        // a node that is a field (its kids being only its widgets, maybe made
        // fields by Poppler) is one question
        if (const model::Field* f = field_of(node); f != nullptr || node->getNumChildren() == 0) {
            // fields without a widget on any page (hidden inputs copied into the form) ask nothing
            if (f != nullptr && f->where.page > 0 && emitted_.insert(f->name).second &&
                f->kind != model::FieldKind::button && f->kind != model::FieldKind::signature)
                out.push_back(question_of(*f));
            return;
        }
        std::vector<FormField*> kids;
        for (int i = 0; i < node->getNumChildren(); ++i)
            if (node->getChildren(i) != nullptr) kids.push_back(node->getChildren(i));
        const std::string title = text_string(node->getAlternateUiName());
        if (!title.empty() && kids.size() >= 2) {
            if (auto m = as_matrix(node, kids, title)) {
                out.push_back(std::move(*m));
                return;
            }
            if (auto t = as_table(node, kids, title)) {
                out.push_back(std::move(*t));
                return;
            }
        }
        for (FormField* k : kids) walk(k, depth + 1, seen, out);
    }

private:
    const model::Field* field_of(FormField* node) {
        auto it = by_name_.find(full_name(node));
        return it == by_name_.end() ? nullptr : it->second;
    }

    // Radio groups under one titled parent, all with the same options: rows of a matrix.
    std::optional<model::Question> as_matrix(FormField* node, const std::vector<FormField*>& kids,
                                             const std::string& title) {
        std::vector<const model::Field*> rows;
        for (FormField* k : kids) {
            const model::Field* f = field_of(k);
            if (f == nullptr || f->kind != model::FieldKind::radio) return std::nullopt;
            if (!rows.empty() && labels(*f) != labels(*rows.front())) return std::nullopt;
            rows.push_back(f);
        }
        model::Question q;
        q.title = title;
        q.source_id = full_name(node);
        q.where = rows.front()->where;
        q.answer.kind = model::AnswerKind::matrix;
        q.answer.where = q.where;
        q.answer.matrix.columns = labels(*rows.front());
        for (const model::Field* f : rows) {
            model::MatrixRow row;
            row.label = f->label;
            row.mandatory = f->required;
            row.where = f->where;
            for (const auto& o : f->options) row.selected.push_back(o.selected);
            q.answer.matrix.rows.push_back(std::move(row));
            emitted_.insert(f->name);
        }
        return q;
    }

    // Row groups of text cells under one titled parent: a table.
    std::optional<model::Question> as_table(FormField* node, const std::vector<FormField*>& kids,
                                            const std::string& title) {
        model::Question q;
        q.title = title;
        q.source_id = full_name(node);
        q.answer.kind = model::AnswerKind::table;
        for (std::size_t r = 0; r < kids.size(); ++r) {
            FormField* row = kids[r];
            if (row->getNumChildren() == 0) return std::nullopt;
            model::TableRow tr;
            tr.header = std::to_string(r + 1);
            for (int c = 0; c < row->getNumChildren(); ++c) {
                FormField* cell = row->getChildren(c);
                const model::Field* f = cell != nullptr ? field_of(cell) : nullptr;
                if (f == nullptr || f->kind != model::FieldKind::text) return std::nullopt;
                if (r == 0) q.answer.table.columns.push_back(column_part(f->label));
                tr.cells.push_back(f->value);
                if (tr.where.empty()) tr.where = f->where;
            }
            if (tr.cells.size() != q.answer.table.columns.size()) return std::nullopt;
            q.answer.table.rows.push_back(std::move(tr));
        }
        q.where = q.answer.table.rows.front().where;
        q.answer.where = q.where;
        for (FormField* row : kids)
            for (int c = 0; c < row->getNumChildren(); ++c)
                if (const model::Field* f = field_of(row->getChildren(c))) emitted_.insert(f->name);
        return q;
    }

    static std::vector<std::string> labels(const model::Field& f) {
        std::vector<std::string> out;
        for (const auto& o : f.options) out.push_back(o.label);
        return out;
    }

    std::map<std::string, const model::Field*> by_name_;
    std::set<std::string> emitted_;
};

}  // namespace

std::vector<model::Question> acroform_questions(PDFDoc& doc, const std::vector<model::Field>& fields) {
    std::vector<model::Question> out;
    if (fields.empty()) return out;
    Catalog* catalog = doc.getCatalog();
    Form* form = catalog != nullptr ? catalog->getForm() : nullptr;
    if (form == nullptr) return out;
    QuestionBuilder builder(fields);
    std::set<std::pair<int, int>> seen;
    for (int i = 0; i < form->getNumFields(); ++i) builder.walk(form->getRootField(i), 0, seen, out);
    return out;
}

}  // namespace formsift::extract::pdf
