# Writes a C++ file holding the region tables (NUTS 2021, aliases, 2016→2021
# changes), so the program needs no data files at run time.
# Called with -DOUT=... -DDATA=<folder>.
set(body "// Generated from normalize/regions/data/*.csv; do not edit.\nnamespace formsift::normalize::region_data {\n")
foreach(pair "kNuts2021;nuts-2021.csv" "kAliases;region-aliases.csv" "kChanges;nuts-2016-2021-changes.csv")
  list(GET pair 0 symbol)
  list(GET pair 1 name)
  file(READ "${DATA}/${name}" text)
  string(APPEND body "extern const char* const ${symbol};\nconst char* const ${symbol} = R\"FSCSV(${text})FSCSV\";\n")
endforeach()
string(APPEND body "}  // namespace formsift::normalize::region_data\n")
file(WRITE "${OUT}.tmp" "${body}")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
