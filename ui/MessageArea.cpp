// MessageArea: a word ("Note" or "Problem") carries the kind, so colour is never the only sign.
#include "MessageArea.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QTime>
#include <QToolButton>

namespace migdesk {

namespace {
constexpr int kRecentKept = 20;
}

MessageArea::MessageArea(QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
    , m_close(new QToolButton(this))
{
    setObjectName(QStringLiteral("messageAreaFrame"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_label->setObjectName(QStringLiteral("messageLabel"));
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::PlainText);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_close->setObjectName(QStringLiteral("messageDismissButton"));
    m_close->setText(tr("Dismiss"));
    m_close->setAccessibleName(tr("Dismiss the message"));
    m_close->setFocusPolicy(Qt::TabFocus);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 4, 6, 4);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_close, 0, Qt::AlignTop);
    connect(m_close, &QToolButton::clicked, this, &MessageArea::dismiss);
    hide();
}

void MessageArea::showMessage(const QString &text, MessageKind kind)
{
    if (text.trimmed().isEmpty())
        return;
    m_kind = kind;
    const QString time = QTime::currentTime().toString(QStringLiteral("HH:mm"));
    const QString word = kind == MessageKind::Problem ? tr("Problem") : tr("Note");
    m_label->setText(tr("%1 · %2: %3").arg(time, word, text.trimmed()));
    m_recent << tr("%1 %2").arg(time, text.trimmed());
    while (m_recent.size() > kRecentKept)
        m_recent.removeFirst();
    QPalette pal = palette();
    // Light backgrounds with dark ink (contrast above 7:1 for both).
    pal.setColor(QPalette::Window, kind == MessageKind::Problem ? QColor(0xFB, 0xE3, 0xD6)
                                                                : QColor(0xE3, 0xEE, 0xF7));
    pal.setColor(QPalette::WindowText, QColor(0x11, 0x11, 0x11));
    setPalette(pal);
    m_label->setPalette(pal);
    setAccessibleName(m_label->text());
    setToolTip(m_recent.join(QLatin1Char('\n')));
    show();
}

void MessageArea::dismiss()
{
    hide();
}

QString MessageArea::text() const
{
    return m_label->text();
}

} // namespace migdesk
