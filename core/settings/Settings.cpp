// Settings: see the header.
#include "settings/Settings.h"

#include "bulk/BulkTypes.h"

#include <QCoreApplication>

#include <algorithm>

namespace migdesk {

namespace {

const QString kRegion = QStringLiteral("alma/region");
const QString kEnvironment = QStringLiteral("alma/environment");
const QString kCustomUrl = QStringLiteral("alma/customUrl");
const QString kProfile = QStringLiteral("alma/profile");
const QString kCaFile = QStringLiteral("network/caFile");
const QString kProxy = QStringLiteral("network/proxy");
const QString kLibrary = QStringLiteral("desk/library");
const QString kCircDesk = QStringLiteral("desk/circDesk");
const QString kMode = QStringLiteral("desk/mode");
const QString kAutoApply = QStringLiteral("desk/autoApply");
const QString kOneAtATime = QStringLiteral("desk/oneAtATime");
const QString kStartInFollowUp = QStringLiteral("desk/startInFollowUp");
const QString kDryRun = QStringLiteral("desk/dryRun");
const QString kCondition = QStringLiteral("rules/conditionCode");
const QString kSourceIls = QStringLiteral("rules/sourceIls");
const QString kRulesFile = QStringLiteral("rules/file");
const QString kMissing = QStringLiteral("rules/missingStrategy");
const QString kWithdrawHoldings = QStringLiteral("rules/withdrawHoldings");
const QString kWithdrawBib = QStringLiteral("rules/withdrawBib");
const QString kJobTemplate = QStringLiteral("bulk/jobTemplate");
const QString kDamagedThreshold = QStringLiteral("bulk/damagedJobThreshold");
const QString kBulkVerify = QStringLiteral("bulk/verify");
const QString kBulkKeepSets = QStringLiteral("bulk/keepSets");
const QString kAnalyticsReportPath = QStringLiteral("bulk/analyticsReportPath");
const QString kWorkOrders = QStringLiteral("workOrders/");
const QString kReviewHandling = QStringLiteral("reviewHandling/");
const QString kPrefix = QStringLiteral("scanner/prefix");
const QString kSuffix = QStringLiteral("scanner/suffix");
const QString kPattern = QStringLiteral("scanner/barcodePattern");
const QString kCodabar = QStringLiteral("scanner/codabarCheckDigit");
const QString kRepeat = QStringLiteral("scanner/repeatWindowMs");
const QString kMinLength = QStringLiteral("scanner/barcodeMinLength");
const QString kSounds = QStringLiteral("feedback/sounds");
const QString kVolume = QStringLiteral("feedback/volume");
const QString kLargerText = QStringLiteral("display/largerText");

const QStringList &policies()
{
    static const QStringList list{QStringLiteral("retain"), QStringLiteral("delete"),
                                  QStringLiteral("suppress")};
    return list;
}

const QStringList &strategies()
{
    static const QStringList list{QStringLiteral("job"), QStringLiteral("put")};
    return list;
}

bool isForbiddenKey(const QString &key)
{
    const QString lower = key.toLower();
    return lower.contains(QLatin1String("apikey")) || lower.contains(QLatin1String("api_key")) ||
           lower.contains(QLatin1String("secret")) || lower.contains(QLatin1String("password"));
}

} // namespace

Settings::Settings(QObject *parent)
    : QObject(parent)
    , m_settings(std::make_unique<QSettings>())
{
    validate();
}

Settings::Settings(const QString &iniPath, QObject *parent)
    : QObject(parent)
    , m_settings(std::make_unique<QSettings>(iniPath, QSettings::IniFormat))
{
    validate();
}

Settings::~Settings() = default;

QString Settings::fileName() const
{
    return m_settings->fileName();
}

void Settings::sync()
{
    m_settings->sync();
}

QStringList Settings::regionNames()
{
    return {QStringLiteral("na"),    QStringLiteral("eu"), QStringLiteral("ap"),
            QStringLiteral("aps"),   QStringLiteral("ca"), QStringLiteral("cn"),
            QStringLiteral("custom")};
}

void Settings::noteProblem(const QString &key, const QString &value, const QString &fallback)
{
    m_problems.append(tr("Setting %1 in %2 has the value \"%3\", which is not valid; \"%4\" is "
                         "used instead.")
                          .arg(key, m_settings->fileName(), value.left(80), fallback));
}

void Settings::validate()
{
    if (m_settings->status() == QSettings::FormatError) {
        m_problems.append(tr("The settings file %1 could not be read; the defaults are used.")
                              .arg(m_settings->fileName()));
    }
    // A key must never sit in the settings file: remove it, say so (without its value).
    for (const QString &key : m_settings->allKeys()) {
        if (isForbiddenKey(key)) {
            m_settings->remove(key);
            m_problems.append(tr("The settings file %1 held a secret under \"%2\"; it was removed. "
                                 "Enter the API key again in Settings: it is kept in the "
                                 "system keychain.")
                                  .arg(m_settings->fileName(), key));
        }
    }
    struct Choice {
        QString key;
        QStringList allowed;
        QString fallback;
    };
    const std::vector<Choice> choices{
        {kRegion, regionNames(), QStringLiteral("na")},
        {kEnvironment,
         {QStringLiteral("production"), QStringLiteral("sandbox")},
         QStringLiteral("production")},
        {kMode, {QStringLiteral("desk"), QStringLiteral("followup")}, QStringLiteral("desk")},
        {kMissing, strategies(), QStringLiteral("job")},
        {kWithdrawHoldings, policies(), QStringLiteral("retain")},
        {kWithdrawBib, policies(), QStringLiteral("retain")},
    };
    for (const Choice &c : choices) {
        if (!m_settings->contains(c.key))
            continue;
        const QString value = m_settings->value(c.key).toString().trimmed().toLower();
        if (!c.allowed.contains(value))
            noteProblem(c.key, m_settings->value(c.key).toString(), c.fallback);
    }
    if (m_settings->contains(kProxy) &&
        !ProxyChoice::fromText(m_settings->value(kProxy).toString())) {
        noteProblem(kProxy, m_settings->value(kProxy).toString(), QStringLiteral("system"));
    }
    if (m_settings->contains(kSourceIls) &&
        !sourceIlsFromName(m_settings->value(kSourceIls).toString())) {
        noteProblem(kSourceIls, m_settings->value(kSourceIls).toString(), QStringLiteral("auto"));
    }
    const auto checkInt = [this](const QString &key, int low, int high, int fallback) {
        if (!m_settings->contains(key))
            return;
        bool ok = false;
        const int value = m_settings->value(key).toInt(&ok);
        if (!ok || value < low || value > high)
            noteProblem(key, m_settings->value(key).toString(), QString::number(fallback));
    };
    checkInt(kVolume, 0, 100, 70);
    checkInt(kRepeat, 0, 60000, 4000);
    checkInt(kMinLength, 1, 64, 5);
    checkInt(kDamagedThreshold, 1, 1000000, 200);
    if (m_settings->contains(kBulkVerify) &&
        !VerifyPolicy::fromText(m_settings->value(kBulkVerify).toString()))
        noteProblem(kBulkVerify, m_settings->value(kBulkVerify).toString(),
                    QStringLiteral("sample:50"));
    for (const QString &key : {kAutoApply, kDryRun, kCodabar, kSounds, kLargerText}) {
        if (!m_settings->contains(key))
            continue;
        const QString value = m_settings->value(key).toString().toLower();
        if (value != QLatin1String("true") && value != QLatin1String("false") &&
            value != QLatin1String("1") && value != QLatin1String("0"))
            noteProblem(key, value, QStringLiteral("default"));
    }
}

QVariant Settings::read(const QString &key, const QVariant &fallback) const
{
    return m_settings->value(key, fallback);
}

void Settings::write(const QString &key, const QVariant &value)
{
    if (m_settings->contains(key) && m_settings->value(key).toString() == value.toString())
        return;
    m_settings->setValue(key, value);
    Q_EMIT changed(key);
}

QString Settings::readChoice(const QString &key, const QStringList &allowed,
                             const QString &fallback) const
{
    const QString value = m_settings->value(key, fallback).toString().trimmed().toLower();
    return allowed.contains(value) ? value : fallback;
}

static bool readBool(const QSettings &settings, const QString &key, bool fallback)
{
    if (!settings.contains(key))
        return fallback;
    const QString value = settings.value(key).toString().toLower();
    if (value == QLatin1String("true") || value == QLatin1String("1"))
        return true;
    if (value == QLatin1String("false") || value == QLatin1String("0"))
        return false;
    return fallback;
}

static int readInt(const QSettings &settings, const QString &key, int low, int high, int fallback)
{
    bool ok = false;
    const int value = settings.value(key, fallback).toInt(&ok);
    return ok && value >= low && value <= high ? value : fallback;
}

QString Settings::region() const
{
    return readChoice(kRegion, regionNames(), QStringLiteral("na"));
}
void Settings::setRegion(const QString &region)
{
    write(kRegion, region.trimmed().toLower());
}
QString Settings::environment() const
{
    return readChoice(kEnvironment, {QStringLiteral("production"), QStringLiteral("sandbox")},
                      QStringLiteral("production"));
}
void Settings::setEnvironment(const QString &environment)
{
    write(kEnvironment, environment.trimmed().toLower());
}
QString Settings::customUrl() const
{
    return read(kCustomUrl, QString()).toString();
}
void Settings::setCustomUrl(const QString &url)
{
    write(kCustomUrl, url.trimmed());
}
QString Settings::caFile() const
{
    return read(kCaFile, QString()).toString();
}
void Settings::setCaFile(const QString &path)
{
    write(kCaFile, path.trimmed());
}
ProxyChoice Settings::proxy() const
{
    return ProxyChoice::fromText(read(kProxy, QString()).toString()).value_or(ProxyChoice{});
}
void Settings::setProxy(const ProxyChoice &proxy)
{
    write(kProxy, proxy.toText());
}
QString Settings::profile() const
{
    return read(kProfile, QStringLiteral("default")).toString();
}
void Settings::setProfile(const QString &profile)
{
    write(kProfile, profile.trimmed());
}

QString Settings::library() const
{
    return read(kLibrary, QString()).toString();
}
void Settings::setLibrary(const QString &code)
{
    write(kLibrary, code.trimmed());
}
QString Settings::circDesk() const
{
    return read(kCircDesk, QString()).toString();
}
void Settings::setCircDesk(const QString &code)
{
    write(kCircDesk, code.trimmed());
}
WorkMode Settings::workMode() const
{
    return workModeFromName(readChoice(kMode, {QStringLiteral("desk"), QStringLiteral("followup")},
                                       QStringLiteral("desk")))
        .value_or(WorkMode::Desk);
}
void Settings::setWorkMode(WorkMode mode)
{
    write(kMode, workModeName(mode));
}
bool Settings::autoApply() const
{
    return readBool(*m_settings, kAutoApply, true);
}
void Settings::setAutoApply(bool on)
{
    write(kAutoApply, on);
}
bool Settings::startInFollowUp() const
{
    return readBool(*m_settings, kStartInFollowUp, false);
}

void Settings::setStartInFollowUp(bool on)
{
    write(kStartInFollowUp, on);
}

bool Settings::oneAtATime() const
{
    return readBool(*m_settings, kOneAtATime, false);
}
void Settings::setOneAtATime(bool on)
{
    write(kOneAtATime, on);
}
bool Settings::dryRun() const
{
    return readBool(*m_settings, kDryRun, false);
}
void Settings::setDryRun(bool on)
{
    write(kDryRun, on);
}

QString Settings::conditionCode() const
{
    const QString code = read(kCondition, QString()).toString().trimmed();
    return code.isEmpty() ? QStringLiteral("DAMAGED") : code;
}
void Settings::setConditionCode(const QString &code)
{
    write(kCondition, code.trimmed());
}
SourceIls Settings::sourceIls() const
{
    return sourceIlsFromName(read(kSourceIls, QStringLiteral("auto")).toString())
        .value_or(SourceIls::Auto);
}
void Settings::setSourceIls(SourceIls source)
{
    write(kSourceIls, sourceIlsName(source));
}
QString Settings::rulesFile() const
{
    return read(kRulesFile, QString()).toString();
}
void Settings::setRulesFile(const QString &path)
{
    write(kRulesFile, path);
}
QString Settings::missingStrategy() const
{
    return readChoice(kMissing, strategies(), QStringLiteral("job"));
}
void Settings::setMissingStrategy(const QString &strategy)
{
    write(kMissing, strategy.trimmed().toLower());
}
QString Settings::withdrawHoldings() const
{
    return readChoice(kWithdrawHoldings, policies(), QStringLiteral("retain"));
}
void Settings::setWithdrawHoldings(const QString &policy)
{
    write(kWithdrawHoldings, policy.trimmed().toLower());
}
QString Settings::withdrawBib() const
{
    return readChoice(kWithdrawBib, policies(), QStringLiteral("retain"));
}
void Settings::setWithdrawBib(const QString &policy)
{
    write(kWithdrawBib, policy.trimmed().toLower());
}
WorkOrderTarget Settings::workOrder(const QString &statusId) const
{
    WorkOrderTarget target;
    target.department =
        read(kWorkOrders + statusId + QStringLiteral("/department"), QString()).toString();
    target.type = read(kWorkOrders + statusId + QStringLiteral("/type"), QString()).toString();
    return target;
}
void Settings::setWorkOrder(const QString &statusId, const WorkOrderTarget &target)
{
    write(kWorkOrders + statusId + QStringLiteral("/department"), target.department.trimmed());
    write(kWorkOrders + statusId + QStringLiteral("/type"), target.type.trimmed());
}
RuleOverrides Settings::ruleOverrides() const
{
    RuleOverrides overrides;
    overrides.conditionCode = read(kCondition, QString()).toString().trimmed();
    // Choices saved in the settings dialog win over the rules file; unsaved ones leave it be.
    if (m_settings->contains(kMissing))
        overrides.missingStrategy = missingStrategy();
    if (m_settings->contains(kWithdrawHoldings))
        overrides.withdrawHoldings = withdrawHoldings();
    if (m_settings->contains(kWithdrawBib))
        overrides.withdrawBib = withdrawBib();
    for (const QString &id : allLegacyStatusIds()) {
        const WorkOrderTarget target = workOrder(id);
        if (target.isConfigured())
            overrides.workOrders.insert(id, target);
    }
    for (const QString &id : reviewStatuses()) {
        const ReviewHandling handling = reviewHandling(id);
        if (handling.method != ReviewMethod::Rules && handling.problem().isEmpty())
            overrides.reviewHandling.insert(id, handling);
    }
    return overrides;
}

ReviewHandling Settings::reviewHandling(const QString &statusId) const
{
    const QString base = kReviewHandling + statusId;
    ReviewHandling handling;
    handling.method =
        reviewMethodFromName(read(base + QStringLiteral("/method"), QString()).toString())
            .value_or(ReviewMethod::Rules);
    handling.tempLocation.library =
        read(base + QStringLiteral("/tempLibrary"), QString()).toString().trimmed();
    handling.tempLocation.location =
        read(base + QStringLiteral("/tempLocation"), QString()).toString().trimmed();
    return handling;
}

void Settings::setReviewHandling(const QString &statusId, const ReviewHandling &handling)
{
    const QString base = kReviewHandling + statusId;
    write(base + QStringLiteral("/method"), reviewMethodName(handling.method));
    write(base + QStringLiteral("/tempLibrary"), handling.tempLocation.library.trimmed());
    write(base + QStringLiteral("/tempLocation"), handling.tempLocation.location.trimmed());
}

QString Settings::jobTemplate() const
{
    return read(kJobTemplate, QString()).toString();
}
void Settings::setJobTemplate(const QString &json)
{
    write(kJobTemplate, json.trimmed());
}
int Settings::damagedJobThreshold() const
{
    return readInt(*m_settings, kDamagedThreshold, 1, 1000000, 200);
}
void Settings::setDamagedJobThreshold(int items)
{
    write(kDamagedThreshold, std::clamp(items, 1, 1000000));
}
QString Settings::analyticsReportPath() const
{
    return read(kAnalyticsReportPath, QString()).toString().trimmed();
}
void Settings::setAnalyticsReportPath(const QString &path)
{
    write(kAnalyticsReportPath, path.trimmed());
}
QString Settings::bulkVerify() const
{
    const auto policy = VerifyPolicy::fromText(read(kBulkVerify, QString()).toString());
    return policy ? policy->toText() : QStringLiteral("sample:50");
}
void Settings::setBulkVerify(const QString &policy)
{
    const auto parsed = VerifyPolicy::fromText(policy);
    write(kBulkVerify, parsed ? parsed->toText() : QStringLiteral("sample:50"));
}
bool Settings::keepBulkSets() const
{
    return readBool(*m_settings, kBulkKeepSets, false);
}
void Settings::setKeepBulkSets(bool keep)
{
    write(kBulkKeepSets, keep);
}

QString Settings::scannerPrefix() const
{
    return read(kPrefix, QString()).toString();
}
void Settings::setScannerPrefix(const QString &prefix)
{
    write(kPrefix, prefix);
}
QString Settings::scannerSuffix() const
{
    return read(kSuffix, QString()).toString();
}
void Settings::setScannerSuffix(const QString &suffix)
{
    write(kSuffix, suffix);
}
QString Settings::barcodePattern() const
{
    return read(kPattern, QString()).toString();
}
void Settings::setBarcodePattern(const QString &pattern)
{
    write(kPattern, pattern);
}
bool Settings::codabarCheckDigit() const
{
    return readBool(*m_settings, kCodabar, false);
}
void Settings::setCodabarCheckDigit(bool on)
{
    write(kCodabar, on);
}
int Settings::barcodeMinLength() const
{
    return readInt(*m_settings, kMinLength, 1, 64, 5);
}
void Settings::setBarcodeMinLength(int length)
{
    write(kMinLength, std::clamp(length, 1, 64));
}

int Settings::repeatWindowMs() const
{
    return readInt(*m_settings, kRepeat, 0, 60000, 4000);
}
void Settings::setRepeatWindowMs(int ms)
{
    write(kRepeat, std::clamp(ms, 0, 60000));
}

bool Settings::soundsEnabled() const
{
    return readBool(*m_settings, kSounds, true);
}
void Settings::setSoundsEnabled(bool on)
{
    write(kSounds, on);
}
int Settings::volume() const
{
    return readInt(*m_settings, kVolume, 0, 100, 70);
}
void Settings::setVolume(int volume)
{
    write(kVolume, std::clamp(volume, 0, 100));
}
bool Settings::largerText() const
{
    return readBool(*m_settings, kLargerText, false);
}
void Settings::setLargerText(bool on)
{
    write(kLargerText, on);
}

} // namespace migdesk
