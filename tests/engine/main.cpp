#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <spdlog/spdlog.h>

int main(int argc, char* argv[])
{
    // The engine logs its progress at info; tests only want to hear about problems.
    spdlog::set_level(spdlog::level::warn);
    return Catch::Session().run(argc, argv);
}
