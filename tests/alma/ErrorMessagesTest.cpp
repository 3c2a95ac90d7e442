// userMessage(): every error kind has a staff-readable sentence; Alma's detail is quoted.
#include "alma/ErrorMessages.h"

#include <QStringList>

#include <gtest/gtest.h>

namespace migdesk {
namespace {

TEST(ErrorMessagesTest, EveryKindHasADistinctMessage)
{
    const ErrorKind kinds[] = {ErrorKind::Network,     ErrorKind::Timeout,     ErrorKind::Http,
                               ErrorKind::Alma,        ErrorKind::Parse,       ErrorKind::Auth,
                               ErrorKind::RateLimited, ErrorKind::DailyBudget, ErrorKind::Cancelled,
                               ErrorKind::Ambiguous,   ErrorKind::Stale,       ErrorKind::Unsafe};
    QStringList seen;
    for (ErrorKind kind : kinds) {
        const QString message = userMessage(ApiError::make(kind, {}, 500));
        EXPECT_FALSE(message.isEmpty()) << errorKindName(kind).toStdString();
        EXPECT_FALSE(seen.contains(message)) << errorKindName(kind).toStdString();
        seen.append(message);
    }
}

TEST(ErrorMessagesTest, UnknownBarcodeSaysWhatToDo)
{
    ApiError error =
        ApiError::make(ErrorKind::Alma, QStringLiteral("No items found for barcode 1."), 400,
                       QStringLiteral("401689"));
    EXPECT_TRUE(userMessage(error).contains(QStringLiteral("barcode")));
}

TEST(ErrorMessagesTest, QuotesAlmaMessageCodeAndTrackingId)
{
    ApiError error = ApiError::make(ErrorKind::Alma, QStringLiteral("Item delete errors: loan"),
                                    400, QStringLiteral("401849"));
    error.trackingId = QStringLiteral("E02-TRACK");
    const QString message = userMessage(error);
    EXPECT_TRUE(message.contains(QStringLiteral("Item delete errors: loan")));
    EXPECT_TRUE(message.contains(QStringLiteral("401849")));
    EXPECT_TRUE(message.contains(QStringLiteral("E02-TRACK")));
}

TEST(ErrorMessagesTest, ServerErrorsMentionTheStatus)
{
    EXPECT_TRUE(
        userMessage(ApiError::make(ErrorKind::Http, {}, 503)).contains(QStringLiteral("503")));
}

TEST(ErrorMessagesTest, ValidationShowsTheReasonGiven)
{
    EXPECT_EQ(
        userMessage(ApiError::make(ErrorKind::Validation, QStringLiteral("The barcode is empty."))),
        QStringLiteral("The barcode is empty."));
}

} // namespace
} // namespace migdesk
