// SPDX-License-Identifier: GPL-3.0-or-later
#include "curlcommand.h"

#include "displayurl.h"
#include "subscription.h"

#include <algorithm>
#include <optional>

namespace {

// Options curl prints or negotiates with that mean nothing for a subscription: EventScope streams,
// decompresses and picks the HTTP version itself.
const QStringList LetGo = {
    QStringLiteral("-N"),        QStringLiteral("--no-buffer"),  QStringLiteral("-s"),
    QStringLiteral("--silent"),  QStringLiteral("-S"),           QStringLiteral("--show-error"),
    QStringLiteral("-v"),        QStringLiteral("--verbose"),    QStringLiteral("-i"),
    QStringLiteral("--include"), QStringLiteral("--compressed"), QStringLiteral("--http1.1"),
    QStringLiteral("--http2"),   QStringLiteral("-f"),           QStringLiteral("--fail"),
    QStringLiteral("-L"),        QStringLiteral("--location"),   QStringLiteral("--no-progress-meter"),
};

// The short options of curl's whose value may be attached (-XPOST, -HAccept:x).
const QStringList ShortWithValue = {
    QStringLiteral("-X"), QStringLiteral("-H"), QStringLiteral("-d"), QStringLiteral("-u"),
    QStringLiteral("-A"), QStringLiteral("-e"), QStringLiteral("-b"), QStringLiteral("-o"),
    QStringLiteral("-m"), QStringLiteral("-x"), QStringLiteral("-F"), QStringLiteral("-w"),
    QStringLiteral("-T"), QStringLiteral("-c"),
};

// Options of curl's that take a value, so that an unknown one's value is named with it, not taken for
// the URL.
const QStringList TakesValue = {
    QStringLiteral("-o"),
    QStringLiteral("--output"),
    QStringLiteral("--retry"),
    QStringLiteral("-m"),
    QStringLiteral("--max-time"),
    QStringLiteral("--connect-timeout"),
    QStringLiteral("-x"),
    QStringLiteral("--proxy"),
    QStringLiteral("-F"),
    QStringLiteral("--form"),
    QStringLiteral("--cert"),
    QStringLiteral("--key"),
    QStringLiteral("--cacert"),
    QStringLiteral("-w"),
    QStringLiteral("--write-out"),
    QStringLiteral("-T"),
    QStringLiteral("--upload-file"),
    QStringLiteral("--resolve"),
    QStringLiteral("-c"),
    QStringLiteral("--cookie-jar"),
    QStringLiteral("--limit-rate"),
};

// The words of a shell command line: '…' literal, "…" with \ escaping " \ $ `, \ outside quotes
// escaping the next character, backslash-newline joining lines. nullopt for an unclosed quote.
std::optional<QStringList> shellWords(const QString &line)
{
    QStringList words;
    QString word;
    bool inWord = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (c == QLatin1Char('\'')) {
            const qsizetype end = line.indexOf(QLatin1Char('\''), i + 1);
            if (end < 0)
                return std::nullopt;
            word += line.mid(i + 1, end - i - 1);
            inWord = true;
            i = end;
        } else if (c == QLatin1Char('"')) {
            qsizetype j = i + 1;
            for (; j < line.size() && line[j] != QLatin1Char('"'); ++j) {
                if (line[j] == QLatin1Char('\\') && j + 1 < line.size() &&
                    QStringLiteral("\"\\$`\n").contains(line[j + 1])) {
                    if (line[j + 1] != QLatin1Char('\n'))
                        word += line[j + 1];
                    ++j;
                } else {
                    word += line[j];
                }
            }
            if (j >= line.size())
                return std::nullopt;
            inWord = true;
            i = j;
        } else if (c == QLatin1Char('\\') && i + 1 < line.size()) {
            if (line[i + 1] == QLatin1Char('\n') || line[i + 1] == QLatin1Char('\r')) {
                i += line[i + 1] == QLatin1Char('\r') && i + 2 < line.size() &&
                     line[i + 2] == QLatin1Char('\n');
                ++i;
                continue;
            }
            word += line[++i];
            inWord = true;
        } else if (c.isSpace()) {
            if (inWord)
                words << word;
            word.clear();
            inWord = false;
        } else {
            word += c;
            inWord = true;
        }
    }
    if (inWord)
        words << word;
    return words;
}

QString shellQuoted(const QString &word)
{
    static const QString plain =
        QStringLiteral("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:=@,+%");
    if (!word.isEmpty() && std::all_of(word.cbegin(), word.cend(), [](QChar c) { return plain.contains(c); }))
        return word;
    QString quoted = word;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

bool hasHeader(const SseRequest &request, const QByteArray &name)
{
    return std::any_of(request.headers.cbegin(), request.headers.cend(), [&](const auto &header) {
        return header.first.compare(name, Qt::CaseInsensitive) == 0;
    });
}

void addHeader(SseRequest &request, const QByteArray &name, const QByteArray &value)
{
    request.headers.append({name, value});
}

} // namespace

namespace CurlCommand {

Parsed parse(const QString &commandLine)
{
    Parsed parsed;
    const std::optional<QStringList> split = shellWords(commandLine.trimmed());
    if (!split) {
        parsed.error = QStringLiteral("a quote is not closed");
        return parsed;
    }
    QStringList words = *split;
    if (words.isEmpty() || words.first() != QLatin1String("curl")) {
        parsed.error = QStringLiteral("this is not a curl command (it should start with 'curl')");
        return parsed;
    }
    words.removeFirst();
    // Short flags given together (-sN) are the same as apart.
    QStringList options;
    for (const QString &word : std::as_const(words)) {
        if (word.size() > 2 && word.startsWith(QLatin1Char('-')) && !word.startsWith(QLatin1String("--"))) {
            const QString first = word.left(2);
            if (ShortWithValue.contains(first)) {
                options << first << word.mid(2);
                continue;
            }
            for (qsizetype i = 1; i < word.size(); ++i)
                options << QStringLiteral("-") + word[i];
            continue;
        }
        options << word;
    }

    SseRequest &request = parsed.request;
    std::optional<QByteArray> method;
    QByteArrayList data;
    QString url;
    const auto valueAfter = [&](qsizetype &i) -> std::optional<QString> {
        if (i + 1 >= options.size()) {
            parsed.error = QStringLiteral("%1 needs a value").arg(options[i]);
            return std::nullopt;
        }
        return options[++i];
    };
    for (qsizetype i = 0; i < options.size() && parsed.error.isEmpty(); ++i) {
        const QString &option = options[i];
        if (option == QLatin1String("-X") || option == QLatin1String("--request")) {
            if (const auto value = valueAfter(i))
                method = value->toUtf8();
        } else if (option == QLatin1String("-H") || option == QLatin1String("--header")) {
            const auto value = valueAfter(i);
            if (!value)
                break;
            const qsizetype colon = value->indexOf(QLatin1Char(':'));
            if (colon <= 0)
                parsed.notTaken << QStringLiteral("-H %1 (not 'Name: value')").arg(shellQuoted(*value));
            else
                request.headers.append(
                    {value->left(colon).trimmed().toUtf8(), value->mid(colon + 1).trimmed().toUtf8()});
        } else if (option == QLatin1String("-d") || option == QLatin1String("--data") ||
                   option == QLatin1String("--data-ascii") || option == QLatin1String("--data-binary")) {
            const auto value = valueAfter(i);
            if (!value)
                break;
            if (value->startsWith(QLatin1Char('@')))
                parsed.notTaken << QStringLiteral("%1 %2 (a body read from a file: paste the body instead)")
                                       .arg(option, shellQuoted(*value));
            else
                data << value->toUtf8();
        } else if (option == QLatin1String("--data-raw")) {
            if (const auto value = valueAfter(i))
                data << value->toUtf8();
        } else if (option == QLatin1String("--json")) {
            const auto value = valueAfter(i);
            if (!value)
                break;
            data << value->toUtf8();
            // curl's --json also asks for JSON back; the engine asks for text/event-stream instead.
            if (!hasHeader(request, "Content-Type"))
                addHeader(request, "Content-Type", "application/json");
        } else if (option == QLatin1String("-u") || option == QLatin1String("--user")) {
            if (const auto value = valueAfter(i))
                addHeader(request, "Authorization", "Basic " + value->toUtf8().toBase64());
        } else if (option == QLatin1String("-A") || option == QLatin1String("--user-agent")) {
            if (const auto value = valueAfter(i))
                addHeader(request, "User-Agent", value->toUtf8());
        } else if (option == QLatin1String("-e") || option == QLatin1String("--referer")) {
            if (const auto value = valueAfter(i))
                addHeader(request, "Referer", value->toUtf8());
        } else if (option == QLatin1String("-b") || option == QLatin1String("--cookie")) {
            const auto value = valueAfter(i);
            if (!value)
                break;
            if (value->contains(QLatin1Char('=')))
                addHeader(request, "Cookie", value->toUtf8());
            else
                parsed.notTaken
                    << QStringLiteral("%1 %2 (cookies from a file)").arg(option, shellQuoted(*value));
        } else if (option == QLatin1String("-k") || option == QLatin1String("--insecure")) {
            request.allowInsecureTls = true;
        } else if (option == QLatin1String("--url")) {
            if (const auto value = valueAfter(i))
                url = *value;
        } else if (LetGo.contains(option)) {
            continue;
        } else if (option.startsWith(QLatin1Char('-')) && option.size() > 1) {
            const bool valued = TakesValue.contains(option) && i + 1 < options.size();
            parsed.notTaken << (valued ? option + QLatin1Char(' ') + shellQuoted(options[++i]) : option);
        } else if (url.isEmpty()) {
            url = option;
        } else {
            parsed.notTaken << QStringLiteral("%1 (one URL per subscription)").arg(shellQuoted(option));
        }
    }
    if (!parsed.error.isEmpty())
        return parsed;
    if (url.isEmpty()) {
        parsed.error = QStringLiteral("the curl command has no URL");
        return parsed;
    }
    request.url = QUrl::fromUserInput(url);
    if (!data.isEmpty()) {
        request.body = data.join('&'); // as curl joins several -d
        if (!hasHeader(request, "Content-Type"))
            addHeader(request, "Content-Type", "application/x-www-form-urlencoded");
    }
    request.method = method.value_or(data.isEmpty() ? QByteArray("GET") : QByteArray("POST"));
    return parsed;
}

QString format(const SseRequest &request, bool revealSecrets)
{
    QStringList words{QStringLiteral("curl"), QStringLiteral("-N")};
    if (request.method != "GET")
        words << QStringLiteral("-X") << QString::fromUtf8(request.method);
    words << shellQuoted(revealSecrets ? request.url.toString() : displayUrl(request.url));
    if (!hasHeader(request, "Accept"))
        words << QStringLiteral("-H") << shellQuoted(QStringLiteral("Accept: text/event-stream"));
    for (const auto &[name, value] : request.headers) {
        const QString shown =
            revealSecrets ? QString::fromUtf8(value) : Subscription::displayedHeaderValue(name, value);
        words << QStringLiteral("-H") << shellQuoted(QString::fromUtf8(name) + QStringLiteral(": ") + shown);
    }
    if (!request.body.isEmpty())
        words << QStringLiteral("--data-raw") << shellQuoted(QString::fromUtf8(request.body));
    if (request.allowInsecureTls)
        words << QStringLiteral("-k");
    return words.join(QLatin1Char(' '));
}

} // namespace CurlCommand
