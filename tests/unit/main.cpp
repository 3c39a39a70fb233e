// Catch2 v2 entry point; every other file in tests/unit holds test cases only.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
