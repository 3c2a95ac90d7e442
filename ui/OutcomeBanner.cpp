// OutcomeBanner: paints the outcome style (background, ink, SVG icon, word).
#include "OutcomeBanner.h"

#include "OutcomeStyle.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>

namespace migdesk {

OutcomeBanner::OutcomeBanner(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_label(new QLabel(this))
{
    setObjectName(QStringLiteral("outcomeBannerFrame"));
    m_icon->setObjectName(QStringLiteral("outcomeIconLabel"));
    m_label->setObjectName(QStringLiteral("outcomeLabel"));
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::NoTextInteraction);
    setAutoFillBackground(true);
    setFrameShape(QFrame::NoFrame);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(16, 10, 16, 10);
    layout->setSpacing(14);
    layout->addWidget(m_icon, 0, Qt::AlignVCenter);
    layout->addWidget(m_label, 1);
    applyFonts();
    showIdle(tr("Ready: scan an item"));
}

void OutcomeBanner::applyFonts()
{
    QFont big = font();
    big.setPointSizeF(font().pointSizeF() * 2.2);
    big.setBold(true);
    m_label->setFont(big);
    const int iconSize = QFontMetrics(big).height() + 8;
    m_icon->setFixedSize(iconSize, iconSize);
    if (m_hasOutcome)
        m_icon->setPixmap(outcomeIcon(m_outcome).pixmap(iconSize, iconSize));
}

void OutcomeBanner::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        applyFonts();
}

void OutcomeBanner::showOutcome(Outcome outcome, const QString &headline)
{
    m_hasOutcome = true;
    m_outcome = outcome;
    const OutcomeStyle style = outcomeStyle(outcome);
    QPalette pal = palette();
    pal.setColor(QPalette::Window, style.background);
    pal.setColor(QPalette::WindowText, style.foreground);
    setPalette(pal);
    m_label->setPalette(pal);
    const QString word = style.word.toUpper();
    m_label->setText(headline.isEmpty() ? word : tr("%1 — %2").arg(word, headline));
    m_icon->setPixmap(outcomeIcon(outcome).pixmap(m_icon->size()));
    m_icon->show();
    setAccessibleName(tr("Outcome: %1").arg(m_label->text()));
}

void OutcomeBanner::showIdle(const QString &text)
{
    m_hasOutcome = false;
    QPalette pal = palette();
    pal.setColor(QPalette::Window, QColor(0xF2, 0xF2, 0xF2));
    pal.setColor(QPalette::WindowText, QColor(0x33, 0x33, 0x33));
    setPalette(pal);
    m_label->setPalette(pal);
    m_label->setText(text);
    m_icon->clear();
    m_icon->hide();
    setAccessibleName(text);
}

QString OutcomeBanner::text() const
{
    return m_label->text();
}

} // namespace migdesk
