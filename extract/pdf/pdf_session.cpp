#include "pdf_session.hpp"

#include <poppler/Error.h>
#include <poppler/ErrorCodes.h>
#include <poppler/GlobalParams.h>
#include <poppler/PDFDoc.h>
#include <poppler/Stream.h>
#include <poppler/UTF.h>
#include <poppler/goo/GooString.h>

#include <cstdlib>
#include <cstring>
#include <mutex>

#include "../core/utf8.hpp"
#include "formsift/extract/error.hpp"

namespace formsift::extract::pdf {
namespace {

constexpr std::size_t kKeepMessages = 200;

struct Buffer {
    std::vector<ErrorCollector::Message> messages;
    std::size_t dropped = 0;
    bool reconstructed = false;
    int depth = 0;
};

thread_local Buffer t_buffer;

// Poppler calls this from deep inside its parsers: it only records, never throws.
void on_error(ErrorCategory category, Goffset pos, const char* msg) noexcept {
    Buffer& b = t_buffer;
    if (b.messages.size() >= kKeepMessages) {
        ++b.dropped;
        return;
    }
    try {
        b.messages.push_back({static_cast<int>(category), static_cast<long long>(pos), msg ? msg : ""});
    } catch (...) {
        ++b.dropped;
    }
}

void init_poppler() {
    static std::once_flag once;
    std::call_once(once, [] {
        globalParams = std::make_unique<GlobalParams>();
        globalParams->setErrQuiet(true);
        setErrorCallback(&on_error);
    });
}

}  // namespace

ErrorCollector::ErrorCollector() {
    init_poppler();
    if (t_buffer.depth++ == 0) t_buffer = Buffer{{}, 0, false, 1};
}

ErrorCollector::~ErrorCollector() {
    --t_buffer.depth;
}

const std::vector<ErrorCollector::Message>& ErrorCollector::messages() const {
    return t_buffer.messages;
}
std::size_t ErrorCollector::dropped() const {
    return t_buffer.dropped;
}
bool ErrorCollector::xref_reconstructed() const {
    return t_buffer.reconstructed;
}
void ErrorCollector::note_xref_reconstructed() {
    t_buffer.reconstructed = true;
}

std::string text_string(const std::string& s) {
    if (s.size() >= 3 && s[0] == '\xEF' && s[1] == '\xBB' && s[2] == '\xBF') return s.substr(3);  // PDF 2.0 UTF-8
    Unicode* ucs4 = nullptr;
    const int n = TextStringToUCS4(s, &ucs4);
    std::string out;
    for (int i = 0; i < n; ++i)
        if (ucs4[i] != 0) append_utf8(out, ucs4[i]);
    gfree(ucs4);
    return out;
}

std::string text_string(const GooString* s) {
    return s ? text_string(s->toStr()) : std::string();
}

Opened open_pdf(std::string_view bytes, const std::string& name, const std::optional<std::string>& password,
                ErrorCollector& errors) {
    init_poppler();
    // The document reads from our copy of the bytes, which Opened keeps alive
    // longer than the document; PDFDoc takes ownership of the stream (its API
    // takes a raw pointer).
    Opened out;
    out.buffer = std::make_unique<char[]>(bytes.size() + 1);
    std::memcpy(out.buffer.get(), bytes.data(), bytes.size());
    auto stream = std::make_unique<MemStream>(out.buffer.get(), 0, static_cast<Goffset>(bytes.size()), Object(objNull));
    std::optional<GooString> pw;
    if (password) pw = GooString(*password);
    out.doc =
        std::make_unique<PDFDoc>(stream.release(), pw, pw, nullptr, [&errors] { errors.note_xref_reconstructed(); });

    if (!out.doc->isOk()) {
        const int code = out.doc->getErrorCode();
        if (code == errEncrypted) {
            if (password)
                throw Error(model::Code::pdf_bad_password, name, "",
                            "encrypted PDF and the password given does not open it");
            throw Error(model::Code::pdf_encrypted, name, "", "encrypted PDF, give --password");
        }
        if (code == errDamaged || code == errBadCatalog || code == errOpenFile)
            throw Error(model::Code::pdf_damaged, name, "",
                        "damaged PDF that could not be repaired (no usable catalog)");
        throw Error(model::Code::pdf_unreadable, name, "",
                    "PDF could not be read (Poppler error " + std::to_string(code) + ")");
    }
    if (errors.xref_reconstructed())
        out.diagnostics.push_back({model::Code::pdf_xref_reconstructed, "",
                                   "damaged cross-reference table; the document was reconstructed by scanning"});
    if (out.doc->getNumPages() <= 0) throw Error(model::Code::pdf_no_pages, name, "", "PDF has no pages");
    return out;
}

}  // namespace formsift::extract::pdf
