// MessageArea: the line under the scan field where every notice and failure goes (an export
// saved or not, the keychain refusing the key, an import's rejected lines, scans resumed). It
// stays until staff dismiss it or the next message replaces it, apart from the status bar's
// outcome counts, so no message is hidden behind them.
#pragma once

#include <QFrame>
#include <QStringList>

class QLabel;
class QToolButton;

namespace migdesk {

enum class MessageKind {
    Info,    // "Session exported to …"
    Problem, // "Export failed: …": staff must act
};

class MessageArea : public QFrame {
    Q_OBJECT
public:
    explicit MessageArea(QWidget *parent = nullptr);

    void showMessage(const QString &text, MessageKind kind = MessageKind::Info);
    void dismiss();

    QString text() const;
    MessageKind kind() const { return m_kind; }
    // The latest messages, newest last, with their time ("14:03 Export failed: …").
    QStringList recent() const { return m_recent; }

private:
    QLabel *m_label;
    QToolButton *m_close;
    MessageKind m_kind = MessageKind::Info;
    QStringList m_recent;
};

} // namespace migdesk
