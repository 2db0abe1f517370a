"""Where the shipped instrument files live (beside this module, as package data) and how they
are read. Only the text: parsing and validation are pure rules in bot/mutu."""

from __future__ import annotations

from pathlib import Path

FOLDER_DATA = Path(__file__).resolve().parent
# The stage-1 SNP questionnaire (Evaluasi Diri Sekolah).
INSTRUMEN_BAWAAN = FOLDER_DATA / "instrumen_snp.yaml"
# Earlier versions, kept whole beside it for reading and comparing (a cycle reads the version it
# used from the database, where it was stored when the cycle sent it out).
INSTRUMEN_ARSIP = {"2026.11-1": FOLDER_DATA / "instrumen_snp_2026.11-1.yaml"}
# The accreditation instruments by code.
BERKAS = {
    "iasp2020": "akreditasi_iasp2020.yaml",
    "ia2024": "akreditasi_ia2024.yaml",
    # The earlier 10-butir IA2024 draft, read-only (assessments made on it stay readable).
    "ia2024_10": "akreditasi_ia2024_draf10.yaml",
}


def baca(path: Path | str) -> str:
    """The text of an instrument file (UTF-8); OSError or UnicodeDecodeError when unreadable."""
    return Path(path).read_text(encoding="utf-8")
