#pragma once

#include <QWidget>

class QAbstractItemModel;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace tandem {
struct ReviewItem;
}

namespace tandem::app {
class ReviewListModel;
class SupervisorClient;
} // namespace tandem::app

namespace tandem::ui {

class DiffView;

//! "Review": AI-assisted replies filtered by outcome, intent, language, agent and verdict, or the
//! spot-check queue (a random sample of as-is replies without a verdict). The selected reply shows
//! its draft against the sent text as a word diff, its citations and flags and the agent's choice;
//! Good / Should have been edited / Harmful store a verdict, and in spot-check mode move on.
class SupervisorReviewTab : public QWidget
{
    Q_OBJECT

public:
    explicit SupervisorReviewTab(app::SupervisorClient *client, QWidget *parent = nullptr);
    ~SupervisorReviewTab() override;

    //! Loads the first page with the current filters (and the agent list once).
    void refresh();

    app::ReviewListModel *model() const { return m_model; }
    QTableView *listView() const { return m_list; }
    DiffView *diffView() const { return m_diff; }
    //! Filters the list to one agent (\a groupBy "agent", \a key a user id) or one intent, all
    //! other filters cleared, and loads it.
    void showGroup(const QString &groupBy, const QString &key);
    //! The review on display, 0 when none.
    qint64 currentReviewId() const;

Q_SIGNALS:
    void exportRequested(const QAbstractItemModel *model, const QString &suggestedName);
    //! A verdict was stored for \a reviewId.
    void verdictSaved(qint64 reviewId, const QString &verdict);

private:
    void applyFilters();
    void loadAgents();
    void showItem(const ReviewItem *item);
    void selectRow(int row);
    void postVerdict(const QString &verdict);
    void advance();
    void setVerdictButtonsEnabled(bool enabled);

    app::SupervisorClient *m_client;
    app::ReviewListModel *m_model = nullptr;
    QComboBox *m_outcome = nullptr;
    QLineEdit *m_intent = nullptr;
    QLineEdit *m_language = nullptr;
    QComboBox *m_agent = nullptr;
    QComboBox *m_verdict = nullptr;
    QCheckBox *m_spotCheck = nullptr;
    QTableView *m_list = nullptr;
    QLabel *m_listStatus = nullptr;
    QLabel *m_header = nullptr;
    DiffView *m_diff = nullptr;
    QPlainTextEdit *m_sources = nullptr;
    QLineEdit *m_note = nullptr;
    QPushButton *m_good = nullptr;
    QPushButton *m_shouldEdit = nullptr;
    QPushButton *m_harmful = nullptr;
    QLabel *m_verdictStatus = nullptr;
    bool m_agentsLoaded = false;
    bool m_advanceAfterLoad = false;
    bool m_posting = false;
};

} // namespace tandem::ui
