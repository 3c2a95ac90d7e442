// Keyboard checks shared by the UI tests: the mnemonics (Alt+letter) each visible widget of a
// window claims, and a walk of the Tab order.
#pragma once

#include <QAbstractButton>
#include <QApplication>
#include <QGroupBox>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QTabBar>
#include <QTest>

#include <map>

namespace migdesk::test {

// The mnemonic of a text ("&Export…" -> 'e'), or a null QChar.
inline QChar mnemonicOf(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        if (text.at(i + 1) == QLatin1Char('&')) {
            ++i;
            continue;
        }
        return text.at(i + 1).toLower();
    }
    return {};
}

// "Alt+d: 'Done in Alma' and 'Save as PDF'" for each mnemonic two visible widgets of `window`
// claim at once (buttons, labels with a buddy, group boxes, tabs, the menu bar's menus).
inline QStringList mnemonicClashes(QWidget *window)
{
    std::map<QChar, QStringList> owners;
    auto add = [&owners](const QString &text) {
        const QChar key = mnemonicOf(text);
        if (!key.isNull())
            owners[key] << text;
    };
    for (QWidget *widget : window->findChildren<QWidget *>()) {
        if (widget->window() != window || !widget->isVisibleTo(window))
            continue;
        if (auto *button = qobject_cast<QAbstractButton *>(widget)) {
            add(button->text());
        } else if (auto *label = qobject_cast<QLabel *>(widget); label && label->buddy()) {
            add(label->text());
        } else if (auto *group = qobject_cast<QGroupBox *>(widget)) {
            add(group->title());
        } else if (auto *tabs = qobject_cast<QTabBar *>(widget)) {
            for (int i = 0; i < tabs->count(); ++i)
                add(tabs->tabText(i));
        } else if (auto *bar = qobject_cast<QMenuBar *>(widget)) {
            for (QAction *action : bar->actions())
                if (action->isVisible())
                    add(action->text());
        }
    }
    QStringList clashes;
    for (const auto &[key, texts] : owners) {
        if (texts.size() > 1)
            clashes << QStringLiteral("Alt+%1: %2").arg(key, texts.join(QStringLiteral(" | ")));
    }
    // Inside each menu, the items' letters are unique too.
    for (QMenu *menu : window->findChildren<QMenu *>()) {
        std::map<QChar, QStringList> items;
        for (QAction *action : menu->actions()) {
            const QChar key = mnemonicOf(action->text());
            if (!key.isNull() && action->isVisible())
                items[key] << action->text();
        }
        for (const auto &[key, texts] : items) {
            if (texts.size() > 1)
                clashes << QStringLiteral("menu %1, %2: %3")
                               .arg(menu->title(), key, texts.join(QStringLiteral(" | ")));
        }
    }
    return clashes;
}

// Presses Tab up to `presses` times from the focused widget; the object names focus passed.
// The second time focus comes to a tab bar (its page was walked once), it presses Right, so
// the next page's widgets join the walk: only keys, no mouse.
inline QStringList tabThrough(int presses)
{
    QStringList seen;
    QList<QTabBar *> walked;
    for (int i = 0; i < presses; ++i) {
        QWidget *focus = QApplication::focusWidget();
        if (!focus)
            break;
        seen << focus->objectName();
        auto *bar = qobject_cast<QTabBar *>(focus);
        if (bar && !walked.contains(bar)) {
            walked << bar;
        } else if (bar && bar->currentIndex() + 1 < bar->count()) {
            walked.removeAll(bar);
            QTest::keyClick(bar, Qt::Key_Right);
            QTest::qWait(20);
        }
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QTest::qWait(5);
    }
    return seen;
}

} // namespace migdesk::test
