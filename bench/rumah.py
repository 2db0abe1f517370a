"""The house's figures (issue 16): the most complex functions (ruff's mccabe, C901), the
functions over 60 lines, and the lines of percakapan/; and the done-when greps.

    python -m bench.rumah            # the whole tree
    python -m bench.rumah --atas 10  # the ten most complex functions

Prints figures, asserts nothing (tests/test_rumah.py checks the rules)."""

from __future__ import annotations

import argparse
import ast
import json
import re
import subprocess
import sys
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
PAKET = ("bot", "percakapan", "db")
PANJANG = 60  # lines of a function counted as long


def kompleksitas() -> list[tuple[int, str]]:
    """(mccabe complexity, "file:line function") of every function, most complex first."""
    hasil = subprocess.run(
        [
            str(Path(sys.executable).parent / "ruff"),
            "check",
            "--select",
            "C901",
            "--config",
            "lint.mccabe.max-complexity=0",
            "--output-format",
            "json",
            "--exit-zero",
            *PAKET,
        ],
        cwd=AKAR,
        capture_output=True,
        text=True,
        check=True,
    )
    temuan = []
    for t in json.loads(hasil.stdout):
        cocok = re.match(r"`(.+)` is too complex \((\d+) > 0\)", t["message"])
        if cocok:
            letak = f"{Path(t['filename']).relative_to(AKAR)}:{t['location']['row']}"
            temuan.append((int(cocok.group(2)), f"{letak} {cocok.group(1)}"))
    return sorted(temuan, reverse=True)


def fungsi_panjang() -> list[tuple[int, str]]:
    """(lines, "file:line function") of every function over PANJANG lines."""
    temuan = []
    for paket in PAKET:
        for berkas in sorted((AKAR / paket).rglob("*.py")):
            for s in ast.walk(ast.parse(berkas.read_text(encoding="utf-8"))):
                if isinstance(s, ast.FunctionDef | ast.AsyncFunctionDef):
                    baris = (s.end_lineno or s.lineno) - s.lineno + 1
                    if baris > PANJANG:
                        temuan.append((baris, f"{berkas.relative_to(AKAR)}:{s.lineno} {s.name}"))
    return sorted(temuan, reverse=True)


def baris_percakapan() -> int:
    return sum(
        len(b.read_text(encoding="utf-8").splitlines()) for b in (AKAR / "percakapan").rglob("*.py")
    )


def grep(pola: str, folder: str) -> list[str]:
    """Lines of `folder`'s Python files matching `pola` (the done-when greps)."""
    temuan = []
    for berkas in sorted((AKAR / folder).rglob("*.py")):
        for i, teks in enumerate(berkas.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(pola, teks):
                temuan.append(f"{berkas.relative_to(AKAR)}:{i}")
    return temuan


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--atas", type=int, default=5, help="how many of each list to print")
    arg = p.parse_args()
    rumit = kompleksitas()
    panjang = fungsi_panjang()
    print(f"most complex functions (mccabe), of {len(rumit)}:")
    for n, nama in rumit[: arg.atas]:
        print(f"  {n:3d}  {nama}")
    print(f"functions over {PANJANG} lines: {len(panjang)}")
    for n, nama in panjang[: arg.atas]:
        print(f"  {n:3d}  {nama}")
    print(f"lines of percakapan/: {baris_percakapan()}")
    for judul, pola, folder in (
        ("'.data.split' in percakapan/", r"\.data\.split", "percakapan"),
        ("'except Ditolak' in percakapan/", r"except \(?Ditolak", "percakapan"),
        ("sqlalchemy imports in bot/layanan/", r"^\s*(from|import) sqlalchemy", "bot/layanan"),
        ("'conn.execute' in bot/layanan/", r"conn\.execute", "bot/layanan"),
    ):
        temuan = grep(pola, folder)
        print(f"{judul}: {len(temuan)}")


if __name__ == "__main__":
    main()
