#pragma once
// Form controls of an HTML page: collected once, then turned into raw
// fields (with the state a browser would give them) and into questions of
// an ordinary form (with the state as authored, so conflicts stay visible).
#include <libxml/tree.h>

#include <string>
#include <vector>

#include "formsift/model/document.hpp"

namespace formsift::extract::html {

struct SelectOption {
    std::string label;
    std::string value;
    bool selected = false;  // as authored
    bool disabled = false;
    xmlNode* node = nullptr;
};

struct Control {
    xmlNode* node = nullptr;
    std::string type;  // lower-case: text, email, radio, checkbox, select, textarea, ...
    std::string name;
    const xmlNode* form = nullptr;  // form owner, or nullptr
    bool checked = false;           // as authored (`checked` in any spelling)
    std::string value;              // value attribute, or textarea text
    bool required = false;          // required or aria-required (a `*` label is label_starred)
    bool required_attr = false;     // the HTML required attribute itself
    bool hidden = false;            // not rendered
    bool multiple = false;          // select multiple
    int size = 0;                   // select size attribute
    std::string label;              // the control's own label (option label for radio/checkbox)
    bool label_starred = false;     // its label carries a `*` marker
    std::vector<SelectOption> options;
};

// Every input/select/textarea below `root` (buttons, hidden and file inputs
// excluded), in document order, at most `max_controls`.
std::vector<Control> collect_controls(xmlDoc* doc, int max_depth, std::size_t max_controls,
                                      std::vector<model::Diagnostic>& diagnostics);

// Raw fields with browser semantics: radio groups keyed by (form, name),
// one checked at most (the last); select-one always has one option selected.
std::vector<model::Field> make_fields(const std::vector<Control>& controls,
                                      std::vector<model::Diagnostic>& diagnostics);

// Questions of an ordinary (non survey-tool) form, one per visible field,
// titled by label, legend or neighbouring text.
void add_form_questions(const std::vector<Control>& controls, xmlDoc* doc, model::Document& out, int max_depth);

// Strip a leading/trailing `*` marker (and a trailing ':') from a label;
// true when there was a star.
bool strip_star(std::string& label);

}  // namespace formsift::extract::html
