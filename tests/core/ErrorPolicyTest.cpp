// The one error policy over every ErrorKind (and the HTTP statuses that change a kind's class):
// which class it falls in, whether it stays pending, whether the desk waits, and whether a write
// that failed this way may still have reached Alma.
#include "model/ErrorPolicy.h"

#include <gtest/gtest.h>

namespace migdesk {
namespace {

struct PolicyCase {
    const char *name;
    ErrorKind kind;
    int httpStatus;
    ErrorClass expected;
    bool transient;
    bool offline;
    bool mayHaveWritten;
};

class ErrorPolicyTest : public ::testing::TestWithParam<PolicyCase> {};

TEST_P(ErrorPolicyTest, ClassifiesOneWay)
{
    const PolicyCase &c = GetParam();
    const ApiError error = ApiError::make(c.kind, QStringLiteral("x"), c.httpStatus);
    EXPECT_EQ(errorClass(error), c.expected) << errorClassName(errorClass(error)).toStdString();
    EXPECT_EQ(isTransientError(error), c.transient);
    EXPECT_EQ(isOfflineError(error), c.offline);
    EXPECT_EQ(writeMayHaveHappened(error), c.mayHaveWritten);
}

using C = ErrorClass;
INSTANTIATE_TEST_SUITE_P(
    EveryKind, ErrorPolicyTest,
    ::testing::Values(
        PolicyCase{"None", ErrorKind::None, 0, C::None, false, false, false},
        PolicyCase{"Network", ErrorKind::Network, 0, C::Offline, true, true, true},
        PolicyCase{"Timeout", ErrorKind::Timeout, 0, C::Offline, true, true, true},
        PolicyCase{"RateLimited", ErrorKind::RateLimited, 429, C::Offline, true, true, false},
        PolicyCase{"DailyBudget", ErrorKind::DailyBudget, 429, C::Offline, true, true, false},
        PolicyCase{"Cancelled", ErrorKind::Cancelled, 0, C::Temporary, true, false, true},
        PolicyCase{"Ambiguous", ErrorKind::Ambiguous, 0, C::UncertainWrite, true, false, true},
        PolicyCase{"HttpNoStatus", ErrorKind::Http, 0, C::Offline, true, true, true},
        PolicyCase{"Http503", ErrorKind::Http, 503, C::Offline, true, true, true},
        PolicyCase{"Http429", ErrorKind::Http, 429, C::Offline, true, true, false},
        PolicyCase{"Http404", ErrorKind::Http, 404, C::Refused, false, false, false},
        PolicyCase{"Alma400", ErrorKind::Alma, 400, C::Refused, false, false, false},
        PolicyCase{"Alma500", ErrorKind::Alma, 500, C::Offline, true, true, true},
        PolicyCase{"Parse", ErrorKind::Parse, 200, C::Refused, false, false, false},
        PolicyCase{"Auth", ErrorKind::Auth, 401, C::Refused, false, false, false},
        PolicyCase{"Stale", ErrorKind::Stale, 0, C::Refused, false, false, false},
        PolicyCase{"Validation", ErrorKind::Validation, 0, C::Refused, false, false, false},
        PolicyCase{"Unsafe", ErrorKind::Unsafe, 0, C::Refused, false, false, false}),
    [](const ::testing::TestParamInfo<PolicyCase> &info) { return info.param.name; });

TEST(ErrorPolicyCodes, NotFoundIsTheBarcodeLookupOrAGoneItem)
{
    ApiError lookup = ApiError::make(ErrorKind::Alma, QStringLiteral("none"), 400,
                                     QString(almacode::NoItemForBarcode));
    EXPECT_TRUE(isItemNotFound(lookup));
    ApiError gone =
        ApiError::make(ErrorKind::Alma, QStringLiteral("gone"), 400, QString(almacode::NoSuchItem));
    EXPECT_TRUE(isItemNotFound(gone));
    ApiError other = ApiError::make(ErrorKind::Alma, QStringLiteral("no"), 400,
                                    QString(almacode::ItemUpdateFailed));
    EXPECT_FALSE(isItemNotFound(other));
    EXPECT_EQ(QString(almacode::NoItemForBarcode), QStringLiteral("401689"));
}

} // namespace
} // namespace migdesk
