// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringEncoder>
#include <vector>

class QSqlDatabase;
struct sqlite3;
struct sqlite3_stmt;

// A statement prepared with SQLite's own API on the connection a QSqlDatabase holds, for the write path.
// QSqlQuery is fine for a query now and then but costly per row: Qt 6.4's QSqlResult::bindValue builds a
// ":N" placeholder name and looks it up in a hash for every value bound, which was 38 % of the capture
// thread writing 58 000 events/s.
class SqliteStatement
{
public:
    SqliteStatement(const QSqlDatabase &db, const char *sql);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    bool isValid() const { return m_statement != nullptr; }
    // Columns count from 0.
    void bind(int column, qint64 value);
    void bind(int column, const QString &value);
    // Runs the statement with the values bound, then readies it for the next row's values.
    bool step();
    QString lastError() const { return m_error; }

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_statement = nullptr;
    QString m_error;
    // Text is bound as UTF-8, the database's encoding, converted by Qt into a buffer per column that is
    // reused row after row: bound as UTF-16, SQLite converted every value itself, a character at a time
    // and into memory of its own (7 % of the capture thread at 100 000 events/s).
    QStringEncoder m_toUtf8{QStringEncoder::Utf8, QStringEncoder::Flag::Stateless};
    std::vector<QByteArray> m_text;
};
