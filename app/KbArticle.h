#pragma once

#include <QString>

namespace tandem::app {

//! GET /api/v1/kb/{id}: a knowledge-base article a draft cited ("kb:<id>").
struct KbArticle
{
    qint64 id = 0;
    QString slug;
    QString title;
    QString body;
    QString language;
    QString intent;
};

} // namespace tandem::app
