// Sounds: loads each outcome's WAV from the resources on first use and plays it.
#include "Sounds.h"

#include "OutcomeStyle.h"

#include <QSoundEffect>
#include <QUrl>

namespace migdesk {

Sounds::Sounds(QObject *parent)
    : QObject(parent)
{}

void Sounds::setVolume(double volume)
{
    m_volume = std::clamp(volume, 0.0, 1.0);
    for (auto &[outcome, effect] : m_effects)
        effect->setVolume(static_cast<float>(m_volume));
}

void Sounds::setMuted(bool muted)
{
    m_muted = muted;
    for (auto &[outcome, effect] : m_effects)
        effect->setMuted(muted);
}

QSoundEffect *Sounds::effectFor(Outcome outcome)
{
    auto found = m_effects.find(outcome);
    if (found != m_effects.end())
        return found->second;
    const QString path = outcomeStyle(outcome).soundPath;
    if (path.isEmpty())
        return nullptr;
    auto *effect = new QSoundEffect(this);
    effect->setSource(QUrl(QLatin1String("qrc") + path));
    effect->setVolume(static_cast<float>(m_volume));
    effect->setMuted(m_muted);
    m_effects.emplace(outcome, effect);
    return effect;
}

bool Sounds::play(Outcome outcome)
{
    if (m_muted)
        return false;
    QSoundEffect *effect = effectFor(outcome);
    if (!effect)
        return false;
    m_lastPlayed = outcome;
    ++m_playCount;
    effect->play();
    return true;
}

} // namespace migdesk
