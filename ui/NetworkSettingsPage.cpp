// The "Network" page of the settings (see NetworkSettingsPage.h).
#include "NetworkSettingsPage.h"

#include "FileChooser.h"
#include "alma/TlsTrust.h"
#include "settings/Settings.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace migdesk {

namespace {
const QString kErrorStyle = QStringLiteral("color: #b00020;");
}

NetworkSettingsPage::NetworkSettingsPage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("networkSettingsPage"));
    auto *form = new QFormLayout(this);

    auto *caHelp = new QLabel(
        tr("MigDesk trusts the certificate authorities of this computer. If your network "
           "inspects secure connections (it re-signs them with its own certificate authority), "
           "choose that authority's certificate here, a PEM file your IT department provides. "
           "A server that is not trusted is always refused: nothing is sent to it."),
        this);
    caHelp->setWordWrap(true);
    m_caFile = new QLineEdit(this);
    m_caFile->setObjectName(QStringLiteral("caFileLineEdit"));
    m_caFile->setAccessibleName(tr("Extra trusted CA certificate file (PEM)"));
    m_caFile->setPlaceholderText(tr("none: this computer's authorities only"));
    auto *browse = new QPushButton(tr("Bro&wse…"), this);
    browse->setObjectName(QStringLiteral("caFileBrowsePushButton"));
    browse->setAutoDefault(false);
    connect(browse, &QPushButton::clicked, this, [this] {
        chooseFile(this, FileMode::Open, tr("Trusted CA certificate"), QString(),
                   tr("PEM certificates (*.pem *.crt *.cer);;All (*)"),
                   [this](const QString &path) { m_caFile->setText(path); });
    });
    auto *caRow = new QHBoxLayout;
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(browse);
    m_caStatus = new QLabel(this);
    m_caStatus->setObjectName(QStringLiteral("caFileStatusLabel"));
    m_caStatus->setWordWrap(true);
    m_caStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_proxyMode = new QComboBox(this);
    m_proxyMode->setObjectName(QStringLiteral("proxyModeComboBox"));
    m_proxyMode->setAccessibleName(tr("Proxy"));
    m_proxyMode->addItem(tr("The system's proxy settings (https_proxy, no_proxy)"),
                         QStringLiteral("system"));
    m_proxyMode->addItem(tr("No proxy: connect directly"), QStringLiteral("none"));
    m_proxyMode->addItem(tr("This proxy:"), QStringLiteral("manual"));
    m_proxyAddress = new QLineEdit(this);
    m_proxyAddress->setObjectName(QStringLiteral("proxyAddressLineEdit"));
    m_proxyAddress->setAccessibleName(tr("Proxy host and port"));
    m_proxyAddress->setPlaceholderText(QStringLiteral("proxy.example.edu:3128"));
    auto *proxyRow = new QHBoxLayout;
    proxyRow->addWidget(m_proxyMode);
    proxyRow->addWidget(m_proxyAddress, 1);
    m_proxyStatus = new QLabel(this);
    m_proxyStatus->setObjectName(QStringLiteral("proxyStatusLabel"));
    m_proxyStatus->setWordWrap(true);
    auto *proxyHelp = new QLabel(tr("Alma is reached over HTTPS: a proxy only relays the "
                                    "encrypted connection and never sees the API key. Changes "
                                    "apply when MigDesk restarts."),
                                 this);
    proxyHelp->setWordWrap(true);

    form->addRow(caHelp);
    form->addRow(tr("Extra trusted CA:"), caRow);
    form->addRow(QString(), m_caStatus);
    form->addRow(tr("Proxy:"), proxyRow);
    form->addRow(QString(), m_proxyStatus);
    form->addRow(proxyHelp);

    connect(m_caFile, &QLineEdit::textChanged, this, &NetworkSettingsPage::checkCaFile);
    connect(m_proxyMode, &QComboBox::currentIndexChanged, this, &NetworkSettingsPage::checkProxy);
    connect(m_proxyAddress, &QLineEdit::textChanged, this, &NetworkSettingsPage::checkProxy);
    checkCaFile();
    checkProxy();
}

void NetworkSettingsPage::load(const Settings &settings)
{
    m_caFile->setText(settings.caFile());
    const ProxyChoice proxy = settings.proxy();
    const QString mode = proxy.mode == ProxyChoice::Mode::System ? QStringLiteral("system")
                         : proxy.mode == ProxyChoice::Mode::None ? QStringLiteral("none")
                                                                 : QStringLiteral("manual");
    m_proxyMode->setCurrentIndex(std::max(0, m_proxyMode->findData(mode)));
    m_proxyAddress->setText(proxy.mode == ProxyChoice::Mode::Manual ? proxy.toText() : QString());
    checkCaFile();
    checkProxy();
}

bool NetworkSettingsPage::isValid()
{
    checkCaFile();
    checkProxy();
    return m_caValid && m_proxyValid;
}

bool NetworkSettingsPage::save(Settings &settings)
{
    if (!isValid()) {
        (m_caValid ? m_proxyAddress : m_caFile)->setFocus(Qt::OtherFocusReason);
        return false;
    }
    settings.setCaFile(caFile());
    settings.setProxy(proxy().value_or(ProxyChoice{}));
    return true;
}

QString NetworkSettingsPage::caFile() const
{
    return m_caFile->text().trimmed();
}

std::optional<ProxyChoice> NetworkSettingsPage::proxy() const
{
    const QString mode = m_proxyMode->currentData().toString();
    if (mode != QLatin1String("manual"))
        return ProxyChoice::fromText(mode);
    const auto parsed = ProxyChoice::fromText(m_proxyAddress->text());
    if (!parsed || parsed->mode != ProxyChoice::Mode::Manual)
        return std::nullopt;
    return parsed;
}

void NetworkSettingsPage::checkCaFile()
{
    const QString path = caFile();
    m_caValid = true;
    m_caStatus->setStyleSheet(QString());
    if (path.isEmpty()) {
        m_caStatus->setText(tr("Only this computer's certificate authorities are trusted."));
        return;
    }
#if QT_CONFIG(ssl)
    const auto loaded = loadCaFile(path);
    m_caValid = loaded.isOk();
    if (!m_caValid) {
        m_caStatus->setStyleSheet(kErrorStyle);
        m_caStatus->setText(tr("✖ %1").arg(loaded.error().message));
        return;
    }
    const QSslCertificate &first = loaded.value().first();
    m_caStatus->setText(tr("✔ Also trusts \"%1\" (valid until %2)%3.")
                            .arg(first.subjectDisplayName(),
                                 first.expiryDate().toUTC().date().toString(Qt::ISODate),
                                 loaded.value().size() > 1
                                     ? tr(" and %n more", nullptr, int(loaded.value().size()) - 1)
                                     : QString()));
#else
    m_caValid = false;
    m_caStatus->setStyleSheet(kErrorStyle);
    m_caStatus->setText(tr("✖ This build of MigDesk has no TLS support."));
#endif
}

void NetworkSettingsPage::checkProxy()
{
    const bool manual = m_proxyMode->currentData().toString() == QLatin1String("manual");
    m_proxyAddress->setEnabled(manual);
    m_proxyValid = true;
    m_proxyStatus->setStyleSheet(QString());
    m_proxyStatus->clear();
    if (!manual)
        return;
    QString problem;
    const auto parsed = ProxyChoice::fromText(m_proxyAddress->text(), &problem);
    m_proxyValid = parsed && parsed->mode == ProxyChoice::Mode::Manual;
    if (!m_proxyValid) {
        m_proxyStatus->setStyleSheet(kErrorStyle);
        m_proxyStatus->setText(
            tr("✖ %1").arg(problem.isEmpty() ? tr("Enter the proxy as HOST:PORT.") : problem));
    }
}

} // namespace migdesk
