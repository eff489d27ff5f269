// SPDX-License-Identifier: GPL-3.0-or-later
// The peer benchmark's server: builds N events once (`id:`, `event: quote`, a ~64-byte JSON `data:`), then
// streams them to every connection as fast as the socket takes them, in 64 KiB HTTP chunks, and closes.
// No Qt and no work per event while serving, so on a 2-core machine the clients get the CPU.
// Usage: peer_stream_server EVENTS   (prints "port P" once listening on 127.0.0.1, serves until killed)
#include <arpa/inet.h>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <netinet/in.h>
#include <string>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace {

std::string buildEvents(long count)
{
    std::string out;
    out.reserve(size_t(count) * 100);
    char line[256];
    for (long n = 1; n <= count; ++n) {
        const int cents = int((n * 7919) % 100000);
        const int length = std::snprintf(
            line, sizeof line,
            "id: %ld\nevent: quote\ndata: {\"symbol\":\"ACME\",\"price\":%d.%02d,\"volume\":%ld,"
            "\"seq\":%ld}\n\n",
            n, cents / 100, cents % 100, (n * 31) % 10000, n);
        out.append(line, size_t(length));
    }
    return out;
}

bool sendAll(int socket, const char *bytes, size_t size)
{
    while (size > 0) {
        const ssize_t sent = ::send(socket, bytes, size, MSG_NOSIGNAL);
        if (sent <= 0)
            return false;
        bytes += sent;
        size -= size_t(sent);
    }
    return true;
}

void serve(int socket, const std::string &body)
{
    std::string request;
    char buffer[4096];
    while (request.find("\r\n\r\n") == std::string::npos) {
        const ssize_t got = ::recv(socket, buffer, sizeof buffer, 0);
        if (got <= 0) {
            ::close(socket);
            return;
        }
        request.append(buffer, size_t(got));
    }
    const std::string head =
        "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n"
        "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
    bool ok = sendAll(socket, head.data(), head.size());
    constexpr size_t ChunkBytes = 64 * 1024;
    for (size_t at = 0; ok && at < body.size(); at += ChunkBytes) {
        const size_t size = std::min(ChunkBytes, body.size() - at);
        char sizeLine[32];
        const int sizeLength = std::snprintf(sizeLine, sizeof sizeLine, "%zx\r\n", size);
        ok = sendAll(socket, sizeLine, size_t(sizeLength)) && sendAll(socket, body.data() + at, size) &&
             sendAll(socket, "\r\n", 2);
    }
    if (ok)
        sendAll(socket, "0\r\n\r\n", 5);
    ::close(socket);
}

} // namespace

int main(int argc, char *argv[])
{
    const long count = argc > 1 ? std::atol(argv[1]) : 1000000;
    const std::string body = buildEvents(count);

    const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (listener < 0 || ::bind(listener, reinterpret_cast<sockaddr *>(&address), length) != 0 ||
        ::listen(listener, 16) != 0 ||
        ::getsockname(listener, reinterpret_cast<sockaddr *>(&address), &length) != 0) {
        std::perror("peer_stream_server");
        return 1;
    }
    std::printf("port %d events %ld bytes %zu\n", ntohs(address.sin_port), count, body.size());
    std::fflush(stdout);
    for (;;) {
        const int socket = ::accept(listener, nullptr, nullptr);
        if (socket >= 0)
            std::thread(serve, socket, std::cref(body)).detach();
    }
}
