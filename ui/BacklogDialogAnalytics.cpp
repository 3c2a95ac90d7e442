// BacklogDialog, "From Alma Analytics…": the report path dialog, the paged read with progress
// and cancel, and the counts handed on to the dashboard (see BacklogDialog.h).
#include "AnalyticsPathDialog.h"
#include "BacklogDialog.h"

#include "analytics/BacklogPull.h"

#include <QComboBox>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>

namespace migdesk {

void BacklogDialog::setAnalyticsSource(AlmaClient *client, const QString &path)
{
    m_client = client;
    m_analyticsPath = path;
    m_fromAnalytics->setEnabled(client != nullptr);
    m_fromAnalytics->setToolTip(client ? tr("Read the report straight from Alma Analytics.")
                                       : tr("Needs a connection to Alma."));
    if (!m_pull && client) {
        m_pull = new BacklogPull(client, m_reader, this);
        connect(m_pull, &BacklogPull::progress, this, [this](qint64 rows, int pages) {
            m_progress->setFormat(
                tr("%1 rows read (%n page(s))", nullptr, pages).arg(QLocale().toString(rows)));
        });
        connect(m_pull, &BacklogPull::finished, this, &BacklogDialog::onPullFinished);
    }
}

bool BacklogDialog::isReading() const
{
    return m_pull && m_pull->isRunning();
}

void BacklogDialog::chooseReport()
{
    if (!m_client)
        return;
    auto *dialog = new AnalyticsPathDialog(m_client, m_analyticsPath, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { readAnalytics(dialog->path()); });
    dialog->open();
}

void BacklogDialog::readAnalytics(const QString &path)
{
    if (!m_pull || isReading())
        return;
    m_analyticsPath = path;
    m_source = Source::Analytics;
    m_backlog = Backlog();
    showGroups();
    m_file->setText(path.section(QLatin1Char('/'), -1));
    m_file->setToolTip(path);
    say(tr("Reading %1 from Alma Analytics…").arg(path));
    m_progress->setFormat(tr("Waiting for Alma's first page…"));
    m_progress->show();
    m_cancel->show();
    m_open->setEnabled(false);
    m_fromAnalytics->setEnabled(false);
    m_mode->setEnabled(false);
    m_cancel->setFocus(Qt::OtherFocusReason);
    m_pull->start(path, mode());
}

void BacklogDialog::cancelReading()
{
    if (isReading())
        m_pull->cancel();
}

void BacklogDialog::onPullFinished()
{
    m_progress->hide();
    m_cancel->hide();
    m_open->setEnabled(true);
    m_fromAnalytics->setEnabled(m_client != nullptr);
    m_mode->setEnabled(true);
    m_backlog = m_pull->backlog();
    if (m_pull->error().kind == ErrorKind::Cancelled) {
        m_backlog = Backlog();
        m_source = Source::None;
        showGroups();
        say(tr("Reading the report was stopped; nothing was kept."), true);
        return;
    }
    showSummary();
    if (!m_pull->error().isError()) {
        Q_EMIT analyticsPathUsed(m_pull->path());
        Q_EMIT snapshotTaken(m_pull->snapshot());
    }
    m_table->setFocus(Qt::OtherFocusReason);
}

} // namespace migdesk
