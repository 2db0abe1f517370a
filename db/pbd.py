"""Reading the PBD data file shipped in db/: the short list of ARKAS activities offered in the
Benahi step. Only the reading lives here; its shape is checked by bot.mutu.pbd (no file I/O)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

ARKAS = Path(__file__).resolve().parent / "arkas_kegiatan.yaml"


@cache
def baca_arkas(berkas: Path = ARKAS) -> dict[str, Any]:
    """The ARKAS short list as parsed YAML (loaded once per path)."""
    with berkas.open(encoding="utf-8") as f:
        return yaml.safe_load(f)
