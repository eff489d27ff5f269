// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <memory>

struct z_stream_s;

// Streaming decompression of a gzip or zlib-wrapped deflate body (Content-Encoding gzip or deflate; zlib
// tells the two apart by their header). Compressed bytes wait here until there is room for what they
// inflate to, so a small compressed input can never grow memory past the caller's bound.
class Inflater
{
public:
    Inflater();
    ~Inflater();

    void feed(const char *bytes, qsizetype size);
    // Appends at most maxBytes of inflated data to `out`; false when the data is corrupt.
    bool inflateInto(QByteArray &out, qsizetype maxBytes);
    bool hasInput() const { return m_used < m_input.size(); }

private:
    std::unique_ptr<z_stream_s> m_stream;
    QByteArray m_input;
    qsizetype m_used = 0; // bytes of m_input already inflated
    bool m_ended = false; // the compressed stream said it is complete; what follows is ignored
};
