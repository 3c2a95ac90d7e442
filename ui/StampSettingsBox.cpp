// StampSettingsBox: see the header.
#include "StampSettingsBox.h"

#include "planning/Stamp.h"
#include "settings/Settings.h"

#include <QComboBox>
#include <QDate>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace migdesk {

StampSettingsBox::StampSettingsBox(QWidget *parent)
    : QGroupBox(tr("Resolution stamp in Alma"), parent)
    , m_field(new QComboBox(this))
    , m_template(new QLineEdit(this))
    , m_hint(new QLabel(this))
{
    setObjectName(QStringLiteral("stampGroupBox"));
    m_field->setObjectName(QStringLiteral("stampNoteComboBox"));
    m_field->setAccessibleName(tr("Note field for the stamp"));
    m_field->addItem(tr("Off: write no stamp"), QString());
    for (const QString &field : stampNoteFields())
        m_field->addItem(field, field);
    m_template->setObjectName(QStringLiteral("stampTemplateLineEdit"));
    m_template->setAccessibleName(tr("Stamp template"));
    m_template->setPlaceholderText(defaultStampTemplate());
    m_hint->setObjectName(QStringLiteral("stampHintLabel"));
    m_hint->setWordWrap(true);
    auto *form = new QFormLayout(this);
    form->addRow(tr("Note &field:"), m_field);
    form->addRow(tr("&Template:"), m_template);
    form->addRow(m_hint);
    connect(m_field, &QComboBox::currentIndexChanged, this, &StampSettingsBox::explain);
    connect(m_template, &QLineEdit::textChanged, this, &StampSettingsBox::explain);
    explain();
}

void StampSettingsBox::load(const Settings &settings)
{
    m_field->setCurrentIndex(std::max(0, m_field->findData(settings.stampNote())));
    m_template->setText(
        settings.stampTemplate() == defaultStampTemplate() ? QString() : settings.stampTemplate());
    explain();
}

void StampSettingsBox::save(Settings &settings) const
{
    settings.setStampNote(m_field->currentData().toString());
    settings.setStampTemplate(m_template->text());
}

void StampSettingsBox::explain()
{
    const QString field = m_field->currentData().toString();
    if (field.isEmpty()) {
        m_hint->setText(tr("Alma shows every change MigDesk makes as made by the API key. With a "
                           "stamp, the item itself says who cleared it and how."));
        return;
    }
    QString text =
        tr("After each fix MigDesk adds one line to %1, below what it holds (it never replaces "
           "it), for example:\n%2\nIt costs nothing when the fix changes the item anyway (the "
           "line rides in the same update); after a scan-in alone it costs one more call to "
           "Alma. {date}, {operator}, {status} and {actions} are filled in.")
            .arg(field, stampLine(m_template->text(), QDate::currentDate(), tr("J. Smith"),
                                  tr("Damaged"), tr("Set condition DAMAGED, Return")));
    if (stampFieldIsSeenAtTheDesk(field))
        text += QLatin1Char('\n') +
                tr("Warning: staff see the fulfillment note at the desk whenever the item "
                   "circulates, so the stamp will show there too.");
    m_hint->setText(text);
}

} // namespace migdesk
