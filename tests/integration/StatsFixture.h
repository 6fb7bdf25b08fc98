#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

//! A small, hand-checked support history written straight into a fresh tandemd database (with
//! times relative to "now", which no API call can set), for the stats, reviews and policy tests.
//! Every expected figure in those tests is worked out from the table in StatsFixture.cpp.
struct StatsFixture
{
    QDateTime t0;                    //!< the "now" the fixture's times are relative to
    QHash<QString, qint64> users;    //!< "ann", "bob" (agents), "lee" (lead), "sue" (supervisor), "adm"
    QHash<QString, qint64> tickets;  //!< "t1" .. "t8"
    QHash<QString, qint64> messages; //!< AI-assisted replies "m1", "m3a", "m3b", "m4", "m7"
    QHash<QString, QDateTime> ticketCreated;
    QList<QPair<QString, QDateTime>> replies; //!< every public agent reply: user key, time

    //! Creates the schema and the history in \a path (a new SQLite file).
    bool build(const QString &path, QString *error);
};
