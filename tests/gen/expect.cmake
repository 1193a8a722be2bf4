cmake_minimum_required(VERSION 3.18)
# Runs the generator and checks its verdict.
#   -DGEN=path -DOUT=file -DARGS=a|b|c [-DEXPECT=regex]
# Without EXPECT the run must succeed; with it, it must fail and its error
# output must match EXPECT (the "file:line: message" the data author sees).
string(REPLACE "|" ";" _args "${ARGS}")
execute_process(COMMAND "${GEN}" --out "${OUT}" ${_args}
                RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_VARIABLE out)
if(DEFINED EXPECT AND NOT EXPECT STREQUAL "")
  if(rc EQUAL 0)
    message(FATAL_ERROR "the generator accepted bad data; expected: ${EXPECT}")
  endif()
  if(NOT err MATCHES "${EXPECT}")
    message(FATAL_ERROR "wrong diagnostic.\nexpected: ${EXPECT}\ngot: ${err}")
  endif()
  if(EXISTS "${OUT}")
    message(FATAL_ERROR "the generator wrote ${OUT} despite the error")
  endif()
  message(STATUS "rejected as expected: ${err}")
elseif(NOT rc EQUAL 0)
  message(FATAL_ERROR "the generator failed (${rc}):\n${err}")
endif()
