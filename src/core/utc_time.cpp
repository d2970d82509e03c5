#include "caseboard/core/utc_time.h"

#include <ctime>

namespace caseboard {

std::string utcNow(const char* format)
{
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc); // the reentrant form: imports run on worker threads
    char buffer[64];
    const std::size_t length = std::strftime(buffer, sizeof buffer, format, &utc);
    return std::string(buffer, length);
}

} // namespace caseboard
