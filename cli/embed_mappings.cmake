# Writes a C++ file holding the bundled templates, so the program needs no
# data files at run time. Called with -DOUT=... -DSOURCES=a.yaml|b.yaml
set(body "// Generated from mappings/*.yaml; do not edit.\n#include <cstddef>\nnamespace formsift::app::bundled {\nstruct File { const char* name; const char* text; };\nextern const File kFiles[];\nextern const std::size_t kCount;\nconst File kFiles[] = {\n")
set(count 0)
string(REPLACE "|" ";" SOURCES "${SOURCES}")
foreach(src IN LISTS SOURCES)
  file(READ "${src}" text)
  get_filename_component(name "${src}" NAME)
  string(APPEND body "  {\"${name}\", R\"FSMAP(${text})FSMAP\"},\n")
  math(EXPR count "${count} + 1")
endforeach()
string(APPEND body "};\nconst std::size_t kCount = ${count};\n}  // namespace formsift::app::bundled\n")
file(WRITE "${OUT}.tmp" "${body}")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
