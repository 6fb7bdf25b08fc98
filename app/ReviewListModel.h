#pragma once

#include "SupervisorClient.h"

#include "core/ApiTypes.h"
#include "core/Stats.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace tandem::app {

//! The AI-assisted replies of GET /reviews, newest first (or the spot-check sample), loaded a
//! page at a time: views call fetchMore() as they scroll. setFilter() starts over; answers to an
//! older filter are dropped. Without a client (unit tests) pages are fed with appendPage().
class ReviewListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        SentColumn,
        SubjectColumn,
        AgentColumn,
        IntentColumn,
        LanguageColumn,
        OutcomeColumn,
        ConfidenceColumn,
        EditDistanceColumn,
        ReopenedColumn,
        VerdictColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role
    {
        ReviewIdRole = Qt::UserRole + 1, //!< qint64, the sent message's id
        TicketIdRole,                    //!< qint64
        VerdictRole,                     //!< QString, "" when none yet
        OutcomeRole,                     //!< QString as_is|edited|own
        SortRole,
    };
    Q_ENUM(Role)

    //! \a client may be null (pages are then only fed by appendPage()); it is not owned.
    explicit ReviewListModel(SupervisorClient *client, QObject *parent = nullptr);
    ~ReviewListModel() override;

    //! Clears the list and loads the first page for \a filter.
    void setFilter(const ReviewFilter &filter);
    const ReviewFilter &filter() const { return m_filter; }
    //! Loads the first page again with the current filter.
    void reload() { setFilter(m_filter); }

    //! Appends \a page's items (skipping ids already listed) and remembers its cursor.
    void appendPage(const ReviewPage &page);
    //! Replaces the row with \a item's id (after a verdict); false if it is not listed.
    bool updateItem(const ReviewItem &item);

    const ReviewItem *itemAt(int row) const;
    int rowOf(qint64 reviewId) const;
    bool isLoading() const { return m_loading; }
    bool hasMore() const { return !m_nextCursor.isEmpty(); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    //! Translated name of a verdict key ("" -> "Not reviewed").
    static QString verdictText(const QString &verdict);
    //! Translated name of an outcome key.
    static QString outcomeText(const QString &outcome);

Q_SIGNALS:
    void loadingChanged(bool loading);
    //! A page arrived (after setFilter(): the first one).
    void pageLoaded(int added);
    void loadFailed(const tandem::ApiError &error);

private:
    void requestPage(const QString &cursor);
    void setLoading(bool loading);

    QPointer<SupervisorClient> m_client;
    ReviewFilter m_filter;
    QList<ReviewItem> m_items;
    QString m_nextCursor;
    bool m_loading = false;
    quint64 m_generation = 0; //!< bumped by setFilter(); older answers are dropped
};

} // namespace tandem::app
