#!/usr/bin/env python3
"""Writes MigDesk's outcome sounds (short 16-bit mono WAVs) into resources/sounds/.

Deterministic: the same script always writes the same bytes, so the committed WAVs can be
re-made and compared. Each outcome has its own shape so staff tell them apart without looking:
  done          two rising notes (a bright "ding-ding")
  needs_staff   two even mid notes (a gentle "look here")
  error         a low buzz of three harsh pulses (the most distinct)
  not_found     one falling glide
  transit_hold  three quick rising notes
"""
import math
import struct
import sys
import wave
from pathlib import Path

RATE = 22050


def tone(freq, ms, volume=0.5, shape="sine", glide_to=None):
    n = int(RATE * ms / 1000)
    out = []
    phase = 0.0
    for i in range(n):
        f = freq if glide_to is None else freq + (glide_to - freq) * i / n
        phase += 2 * math.pi * f / RATE
        if shape == "square":
            v = 1.0 if math.sin(phase) >= 0 else -1.0
            v *= 0.6
        else:
            v = math.sin(phase)
        # 5 ms attack and release so the sound does not click
        edge = int(RATE * 0.005)
        env = min(1.0, i / edge, (n - 1 - i) / edge) if edge else 1.0
        out.append(v * volume * max(0.0, env))
    return out


def silence(ms):
    return [0.0] * int(RATE * ms / 1000)


SOUNDS = {
    "done": tone(880, 90) + silence(30) + tone(1320, 140),
    "needs_staff": tone(660, 160) + silence(60) + tone(660, 160),
    "error": tone(180, 110, 0.45, "square") + silence(40) + tone(180, 110, 0.45, "square")
    + silence(40) + tone(140, 200, 0.45, "square"),
    "not_found": tone(700, 320, glide_to=350),
    "transit_hold": tone(523, 80) + silence(20) + tone(659, 80) + silence(20) + tone(784, 120),
}


def write(path, samples):
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(b"".join(struct.pack("<h", int(max(-1.0, min(1.0, s)) * 32767))
                               for s in samples))


def main():
    root = Path(__file__).resolve().parent.parent
    out_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else root / "resources" / "sounds"
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, samples in SOUNDS.items():
        write(out_dir / f"{name}.wav", samples)


if __name__ == "__main__":
    main()
