// DemoBanner: a striking, readable strip (black on yellow) with the demo barcodes.
#include "DemoBanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace migdesk {

DemoBanner::DemoBanner(QWidget *parent)
    : QFrame(parent)
    , m_title(new QLabel(this))
    , m_examples(new QLabel(this))
{
    setObjectName(QStringLiteral("demoBannerFrame"));
    setAutoFillBackground(true);
    QPalette pal = palette();
    pal.setColor(QPalette::Window, QColor(0xF0, 0xE4, 0x42));
    pal.setColor(QPalette::WindowText, QColor(0x11, 0x11, 0x11));
    setPalette(pal);
    m_title->setObjectName(QStringLiteral("demoTitleLabel"));
    m_title->setText(tr("DEMO: sandbox data, nothing is real"));
    QFont bold = m_title->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    m_title->setFont(bold);
    m_examples->setObjectName(QStringLiteral("demoExamplesLabel"));
    m_examples->setWordWrap(true);
    m_examples->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *allButton = new QPushButton(tr("All demo barcodes… (F1)"), this);
    allButton->setObjectName(QStringLiteral("demoBarcodesPushButton"));
    allButton->setAutoDefault(false);
    allButton->setFocusPolicy(Qt::TabFocus);
    connect(allButton, &QPushButton::clicked, this, &DemoBanner::showAllRequested);
    auto *text = new QVBoxLayout;
    text->setSpacing(2);
    text->addWidget(m_title);
    text->addWidget(m_examples);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 6, 12, 6);
    layout->addLayout(text, 1);
    layout->addWidget(allButton, 0, Qt::AlignVCenter);
    setAccessibleName(m_title->text());
}

std::vector<DemoBarcode> DemoBanner::highlights(const std::vector<DemoBarcode> &all, int count)
{
    // Words of the demo's scenario descriptions that stand for the main outcomes.
    static const char *const keys[] = {
        "Missing, in hand", "Damaged: condition", "Withdrawn",  "active loan: declare Lost",
        "Unknown note",     "hold shelf",         "in transit", "Not a migration item"};
    std::vector<DemoBarcode> picked;
    for (const char *key : keys) {
        for (const DemoBarcode &example : all) {
            if (example.scenario.contains(QLatin1String(key), Qt::CaseInsensitive)) {
                picked.push_back(example);
                break;
            }
        }
        if (static_cast<int>(picked.size()) >= count)
            return picked;
    }
    for (const DemoBarcode &example : all) {
        if (static_cast<int>(picked.size()) >= count)
            break;
        const bool seen = std::any_of(picked.begin(), picked.end(), [&](const DemoBarcode &p) {
            return p.scenario == example.scenario;
        });
        if (!seen)
            picked.push_back(example);
    }
    return picked;
}

void DemoBanner::setCompact(bool compact)
{
    m_examples->setVisible(!compact);
}

void DemoBanner::setExamples(const std::vector<DemoBarcode> &all)
{
    m_all = all;
    // Two columns of "barcode — scenario", so six examples take three lines.
    const std::vector<DemoBarcode> shown = highlights(all, 6);
    QString html = QStringLiteral("<table cellspacing=\"0\" cellpadding=\"1\">");
    for (size_t i = 0; i < shown.size(); i += 2) {
        html += QStringLiteral("<tr>");
        for (size_t j = i; j < std::min(shown.size(), i + 2); ++j) {
            html += QStringLiteral("<td><b>%1</b> — %2&nbsp;&nbsp;&nbsp;&nbsp;</td>")
                        .arg(shown[j].barcode.toHtmlEscaped(), shown[j].scenario.toHtmlEscaped());
        }
        html += QStringLiteral("</tr>");
    }
    html += QStringLiteral("</table>");
    m_examples->setTextFormat(Qt::RichText);
    m_examples->setText(shown.empty() ? QString() : html);
    m_examples->setVisible(!shown.empty());
    QStringList plain;
    for (const DemoBarcode &example : shown)
        plain << tr("%1: %2").arg(example.barcode, example.scenario);
    m_plain = plain.join(QLatin1Char('\n'));
    setAccessibleDescription(m_plain);
}

QString DemoBanner::examplesText() const
{
    return m_plain;
}

} // namespace migdesk
