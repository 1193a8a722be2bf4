cmake_minimum_required(VERSION 3.18)
# Compares the shared library's exported symbols with tests/abi/symbols.txt,
# and the functions the header declares with the version script.
#   -DNM= -DLIB= -DSYMBOLS= [-DHEADER= -DMAP=] [-DUPDATE=ON]
execute_process(COMMAND "${NM}" -D --defined-only --with-symbol-versions "${LIB}"
                OUTPUT_VARIABLE out RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "nm failed on ${LIB}")
endif()
string(REPLACE "\n" ";" lines "${out}")
set(actual)
foreach(line IN LISTS lines)
  if(line MATCHES "^[0-9a-fA-F]+ ([A-Za-z]) (.+)$")
    list(APPEND actual "${CMAKE_MATCH_1} ${CMAKE_MATCH_2}")
  endif()
endforeach()
list(SORT actual)
string(REPLACE ";" "\n" actual_text "${actual}")
set(actual_text "${actual_text}\n")

if(UPDATE)
  file(WRITE "${SYMBOLS}" "${actual_text}")
  message(STATUS "wrote ${SYMBOLS}")
  return()
endif()

foreach(sym IN LISTS actual)
  if(NOT sym MATCHES "^A SMTPDIAG_[0-9.]+$" AND
     NOT sym MATCHES "^T smtpdiag_[a-z0-9_]+@@SMTPDIAG_[0-9.]+$")
    message(FATAL_ERROR "exported symbol outside the smtpdiag_ namespace or "
                        "without a version node: ${sym}")
  endif()
endforeach()

file(READ "${SYMBOLS}" expected_text)
if(NOT expected_text STREQUAL actual_text)
  message(FATAL_ERROR "exported symbols differ from tests/abi/symbols.txt.\n"
          "expected:\n${expected_text}\nactual:\n${actual_text}\n"
          "If the change is deliberate, follow docs/ABI.md (target abi-update).")
endif()

# Every SMTPDIAG_API function of the header is in the map, and back.
file(READ "${HEADER}" header)
string(REGEX MATCHALL "SMTPDIAG_API[^;(]*[ *\n](smtpdiag_[a-z0-9_]+)\\(" decls "${header}")
set(declared)
foreach(d IN LISTS decls)
  string(REGEX MATCH "(smtpdiag_[a-z0-9_]+)\\($" _m "${d}")
  list(APPEND declared "${CMAKE_MATCH_1}")
endforeach()
file(READ "${MAP}" map)
string(REGEX MATCHALL "smtpdiag_[a-z0-9_]+;" mapped "${map}")
string(REPLACE ";;" ";" mapped "${mapped}")
list(TRANSFORM mapped REPLACE ";$" "")
list(REMOVE_ITEM mapped "")
list(SORT declared)
list(SORT mapped)
if(NOT declared STREQUAL mapped)
  message(FATAL_ERROR "header and lib/smtpdiag.map disagree.\n"
          "header: ${declared}\nmap: ${mapped}")
endif()
list(LENGTH declared n)
message(STATUS "${n} functions: header, map and exports agree")
