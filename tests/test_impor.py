"""A module's private names stay in that module: what another module needs is public, with a
docstring, so the use-cases share helpers on purpose and not by reaching into each other."""

from __future__ import annotations

import ast
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
PAKET = ("bot", "percakapan", "db")
# Known and left to their owners (the SPME instrument loader shares its YAML loader classes).
KECUALI = {"bot.mutu.instrumen_muat.PemuatYaml", "bot.mutu.instrumen_muat.PetaBaris"}


def _impor_privat() -> list[str]:
    temuan = []
    for paket in PAKET:
        for berkas in sorted((AKAR / paket).rglob("*.py")):
            if "migrasi" in berkas.parts:
                continue
            for simpul in ast.walk(ast.parse(berkas.read_text(encoding="utf-8"))):
                if not isinstance(simpul, ast.ImportFrom) or not simpul.module:
                    continue
                if simpul.module.split(".")[0] not in PAKET:
                    continue
                for nama in simpul.names:
                    lengkap = f"{simpul.module}.{nama.name}"
                    privat = nama.name.startswith("_") and not nama.name.startswith("__")
                    if privat and lengkap not in KECUALI:
                        letak = berkas.relative_to(AKAR)
                        temuan.append(f"{letak}:{simpul.lineno} {lengkap}")
    return temuan


def test_tidak_ada_nama_privat_yang_diimpor_dari_modul_lain() -> None:
    assert _impor_privat() == []
