#pragma once

#include <QAbstractTableModel>
#include <QJsonObject>
#include <QList>

namespace tandem::app {

//! The escalation policy (GET/PUT /policy/escalation) as an editable table: the defaults row,
//! then one row per queue, intent and queue/intent rule. A blank cell inherits from the level
//! above (defaults -> queue -> intent -> queue/intent). policy() gives the document back with
//! every setting the table does not show (reasons, comments, model abstention) kept as it was.
class EscalationPolicyModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        ScopeColumn,
        MinConfidenceColumn,     //!< min_confidence, 0..1
        NegativeSentimentColumn, //!< negative_sentiment_at_or_below, -1..1
        RepeatContactColumn,     //!< repeat_contact_messages, whole number >= 0 (0: off)
        SensitiveColumn,         //!< sensitive, tri-state check (partially checked: inherit)
        AlwaysColumn,            //!< always, tri-state check
        ColumnCount
    };
    Q_ENUM(Column)

    enum class Section
    {
        Defaults,
        Queue,
        Intent,
        QueueIntent
    };
    Q_ENUM(Section)

    explicit EscalationPolicyModel(QObject *parent = nullptr);
    ~EscalationPolicyModel() override;

    //! Replaces the table with \a policy (the "policy" object of the document); not modified.
    void setPolicy(const QJsonObject &policy);
    //! The edited policy document.
    QJsonObject policy() const;
    bool isModified() const { return m_modified; }

    //! Adds an empty rule (everything inherited) for \a key; returns its row, or the existing
    //! row if there is one already; -1 for an empty key or Section::Defaults.
    int addRule(Section section, const QString &key);
    //! Removes a queue/intent rule; the defaults row cannot be removed.
    bool removeRule(int row);
    Section sectionAt(int row) const;
    //! Why the last setData() was refused (translated), empty after a successful one.
    QString lastError() const { return m_lastError; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    //! Any edit (setData, addRule, removeRule).
    void edited();

private:
    struct Rule
    {
        Section section = Section::Defaults;
        QString key;
        QJsonObject settings;
    };
    static QString settingName(int column);
    void markModified();

    QJsonObject m_base; //!< the document as loaded (sections are rebuilt from m_rules)
    QList<Rule> m_rules;
    bool m_modified = false;
    QString m_lastError;
};

} // namespace tandem::app
