// libFuzzer: arbitrary bytes as an Alma item body (and as a loans body), then the note parser
// and planner over whatever was read. Must never crash, throw or leak an exception. As a classify
// line, the lean reader (simdjson) and the full reader (nlohmann) must give the same bytes.
#include "legacy/NoteParser.h"
#include "model/ApiError.h"
#include "model/Item.h"
#include "model/Loan.h"
#include "planning/Classify.h"
#include "planning/Planner.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace migdesk;
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    static const Planner planner;
    static const Classifier desk(NoteParser(), Planner(), WorkMode::Desk);
    static const Classifier followup(NoteParser(SourceIls::Symphony), Planner(),
                                     WorkMode::Followup);

    const auto item = parseItem(body);
    if (item.isOk()) {
        (void)serializeItem(item.value());
        PlanContext context;
        const auto loans = parseLoans(body);
        if (loans.isOk())
            context.activeLoans = loans.value();
        const NoteReading reading = NoteParser().parse(item.value());
        const Plan plan = planner.plan(item.value(), reading, context);
        (void)planToJson(plan).dump();
    }
    (void)parseAlmaError(body, 400);
    const std::string_view line(reinterpret_cast<const char *>(data), size);
    for (const Classifier *classifier : {&desk, &followup}) {
        const std::string lean = classifier->classifyLine(line, 1).toJsonLine();
        const std::string full = classifier->classifyLineFull(line, 1).toJsonLine();
        if (lean != full) {
            std::fprintf(stderr, "lean and full readers differ:\n  lean %s\n  full %s\n",
                         lean.c_str(), full.c_str());
            std::abort();
        }
    }
    return 0;
}
