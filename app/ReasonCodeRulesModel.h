#pragma once

#include "core/Enums.h"

#include <QAbstractTableModel>
#include <QJsonObject>
#include <QList>

#include <optional>

namespace tandem::app {

//! The `codes` object of the escalation policy (GET/PUT /policy/escalation) as an editable table:
//! one row per reason code of core/ReasonCodes.h, most serious first, saying whether the code
//! sends a ticket to a person first and the priority the ticket then gets at least.
//! A crisis always goes to a person at urgent priority (tandemd refuses any other rule): its row
//! cannot be edited. A code the document does not mention follows tandemd's built-in rule; it is
//! shown as such (partly checked, "Built-in") and stays unmentioned until someone edits it.
class ReasonCodeRulesModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        ReasonColumn,   //!< the code's words (app::ReasonText)
        EscalateColumn, //!< check box: escalate (partly checked: the built-in rule)
        PriorityColumn, //!< Qt::EditRole: "low"|"normal"|"high"|"urgent", "" for the built-in rule
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role
    {
        CodeRole = Qt::UserRole + 1, //!< QString, the reason code
        LockedRole,                  //!< bool: the row cannot be changed (crisis)
    };
    Q_ENUM(Role)

    explicit ReasonCodeRulesModel(QObject *parent = nullptr);
    ~ReasonCodeRulesModel() override;

    //! Replaces the rules with \a codes (the policy's "codes" object); not modified.
    void setCodes(const QJsonObject &codes);
    //! The edited "codes" object: every entry that was there (settings this table does not show
    //! are kept) plus the rules edited here.
    QJsonObject codes() const;
    bool isModified() const { return m_modified; }

    //! True for a code whose rule is fixed (crisis: always escalated, always urgent).
    static bool isLocked(QStringView code);
    //! Why a locked row cannot change, for its tool tip and the tab's note.
    static QString lockedExplanation();
    //! The priority keys the combo offers, lowest first ("low" ... "urgent").
    static QStringList priorityKeys();
    //! "Low" ... "Urgent" for a key; "Built-in" for an empty one.
    static QString priorityLabel(const QString &key);
    //! The row of \a code, -1 when unknown.
    int rowOf(QStringView code) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    //! Any accepted edit.
    void edited();

private:
    struct Rule
    {
        QString code;
        std::optional<bool> escalate;     //!< unset: the built-in rule
        std::optional<Priority> priority; //!< unset: the built-in rule
        QJsonObject extra;                //!< the entry's other settings, kept as loaded
        bool mentioned = false;           //!< the document has an entry for the code
    };
    QString rowToolTip(const Rule &rule, int column) const;

    QJsonObject m_base; //!< the object as loaded: entries for codes this build does not know stay
    QList<Rule> m_rules;
    bool m_modified = false;
};

} // namespace tandem::app
