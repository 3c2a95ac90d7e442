// libFuzzer: arbitrary bytes as a rules file. Must give rules or a located error, never crash.
#include "planning/Rules.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace migdesk;
    const QByteArray text(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto rules = Rules::fromJson(text, QStringLiteral("fuzz.json"));
    if (!rules.isOk() && !rules.error().message.startsWith(QStringLiteral("fuzz.json:")))
        std::abort();
    return 0;
}
