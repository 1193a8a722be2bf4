cmake_minimum_required(VERSION 3.18)
# Compares the built library with the committed ABI baseline.
# abidiff's exit status is a bit field: 1 error, 2 usage, 4 a change,
# 8 an incompatible change. An incompatible change needs a new SONAME
# (docs/ABI.md); a compatible one (added functions) needs the baseline,
# symbols.txt, the map's version node and CHANGELOG updated together.
execute_process(COMMAND "${ABIDIFF}" --headers-dir2 "${HEADERS}" --no-show-locs
                        "${BASELINE}" "${LIB}"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(rc EQUAL 0)
  message(STATUS "ABI identical to tests/abi/libsmtpdiag.abi")
  return()
endif()
math(EXPR error "${rc} & 3")
math(EXPR incompatible "${rc} & 8")
if(NOT error EQUAL 0)
  message(FATAL_ERROR "abidiff could not compare (${rc}):\n${err}\n${out}")
elseif(NOT incompatible EQUAL 0)
  message(FATAL_ERROR "INCOMPATIBLE ABI change: this breaks every program "
          "linked with libsmtpdiag.so.1.\n${out}")
else()
  message(FATAL_ERROR "the ABI changed (abidiff does not call it "
          "incompatible, but a changed signature still breaks callers: read "
          "the report). If it only adds functions and is deliberate: put them "
          "in a new version node, run the abi-update target and note it in "
          "CHANGELOG.md (docs/ABI.md).\n${out}")
endif()
