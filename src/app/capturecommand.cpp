// SPDX-License-Identifier: GPL-3.0-or-later
#include "capturecommand.h"

#include "console.h"
#include "displayurl.h"
#include "exitcode.h"
#include "storecheck.h"
#include "utf8decoder.h"

#include <QCoreApplication>
#include <QDateTime>
#include <cstdio>

namespace {

const QString Command = QStringLiteral("capture");
constexpr qsizetype FlushThreshold = 256 * 1024;
// Events waiting for the store before the stream stops being read: a few MB, so the process stays small
// however far a fast server is ahead of the disk.
constexpr qsizetype StoreBehindAt = 10000;
constexpr int StoreCatchUpMs = 20;

} // namespace

int CaptureCommand::run(const QStringList &arguments)
{
    CaptureOptions options;
    QString message;
    switch (CaptureOptions::parse(arguments, options, message)) {
    case CaptureOptions::Parse::Help:
        std::fputs(qPrintable(message), stdout);
        return ExitOk;
    case CaptureOptions::Parse::Error:
        Console::error(Command, message + QStringLiteral(" (see eventscope capture --help)"));
        return ExitUsage;
    case CaptureOptions::Parse::Run:
        break;
    }
    if (const std::optional<int> refused = refuseUnusableStore(Command, options.dbPath))
        return *refused;
    CaptureCommand command(std::move(options));
    QString error;
    if (!command.openOutput(error)) {
        Console::error(Command, error);
        return ExitUsage;
    }
    return command.exec();
}

CaptureCommand::CaptureCommand(CaptureOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_format(RecordFormat::create(m_options.format))
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(0);
    connect(&m_flushTimer, &QTimer::timeout, this, &CaptureCommand::flush);
    m_durationTimer.setSingleShot(true);
    m_durationTimer.setTimerType(Qt::PreciseTimer); // a coarse timer may end a capture up to 5 % early
    connect(&m_durationTimer, &QTimer::timeout, this, [this] {
        status(QStringLiteral("duration reached after %1 events").arg(m_count));
        finish(ExitOk);
    });

    if (!m_options.dbPath.isEmpty()) {
        m_store =
            std::make_unique<CaptureStore>(captureBackendFor(m_options.dbPath),
                                           QStringLiteral("capture ") + displayUrl(m_options.request.url));
        m_store->setBehindAt(StoreBehindAt);
        m_storeCatchUp.setSingleShot(true);
        m_storeCatchUp.setInterval(StoreCatchUpMs);
        connect(&m_storeCatchUp, &QTimer::timeout, this, &CaptureCommand::holdBackForStore);
        connect(m_store.get(), &CaptureStore::statusChanged, this, [this](const CaptureStatus &store) {
            if (store.error != m_storeError && !store.error.isEmpty())
                Console::error(Command, store.error); // the capture goes on; the store catches up if it can
            else if (store.error.isEmpty() && !m_storeError.isEmpty())
                status(QStringLiteral("capture store: writing again"));
            m_storeError = store.error;
        });
    }
    m_source.setRequest(m_options.request);
    m_source.setLastEventId(m_options.lastEventId);
    connect(&m_source, &EventSource::opened, this, [this] { status(QStringLiteral("open")); });
    m_sourceUtf8 = m_options.source.toUtf8();
    connect(&m_source, &EventSource::eventBytesReceived, this, [this](const SseEventView &event) {
        record(event);
        if (m_options.maxEvents > 0 && m_count >= m_options.maxEvents) {
            status(QStringLiteral("stopped after %1 events").arg(m_count));
            finish(ExitOk);
        }
    });
    connect(&m_source, &EventSource::reconnectScheduled, this, [this](int delayMs, int attempt) {
        status(QStringLiteral("retry in %1 ms (attempt %2)").arg(delayMs).arg(attempt));
    });
    connect(&m_source, &EventSource::errorOccurred, this, [this](const SseError &error) {
        if (error.permanent) {
            Console::error(Command, error.toString());
            finish(ExitConnection);
        } else if (!m_options.quiet) {
            Console::status(Command, error.toString());
        }
    });
    connect(&m_source, &EventSource::closed, this, [this] {
        if (m_exitCode >= 0)
            return; // closed by finish() itself
        status(QStringLiteral("stream closed by the server after %1 events").arg(m_count));
        finish(ExitOk);
    });
}

bool CaptureCommand::openOutput(QString &error)
{
    const bool ok = m_options.outputPath.isEmpty()
                        ? m_output.open(stdout, QIODevice::WriteOnly)
                        : (m_output.setFileName(m_options.outputPath),
                           m_output.open(QIODevice::WriteOnly | QIODevice::Truncate));
    if (!ok) {
        error = QStringLiteral("cannot write --output '%1': %2")
                    .arg(m_options.outputPath, m_output.errorString());
        return false;
    }
    m_pending = m_format->header();
    return true;
}

int CaptureCommand::exec()
{
    status(QStringLiteral("connecting to %1").arg(displayUrl(m_options.request.url)));
    if (m_options.durationMs > 0)
        m_durationTimer.start(m_options.durationMs);
    m_source.open();
    if (m_exitCode < 0)
        QCoreApplication::exec();
    return m_exitCode;
}

void CaptureCommand::record(const SseEventView &event)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    ++m_count;
    // Written from the parser's bytes: no decoding to strings and back on the way to the output.
    m_format->appendRecord(
        m_pending, {now, m_sourceUtf8,
                    event.type.isEmpty() ? QByteArrayView("message") : validUtf8(event.type, m_typeScratch),
                    validUtf8(event.id, m_idScratch), validUtf8(event.data, m_dataScratch)});
    if (m_store)
        m_storeBatch.append({m_decoder.decode(event), m_options.source, now, quint64(m_count), {}});
    // Written once the current batch of events is handled, so output is live yet costs one write per batch.
    if (m_pending.size() >= FlushThreshold)
        flush();
    else if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void CaptureCommand::flush()
{
    if (m_store && !m_storeBatch.isEmpty()) {
        m_store->record(std::exchange(m_storeBatch, {}));
        holdBackForStore();
    }
    if (m_pending.isEmpty() || m_exitCode == ExitFailure)
        return;
    if (m_output.write(m_pending) != m_pending.size() || !m_output.flush()) {
        Console::error(Command, QStringLiteral("cannot write output: %1").arg(m_output.errorString()));
        m_pending.clear();
        finish(ExitFailure);
        return;
    }
    m_pending.resize(0); // keeps its room for the next batch
}

void CaptureCommand::holdBackForStore()
{
    const bool behind = m_store->backlog() != EventRecorder::Backlog::None;
    m_source.setPaused(behind); // the connection's bounded buffer fills, and TCP slows the server down
    if (behind)
        m_storeCatchUp.start();
}

void CaptureCommand::finish(int exitCode)
{
    if (m_exitCode >= 0)
        return;
    m_exitCode = exitCode;
    m_durationTimer.stop();
    m_source.close();
    m_pending.append(m_format->footer());
    flush();
    if (m_store) {
        // The store's last write is reported here: its status signal would come after the event loop.
        const CaptureStatus last = m_store->flush();
        if (!last.error.isEmpty() && last.error != m_storeError)
            Console::error(Command, last.error);
        if (last.waiting > 0)
            Console::error(
                Command, QStringLiteral("%1 events received are not in the capture store").arg(last.waiting));
    }
    QCoreApplication::exit(m_exitCode);
}

void CaptureCommand::status(const QString &message) const
{
    if (!m_options.quiet)
        Console::status(Command, message);
}
