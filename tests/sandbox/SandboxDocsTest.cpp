// docs/SANDBOX.md says what it should: its job template example is a template MigDesk accepts
// for the sandbox's job, and it states what the sandbox leaves out, XML first.
#include "SandboxServer.h"
#include "bulk/JobTemplate.h"

#include <QFile>
#include <QRegularExpression>

#include <gtest/gtest.h>

using namespace migdesk;

namespace {

QString sandboxDoc()
{
    QFile file(QStringLiteral(MIGDESK_SOURCE_DIR "/docs/SANDBOX.md"));
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << file.fileName().toStdString();
    return QString::fromUtf8(file.readAll());
}

TEST(SandboxDocsTest, JobTemplateExampleIsAValidTemplate)
{
    const QString doc = sandboxDoc();
    const qsizetype at = doc.indexOf(QStringLiteral("settings template"));
    ASSERT_GE(at, 0);
    const QRegularExpression block(QStringLiteral("```json\\n(.*?)```"),
                                   QRegularExpression::DotMatchesEverythingOption);
    const auto match = block.match(doc, at);
    ASSERT_TRUE(match.hasMatch()) << "no ```json block after \"settings template\"";
    const auto parsed = JobTemplate::parse(match.captured(1).toUtf8());
    ASSERT_TRUE(parsed.isOk()) << parsed.error().message.toStdString();
    EXPECT_EQ(parsed.value().jobId(), sandbox::SandboxOptions().jobId);
}

TEST(SandboxDocsTest, SaysWhatIsLeftOut)
{
    const QString doc = sandboxDoc();
    const qsizetype section = doc.indexOf(QStringLiteral("## What the sandbox covers"));
    ASSERT_GE(section, 0);
    const QString rest = doc.mid(section);
    EXPECT_TRUE(rest.contains(QStringLiteral("It leaves out")));
    EXPECT_TRUE(rest.contains(QStringLiteral("**XML.** JSON is the sandbox's only format")));
}

} // namespace
