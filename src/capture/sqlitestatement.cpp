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
    }
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
    // NOT NULL). SQLITE_STATIC: SQLite reads the characters in place during step().
    const void *characters = value.isNull() ? static_cast<const void *>(u"") : value.utf16();
    sqlite3_bind_text16(m_statement, column + 1, characters, int(value.size() * sizeof(char16_t)),
                        SQLITE_STATIC);
}

bool SqliteStatement::step()
{
    const int result = sqlite3_step(m_statement);
    if (result != SQLITE_DONE && result != SQLITE_ROW)
        m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
    sqlite3_reset(m_statement);
    return result == SQLITE_DONE || result == SQLITE_ROW;
}
