# One INTERFACE target carries what every Caseboard target agrees on: the language
# standard, the warnings, and the Qt strictness defines. Targets link it privately.
add_library(caseboard_options INTERFACE)
add_library(Caseboard::options ALIAS caseboard_options)

target_compile_features(caseboard_options INTERFACE cxx_std_20)
set(CMAKE_CXX_EXTENSIONS OFF)

if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  target_compile_options(caseboard_options INTERFACE -Wall -Wextra -Wpedantic)
  # CI builds must be warning-free; local builds stay forgiving while you work.
  if(DEFINED ENV{CI})
    target_compile_options(caseboard_options INTERFACE -Werror)
  endif()
endif()

# GCC 12 reports std::optional<T> payloads as maybe-uninitialised after inlining
# (GCC bug 80635); the warning is noise for this code base, and -Werror would make it fatal.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  target_compile_options(caseboard_options INTERFACE -Wno-maybe-uninitialized)
endif()

# Qt strictness: no implicit const char* -> QString, fast string concatenation, and
# nothing deprecated up to the Qt we build against (6.4 lacks the newer macros).
target_compile_definitions(caseboard_options INTERFACE
  QT_NO_CAST_FROM_ASCII
  QT_NO_CAST_TO_ASCII
  QT_NO_URL_CAST_FROM_STRING
  QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
  QT_USE_QSTRINGBUILDER
  QT_DISABLE_DEPRECATED_BEFORE=0x060400
  QT_NO_KEYWORDS)
