// ShelfList and ScanQueue: ordering, tick-off, and the type-ahead queue's strict order.
#include "desk/ShelfList.h"
#include "desk/ScanQueue.h"

#include "model/Item.h"

#include <gtest/gtest.h>

using namespace migdesk;

namespace {

ShelfListEntry entry(const char *barcode, const char *library, const char *location,
                     const char *callNumber)
{
    ShelfListEntry e;
    e.barcode = QString::fromLatin1(barcode);
    e.library = {QString::fromLatin1(library), {}};
    e.location = {QString::fromLatin1(location), {}};
    e.callNumber = QString::fromLatin1(callNumber);
    return e;
}

QStringList barcodes(const ShelfList &list)
{
    QStringList out;
    for (const auto &e : list.entries())
        out.append(e.barcode);
    return out;
}

} // namespace

TEST(ShelfListTest, SortedByLibraryLocationAndCallNumberWithNumbersAsNumbers)
{
    ShelfList list;
    list.add(entry("5", "MAIN", "STACKS", "QK475 .W64 2016"));
    list.add(entry("1", "LAW", "STACKS", "KF 100"));
    list.add(entry("4", "MAIN", "STACKS", "QK48 .A1"));
    list.add(entry("3", "MAIN", "REF", "Z 999"));
    list.add(entry("6", "MAIN", "STACKS", "QK1000 .B2"));
    list.add(entry("2", "LAW", "STACKS", "KF 20"));
    EXPECT_EQ(barcodes(list),
              (QStringList{QStringLiteral("2"), QStringLiteral("1"), QStringLiteral("3"),
                           QStringLiteral("4"), QStringLiteral("5"), QStringLiteral("6")}));
}

TEST(ShelfListTest, AddingAgainRefreshesAndTickOffOnce)
{
    ShelfList list;
    Item item;
    item.barcode = QStringLiteral("31297400000007");
    item.title = QStringLiteral("The Hidden Life of Trees");
    item.callNumber = QStringLiteral("QK475");
    item.library = {QStringLiteral("MAIN"), QStringLiteral("Main Library")};
    item.location = {QStringLiteral("STACKS"), QStringLiteral("Stacks")};
    const QDateTime t0 = QDateTime::fromSecsSinceEpoch(1700000000);
    EXPECT_TRUE(list.add(item, {QStringLiteral("IN_TRANSIT")}, t0));
    EXPECT_TRUE(list.add(item, {QStringLiteral("IN_TRANSIT")}, t0.addSecs(60)));
    EXPECT_EQ(list.size(), 1);
    EXPECT_EQ(list.entry(item.barcode)->addedAt, t0);
    EXPECT_TRUE(list.isOpen(item.barcode));
    EXPECT_EQ(list.openCount(), 1);
    EXPECT_TRUE(list.markFound(item.barcode, t0.addSecs(120)));
    EXPECT_FALSE(list.markFound(item.barcode, t0.addSecs(180)));
    EXPECT_FALSE(list.isOpen(item.barcode));
    EXPECT_TRUE(list.contains(item.barcode));
    EXPECT_EQ(list.openCount(), 0);
    EXPECT_FALSE(list.markFound(QStringLiteral("unknown"), t0));
    Item noBarcode;
    EXPECT_FALSE(list.add(noBarcode, {}, t0));
}

TEST(ScanQueueTest, KeepsStrictOrderAndPutsBackAtTheHead)
{
    ScanQueue queue;
    for (qint64 id = 1; id <= 5; ++id)
        queue.push(id);
    EXPECT_EQ(queue.size(), 5);
    EXPECT_EQ(queue.takeFront(), 1);
    queue.pushFront(1); // the lookup failed: it goes back first
    EXPECT_TRUE(queue.remove(3));
    EXPECT_FALSE(queue.remove(3));
    std::vector<qint64> order;
    while (!queue.isEmpty())
        order.push_back(queue.takeFront());
    EXPECT_EQ(order, (std::vector<qint64>{1, 2, 4, 5}));
    EXPECT_EQ(queue.takeFront(), 0);
}

TEST(ScanQueueTest, RepeatGuardWindow)
{
    RepeatGuard guard(4000);
    guard.note(QStringLiteral("A"), 1000);
    EXPECT_TRUE(guard.isRepeat(QStringLiteral("A"), 1000));
    EXPECT_TRUE(guard.isRepeat(QStringLiteral("A"), 4999));
    EXPECT_FALSE(guard.isRepeat(QStringLiteral("A"), 5000));
    EXPECT_FALSE(guard.isRepeat(QStringLiteral("B"), 1001));
    guard.setWindow(0);
    EXPECT_FALSE(guard.isRepeat(QStringLiteral("A"), 1000));
}
