"""Reading the Rapor Pendidikan data files shipped in db/ (the catalogue of indicators and the
bot's root-cause suggestions). Only the reading lives here; their shape is checked by
bot.mutu.rapor, which does no file I/O."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

SINI = Path(__file__).resolve().parent
KATALOG = SINI / "rapor_pendidikan.yaml"
AKAR_MASALAH = SINI / "rapor_akar_masalah.yaml"


@cache
def baca_katalog(berkas: Path = KATALOG) -> dict[str, Any]:
    """The catalogue file as parsed YAML (loaded once per path)."""
    with berkas.open(encoding="utf-8") as f:
        return yaml.safe_load(f)


@cache
def baca_akar_masalah(berkas: Path = AKAR_MASALAH) -> dict[str, Any]:
    """The root-cause suggestion file as parsed YAML (loaded once per path)."""
    with berkas.open(encoding="utf-8") as f:
        return yaml.safe_load(f)
