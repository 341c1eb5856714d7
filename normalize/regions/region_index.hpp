#pragma once
// The region tables as the build computes them (index_tool.cpp writes them
// from normalize/regions/data/*.csv): read-only arrays of offsets into one
// string, so a run neither parses nor allocates anything to look a region up
// (no relocations either: no pointers).
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace formsift::normalize::region_data {

struct Text {
    std::uint32_t off, len;
};
extern const char kStrings[];
inline std::string_view text(Text t) {
    return {kStrings + t.off, t.len};
}

struct UnitRow {  // a NUTS 2021 unit, in the table's order
    Text code_, country_, name_;
    std::uint32_t level_;
    std::string_view code() const { return text(code_); }
    std::string_view country() const { return text(country_); }
    std::string_view name() const { return text(name_); }
    int level() const { return static_cast<int>(level_); }
};
struct NameRow {  // a name key → unit (index into kUnits); sorted by key, then unit
    Text key;
    std::uint32_t unit;
};
struct CodeRow {  // a code → unit; sorted by code
    Text code;
    std::uint32_t unit;
};
struct SuggestRow {  // name keys a misspelt name is compared with, in the tables' order
    Text key, code;
};
struct AliasRow {  // an alias, in the file's order
    Text key_, name_, code_;
    std::uint32_t unverified_;
    std::string_view key() const { return text(key_); }
    std::string_view code() const { return text(code_); }
    bool unverified() const { return unverified_ != 0; }
};
struct ChangeRow {  // a 2016 code that changed → its 2021 code and the change; sorted by the 2016 code
    Text from, to, change;
};

extern const UnitRow kUnits[];
extern const std::size_t kUnitCount;
extern const NameRow kNames[];
extern const std::size_t kNameCount;
extern const CodeRow kCodes[];
extern const std::size_t kCodeCount;
extern const SuggestRow kSuggest[];
extern const std::size_t kSuggestCount;
extern const AliasRow kAliasRows[];
extern const std::size_t kAliasCount;
extern const ChangeRow kChanges[];
extern const std::size_t kChangeCount;

}  // namespace formsift::normalize::region_data
