// KnowledgeIndex::compact(): the full-text index merged into one segment answers every search
// exactly as before (same rows, same bm25, same order), and keeps merging as it grows.
#include "server/drafting/KnowledgeIndex.h"
#include "server/drafting/TextUtil.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tandem::server;

namespace {

QString answers(const KnowledgeIndex &index, const QString &message, const QString &intent)
{
    QStringList out;
    for (const GroundingSource &s : index.search(text::ftsQuery(message), intent, 8))
        out.append(u"%1=%2"_s.arg(s.citationId).arg(s.bm25, 0, 'g', 17));
    return out.join(u' ');
}

int segments(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    // grounding_fts_idx is FTS5's own table: one row per leaf page, tagged with its segment.
    if (!q.exec(u"SELECT COUNT(DISTINCT segid) FROM grounding_fts_idx"_s) || !q.next())
        return -1;
    return q.value(0).toInt();
}

} // namespace

class TestKnowledgeIndex : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void compactingChangesNoAnswer()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"knowledge-index"_s);
            db.setDatabaseName(dir.filePath(u"index.db"_s));
            QVERIFY(db.open());
            KnowledgeIndex index(db);
            QString error;
            QVERIFY2(index.ensureSchema(&error), qPrintable(error));
            // One insert at a time, as replies are learned: each commit writes a segment.
            const QStringList topics{u"refund"_s, u"card"_s, u"invoice"_s, u"parcel"_s, u"password"_s};
            const QStringList intents{u"refund_status"_s, u"card_arrival"_s, u"invoice_request"_s,
                                      u"order_status"_s, u"login_problem"_s};
            for (int i = 0; i < 60; ++i) {
                const int t = i % int(topics.size());
                ResolvedExample e;
                e.intent = intents.at(t);
                e.language = i % 3 == 0 ? u"de"_s : u"en"_s;
                e.request =
                    u"Where is my %1? I asked %2 days ago about order %3, still waiting for the %1"_s.arg(
                        topics.at(t), QString::number(i + 2), QString::number(40000 + i * 7));
                e.reply = u"Hi {name}, your %1 is on its way (case %2)."_s.arg(topics.at(t)).arg(i);
                QVERIFY(index.addResolved(e) > 0);
            }
            QVERIFY(segments(db) > 1);
            const QStringList messages{u"my refund is still not here after 5 days"_s,
                                       u"where is my card, waiting for weeks"_s,
                                       u"I need the invoice for order 40014 please"_s, u"password reset"_s};
            QStringList before;
            for (const QString &m : messages) {
                for (const QString &intent : intents + QStringList{QString()})
                    before.append(answers(index, m, intent));
            }
            QVERIFY(before.join(QString()).contains(u"resolved:"_s));

            index.compact();
            QCOMPARE(segments(db), 1);
            QStringList after;
            for (const QString &m : messages) {
                for (const QString &intent : intents + QStringList{QString()})
                    after.append(answers(index, m, intent));
            }
            QCOMPARE(after, before);
            QSqlQuery q(db);
            QVERIFY(q.exec(u"SELECT v FROM grounding_fts_config WHERE k = 'automerge'"_s) && q.next());
            QCOMPARE(q.value(0).toInt(), 2);
        }
        QSqlDatabase::removeDatabase(u"knowledge-index"_s);
    }
};

QTEST_GUILESS_MAIN(TestKnowledgeIndex)
#include "tst_knowledge_index.moc"
