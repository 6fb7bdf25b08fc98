#pragma once

#include "InboxView.h"

#include "core/Ticket.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QPair>
#include <QStringList>

#include <array>
#include <limits>
#include <vector>

namespace tandem::app {

//! The ticket list. Owns compact row structs plus an index of the visible rows; sorting, the
//! text search and the view filter are done here (no QSortFilterProxyModel), so it can grow to
//! ~1M rows. Changes arrive in batches via upsert() and become precise row inserts/moves and
//! one coalesced dataChanged with explicit roles per batch.
class InboxModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        SubjectColumn,
        CustomerColumn,
        QueueColumn,
        PriorityColumn,
        StatusColumn,
        LanguageColumn,
        SlaDueColumn,     //!< SLA due time (display: relative "in 2 h" / "overdue 3 h")
        ConfidenceColumn, //!< AI draft confidence 0..100 %, empty when unknown
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role
    {
        TicketIdRole = Qt::UserRole + 1, //!< qint64
        NeedsHumanRole,                  //!< bool
        AssigneeIdRole,                  //!< qint64, or invalid QVariant when unassigned
        SlaDueRole,                      //!< QDateTime (UTC)
        VersionRole,                     //!< qint64
        StatusRole,                      //!< int(tandem::TicketStatus)
        PriorityRole,                    //!< int(tandem::Priority)
        QueueIdRole,                     //!< QString, e.g. "payments"
        ConfidenceRole,                  //!< double 0..1, or invalid QVariant when unknown
        UpdatedAtRole,                   //!< QDateTime (UTC)
        CustomerEmailRole,               //!< QString
        SortRole,                        //!< the value the column sorts by
        PresenceRole,                    //!< QString "Noah is typing", empty when nobody else is there
        PresenceStateRole,               //!< int: -1 nobody, else int(tandem::app::PresenceState)
        AssigneeNameRole,                //!< QString, the owner's full name; empty when unassigned
        ReasonCodesRole, //!< QStringList, why it needs a person (core/ReasonCodes.h), most serious first
        CrisisRole,      //!< bool: an unsolved crisis, listed before every other row of any view
    };
    Q_ENUM(Role)

    explicit InboxModel(QObject *parent = nullptr);
    ~InboxModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    //! Same as setSortColumn(); lets QHeaderView sort indicators drive the model.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    //! Rows can be dragged (e.g. onto an agent in the lead workspace) as ticket ids.
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    //! "application/x-tandem-ticket-ids" (app/TicketMime.h).
    QStringList mimeTypes() const override;
    //! The ids of the tickets of \a indexes' rows, each once.
    QMimeData *mimeData(const QModelIndexList &indexes) const override;

    //! The signed-in user, for the "My tickets" view.
    void setCurrentUserId(qint64 userId);
    //! Replaces all rows (start-up from the cache). One model reset.
    void setTickets(const QList<Ticket> &tickets);
    //! Inserts new tickets and updates known ones (by id); rows move to stay sorted/filtered.
    void upsert(const QList<Ticket> &tickets);
    //! Sets the AI draft confidences (by ticket id) for the confidence column.
    void setConfidences(const QHash<qint64, double> &confidences);
    void setConfidence(qint64 ticketId, double confidence);
    //! Who else is on \a ticketId (PresenceModel::summary / strongestState); an empty summary
    //! clears it. Only PresenceRole/PresenceStateRole change: rows neither move nor re-filter.
    void setPresence(qint64 ticketId, const QString &summary, int state);
    //! Agents' names by user id (the users cache), for AssigneeNameRole. One dataChanged.
    void setUserNames(const QHash<qint64, QString> &names);

    //! Sorts by \a column (ties by newest update, then id). Persistent indexes follow their rows.
    //! Unsolved crisis tickets stay on top whatever the column and order (CrisisRole).
    void setSortColumn(int column, Qt::SortOrder order = Qt::AscendingOrder);
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }
    //! Case-insensitive search across subject, customer name and email; empty shows all.
    void setSearchText(const QString &text);
    QString searchText() const { return m_searchText; }
    //! Restricts the rows to one view (My tickets, Unassigned, Needs human, All, a queue).
    //! "My tickets" also lists every open crisis nobody owns yet: it must not wait unseen.
    void setView(const InboxView &view);
    InboxView view() const { return m_view; }

    //! All tickets known, whatever the filters.
    int totalCount() const { return int(m_rows.size()); }
    //! The number of tickets in \a view (search not applied). Kept up to date incrementally.
    int count(const InboxView &view) const;
    //! Unsolved crisis tickets (whatever the view and search).
    int crisisCount() const { return m_crisisCount; }
    //! Unsolved crisis tickets by queue id; queues without one are absent.
    QHash<QString, int> crisisCountsByQueue() const;
    //! Queue ids seen so far, sorted.
    QStringList queueIds() const;
    //! The ticket id shown at \a row, 0 if out of range.
    qint64 ticketIdAt(int row) const;
    //! The visible row of \a ticketId, -1 when it is filtered out or unknown.
    int rowOfTicket(qint64 ticketId) const;

Q_SIGNALS:
    //! Some view count (or the set of queues) changed; ViewsModel listens.
    void countsChanged();

private:
    //! One ticket, compact: ~120 bytes + its three strings. Queue and language are interned.
    struct Row
    {
        qint64 id = 0;
        qint64 version = 0;
        qint64 assigneeId = kNoAssignee;
        qint64 slaDueMs = kNoTime;  //!< ms since epoch (UTC)
        qint64 updatedMs = kNoTime; //!< ms since epoch (UTC)
        QString subject;
        QString customerName;
        QString customerEmail;
        float confidence = -1.0f; //!< < 0: unknown
        quint16 queue = 0;
        quint16 language = 0;
        quint8 status = 0;
        quint8 priority = 0;
        bool needsHuman = false;
        quint16 reasons = 0; //!< reason codes as bits: bit i is reason::all()[i]
    };
    static constexpr qint64 kNoAssignee = std::numeric_limits<qint64>::min();
    static constexpr qint64 kNoTime = std::numeric_limits<qint64>::min();

    //! The bit of \a code in Row::reasons; 0 for an unknown code.
    static quint16 reasonBit(QStringView code);
    //! Row::reasons back as codes, most serious first.
    static QStringList codesOf(quint16 reasons);
    //! An unsolved crisis: sorted before every other row.
    static bool isPinned(const Row &row);
    //! In "My tickets": assigned to the current user, or an open crisis without an owner.
    bool isMine(const Row &row) const;
    bool matchesFilter(const Row &row) const;
    bool matchesSearch(const Row &row, const QString &text) const;
    bool matchesView(const Row &row, const InboxView &view) const;
    int compareRows(quint32 left, quint32 right) const;
    bool lessThan(quint32 left, quint32 right) const { return compareRows(left, right) < 0; }
    //! Position of \a rowIndex in \a order (sorted); -1 if absent.
    qsizetype findIn(const std::vector<quint32> &order, quint32 rowIndex) const;
    qsizetype lowerBound(const std::vector<quint32> &order, quint32 rowIndex) const;
    void applyFilterChange(bool narrowing);
    void countRow(const Row &row, int delta);
    quint16 intern(QStringList *values, QHash<QString, quint16> *index, const QString &value);
    void fillRow(Row *row, const Ticket &ticket);
    void adoptPendingConfidence(Row *row);
    //! Applies \a mutate to row \a rowIndex keeping both orders and the counts right, emitting
    //! the row insert/remove/move; data changes are collected in \a changed for one dataChanged.
    template <typename Mutate> void changeRow(quint32 rowIndex, Mutate mutate, QList<quint32> *changed);
    void insertNewRow(quint32 rowIndex);
    void emitDataChanged(const QList<quint32> &changed);
    QVariant displayData(const Row &row, int column) const;
    QVariant sortData(const Row &row, int column) const;

    std::vector<Row> m_rows;
    std::vector<quint32> m_sorted;  //!< every row index, in display order
    std::vector<quint32> m_visible; //!< the filtered subsequence of m_sorted shown as rows
    std::vector<quint8> m_mark;     //!< scratch for filter diffs (reused: no per-keystroke allocation)
    QHash<qint64, quint32> m_rowById;
    QStringList m_queues;    //!< interned queue ids (Row::queue indexes this)
    QStringList m_languages; //!< interned language tags
    QHash<QString, quint16> m_queueIndex;
    QHash<QString, quint16> m_languageIndex;
    std::vector<int> m_queueCounts;       //!< by interned queue index
    std::vector<int> m_queueCrisisCounts; //!< unsolved crisis tickets, by interned queue index
    int m_mineCount = 0;
    int m_unassignedCount = 0;
    int m_needsHumanCount = 0;
    int m_crisisCount = 0;
    QHash<qint64, float> m_pendingConfidence;      //!< confidences of tickets not seen yet
    QHash<qint64, QPair<QString, int>> m_presence; //!< by ticket id: summary, state
    QHash<qint64, QString> m_userNames;            //!< by user id, for AssigneeNameRole
    qint64 m_currentUserId = kNoAssignee;
    int m_sortColumn = SlaDueColumn;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    QString m_searchText;
    InboxView m_view;
};

} // namespace tandem::app
