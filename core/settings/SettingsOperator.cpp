// Settings: the operator (see Settings.h).
#include "settings/Settings.h"

namespace migdesk {

namespace {
const QString kOperator = QStringLiteral("desk/operator");
}

QString Settings::loginName()
{
    QString name = qEnvironmentVariable("USER");
    if (name.isEmpty())
        name = qEnvironmentVariable("USERNAME"); // Windows
    if (name.isEmpty())
        name = qEnvironmentVariable("LOGNAME");
    return name.trimmed();
}

QString Settings::operatorName() const
{
    const QString stored = read(kOperator, QString()).toString().trimmed();
    return stored.isEmpty() ? loginName() : stored;
}

void Settings::setOperatorName(const QString &name)
{
    write(kOperator, name.trimmed());
}

} // namespace migdesk
