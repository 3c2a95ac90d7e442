// SelfCheckBanner: the self-check's findings on the desk window (see SelfCheckBanner.h).
#include "SelfCheckBanner.h"

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
    button->setMinimumHeight(36);
    return button;
}

} // namespace

SelfCheckBanner::SelfCheckBanner(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_label(new QLabel(this))
    , m_againButton(
          makeButton(tr("Check a&gain (Alt+G)"), QStringLiteral("selfCheckAgainPushButton"), this))
    , m_hideButton(
          makeButton(tr("Dis&miss (Alt+M)"), QStringLiteral("selfCheckHidePushButton"), this))
{
    setObjectName(QStringLiteral("selfCheckBannerFrame"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setFocusPolicy(Qt::NoFocus);
    m_icon->setObjectName(QStringLiteral("selfCheckIconLabel"));
    m_label->setObjectName(QStringLiteral("selfCheckLabel"));
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::PlainText);
    m_label->setTextInteractionFlags(Qt::NoTextInteraction);
    m_label->setFocusPolicy(Qt::NoFocus);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 6, 12, 6);
    layout->setSpacing(12);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_againButton, 0, Qt::AlignTop);
    layout->addWidget(m_hideButton, 0, Qt::AlignTop);
    connect(m_againButton, &QPushButton::clicked, this, &SelfCheckBanner::againRequested);
    connect(m_hideButton, &QPushButton::clicked, this, &QWidget::hide);
    applyFonts();
    hide();
}

void SelfCheckBanner::run(SecretStore *secrets, const SelfCheckAlma &alma, bool showWhenClean)
{
    if (m_check)
        m_check->deleteLater();
    m_check = new SelfCheck(secrets, alma, this);
    SelfCheck *check = m_check;
    connect(check, &SelfCheck::finished, this, [this, check, showWhenClean] {
        if (check != m_check)
            return;
        m_check = nullptr;
        check->deleteLater();
        showResults(check->results(), showWhenClean);
    });
    check->start();
}

void SelfCheckBanner::showResults(const std::vector<CheckResult> &results, bool showWhenClean)
{
    m_results = results;
    QStringList lines;
    bool failed = false;
    bool warned = false;
    for (const CheckResult &result : results) {
        failed = failed || result.status == CheckStatus::Failed;
        warned = warned || result.status == CheckStatus::Warning;
        if (result.status != CheckStatus::Ok || showWhenClean)
            lines << SelfCheck::line(result);
    }
    const bool passed = !failed;
    if (!failed && !warned && !showWhenClean) {
        hide();
        Q_EMIT checked(passed);
        return;
    }
    const QString heading = failed   ? tr("This computer is missing something MigDesk needs:")
                            : warned ? tr("MigDesk works here, with a warning:")
                                     : tr("Everything MigDesk needs is here:");
    m_label->setText(heading + QLatin1Char('\n') + lines.join(QLatin1Char('\n')));
    setAccessibleName(heading);
    applyLook(failed);
    show();
    Q_EMIT checked(passed);
}

QString SelfCheckBanner::text() const
{
    return m_label->text();
}

void SelfCheckBanner::applyLook(bool failed)
{
    QPalette pal = palette();
    // Pale orange for a failure, pale yellow for a warning, near-black text; the symbol and the
    // words carry the meaning for colour-blind staff.
    pal.setColor(QPalette::Window, failed ? QColor(0xFB, 0xE3, 0xCC) : QColor(0xFC, 0xF5, 0xC7));
    pal.setColor(QPalette::WindowText, QColor(0x11, 0x11, 0x11));
    setPalette(pal);
    m_icon->setText(failed ? QStringLiteral("\u26A0") : QStringLiteral("\u2139"));
    m_icon->setAccessibleName(failed ? tr("Problem") : tr("Information"));
}

void SelfCheckBanner::applyFonts()
{
    QFont icon = font();
    icon.setPointSizeF(font().pointSizeF() * 1.8);
    icon.setBold(true);
    m_icon->setFont(icon);
}

void SelfCheckBanner::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        applyFonts();
}

} // namespace migdesk
