// ChoiceWords: the numbers of the choices on screen, and only those: "1 or 2", "Alt+1, Alt+2 or
// Alt+3". A decision with two choices never names a third.
#pragma once

#include <QString>

namespace migdesk {

// `count` numbers from 1, each with `prefix` ("Alt+"); empty when count < 1.
QString choiceNumbers(int count, const QString &prefix = {});

} // namespace migdesk
