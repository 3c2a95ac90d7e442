// Alma's code/description pair, e.g. {"value": "TECHNICAL", "desc": "Technical - Migration"}.
#pragma once

#include <QString>

namespace migdesk {

struct CodeValue {
    QString value;
    QString desc;

    bool isEmpty() const { return value.isEmpty(); }
    bool operator==(const CodeValue &other) const = default;
    // The description when Alma gave one, else the code.
    QString label() const { return desc.isEmpty() ? value : desc; }
};

} // namespace migdesk
