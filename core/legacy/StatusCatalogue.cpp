// The status vocabulary (see StatusCatalogue.h). Phrases cover the guide's names plus the
// spellings and abbreviations seen in migrated notes.
#include "legacy/StatusCatalogue.h"

namespace migdesk::legacy {

unsigned ilsBit(SourceIls source)
{
    switch (source) {
    case SourceIls::Voyager:
        return Voyager;
    case SourceIls::Sierra:
        return Sierra;
    case SourceIls::Koha:
        return Koha;
    case SourceIls::Symphony:
        return Symphony;
    case SourceIls::Auto:
        break;
    }
    return AllIls;
}

const std::vector<StatusEntry> &statusCatalogue()
{
    static const std::vector<StatusEntry> catalogue = {
        {"MISSING", QT_TRANSLATE_NOOP("LegacyStatus", "Missing"), AllIls, {"missing"}},
        {"DAMAGED",
         QT_TRANSLATE_NOOP("LegacyStatus", "Damaged"),
         Voyager | Sierra | Koha,
         {"damaged"}},
        {"DAMAGED_BILLED",
         QT_TRANSLATE_NOOP("LegacyStatus", "Damaged Billed"),
         Symphony,
         {"damaged billed", "damage billed", "damaged and billed"}},
        {"LOST_LIBRARY",
         QT_TRANSLATE_NOOP("LegacyStatus", "Lost - Library Applied"),
         Voyager,
         {"lost library applied", "lost lib applied", "lost library"}},
        {"LOST_SYSTEM",
         QT_TRANSLATE_NOOP("LegacyStatus", "Lost - System Applied"),
         Voyager,
         {"lost system applied", "lost sys applied", "lost system"}},
        {"LOST", QT_TRANSLATE_NOOP("LegacyStatus", "Lost"), Koha, {"lost"}},
        {"LONG_OVERDUE",
         QT_TRANSLATE_NOOP("LegacyStatus", "Long Overdue (Lost)"),
         Koha,
         {"long overdue lost", "long overdue"}},
        {"ASSUMED_LOST",
         QT_TRANSLATE_NOOP("LegacyStatus", "Assumed Lost"),
         Symphony,
         {"assumed lost"}},
        {"LOST_CLAIM",
         QT_TRANSLATE_NOOP("LegacyStatus", "Lost Claim"),
         Symphony,
         {"lost claim", "lost claimed"}},
        {"LOST_AND_PAID",
         QT_TRANSLATE_NOOP("LegacyStatus", "Lost and Paid"),
         Sierra,
         {"lost and paid", "lost paid", "lost and paid for"}},
        {"BILLED", QT_TRANSLATE_NOOP("LegacyStatus", "Billed"), Sierra, {"billed"}},
        {"LONG_AGO_GONE",
         QT_TRANSLATE_NOOP("LegacyStatus", "Long Ago Gone"),
         Sierra,
         {"long ago gone"}},
        {"CLAIMS_RETURNED",
         QT_TRANSLATE_NOOP("LegacyStatus", "Claims Returned"),
         Voyager | Sierra | Symphony,
         {"claims returned", "claimed returned", "claim returned", "claims returned item"}},
        {"IN_TRANSIT",
         QT_TRANSLATE_NOOP("LegacyStatus", "In Transit"),
         Voyager | Sierra | Symphony,
         {"in transit", "in transit discharged", "transit discharged", "intransit"}},
        {"MISSING_IN_TRANSIT",
         QT_TRANSLATE_NOOP("LegacyStatus", "Missing in Transit"),
         Symphony,
         {"missing in transit", "missing intransit"}},
        {"WITHDRAWN", QT_TRANSLATE_NOOP("LegacyStatus", "Withdrawn"), Sierra | Koha, {"withdrawn"}},
        {"DISCARD",
         QT_TRANSLATE_NOOP("LegacyStatus", "Discard"),
         Sierra | Symphony,
         {"discard", "discarded"}},
        {"CATALOG_REVIEW",
         QT_TRANSLATE_NOOP("LegacyStatus", "Catalog Review"),
         Voyager,
         {"catalog review", "cataloging review", "cataloguing review", "catalogue review",
          "cat review"}},
        {"CIRCULATION_REVIEW",
         QT_TRANSLATE_NOOP("LegacyStatus", "Circulation Review"),
         Voyager,
         {"circulation review", "circ review"}},
        {"IN_PROCESS",
         QT_TRANSLATE_NOOP("LegacyStatus", "In Process"),
         Voyager | Sierra | Symphony,
         {"in process", "in processing"}},
        {"IN_TECHNICAL_SERVICES",
         QT_TRANSLATE_NOOP("LegacyStatus", "In Technical Services"),
         Sierra,
         {"in technical services", "in tech services", "in technical service"}},
        {"IN_IT_DEPARTMENT",
         QT_TRANSLATE_NOOP("LegacyStatus", "In IT Department"),
         Sierra,
         {"in it department", "in it dept"}},
        {"AT_BINDERY",
         QT_TRANSLATE_NOOP("LegacyStatus", "At Bindery"),
         Voyager,
         {"at bindery", "at the bindery", "at binding"}},
        {"REPAIR",
         QT_TRANSLATE_NOOP("LegacyStatus", "Repair"),
         Sierra | Symphony,
         {"repair", "in repair", "at repair", "in repairs"}},
        {"CHECKED_OUT",
         QT_TRANSLATE_NOOP("LegacyStatus", "Checked Out"),
         Symphony,
         {"checked out", "checkedout"}},
        {"ON_HOLD",
         QT_TRANSLATE_NOOP("LegacyStatus", "On Hold"),
         Symphony,
         {"on hold", "on holds shelf", "on hold shelf"}},
    };
    return catalogue;
}

const StatusEntry *findStatus(const QString &id)
{
    for (const auto &entry : statusCatalogue()) {
        if (id == QLatin1String(entry.id))
            return &entry;
    }
    return nullptr;
}

} // namespace migdesk::legacy
