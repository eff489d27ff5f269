// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqlitestatement.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QVariant>
#include <sqlite3.h>

namespace {

// Qt documents QSqlDriver::handle() of its SQLite driver as a QVariant holding the sqlite3 pointer.
sqlite3 *connectionOf(const QSqlDatabase &db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

} // namespace

SqliteStatement::SqliteStatement(const QSqlDatabase &db, const char *sql)
    : m_db(connectionOf(db))
{
    if (!m_db) {
        m_error = QStringLiteral("the connection is not an open SQLite database");
        return;
    }
    if (sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_statement, nullptr) != SQLITE_OK) {
        m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
        m_statement = nullptr;
        return;
    }
    m_text.resize(std::size_t(sqlite3_bind_parameter_count(m_statement)));
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_statement);
}

void SqliteStatement::bind(int column, qint64 value)
{
    sqlite3_bind_int64(m_statement, column + 1, value);
}

void SqliteStatement::bind(int column, const QString &value)
{
    // A null QString is stored as empty text, as QSqlQuery stored it, never as SQL NULL (the columns are
    // NOT NULL): the buffer is never null. SQLITE_STATIC: SQLite reads it in place during step().
    QByteArray &text = m_text[std::size_t(column)];
    text.resize(m_toUtf8.requiredSpace(value.size()));
    const char *end = m_toUtf8.appendToBuffer(text.data(), value);
    sqlite3_bind_text(m_statement, column + 1, text.constData(), int(end - text.constData()), SQLITE_STATIC);
}

bool SqliteStatement::step()
{
    const int result = sqlite3_step(m_statement);
    if (result != SQLITE_DONE && result != SQLITE_ROW)
        m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
    sqlite3_reset(m_statement);
    return result == SQLITE_DONE || result == SQLITE_ROW;
}
