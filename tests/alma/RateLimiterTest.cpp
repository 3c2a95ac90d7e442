// The token bucket, driven by a fake clock.
#include "alma/RateLimiter.h"

#include <gtest/gtest.h>

namespace migdesk {
namespace {

class RateLimiterTest : public ::testing::Test {
protected:
    qint64 now = 1000;
    RateLimiter::Clock clock()
    {
        return [this] { return now; };
    }
};

TEST_F(RateLimiterTest, AllowsABurstOfAQuarterSecondThenSpacesCalls)
{
    RateLimiter limiter(20, clock());
    EXPECT_EQ(limiter.burst(), 5.0);
    for (int i = 0; i < 5; ++i)
        EXPECT_EQ(limiter.reserve(), 0) << i;
    EXPECT_EQ(limiter.reserve(), 50);  // one token every 50 ms
    EXPECT_EQ(limiter.reserve(), 100); // reservations queue up in order
    now += 100;
    EXPECT_EQ(limiter.reserve(), 50);
}

TEST_F(RateLimiterTest, NeverMoreThanRatePlusBurstInAnySecond)
{
    RateLimiter limiter(25, clock());
    // Greedy callers: each reserves and "sends" at now + wait; count sends per 1 s window.
    std::vector<qint64> sendTimes;
    for (int i = 0; i < 200; ++i)
        sendTimes.push_back(now + limiter.reserve());
    for (qint64 start = sendTimes.front(); start < sendTimes.back(); start += 10) {
        const auto inWindow = std::count_if(sendTimes.begin(), sendTimes.end(), [start](qint64 t) {
            return t >= start && t < start + 1000;
        });
        EXPECT_LE(inWindow, 25 + 6) << start;
    }
    // And it does not crawl: 200 calls in about 8 s.
    EXPECT_LE(sendTimes.back() - sendTimes.front(), 8000);
}

TEST_F(RateLimiterTest, IdleTimeRefillsOnlyUpToTheBurst)
{
    RateLimiter limiter(4, clock());
    EXPECT_EQ(limiter.burst(), 1.0);
    EXPECT_EQ(limiter.reserve(), 0);
    now += 60000;
    EXPECT_EQ(limiter.reserve(), 0);
    EXPECT_EQ(limiter.reserve(), 250);
}

TEST_F(RateLimiterTest, PauseHoldsEveryoneAndDropsSavedTokens)
{
    RateLimiter limiter(20, clock());
    limiter.pause(1000);
    EXPECT_EQ(limiter.reserve(), 1050);
    EXPECT_EQ(limiter.reserve(), 1100);
    now += 2000;
    EXPECT_EQ(limiter.reserve(), 0);
}

TEST_F(RateLimiterTest, RateChangesApply)
{
    RateLimiter limiter(1, clock());
    EXPECT_EQ(limiter.reserve(), 0);
    EXPECT_EQ(limiter.reserve(), 1000);
    limiter.setRate(10);
    EXPECT_DOUBLE_EQ(limiter.rate(), 10.0);
    now += 1000;
    EXPECT_EQ(limiter.reserve(), 0);
    limiter.setRate(-3); // nonsense becomes a tiny positive rate, never a division by zero
    EXPECT_GT(limiter.rate(), 0.0);
}

TEST(RateLimiterSharedTest, IsOneInstanceForTheProcess)
{
    EXPECT_EQ(&RateLimiter::shared(), &RateLimiter::shared());
}

} // namespace
} // namespace migdesk
