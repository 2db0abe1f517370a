"""The house checks, inside the one test command: style (ruff), types (mypy) and the layers
(import-linter, contracts in pyproject.toml). Each runs the tool as CI would and fails with
its output, so a layer violation or a type error fails the suite."""

from __future__ import annotations

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
