"""The house checks, inside the one test command: style (ruff), types (mypy) and the layers
(import-linter, contracts in pyproject.toml). Each runs the tool as CI would and fails with
its output, so a layer violation or a type error fails the suite."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def _jalankan(*perintah: str) -> None:
    hasil = subprocess.run(
        [str(BIN / perintah[0]), *perintah[1:]],
        cwd=AKAR,
        capture_output=True,
        text=True,
        check=False,
    )
    assert hasil.returncode == 0, f"{' '.join(perintah)}\n{hasil.stdout}\n{hasil.stderr}"


def test_ruff_check() -> None:
    _jalankan("ruff", "check", ".")


def test_ruff_format() -> None:
    _jalankan("ruff", "format", "--check", ".")


def test_mypy() -> None:
    _jalankan("mypy", "bot", "percakapan", "db")


def test_lapisan() -> None:
    """percakapan -> bot -> db; bot/mutu pure; db imports no bot; no telegram below
    percakapan (pyproject.toml [tool.importlinter])."""
    _jalankan("lint-imports", "--no-cache")


# What reaches files, the clock's zone database aside (bot/mutu/jadwal.py names zones only).
_IO_MODUL = {"pathlib", "os", "io", "shutil", "tempfile", "glob", "sqlite3", "socket"}
_IO_PANGGILAN = {"open", "read_text", "read_bytes", "write_text", "write_bytes"}


def _io_di_mutu() -> list[str]:
    temuan = []
    for berkas in sorted((AKAR / "bot" / "mutu").rglob("*.py")):
        for simpul in ast.walk(ast.parse(berkas.read_text(encoding="utf-8"))):
            letak = f"{berkas.relative_to(AKAR)}:{getattr(simpul, 'lineno', 0)}"
            if isinstance(simpul, ast.Import):
                nama = [a.name.split(".")[0] for a in simpul.names]
            elif isinstance(simpul, ast.ImportFrom):
                nama = [(simpul.module or "").split(".")[0]]
            elif isinstance(simpul, ast.Call):
                f = simpul.func
                nama = [f.id if isinstance(f, ast.Name) else getattr(f, "attr", "")]
                if nama[0] in _IO_PANGGILAN:
                    temuan.append(f"{letak} {nama[0]}()")
                continue
            else:
                continue
            temuan += [f"{letak} import {n}" for n in nama if n in _IO_MODUL]
    return temuan


def test_mutu_tanpa_berkas() -> None:
    """bot/mutu holds pure rules: parsing from text, no file access."""
    assert _io_di_mutu() == []


def test_layanan_tanpa_query() -> None:
    """Every statement lives in a db/ function named for what it answers."""
    temuan = []
    for berkas in sorted((AKAR / "bot" / "layanan").glob("*.py")):
        for simpul in ast.walk(ast.parse(berkas.read_text(encoding="utf-8"))):
            if isinstance(simpul, ast.Attribute) and simpul.attr in ("execute", "scalar", "stream"):
                temuan.append(f"{berkas.relative_to(AKAR)}:{simpul.lineno} .{simpul.attr}")
    assert temuan == []


def _pelanggaran_percakapan() -> list[str]:
    """Handlers hold the success path: refusals go through @akses and button data through the
    typed decoder (bot/tombol.py), so no `except Ditolak` and no `<x>.data.split(...)`."""
    temuan = []
    for berkas in sorted((AKAR / "percakapan").rglob("*.py")):
        for simpul in ast.walk(ast.parse(berkas.read_text(encoding="utf-8"))):
            letak = f"{berkas.relative_to(AKAR)}:{getattr(simpul, 'lineno', 0)}"
            if isinstance(simpul, ast.ExceptHandler) and simpul.type is not None:
                jenis = simpul.type.elts if isinstance(simpul.type, ast.Tuple) else [simpul.type]
                for j in jenis:
                    nama = j.id if isinstance(j, ast.Name) else getattr(j, "attr", "")
                    if nama == "Ditolak":
                        temuan.append(f"{letak} except Ditolak")
            elif (
                isinstance(simpul, ast.Call)
                and isinstance(simpul.func, ast.Attribute)
                and simpul.func.attr in ("split", "rsplit", "partition")
                and isinstance(simpul.func.value, ast.Attribute)
                and simpul.func.value.attr == "data"
            ):
                temuan.append(f"{letak} .data.{simpul.func.attr}()")
    return temuan


def test_percakapan_tanpa_ditolak_dan_split() -> None:
    assert _pelanggaran_percakapan() == []


def test_kontrak_lapisan_menangkap_pelanggaran(tmp_path: Path) -> None:
    """The contracts are not vacuous: the same tree with one rule broken (bot/mutu importing
    telegram) fails lint-imports, naming the contract."""
    for bagian in ("bot", "percakapan", "db"):
        shutil.copytree(
            AKAR / bagian, tmp_path / bagian, ignore=shutil.ignore_patterns("__pycache__")
        )
    shutil.copy(AKAR / "pyproject.toml", tmp_path / "pyproject.toml")
    sasaran = tmp_path / "bot" / "mutu" / "skor.py"
    sasaran.write_text("import telegram  # noqa\n" + sasaran.read_text(encoding="utf-8"))
    hasil = subprocess.run(
        [str(BIN / "lint-imports"), "--no-cache"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(tmp_path)},
    )
    assert hasil.returncode != 0, hasil.stdout
    assert "bot.mutu.skor -> telegram" in hasil.stdout
