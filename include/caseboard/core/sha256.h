#pragma once
// SHA-256 of a file, as lower-case hex: how an import batch remembers which bytes it read.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace caseboard {

// nullopt when the file cannot be read.
std::optional<std::string> sha256OfFile(const std::filesystem::path& path);
std::string sha256OfBytes(std::string_view bytes);

} // namespace caseboard
