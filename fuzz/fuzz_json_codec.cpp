// libFuzzer target: the core JSON decoders (tandem_core JsonCodec) on arbitrary bytes.
// The first byte picks the decoder, the rest is the document. A decoded value must encode and
// decode again, and the second encoding must equal the first (the codec is stable).
#include "core/JsonCodec.h"
#include "core/StatsJson.h"

#include <QByteArray>
#include <QJsonObject>

#include <cstdint>
#include <cstdlib>

using namespace tandem;

namespace {

template <typename T, typename Decode> void roundTrip(const QJsonObject &object, Decode decode)
{
    QString error;
    const std::optional<T> value = decode(object, &error);
    if (!value)
        return; // rejected: fine, as long as it did not crash
    const QJsonObject once = json::toJson(*value);
    const std::optional<T> again = decode(once, &error);
    if (!again)
        std::abort(); // the codec cannot read what it wrote
    if (json::toJson(*again) != once)
        std::abort(); // encoding is not stable
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const QByteArray bytes(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    QString error;
    const std::optional<QJsonObject> object = json::parseObject(bytes, &error);
    if (!object)
        return 0;
    switch (data[0] % 22) {
    case 0:
        roundTrip<Customer>(*object, json::customerFromJson);
        break;
    case 1:
        roundTrip<Ticket>(*object, json::ticketFromJson);
        break;
    case 2:
        roundTrip<Message>(*object, json::messageFromJson);
        break;
    case 3:
        roundTrip<Draft>(*object, json::draftFromJson);
        break;
    case 4:
        roundTrip<User>(*object, json::userFromJson);
        break;
    case 5:
        roundTrip<TicketDetail>(*object, json::ticketDetailFromJson);
        break;
    case 6:
        roundTrip<TicketPage>(*object, json::ticketPageFromJson);
        break;
    case 7:
        roundTrip<LoginResult>(*object, json::loginResultFromJson);
        break;
    case 8:
        roundTrip<NewTicketRequest>(*object, json::newTicketRequestFromJson);
        break;
    case 9:
        roundTrip<ReplyRequest>(*object, json::replyRequestFromJson);
        break;
    case 10:
        roundTrip<ReplyResult>(*object, json::replyResultFromJson);
        break;
    case 11:
        roundTrip<TicketPatch>(*object, json::ticketPatchFromJson);
        break;
    case 12:
        (void)json::apiErrorFromJson(*object, 400);
        break;
    case 14:
        roundTrip<QueueStatsReport>(*object, json::queueStatsReportFromJson);
        break;
    case 15:
        roundTrip<AgentStatsReport>(*object, json::agentStatsReportFromJson);
        break;
    case 16:
        roundTrip<SuggestionStatsReport>(*object, json::suggestionStatsReportFromJson);
        break;
    case 17:
        roundTrip<ReviewPage>(*object, json::reviewPageFromJson);
        break;
    case 18:
        roundTrip<VerdictRequest>(*object, json::verdictRequestFromJson);
        break;
    case 19:
        roundTrip<EscalationPolicyDocument>(*object, json::escalationPolicyDocumentFromJson);
        break;
    case 20:
        roundTrip<PolicyPreview>(*object, json::policyPreviewFromJson);
        break;
    case 21:
        roundTrip<ReviewItem>(*object, json::reviewItemFromJson);
        break;
    default:
        (void)json::serialize(*object);
        break;
    }
    return 0;
}
