#pragma once
// SHA-256 (FIPS 180-4) of a byte string, as 64 lower-case hex digits: the
// `source.sha256` of every record. Written here rather than taken from
// OpenSSL: loading libcrypto and initialising it cost about 5 ms per run,
// more than a tenth of reading a PDF, for one digest.
#include <string>
#include <string_view>

namespace formsift::app {

std::string sha256_hex(std::string_view bytes);

}  // namespace formsift::app
