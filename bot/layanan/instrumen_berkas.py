"""The instrument files, read (db/berkas_instrumen.py) and parsed (bot/mutu), each shipped one
loaded once. The command line checks a file through here too."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from bot.mutu.akreditasi_instrumen import InstrumenAkreditasi, InstrumenAkreditasiRusak
from bot.mutu.akreditasi_instrumen import muat_teks as akreditasi_dari_teks
from bot.mutu.instrumen import Instrumen, InstrumenRusak
from bot.mutu.instrumen_muat import muat_teks as instrumen_dari_teks
from db.berkas_instrumen import BERKAS, FOLDER_DATA, INSTRUMEN_BAWAAN, baca


def muat(path: Path | str) -> Instrumen:
    """The instrument in a YAML file; raises InstrumenRusak listing every problem found."""
    path = Path(path)
    try:
        teks = baca(path)
    except (OSError, UnicodeDecodeError) as galat:
        raise InstrumenRusak([f"{path.name}: berkas tidak dapat dibaca ({galat})"]) from galat
    return instrumen_dari_teks(teks, path.name)


def periksa(path: Path | str) -> list[str]:
    """Every problem in an instrument file ("<file> baris <n>: <message>"); [] when fine."""
    try:
        muat(path)
    except InstrumenRusak as rusak:
        return rusak.masalah
    return []


@cache
def bawaan() -> Instrumen:
    """The instrument shipped with the bot (db/instrumen_snp.yaml), loaded once."""
    return muat(INSTRUMEN_BAWAAN)


def _kode_snp() -> frozenset[str]:
    return frozenset(i.kode for s in bawaan().standar for i in s.indikator)


def muat_akreditasi(path: Path | str) -> InstrumenAkreditasi:
    """An accreditation instrument file, its SNP crosswalk checked against the shipped stage-1
    instrument."""
    path = Path(path)
    return akreditasi_dari_teks(baca(path), path.name, _kode_snp())


def periksa_akreditasi(path: Path | str) -> list[str]:
    """Every problem of an accreditation instrument file (empty: fine)."""
    try:
        muat_akreditasi(path)
    except InstrumenAkreditasiRusak as galat:
        return galat.masalah
    except OSError as galat:
        return [f"{path}: {galat}"]
    return []


@cache
def akreditasi_bawaan(kode: str) -> InstrumenAkreditasi:
    """A shipped accreditation instrument by code (iasp2020, ia2024); KeyError for an unknown
    one."""
    return muat_akreditasi(FOLDER_DATA / BERKAS[kode])
