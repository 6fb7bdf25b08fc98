#pragma once

#include <QDialog>
#include <QPointer>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace tandem::app {
class ApiClient;
}

namespace tandem::ui {

//! A read-only, non-modal window showing a source a draft cited: a knowledge-base article
//! ("kb:<id>", GET /kb/{id}) or a past resolved ticket's thread ("ticket:<id>", GET /tickets/{id}).
//! Everything is plain text in a QPlainTextEdit: no HTML rendering, no resource loads.
class SourceViewer : public QDialog
{
    Q_OBJECT

public:
    explicit SourceViewer(app::ApiClient *api, QWidget *parent = nullptr);

    //! Fetches and shows \a sourceId; \a title (from the citation) is shown while loading.
    //! Unknown source kinds show an error instead.
    void showSource(const QString &sourceId, const QString &title);

    QString sourceId() const { return m_sourceId; }
    QString titleText() const;
    QString bodyText() const;
    //! True once the source arrived (or failed) and the text is final.
    bool isLoaded() const { return m_loaded; }

Q_SIGNALS:
    //! The fetch finished; \a ok is false when the source could not be loaded.
    void loaded(bool ok);

private:
    void setContent(const QString &title, const QString &meta, const QString &body);
    void finish(bool ok);

    QPointer<app::ApiClient> m_api;
    QString m_sourceId;
    quint64 m_request = 0; //!< bumped per showSource(): late answers for an older source are dropped
    bool m_loaded = false;
    QLabel *m_title = nullptr;
    QLabel *m_meta = nullptr;
    QPlainTextEdit *m_body = nullptr;
    QPushButton *m_close = nullptr;
};

} // namespace tandem::ui
