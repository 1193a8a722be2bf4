cmake_minimum_required(VERSION 3.18)
# Generates the tables (and the .pot) twice from the real data and checks
# that the output is byte-identical each time, identical to the build's
# tables, and that the committed lib/po/smtpdiag.pot is up to date.
#   -DGEN=path -DDIR=scratch -DARGS=a|b|c -DBUILT=tables.inc -DPOT=committed.pot
string(REPLACE "|" ";" _args "${ARGS}")
file(MAKE_DIRECTORY "${DIR}")
foreach(_run 1 2)
  execute_process(COMMAND "${GEN}" --out "${DIR}/tables${_run}.inc"
                          --pot "${DIR}/smtpdiag${_run}.pot" ${_args}
                  RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "generator failed: ${err}")
  endif()
endforeach()
foreach(_pair "tables1.inc;tables2.inc" "smtpdiag1.pot;smtpdiag2.pot")
  list(GET _pair 0 _a)
  list(GET _pair 1 _b)
  file(SHA256 "${DIR}/${_a}" _ha)
  file(SHA256 "${DIR}/${_b}" _hb)
  if(NOT _ha STREQUAL _hb)
    message(FATAL_ERROR "two runs of the generator differ: ${_a} ${_b}")
  endif()
endforeach()
file(SHA256 "${DIR}/tables1.inc" _ha)
file(SHA256 "${BUILT}" _hb)
if(NOT _ha STREQUAL _hb)
  message(FATAL_ERROR "the build's tables differ from a fresh generation")
endif()
file(SHA256 "${DIR}/smtpdiag1.pot" _ha)
file(SHA256 "${POT}" _hb)
if(NOT _ha STREQUAL _hb)
  message(FATAL_ERROR "lib/po/smtpdiag.pot is out of date: build the "
                      "'update-pot' target and commit the result")
endif()
file(READ "${DIR}/tables1.inc" _text)
if(_text MATCHES "/work/|/home/|/tmp/|[0-9][0-9]:[0-9][0-9]:[0-9][0-9]")
  message(FATAL_ERROR "the tables contain a path or a time stamp")
endif()
