// WhereAmI: the status line that says which Alma (region or URL, production or sandbox), library
// and desk the window works for, and who works it (the operator slot, filled by the caller).
#pragma once

#include <QString>
#include <QUrl>

namespace migdesk {

struct WhereAmI {
    QUrl baseUrl;
    bool demo = false;   // the embedded demo Alma on this computer
    QString environment; // "production" | "sandbox" (Settings): the API key's environment
    QString library;
    QString circDesk;
    QString operatorName; // empty: "operator not set"
};

// "Alma EU (production) · Library MAIN · Desk DEFAULT_CIRC_DESK · Operator: not set"
QString whereAmIText(const WhereAmI &where);

} // namespace migdesk
