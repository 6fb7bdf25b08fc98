# One INTERFACE target carries the compiler policy for every Tandem target
# (qBittorrent's qbt_common_cfg pattern): language level, Qt strictness, warnings.
add_library(tandem_policy INTERFACE)
target_compile_features(tandem_policy INTERFACE cxx_std_20)
target_compile_definitions(tandem_policy INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_NO_KEYWORDS
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    TANDEM_VERSION="${PROJECT_VERSION}")
target_compile_options(tandem_policy INTERFACE -Wall -Wextra -Wpedantic -Wno-missing-field-initializers)
if(TANDEM_WERROR)
    target_compile_options(tandem_policy INTERFACE -Werror)
endif()
if(TANDEM_SANITIZE)
    target_compile_options(tandem_policy INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(tandem_policy INTERFACE -fsanitize=address,undefined)
endif()

find_program(CCACHE_PROGRAM ccache)
if(CCACHE_PROGRAM)
    set(CMAKE_CXX_COMPILER_LAUNCHER ${CCACHE_PROGRAM})
endif()
