// ShelfList: the shelf-search list of follow-up mode. Items Alma shows in transit (legacy
// IN_TRANSIT / MISSING_IN_TRANSIT) are listed here for staff to look for on the shelves, sorted
// by library, location and call number; when one is later scanned at the desk it is ticked off.
#pragma once

#include "model/CodeValue.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <vector>

namespace migdesk {

struct Item;

struct ShelfListEntry {
    QString barcode;
    QString title;
    QString callNumber;
    CodeValue library;
    CodeValue location;
    QStringList statusIds; // the legacy statuses that put it on the list
    QDateTime addedAt;
    bool found = false;
    QDateTime foundAt;
};

class ShelfList {
public:
    // Adds the item (or refreshes its entry when already listed). Keeps the list sorted.
    // Returns false when the item has no barcode.
    bool add(const Item &item, const QStringList &statusIds, const QDateTime &at);
    bool add(ShelfListEntry entry);
    bool contains(const QString &barcode) const;
    // True when listed and not yet ticked off.
    bool isOpen(const QString &barcode) const;
    // Ticks the entry off. False when not listed or already found.
    bool markFound(const QString &barcode, const QDateTime &at);
    const ShelfListEntry *entry(const QString &barcode) const;

    // Sorted by library, location, call number (numbers inside compared as numbers), barcode.
    const std::vector<ShelfListEntry> &entries() const { return m_entries; }
    int size() const { return static_cast<int>(m_entries.size()); }
    int openCount() const;
    bool isEmpty() const { return m_entries.empty(); }
    void clear() { m_entries.clear(); }

    // The ordering used by the list, exposed for tests and printing.
    static bool lessThan(const ShelfListEntry &a, const ShelfListEntry &b);

private:
    std::vector<ShelfListEntry> m_entries;
};

} // namespace migdesk
