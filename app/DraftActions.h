#pragma once

#include "ApiResult.h"

#include "core/Draft.h"

#include <QString>

class QObject;

namespace tandem::app {

class ApiClient;

//! Draft commands the desktop app sends on top of ApiClient::send (POST
//! /tickets/{id}/draft/regenerate), decoded with the core codecs.
class DraftActions
{
public:
    //! The tones the server accepts for a regenerated draft.
    static bool isValidTone(const QString &tone);

    //! POST /tickets/{id}/draft/regenerate {"tone": \a tone}: answers the new current draft (201).
    //! The ticket's version goes up by one on the server.
    static void regenerate(ApiClient *client, qint64 ticketId, const QString &tone, QObject *context,
                           ApiCallback<Draft> callback);
};

} // namespace tandem::app
