// RecoveryBanner: the recovery offer on start (see RecoveryBanner.h).
#include "RecoveryBanner.h"

#include "desk/ScanSession.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace migdesk {

namespace {

QPushButton *makeButton(const QString &text, const QString &name, QWidget *parent)
{
    auto *button = new QPushButton(text, parent);
    button->setObjectName(name);
    // Only a click, Space on a focused button or the Alt shortcut: never a stray Enter.
    button->setAutoDefault(false);
    button->setDefault(false);
    button->setFocusPolicy(Qt::TabFocus);
    button->setMinimumHeight(40);
    return button;
}

} // namespace

RecoveryBanner::RecoveryBanner(ScanSession *session, QWidget *parent)
    : QFrame(parent)
    , m_session(session)
    , m_icon(new QLabel(QStringLiteral("⟳"), this))
    , m_label(new QLabel(this))
    , m_resumeButton(makeButton(tr("Res&ume (Alt+U)"), QStringLiteral("resumePushButton"), this))
    , m_dismissButton(
          makeButton(tr("&Not now (Alt+N)"), QStringLiteral("dismissRecoveryPushButton"), this))
{
    setObjectName(QStringLiteral("recoveryBannerFrame"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    QPalette pal = palette();
    // Light blue with near-black text: information, not an alarm; the words carry the meaning
    // for colour-blind staff.
    pal.setColor(QPalette::Window, QColor(0xDD, 0xEB, 0xF7));
    pal.setColor(QPalette::WindowText, QColor(0x11, 0x11, 0x11));
    setPalette(pal);
    m_icon->setObjectName(QStringLiteral("recoveryIconLabel"));
    m_icon->setAccessibleName(tr("Unfinished scans"));
    m_label->setObjectName(QStringLiteral("recoveryLabel"));
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::PlainText);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 6, 12, 6);
    layout->setSpacing(12);
    layout->addWidget(m_icon, 0, Qt::AlignVCenter);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_resumeButton, 0, Qt::AlignVCenter);
    layout->addWidget(m_dismissButton, 0, Qt::AlignVCenter);
    connect(m_resumeButton, &QPushButton::clicked, this, &RecoveryBanner::resume);
    connect(m_dismissButton, &QPushButton::clicked, this, &QWidget::hide);
    applyFonts();
    hide();
}

int RecoveryBanner::offer()
{
    const int count = m_session ? m_session->unfinishedCount() : 0;
    if (count <= 0) {
        hide();
        return 0;
    }
    const QString what = count == 1
                             ? tr("1 scan from the last session was not finished.")
                             : tr("%1 scans from the last session were not finished.").arg(count);
    m_label->setText(tr("%1 Resume reads each item from Alma again: what Alma already shows is "
                        "recorded as done, the rest is applied once.")
                         .arg(what));
    setAccessibleName(what);
    show();
    return count;
}

QString RecoveryBanner::text() const
{
    return m_label->text();
}

void RecoveryBanner::resume()
{
    if (!m_session || !isVisible())
        return;
    hide();
    Q_EMIT resumed(m_session->resumeUnfinished());
}

void RecoveryBanner::applyFonts()
{
    QFont text = font();
    text.setPointSizeF(font().pointSizeF() * 1.15);
    m_label->setFont(text);
    QFont icon = font();
    icon.setPointSizeF(font().pointSizeF() * 1.8);
    icon.setBold(true);
    m_icon->setFont(icon);
    QFont button = text;
    button.setBold(true);
    m_resumeButton->setFont(button);
    m_dismissButton->setFont(text);
}

void RecoveryBanner::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        applyFonts();
}

} // namespace migdesk
