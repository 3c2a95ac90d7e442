// WhereAmI: a hosted region by its short name, any other Alma by its host.
#include "WhereAmI.h"

#include "alma/Region.h"

#include <QCoreApplication>

namespace migdesk {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("migdesk::WhereAmI", text);
}

QString almaName(const WhereAmI &where)
{
    if (where.demo)
        return tr("demo Alma on this computer (sandbox)");
    for (Region region :
         {Region::NA, Region::EU, Region::AP, Region::APS, Region::CA, Region::CN}) {
        if (regionBaseUrl(region).host() == where.baseUrl.host())
            return tr("Alma %1 (%2)")
                .arg(regionName(region).toUpper(), where.environment == QLatin1String("sandbox")
                                                       ? tr("sandbox")
                                                       : tr("production"));
    }
    const QString host = where.baseUrl.host().isEmpty() ? tr("no URL set") : where.baseUrl.host();
    return tr("Alma at %1 (%2)")
        .arg(host,
             where.environment == QLatin1String("sandbox") ? tr("sandbox") : tr("production"));
}
} // namespace

QString whereAmIText(const WhereAmI &where)
{
    return tr("%1 · Library %2 · Desk %3 · Operator: %4")
        .arg(almaName(where), where.library.isEmpty() ? tr("not set") : where.library,
             where.circDesk.isEmpty() ? tr("not set") : where.circDesk,
             where.operatorName.isEmpty() ? tr("not set") : where.operatorName);
}

} // namespace migdesk
