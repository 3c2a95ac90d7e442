// ChoiceWords: one list, joined the way a sentence says it.
#include "ChoiceWords.h"

#include <QCoreApplication>
#include <QStringList>

namespace migdesk {

QString choiceNumbers(int count, const QString &prefix)
{
    QStringList numbers;
    for (int i = 1; i <= count; ++i)
        numbers << prefix + QString::number(i);
    if (numbers.size() <= 1)
        return numbers.value(0);
    const QString last = numbers.takeLast();
    return QCoreApplication::translate("migdesk::ChoiceWords", "%1 or %2")
        .arg(numbers.join(QStringLiteral(", ")), last);
}

} // namespace migdesk
