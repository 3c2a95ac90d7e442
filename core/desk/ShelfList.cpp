// ShelfList: see the header.
#include "desk/ShelfList.h"

#include "model/Item.h"

#include <algorithm>

namespace migdesk {

namespace {

// Natural order, case-insensitive: runs of digits compare as numbers ("QK48" < "QK475" <
// "QK1000"), everything else by character. Not locale-dependent, so lists print the same
// everywhere.
int compareText(const QString &a, const QString &b)
{
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < a.size() && j < b.size()) {
        const QChar ca = a.at(i);
        const QChar cb = b.at(j);
        if (ca.isDigit() && cb.isDigit()) {
            qsizetype ei = i;
            qsizetype ej = j;
            while (ei < a.size() && a.at(ei).isDigit())
                ++ei;
            while (ej < b.size() && b.at(ej).isDigit())
                ++ej;
            // Compare without leading zeros: longer is bigger, then digit by digit.
            QStringView da = QStringView(a).mid(i, ei - i);
            QStringView db = QStringView(b).mid(j, ej - j);
            while (da.size() > 1 && da.front() == QLatin1Char('0'))
                da = da.mid(1);
            while (db.size() > 1 && db.front() == QLatin1Char('0'))
                db = db.mid(1);
            if (da.size() != db.size())
                return da.size() < db.size() ? -1 : 1;
            if (const int c = da.compare(db))
                return c < 0 ? -1 : 1;
            i = ei;
            j = ej;
            continue;
        }
        const QChar la = ca.toCaseFolded();
        const QChar lb = cb.toCaseFolded();
        if (la != lb)
            return la < lb ? -1 : 1;
        ++i;
        ++j;
    }
    if (i < a.size())
        return 1;
    if (j < b.size())
        return -1;
    return 0;
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
