// Sounds: one short, distinct sound per outcome (Qt Multimedia), with a volume and a mute.
#pragma once

#include "model/Outcome.h"

#include <QObject>

#include <map>

class QSoundEffect;

namespace migdesk {

class Sounds : public QObject {
    Q_OBJECT
public:
    explicit Sounds(QObject *parent = nullptr);

    void setVolume(double volume); // 0..1
    double volume() const { return m_volume; }
    void setMuted(bool muted);
    bool isMuted() const { return m_muted; }

    // Plays the outcome's sound unless muted; returns false when it is silent or muted.
    bool play(Outcome outcome);
    // The last outcome a sound was requested for (tests and the accessibility log read it).
    Outcome lastPlayed() const { return m_lastPlayed; }
    int playCount() const { return m_playCount; }

private:
    QSoundEffect *effectFor(Outcome outcome);

    std::map<Outcome, QSoundEffect *> m_effects;
    double m_volume = 0.6;
    bool m_muted = false;
    Outcome m_lastPlayed = Outcome::Pending;
    int m_playCount = 0;
};

} // namespace migdesk
