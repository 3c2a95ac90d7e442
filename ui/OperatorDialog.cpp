// OperatorDialog: see the header.
#include "OperatorDialog.h"

#include "settings/Settings.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace migdesk {

namespace {
constexpr int kMaxNameLength = 60;
}

OperatorDialog::OperatorDialog(Settings *settings, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
{
    setObjectName(QStringLiteral("operatorDialog"));
    setWindowTitle(tr("Who is at the desk?"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Type your name or initials. MigDesk writes them next to every "
                                "item you scan, so the history, the exports and the "
                                "supervisor's view show who did what. Alma itself only ever "
                                "shows the API key as the one who made a change."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *label = new QLabel(tr("&Name or initials:"), this);
    m_name = new QLineEdit(settings->operatorName(), this);
    m_name->setObjectName(QStringLiteral("operatorLineEdit"));
    m_name->setMaxLength(kMaxNameLength);
    m_name->selectAll();
    label->setBuddy(m_name);
    layout->addWidget(label);
    layout->addWidget(m_name);
    auto *hint = new QLabel(tr("This computer remembers the name until someone changes it (File "
                               "> Change operator, Ctrl+Shift+O)."),
                            this);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("&Start working"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, [this] { m_ok->setEnabled(!name().isEmpty()); });
    m_ok->setEnabled(!name().isEmpty());
    setMinimumWidth(420);
}

QString OperatorDialog::name() const
{
    return m_name->text().trimmed();
}

void OperatorDialog::done(int result)
{
    if (result == QDialog::Accepted && !name().isEmpty())
        m_settings->setOperatorName(name());
    QDialog::done(result);
}

} // namespace migdesk
