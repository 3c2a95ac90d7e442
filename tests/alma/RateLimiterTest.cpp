// The rate limiter, driven by a fake clock.
#include "alma/RateLimiter.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

namespace migdesk {
namespace {

class RateLimiterTest : public ::testing::Test {
protected:
    qint64 now = 1000;
    RateLimiter::Clock clock()
    {
        return [this] { return now; };
    }

    // Greedy callers: each reserves and "sends" at now + wait, `calls` times, advancing the
    // clock by `stepMs` between reservations. Returns the largest count of sends found in any
    // half-open one-second window.
    int busiestSecond(RateLimiter &limiter, int calls, qint64 stepMs)
    {
        std::vector<qint64> sendTimes;
        for (int i = 0; i < calls; ++i) {
            sendTimes.push_back(now + limiter.reserve());
            now += stepMs;
        }
        std::sort(sendTimes.begin(), sendTimes.end());
        int most = 0;
        for (qint64 start = sendTimes.front() - 999; start <= sendTimes.back(); ++start) {
            const auto inWindow =
                std::count_if(sendTimes.begin(), sendTimes.end(),
                              [start](qint64 t) { return t >= start && t < start + 1000; });
            most = std::max(most, int(inWindow));
        }
        return most;
    }
};

TEST_F(RateLimiterTest, SpacesEveryCallByDefaultWithNoBurst)
{
    RateLimiter limiter(20, clock());
    EXPECT_EQ(limiter.burst(), 1);
    EXPECT_EQ(limiter.reserve(), 0);
    EXPECT_EQ(limiter.reserve(), 50);  // one call every 50 ms
    EXPECT_EQ(limiter.reserve(), 100); // reservations queue up in order
    now += 100;
    EXPECT_EQ(limiter.reserve(), 50);
}

TEST_F(RateLimiterTest, NeverMoreThanTheRateInAnySecond)
{
    RateLimiter limiter(25, clock());
    EXPECT_EQ(busiestSecond(limiter, 200, 0), 25);
    // And it does not crawl: the 201st call waits exactly 200 intervals of 40 ms.
    EXPECT_EQ(limiter.reserve(), 200 * 40);
}

TEST_F(RateLimiterTest, NeverMoreThanTheRateWithANonIntegerRateOrIdleSpells)
{
    // 23.75/s (the batch's 95 % of 25): calls 42.1 ms apart, so a window holds at most
    // ceil(23.75) = 24 starts, below Alma's 25.
    RateLimiter limiter(23.75, clock());
    EXPECT_EQ(busiestSecond(limiter, 300, 0), 24);
    now += 30000; // a lull (past the queued 12.6 s) saves nothing up
    EXPECT_EQ(busiestSecond(limiter, 300, 13), 24);
    now += 777;
    EXPECT_EQ(busiestSecond(limiter, 300, 61), 24);
}

TEST_F(RateLimiterTest, AConfiguredBurstLetsThatManyGoAtOnce)
{
    RateLimiter limiter(20, clock(), 3);
    EXPECT_EQ(limiter.burst(), 3);
    for (int i = 0; i < 3; ++i)
        EXPECT_EQ(limiter.reserve(), 0) << i;
    EXPECT_EQ(limiter.reserve(), 50);
    EXPECT_EQ(limiter.reserve(), 100);
    limiter.setBurst(0); // nonsense becomes 1
    EXPECT_EQ(limiter.burst(), 1);
}

TEST_F(RateLimiterTest, IdleTimeSavesNothingUp)
{
    RateLimiter limiter(4, clock());
    EXPECT_EQ(limiter.reserve(), 0);
    now += 60000;
    EXPECT_EQ(limiter.reserve(), 0);
    EXPECT_EQ(limiter.reserve(), 250);
}

TEST_F(RateLimiterTest, PauseHoldsEveryone)
{
    RateLimiter limiter(20, clock());
    limiter.pause(1000);
    EXPECT_EQ(limiter.reserve(), 1000);
    EXPECT_EQ(limiter.reserve(), 1050);
    now += 2000;
    EXPECT_EQ(limiter.reserve(), 0);
}

TEST_F(RateLimiterTest, PauseDropsASavedUpBurst)
{
    RateLimiter limiter(20, clock(), 4);
    limiter.pause(1000);
    EXPECT_EQ(limiter.reserve(), 1000);
    EXPECT_EQ(limiter.reserve(), 1050);
}

TEST_F(RateLimiterTest, RateChangesApply)
{
    RateLimiter limiter(1, clock());
    EXPECT_EQ(limiter.reserve(), 0);
    EXPECT_EQ(limiter.reserve(), 1000);
    limiter.setRate(10);
    EXPECT_DOUBLE_EQ(limiter.rate(), 10.0);
    now += 2000;
    EXPECT_EQ(limiter.reserve(), 0);
    EXPECT_EQ(limiter.reserve(), 100);
    limiter.setRate(-3); // nonsense becomes a tiny positive rate, never a division by zero
    EXPECT_GT(limiter.rate(), 0.0);
}

TEST(RateLimiterSharedTest, IsOneInstanceForTheProcess)
{
    EXPECT_EQ(&RateLimiter::shared(), &RateLimiter::shared());
}

} // namespace
} // namespace migdesk
