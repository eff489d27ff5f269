// SPDX-License-Identifier: GPL-3.0-or-later
// Twenty subscriptions to an origin that speaks only HTTP/2 (Node's http2 module, over TLS): every one
// streams, and all of them over one connection, where HTTP/1.1 would take twenty.
#include "feedhub.h"

#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

namespace {

constexpr int Bound = 10000;
constexpr int Subscriptions = 20;

} // namespace

class TestHttp2 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void streamsShareOneConnection();
};

void TestHttp2::streamsShareOneConnection()
{
    QProcess node;
    QByteArray output;
    connect(&node, &QProcess::readyReadStandardOutput, this, [&] { output += node.readAllStandardOutput(); });
    node.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    node.start(QStringLiteral("node"), {QStringLiteral(H2_SERVER), QStringLiteral(TLS_DIR "/cert.pem"),
                                        QStringLiteral(TLS_DIR "/key.pem")});
    QVERIFY2(node.waitForStarted(Bound), "node did not start (scripts/setup installs Debian's nodejs)");
    QTRY_VERIFY_WITH_TIMEOUT(output.contains('\n'), Bound);
    const QRegularExpressionMatch port = QRegularExpression(QStringLiteral("port (\\d+)")).match(output);
    QVERIFY2(port.hasMatch(), output.constData());

    QSet<QString> streaming;
    {
        FeedHub hub; // gone, and its streams closed, before the server is
        connect(&hub, &FeedHub::frameArrived, this, [&](const FeedFrame &frame) {
            for (const CapturedEvent &event : frame.log)
                streaming.insert(event.subscription);
        });
        QList<Subscription> subscriptions;
        for (int i = 0; i < Subscriptions; ++i) {
            Subscription subscription = Subscription::create(
                QStringLiteral("h2-%1").arg(i),
                QUrl(QStringLiteral("https://127.0.0.1:%1/s%2").arg(port.captured(1)).arg(i)),
                Subscription::Panel::Raw);
            subscription.request.allowInsecureTls = true; // the tests' self-signed certificate
            subscriptions << subscription;
        }
        hub.setSubscriptions(subscriptions);
        QTRY_COMPARE_WITH_TIMEOUT(streaming.size(), Subscriptions, Bound);
    }

    // "stream S /sN": every stream came on the same connection S.
    QTRY_COMPARE_WITH_TIMEOUT(output.count("stream "), Subscriptions, Bound);
    QSet<QString> connections;
    QRegularExpressionMatchIterator streams =
        QRegularExpression(QStringLiteral("stream (\\d+) /s\\d+")).globalMatch(QString::fromUtf8(output));
    int count = 0;
    while (streams.hasNext()) {
        connections.insert(streams.next().captured(1));
        ++count;
    }
    QCOMPARE(count, Subscriptions);
    QCOMPARE(connections.size(), 1);

    node.kill();
    node.waitForFinished(Bound);
}

QTEST_GUILESS_MAIN(TestHttp2)
#include "tst_http2.moc"
