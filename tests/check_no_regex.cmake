# Fails when the product's code uses a backtracking regular expression
# engine: on document text, std::regex recursed once per character and
# overflowed the stack on a 50 KB answer. Document text is read by
# hand-written scanners (tests/unit/scanners_test.cpp holds them to the
# expressions they replaced).
file(GLOB_RECURSE sources ${ROOT}/extract/*.cpp ${ROOT}/extract/*.hpp ${ROOT}/normalize/*.cpp ${ROOT}/normalize/*.hpp
     ${ROOT}/cli/*.cpp ${ROOT}/cli/*.hpp)
set(found "")
foreach(f IN LISTS sources)
  file(STRINGS ${f} lines REGEX "(#[ \t]*include[ \t]*<regex>|std::(regex|sregex|smatch|cmatch|wregex)|boost/regex|<pcre)")
  if(lines)
    list(APPEND found "${f}: ${lines}")
  endif()
endforeach()
if(found)
  list(JOIN found "\n" text)
  message(FATAL_ERROR "backtracking regular expressions in the product's code:\n${text}")
endif()
list(LENGTH sources n)
message(STATUS "${n} source files, no backtracking regular expression")
