// A request body that can be read only once. Qt's HTTP/1 channel silently resends a request
// whose connection closes before the reply; it first rewinds the body, and this device refuses
// to rewind, so Qt fails the reply with ContentReSendError instead of writing to Alma twice.
#pragma once

#include <QByteArray>
#include <QIODevice>

namespace migdesk {

class OneShotBody : public QIODevice {
    Q_OBJECT
public:
    explicit OneShotBody(QByteArray data, QObject *parent = nullptr);

    bool isSequential() const override { return true; }
    bool reset() override { return false; }
    bool seek(qint64) override { return false; }
    bool atEnd() const override;
    qint64 bytesAvailable() const override;
    qint64 size() const override { return m_data.size(); }

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_position = 0;
};

} // namespace migdesk
