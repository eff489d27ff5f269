// SPDX-License-Identifier: GPL-3.0-or-later
#include "inflater.h"

#include <zlib.h>

namespace {

constexpr int GzipOrZlibWindow = 15 + 32; // the largest window, either header detected automatically

} // namespace

Inflater::Inflater()
    : m_stream(std::make_unique<z_stream_s>())
{
    inflateInit2(m_stream.get(), GzipOrZlibWindow);
}

Inflater::~Inflater()
{
    inflateEnd(m_stream.get());
}

void Inflater::feed(const char *bytes, qsizetype size)
{
    if (m_used == m_input.size()) { // all taken: start over rather than grow
        m_input.resize(0);
        m_used = 0;
    }
    m_input.append(bytes, size);
}

bool Inflater::inflateInto(QByteArray &out, qsizetype maxBytes)
{
    while (hasInput() && maxBytes > 0 && !m_ended) {
        const qsizetype start = out.size();
        const qsizetype step = qMin<qsizetype>(maxBytes, 64 * 1024);
        out.resize(start + step);
        m_stream->next_in = reinterpret_cast<Bytef *>(m_input.data() + m_used);
        m_stream->avail_in = uInt(m_input.size() - m_used);
        m_stream->next_out = reinterpret_cast<Bytef *>(out.data() + start);
        m_stream->avail_out = uInt(step);
        const int result = inflate(m_stream.get(), Z_NO_FLUSH);
        m_used = m_input.size() - qsizetype(m_stream->avail_in);
        const qsizetype produced = step - qsizetype(m_stream->avail_out);
        out.resize(start + produced);
        maxBytes -= produced;
        if (result == Z_STREAM_END)
            m_ended = true;
        else if (result != Z_OK && result != Z_BUF_ERROR)
            return false;
        if (produced == 0 && result == Z_BUF_ERROR)
            break; // needs more input than is here
    }
    if (m_ended)
        m_used = m_input.size();
    return true;
}
