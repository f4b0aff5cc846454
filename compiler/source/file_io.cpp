#include "source/file_io.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <random>
#include <system_error>

#include <fmt/format.h>

namespace nomos::source {

namespace fs = std::filesystem;

ReadResult readFile(const fs::path& path, std::uintmax_t maxBytes) {
  std::error_code ec;
  auto st = fs::status(path, ec);
  if (ec) {
    if (ec == std::errc::too_many_symbolic_link_levels) return {std::nullopt, "symbolic link loop"};
    return {std::nullopt,
            ec == std::errc::no_such_file_or_directory ? "no such file" : ec.message()};
  }
  if (fs::is_directory(st)) return {std::nullopt, "it is a directory, not a file"};
  if (!fs::is_regular_file(st)) return {std::nullopt, "not a regular file"};
  auto size = fs::file_size(path, ec);
  if (!ec && size > maxBytes) {
    return {std::nullopt,
            fmt::format("the file is {} bytes; the limit is {} bytes", size, maxBytes)};
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return {std::nullopt, std::strerror(errno)};
  std::string data;
  data.resize(static_cast<std::size_t>(ec ? 0 : size));
  if (!data.empty()) in.read(data.data(), static_cast<std::streamsize>(data.size()));
  if (in.bad()) return {std::nullopt, "read error"};
  data.resize(static_cast<std::size_t>(in.gcount() > 0 ? in.gcount() : 0));
  return {std::move(data), {}};
}

std::string writeFileAtomic(const fs::path& path, const std::string& contents) {
  std::error_code ec;
  fs::path dir = path.parent_path();
  if (!dir.empty()) fs::create_directories(dir, ec);
  if (ec) return fmt::format("cannot create directory: {}", ec.message());
  std::random_device rd;
  fs::path tmp = path;
  tmp += fmt::format(".{:08x}.tmp", rd());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return std::strerror(errno);
    out.write(contents.data(), static_cast<std::streamsize>(contents.size()));
    out.flush();
    if (!out) {
      fs::remove(tmp, ec);
      return "write error";
    }
  }
  fs::rename(tmp, path, ec);
  if (ec) {
    std::error_code ignored;
    fs::remove(tmp, ignored);
    return ec.message();
  }
  return {};
}

}  // namespace nomos::source
