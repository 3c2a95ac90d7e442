// `migdesk-cli classify` against output recorded before the lean reader existed
// (tests/fixtures/classify/README.md): both readers must give it byte for byte, error lines and
// exit code included.
#include "TestSupport.h"

#include <QProcess>

#include <gtest/gtest.h>

namespace {

struct CliOutput {
    int exitCode = -1;
    QByteArray out;
};

CliOutput classify(const QStringList &args, const QByteArray &input)
{
    QProcess process;
    process.start(migdesk::test::cliPath(), QStringList{QStringLiteral("classify")} + args);
    CliOutput run;
    if (!process.waitForStarted(10000))
        return run;
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000))
        return run;
    run.exitCode = process.exitCode();
    run.out = process.readAllStandardOutput();
    return run;
}

// The first line where two outputs differ, for a readable failure.
std::string firstDifference(const QByteArray &actual, const QByteArray &expected)
{
    const QList<QByteArray> a = actual.split('\n');
    const QList<QByteArray> e = expected.split('\n');
    for (qsizetype i = 0; i < std::max(a.size(), e.size()); ++i) {
        const QByteArray left = a.value(i);
        const QByteArray right = e.value(i);
        if (left != right)
            return "output line " + std::to_string(i + 1) + ":\n  got      " +
                   left.left(300).toStdString() + "\n  recorded " + right.left(300).toStdString();
    }
    return {};
}

struct Golden {
    const char *name;
    QStringList options;
    const char *recorded;
};

void PrintTo(const Golden &golden, std::ostream *out)
{
    *out << golden.name;
}

class ClassifyGolden : public testing::TestWithParam<Golden> {};

TEST_P(ClassifyGolden, BothReadersReproduceTheRecordedOutput)
{
    const QByteArray input = migdesk::test::readFixture(QStringLiteral("classify/input.jsonl"));
    const QByteArray recorded = migdesk::test::readFixture(QStringLiteral("classify/") +
                                                           QLatin1String(GetParam().recorded));
    ASSERT_GT(input.count('\n'), 300);
    ASSERT_EQ(recorded.count('\n'), input.count('\n'));

    for (const char *reader : {"lean", "full"}) {
        SCOPED_TRACE(reader);
        const CliOutput run = classify(
            GetParam().options + QStringList{QStringLiteral("--reader"), QLatin1String(reader)},
            input);
        EXPECT_EQ(run.exitCode, 1); // the malformed lines
        EXPECT_EQ(run.out.size(), recorded.size());
        EXPECT_TRUE(run.out == recorded) << firstDifference(run.out, recorded);
    }
}

INSTANTIATE_TEST_SUITE_P(
    Modes, ClassifyGolden,
    testing::Values(Golden{"desk", {}, "desk.out.jsonl"},
                    Golden{"followup",
                           {QStringLiteral("--mode"), QStringLiteral("followup")},
                           "followup.out.jsonl"}),
    [](const testing::TestParamInfo<Golden> &info) { return std::string(info.param.name); });

TEST(ClassifyReaderOption, UnknownReaderIsRefused)
{
    const CliOutput run = classify({QStringLiteral("--reader"), QStringLiteral("quick")}, "{}\n");
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_TRUE(run.out.isEmpty());
}

} // namespace
