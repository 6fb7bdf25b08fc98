#pragma once

#include "core/Stats.h"

#include <QWidget>

class QAbstractItemModel;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QStandardItemModel;
class QTableView;

namespace tandem::app {
class EscalationPolicyModel;
class ReasonCodeRulesModel;
class SupervisorClient;
} // namespace tandem::app

namespace tandem::ui {

//! "Escalation thresholds": the policy per queue and intent as an editable table, beside it the
//! rule per reason code (escalate or not, the priority at least; crisis locked at urgent), a
//! preview of what a change would have done to the last days' tickets, and Save (one PUT with
//! If-Match for both tables: if someone else saved first, say so and load their version).
class SupervisorPolicyTab : public QWidget
{
    Q_OBJECT

public:
    explicit SupervisorPolicyTab(app::SupervisorClient *client, QWidget *parent = nullptr);
    ~SupervisorPolicyTab() override;

    //! GET /policy/escalation; unsaved edits are dropped.
    void reload();
    void preview();
    void save();

    app::EscalationPolicyModel *model() const { return m_model; }
    app::ReasonCodeRulesModel *codesModel() const { return m_codes; }
    QTableView *codesView() const { return m_codesView; }
    //! The policy document as edited in both tables (what Preview and Save send).
    QJsonObject editedPolicy() const;
    bool isModified() const;
    //! A preview reason code ("low_confidence", ...) as a translated phrase.
    static QString reasonText(const QString &code);
    qint64 version() const { return m_document.version; }

Q_SIGNALS:
    void exportRequested(const QAbstractItemModel *model, const QString &suggestedName);
    void loaded();
    void saved();
    //! Someone else saved first (412); the current policy is being loaded.
    void conflict();
    void previewReady(const tandem::PolicyPreview &preview);

private:
    void showDocument(const EscalationPolicyDocument &document);
    void showPreview(const PolicyPreview &preview);
    void updateButtons();
    QWidget *makeCodesPane(QWidget *parent);
    void onEdited();

    app::SupervisorClient *m_client;
    app::EscalationPolicyModel *m_model = nullptr;
    app::ReasonCodeRulesModel *m_codes = nullptr;
    QStandardItemModel *m_reasons = nullptr;
    EscalationPolicyDocument m_document;
    QLabel *m_info = nullptr;
    QLabel *m_message = nullptr;
    QTableView *m_table = nullptr;
    QTableView *m_codesView = nullptr;
    QPushButton *m_exportCodes = nullptr;
    QComboBox *m_newSection = nullptr;
    QLineEdit *m_newKey = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_reload = nullptr;
    QSpinBox *m_days = nullptr;
    QPushButton *m_preview = nullptr;
    QPushButton *m_save = nullptr;
    QLabel *m_previewSummary = nullptr;
    QTableView *m_reasonsView = nullptr;
    QPushButton *m_exportPreview = nullptr;
    bool m_busy = false;
    bool m_hasDocument = false;
};

} // namespace tandem::ui
