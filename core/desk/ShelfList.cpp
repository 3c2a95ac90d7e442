// ShelfList: see the header.
#include "desk/ShelfList.h"

#include "model/Item.h"

#include <QCollator>

#include <algorithm>

namespace migdesk {

namespace {

int compareText(const QString &a, const QString &b)
{
    static const QCollator collator = [] {
        QCollator c;
        c.setNumericMode(true);
        c.setCaseSensitivity(Qt::CaseInsensitive);
        return c;
    }();
    return collator.compare(a, b);
}

QString sortLabel(const CodeValue &value)
{
    return value.label();
}

} // namespace

bool ShelfList::lessThan(const ShelfListEntry &a, const ShelfListEntry &b)
{
    if (int c = compareText(sortLabel(a.library), sortLabel(b.library)))
        return c < 0;
    if (int c = compareText(sortLabel(a.location), sortLabel(b.location)))
        return c < 0;
    if (int c = compareText(a.callNumber, b.callNumber))
        return c < 0;
    return a.barcode < b.barcode;
}

bool ShelfList::add(const Item &item, const QStringList &statusIds, const QDateTime &at)
{
    ShelfListEntry entry;
    entry.barcode = item.barcode;
    entry.title = item.title;
    entry.callNumber = item.callNumber;
    entry.library = item.library;
    entry.location = item.location;
    entry.statusIds = statusIds;
    entry.addedAt = at;
    return add(std::move(entry));
}

bool ShelfList::add(ShelfListEntry entry)
{
    if (entry.barcode.isEmpty())
        return false;
    const auto existing = std::find_if(m_entries.begin(), m_entries.end(),
                                       [&](const auto &e) { return e.barcode == entry.barcode; });
    if (existing != m_entries.end()) {
        // Listed again (a later follow-up pass): refresh what Alma says, reopen it.
        entry.addedAt = existing->addedAt.isValid() ? existing->addedAt : entry.addedAt;
        m_entries.erase(existing);
    }
    const auto pos = std::upper_bound(m_entries.begin(), m_entries.end(), entry, lessThan);
    m_entries.insert(pos, std::move(entry));
    return true;
}

bool ShelfList::contains(const QString &barcode) const
{
    return entry(barcode) != nullptr;
}

bool ShelfList::isOpen(const QString &barcode) const
{
    const ShelfListEntry *e = entry(barcode);
    return e && !e->found;
}

bool ShelfList::markFound(const QString &barcode, const QDateTime &at)
{
    for (ShelfListEntry &e : m_entries) {
        if (e.barcode == barcode) {
            if (e.found)
                return false;
            e.found = true;
            e.foundAt = at;
            return true;
        }
    }
    return false;
}

const ShelfListEntry *ShelfList::entry(const QString &barcode) const
{
    for (const ShelfListEntry &e : m_entries) {
        if (e.barcode == barcode)
            return &e;
    }
    return nullptr;
}

int ShelfList::openCount() const
{
    return static_cast<int>(
        std::count_if(m_entries.begin(), m_entries.end(), [](const auto &e) { return !e.found; }));
}

} // namespace migdesk
