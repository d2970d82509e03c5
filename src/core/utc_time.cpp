#include "caseboard/core/utc_time.h"

namespace caseboard {

std::string formatUtc(std::time_t when, const char* format)
{
    std::tm utc{};
    gmtime_r(&when, &utc);
    char buffer[64];
    const std::size_t length = std::strftime(buffer, sizeof buffer, format, &utc);
    return std::string(buffer, length);
}

std::string utcNow() { return formatUtc(std::time(nullptr)); }

} // namespace caseboard
