cmake_minimum_required(VERSION 3.18)
# Configures, builds and runs a downstream CMake project that uses
# find_package(smtpdiag CONFIG) against the installed prefix.
set(dir "${WORK}/find_package")
file(REMOVE_RECURSE "${dir}")
execute_process(COMMAND "${CMAKE_COMMAND}" -S "${SOURCE}/project" -B "${dir}"
                        -G "${GENERATOR}" "-DCMAKE_PREFIX_PATH=${PREFIX}"
                        "-DCMAKE_C_COMPILER=${CC}"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "configuring the consumer failed:\n${out}\n${err}")
endif()
execute_process(COMMAND "${CMAKE_COMMAND}" --build "${dir}"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "building the consumer failed:\n${out}\n${err}")
endif()
set(ENV{LD_LIBRARY_PATH} "${PREFIX}/${LIBDIR}")
set(ran 0)
foreach(exe consumer consumer_static)
  if(EXISTS "${dir}/${exe}")
    execute_process(COMMAND "${dir}/${exe}" RESULT_VARIABLE rc OUTPUT_VARIABLE out)
    message(STATUS "${exe}: ${out}")
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "${exe} failed (${rc})")
    endif()
    math(EXPR ran "${ran} + 1")
  endif()
endforeach()
if(ran EQUAL 0)
  message(FATAL_ERROR "no consumer was built")
endif()
