// The generated version header carries the CMake project version.
#include <migdesk/Version.h>

#include <gtest/gtest.h>

#include <QRegularExpression>
#include <QString>

TEST(VersionTest, IsSemanticVersion)
{
    const QString version = QString::fromLatin1(migdesk::kVersion);
    EXPECT_TRUE(
        QRegularExpression(QStringLiteral("^\\d+\\.\\d+\\.\\d+$")).match(version).hasMatch())
        << version.toStdString();
}
