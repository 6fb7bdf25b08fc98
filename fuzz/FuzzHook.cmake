# Used by tools/fuzz.sh (as CMAKE_PROJECT_INCLUDE) only while the top-level CMakeLists.txt has
# no `add_subdirectory(fuzz)`: adds the fuzz targets at the end of the top-level directory.
set(TANDEM_FUZZ_DIR ${CMAKE_CURRENT_LIST_DIR})
function(tandem_fuzz_hook)
    if(NOT TARGET fuzz_json_codec)
        include(${TANDEM_FUZZ_DIR}/CMakeLists.txt)
    endif()
endfunction()
cmake_language(DEFER DIRECTORY ${CMAKE_SOURCE_DIR} CALL tandem_fuzz_hook)
