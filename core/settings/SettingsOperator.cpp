// Settings: the operator (see Settings.h).
#include "settings/Settings.h"

#include "planning/Stamp.h"

namespace migdesk {

namespace {
const QString kOperator = QStringLiteral("desk/operator");
const QString kStampNote = QStringLiteral("rules/stampNote");
const QString kStampTemplate = QStringLiteral("rules/stampTemplate");
} // namespace

QString Settings::stampNote() const
{
    const QString field = read(kStampNote, QString()).toString().trimmed();
    return stampNoteFields().contains(field) ? field : QString();
}

void Settings::setStampNote(const QString &field)
{
    write(kStampNote, stampNoteFields().contains(field) ? field : QString());
}

QString Settings::stampTemplate() const
{
    const QString templ = read(kStampTemplate, QString()).toString().trimmed();
    return templ.isEmpty() ? defaultStampTemplate() : templ;
}

void Settings::setStampTemplate(const QString &templ)
{
    write(kStampTemplate, templ.trimmed());
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
