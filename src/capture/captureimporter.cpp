// SPDX-License-Identifier: GPL-3.0-or-later
#include "captureimporter.h"

#include "sseeventdecoder.h"
#include "sseparser.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

// JSON can escape a lone surrogate ("\ud800"), which UTF-8 cannot hold (Qt writes it out as '?'). Each
// becomes U+FFFD on the way in, as the UTF-8 decoder makes of any invalid sequence, so what is imported
// exports exactly as it was read.
QString wellFormed(QString text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (!c.isSurrogate())
            continue;
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            ++i;
        else
            text[i] = QChar::ReplacementCharacter;
    }
    return text;
}

QString stringField(const QJsonObject &object, QLatin1String name, const QString &fallback = {})
{
    return wellFormed(object.value(name).toString(fallback));
}

void addProblem(CaptureImporter::Result &result, qint64 line, const QString &problem)
{
    ++result.malformed;
    // simplified(): a value the problem quotes may hold a line break, and a problem is one line.
    if (result.problems.size() < CaptureImporter::ProblemsKept)
        result.problems << QStringLiteral("line %1: %2").arg(line).arg(problem).simplified();
}

class Collector : public SseParserSink
{
public:
    explicit Collector(CaptureImporter::Result &result, const QString &source)
        : m_result(result)
        , m_source(source)
    {}
    bool eventParsed(const SseEventView &event) override
    {
        CapturedEvent captured;
        captured.event = m_decoder.decode(event);
        captured.source = m_source;
        captured.receivedMs = qint64(m_result.events.size()) * CaptureImporter::SseSpacingMs;
        captured.seq = quint64(m_result.events.size() + 1);
        m_result.events.append(captured);
        return true;
    }
    bool commentParsed(QByteArrayView) override { return true; }
    bool retryParsed(int) override { return true; }
    bool limitExceeded(const QString &message) override
    {
        ++m_result.malformed;
        if (m_result.problems.size() < CaptureImporter::ProblemsKept)
            m_result.problems << message;
        return true;
    }

private:
    CaptureImporter::Result &m_result;
    QString m_source;
    SseEventDecoder m_decoder;
};

} // namespace

CaptureImporter::Result CaptureImporter::importFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Result result;
        result.error = QStringLiteral("cannot read '%1': %2").arg(path, file.errorString());
        return result;
    }
    const QByteArray bytes = file.readAll();
    const QString name = QFileInfo(path).completeBaseName();
    return path.endsWith(QLatin1String(".sse"), Qt::CaseInsensitive) ? fromSse(bytes, name)
                                                                     : fromNdjson(bytes, name);
}

CaptureImporter::Result CaptureImporter::fromNdjson(const QByteArray &bytes, const QString &name)
{
    Result result;
    qint64 lineNumber = 0;
    for (qsizetype start = 0; start < bytes.size();) {
        qsizetype end = bytes.indexOf('\n', start);
        if (end < 0)
            end = bytes.size();
        const QByteArrayView line = QByteArrayView(bytes).sliced(start, end - start).trimmed();
        start = end + 1;
        ++lineNumber;
        if (line.isEmpty())
            continue;
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(line.toByteArray(), &parseError);
        if (!document.isObject()) {
            addProblem(result, lineNumber,
                       parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                    : QStringLiteral("not a JSON object"));
            continue;
        }
        const QJsonObject object = document.object();
        const QJsonValue data = object.value(QLatin1String("data"));
        if (!data.isString()) {
            addProblem(result, lineNumber, QStringLiteral("no \"data\" string"));
            continue;
        }
        CapturedEvent event;
        event.event.data = wellFormed(data.toString());
        event.event.type = stringField(object, QLatin1String("event"), QStringLiteral("message"));
        event.event.id = stringField(object, QLatin1String("id"));
        event.source = stringField(object, QLatin1String("source"), name);
        const QString time = object.value(QLatin1String("time")).toString();
        const QDateTime stamp = QDateTime::fromString(time, Qt::ISODateWithMs);
        if (!time.isEmpty() && !stamp.isValid()) {
            addProblem(result, lineNumber, QStringLiteral("\"time\" is not an ISO 8601 time: %1").arg(time));
            continue;
        }
        // Lines without a time follow the one before them.
        event.receivedMs = stamp.isValid()           ? stamp.toMSecsSinceEpoch()
                           : result.events.isEmpty() ? 0
                                                     : result.events.constLast().receivedMs;
        event.seq = quint64(result.events.size() + 1);
        result.events.append(event);
    }
    return result;
}

CaptureImporter::Result CaptureImporter::fromSse(const QByteArray &bytes, const QString &name)
{
    Result result;
    Collector collector(result, name);
    SseParser parser(&collector);
    parser.feed(bytes);
    return result;
}
