// NetworkSettingsPage: the "Network" page of the settings: an extra trusted CA certificate (PEM)
// for networks that re-sign TLS, checked when chosen (its name and expiry, or the problem), and
// the proxy: the system's configuration, none, or a manual HOST:PORT. There is no way to ignore
// a TLS error.
#pragma once

#include "alma/ProxyChoice.h"

#include <QString>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;

namespace migdesk {

class Settings;

class NetworkSettingsPage : public QWidget {
    Q_OBJECT
public:
    explicit NetworkSettingsPage(QWidget *parent = nullptr);

    void load(const Settings &settings);
    // Writes the page into `settings`; false (nothing written, the problem shown under its
    // field) when the CA file cannot be used or the manual proxy is not HOST:PORT.
    bool save(Settings &settings);

    // What the page holds now, for "Test connection".
    QString caFile() const;
    std::optional<ProxyChoice> proxy() const;
    bool isValid();

private:
    void checkCaFile();
    void checkProxy();

    QLineEdit *m_caFile;
    QLabel *m_caStatus;
    QComboBox *m_proxyMode;
    QLineEdit *m_proxyAddress;
    QLabel *m_proxyStatus;
    bool m_caValid = true;
    bool m_proxyValid = true;
};

} // namespace migdesk
