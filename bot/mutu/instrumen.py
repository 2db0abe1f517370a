"""The pemetaan mutu instrument: standards, indicators, questions, and what an answer means.

The instrument lives in db/instrumen_snp.yaml; this module holds its shape and the rules for
one answer (normalise what was typed, score it, show it, decide whether a question applies).
Loading and checking the YAML is in bot/mutu/instrumen_muat.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from bot.mutu.angka import baca_angka

PANJANG_TEKS_MAKS = 500
LABEL_YA_TIDAK: tuple[str, str] = ("Ya", "Tidak")

# What people type for yes and no in a chat, informal forms included.
_KATA_YA = frozenset({"ya", "y", "iya", "iyaa", "yes"})
_KATA_TIDAK = frozenset({"tidak", "t", "tdk", "tak", "gak", "ga", "nggak", "enggak", "no"})


class JenisJawaban(StrEnum):
    """How a question is answered, which decides how it is stored and scored."""

    SKALA = "skala"
    YA_TIDAK = "ya_tidak"
    PILIHAN = "pilihan"
    ANGKA = "angka"
    PERSEN = "persen"
    TEKS = "teks"
    BUKTI = "bukti"


class Alasan(StrEnum):
    """Why an answer was refused; the conversation layer picks its message from this."""

    BUKAN_PILIHAN = "bukan_pilihan"
    BUKAN_ANGKA = "bukan_angka"
    DI_LUAR_RENTANG = "di_luar_rentang"
    TEKS_KOSONG = "teks_kosong"
    TEKS_TERLALU_PANJANG = "teks_terlalu_panjang"


class JawabanTidakSah(ValueError):
    """What the user gave cannot be an answer to this question."""

    def __init__(
        self,
        alasan: Alasan,
        *,
        contoh: str | None = None,
        min: float | None = None,
        maks: float | None = None,
    ) -> None:
        super().__init__(alasan)
        self.alasan = alasan
        self.contoh = contoh
        self.min = min
        self.maks = maks


class InstrumenRusak(Exception):
    """The instrument file has problems; `masalah` lists every one with its line."""

    def __init__(self, masalah: list[str]) -> None:
        super().__init__("\n".join(masalah))
        self.masalah = masalah


@dataclass(frozen=True, slots=True)
class Pilihan:
    """One option of a pilihan question and its score."""

    label: str
    skor: float


@dataclass(frozen=True, slots=True)
class Pita:
    """A score band of an angka question: values up to `sampai` (None: any higher) score `skor`."""

    sampai: float | None
    skor: float


@dataclass(frozen=True, slots=True)
class Rentang:
    """Accepted range of an angka/persen answer, its unit, and its score bands (if any)."""

    min: float
    maks: float
    satuan: str | None
    pita: tuple[Pita, ...]


@dataclass(frozen=True, slots=True)
class Syarat:
    """Ask a question only when an earlier one was answered with one of `nilai`.

    `nilai` holds labels for skala/pilihan questions (so the YAML stays readable), "ya"/"tidak"
    for ya_tidak, and the stored value otherwise. `label` is the referenced question's labels,
    needed to turn its stored index back into a label; empty when the value is compared as is.
    """

    pertanyaan: str
    nilai: frozenset[str]
    label: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Pertanyaan:
    """One question, as asked of the respondent groups in `responden`.

    `label` holds what the buttons show (skala labels, "Ya"/"Tidak", pilihan labels).
    """

    kode: str
    indikator_kode: str
    standar_kode: str
    nomor_standar: int
    responden: frozenset[str]
    jenis: JenisJawaban
    teks: str
    source: str
    confirmed: bool
    label: tuple[str, ...]
    pilihan: tuple[Pilihan, ...]
    angka: Rentang | None
    terbalik: bool
    jika: Syarat | None
    bukti_contoh: str | None

    @property
    def dinilai(self) -> bool:
        """Whether an answer gives a score (angka only when it has score bands)."""
        if self.jenis is JenisJawaban.ANGKA:
            return self.angka is not None and bool(self.angka.pita)
        return self.jenis not in (JenisJawaban.TEKS, JenisJawaban.BUKTI)


@dataclass(frozen=True, slots=True)
class Indikator:
    """An indicator of a standard with its questions and good-practice lines."""

    kode: str
    nama: str
    standar_kode: str
    source: str | None
    confirmed: bool
    catatan: str | None
    praktik_baik: tuple[str, ...]
    pertanyaan: tuple[Pertanyaan, ...]


@dataclass(frozen=True, slots=True)
class Standar:
    """One of the 8 national standards, in PMP order."""

    kode: str
    nomor: int
    nama: str
    source: str
    confirmed: bool
    indikator: tuple[Indikator, ...]


class DaftarStandar(tuple[Standar, ...]):
    """The standards in order, callable with a code: `instrumen.standar("SKL")`.

    Both uses are part of the instrument's interface (templates call it, reports iterate it);
    a tuple that can also be called keeps one name for both.
    """

    __slots__ = ()

    def __call__(self, kode: str) -> Standar:
        """The standard with this code; KeyError when there is none."""
        for standar in self:
            if standar.kode == kode:
                return standar
        raise KeyError(kode)


@dataclass(frozen=True, slots=True)
class Kategori:
    """A category class; `batas_atas` None means "everything above the previous class"."""

    nama: str
    bintang: int | None
    batas_atas: float | None


@dataclass(frozen=True, slots=True)
class Responden:
    """A respondent group; only groups with `chat` answer through the bot."""

    kode: str
    nama: str
    chat: bool
    catatan: str | None


@dataclass(frozen=True, slots=True)
class Dihapus:
    """A question of an earlier version left out of this one, with why (kept as data, so the
    instrument says what it no longer asks)."""

    kode: str
    versi: str  # the last version that asked it
    alasan: str
    rapor: tuple[str, ...] = ()  # the Rapor Pendidikan indicators that measure it instead
    pengganti: str | None = None  # the question of this version that replaces it


@dataclass(frozen=True, slots=True)
class Instrumen:
    """The whole instrument of one version, with lookups by code."""

    versi: str
    nama: str
    catatan: str | None
    skala_min: float
    skala_maks: float
    kategori: tuple[Kategori, ...]
    kategori_confirmed: bool
    kategori_source: str
    kategori_catatan: str | None
    # A read-only mapping is not hashable, so it is left out of the hash (still compared).
    bobot_responden: Mapping[str, float] = field(hash=False)
    responden: tuple[Responden, ...]
    standar: DaftarStandar
    dihapus: tuple[Dihapus, ...] = ()
    _pertanyaan: dict[str, Pertanyaan] = field(init=False, repr=False, compare=False)
    _indikator: dict[str, Indikator] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        indikator = [i for s in self.standar for i in s.indikator]
        pertanyaan = {p.kode: p for i in indikator for p in i.pertanyaan}
        object.__setattr__(self, "_pertanyaan", pertanyaan)
        object.__setattr__(self, "_indikator", {i.kode: i for i in indikator})
        object.__setattr__(self, "standar", DaftarStandar(self.standar))

    def semua_pertanyaan(self) -> tuple[Pertanyaan, ...]:
        """Every question, in file order."""
        return tuple(self._pertanyaan.values())

    def pertanyaan(self, kode: str) -> Pertanyaan:
        """The question with this code; KeyError when there is none."""
        return self._pertanyaan[kode]

    def indikator(self, kode: str) -> Indikator:
        """The indicator with this code; KeyError when there is none."""
        return self._indikator[kode]

    def pertanyaan_untuk(self, responden: str) -> tuple[Pertanyaan, ...]:
        """The questions asked of one respondent group, in file order."""
        return tuple(p for p in self._pertanyaan.values() if responden in p.responden)

    def kategori_untuk(self, skor: float) -> Kategori:
        """The category of a score: the first class whose upper bound it does not exceed."""
        for kategori in self.kategori:
            if kategori.batas_atas is None or skor <= kategori.batas_atas:
                return kategori
        raise AssertionError("the loader guarantees a last class without upper bound")


def normalisasi(p: Pertanyaan, masukan: str) -> str:
    """The stored value for what the user gave (button index or typed text).

    Raises JawabanTidakSah when it cannot be an answer to `p`.
    """
    if p.jenis in (JenisJawaban.SKALA, JenisJawaban.PILIHAN):
        return _indeks_pilihan(p.label, masukan)
    if p.jenis is JenisJawaban.YA_TIDAK:
        return _ya_tidak(masukan)
    if p.jenis in (JenisJawaban.ANGKA, JenisJawaban.PERSEN):
        return _angka_dalam_rentang(_rentang(p), masukan)
    if p.jenis is JenisJawaban.TEKS:
        return _teks_bebas(masukan)
    raise JawabanTidakSah(Alasan.BUKAN_PILIHAN)  # bukti is a file reference, not typed


def skor_jawaban(p: Pertanyaan, nilai: str, *, skala: tuple[float, float] = (0, 7)) -> float | None:
    """The score of a stored answer on the instrument's scale, None when `p` is not scored.

    Raises ValueError when `nilai` is not a stored value `p` can have.
    """
    rendah, tinggi = skala
    if not p.dinilai:
        return None
    if p.jenis is JenisJawaban.PILIHAN:
        return p.pilihan[_indeks(nilai, len(p.pilihan))].skor
    if p.jenis is JenisJawaban.ANGKA:
        return _skor_pita(_rentang(p).pita, _angka_tersimpan(nilai))
    bagian = _bagian(p, nilai)  # 0..1 of the way from worst to best
    if p.terbalik:
        bagian = 1 - bagian
    return rendah + bagian * (tinggi - rendah)


def tampil_jawaban(p: Pertanyaan, nilai: str) -> str:
    """A stored answer as people read it: "Sering", "Ya", "25 orang", "75%"."""
    if p.jenis in (JenisJawaban.SKALA, JenisJawaban.PILIHAN):
        return p.label[_indeks(nilai, len(p.label))]
    if p.jenis is JenisJawaban.YA_TIDAK:
        return LABEL_YA_TIDAK[0] if _ya_tersimpan(nilai) else LABEL_YA_TIDAK[1]
    if p.jenis is JenisJawaban.PERSEN:
        return f"{_angka_indonesia(nilai)}%"
    if p.jenis is JenisJawaban.ANGKA:
        satuan = _rentang(p).satuan
        return f"{_angka_indonesia(nilai)} {satuan}" if satuan else _angka_indonesia(nilai)
    if p.jenis is JenisJawaban.BUKTI:
        return "Bukti terlampir"
    return nilai


def berlaku(p: Pertanyaan, jawaban: Mapping[str, str]) -> bool:
    """Whether `p` applies, given one respondent's stored answers (question code -> nilai)."""
    if p.jika is None:
        return True
    nilai = jawaban.get(p.jika.pertanyaan)
    if nilai is None:
        return False
    if p.jika.label:
        if not nilai.isdigit() or int(nilai) >= len(p.jika.label):
            return False
        nilai = p.jika.label[int(nilai)]
    return nilai in p.jika.nilai


def kanonik(angka: float) -> str:
    """A number as stored: plain decimal, no exponent, no trailing zeros ("25", "1.5")."""
    return format(Decimal(repr(angka + 0.0)).normalize(), "f")  # + 0.0 turns -0.0 into 0.0


def _rentang(p: Pertanyaan) -> Rentang:
    if p.angka is None:
        raise ValueError(f"pertanyaan {p.kode} tidak punya rentang angka")
    return p.angka


def _indeks_pilihan(label: tuple[str, ...], masukan: str) -> str:
    bersih = " ".join(masukan.split())
    if bersih.isdigit() and int(bersih) < len(label):
        return str(int(bersih))
    for i, teks in enumerate(label):
        if teks.casefold() == bersih.casefold():
            return str(i)
    raise JawabanTidakSah(Alasan.BUKAN_PILIHAN, contoh=label[0] if label else None)


def _ya_tidak(masukan: str) -> str:
    bersih = masukan.strip().casefold()
    # "0"/"1" are button indexes into ("Ya", "Tidak"), like any other labelled question.
    if bersih in _KATA_YA or bersih == "0":
        return "ya"
    if bersih in _KATA_TIDAK or bersih == "1":
        return "tidak"
    raise JawabanTidakSah(Alasan.BUKAN_PILIHAN, contoh="ya")


def _angka_dalam_rentang(rentang: Rentang, masukan: str) -> str:
    contoh = kanonik(round(rentang.min + (rentang.maks - rentang.min) / 4))
    # baca_angka, not baca_persen, for both: 150% is out of range, not "not a number".
    nilai = baca_angka(masukan)
    if nilai is None:
        raise JawabanTidakSah(Alasan.BUKAN_ANGKA, contoh=contoh)
    if not rentang.min <= nilai <= rentang.maks:
        raise JawabanTidakSah(
            Alasan.DI_LUAR_RENTANG, contoh=contoh, min=rentang.min, maks=rentang.maks
        )
    return kanonik(nilai)


def _teks_bebas(masukan: str) -> str:
    bersih = masukan.strip()
    if not bersih:
        raise JawabanTidakSah(Alasan.TEKS_KOSONG)
    if len(bersih) > PANJANG_TEKS_MAKS:
        raise JawabanTidakSah(Alasan.TEKS_TERLALU_PANJANG)
    return bersih


def _indeks(nilai: str, jumlah: int) -> int:
    if not nilai.isdigit() or int(nilai) >= jumlah:
        raise ValueError(f"nilai tersimpan {nilai!r} bukan indeks 0..{jumlah - 1}")
    return int(nilai)


def _ya_tersimpan(nilai: str) -> bool:
    if nilai not in ("ya", "tidak"):
        raise ValueError(f"nilai tersimpan {nilai!r} bukan 'ya' atau 'tidak'")
    return nilai == "ya"


def _angka_tersimpan(nilai: str) -> float:
    try:
        return float(nilai)
    except ValueError:
        raise ValueError(f"nilai tersimpan {nilai!r} bukan angka") from None


def _bagian(p: Pertanyaan, nilai: str) -> float:
    """How far from worst (0) to best (1) a skala, ya_tidak or persen answer is."""
    if p.jenis is JenisJawaban.SKALA:
        return _indeks(nilai, len(p.label)) / (len(p.label) - 1)
    if p.jenis is JenisJawaban.YA_TIDAK:
        return 1.0 if _ya_tersimpan(nilai) else 0.0
    persen = _angka_tersimpan(nilai)
    if not 0 <= persen <= 100:
        raise ValueError(f"nilai tersimpan {nilai!r} di luar 0..100")
    return persen / 100


def _skor_pita(pita: tuple[Pita, ...], nilai: float) -> float:
    for band in pita:
        if band.sampai is None or nilai <= band.sampai:
            return band.skor
    raise ValueError("the loader guarantees a last band without upper bound")


def _angka_indonesia(nilai: str) -> str:
    """A stored number with Indonesian separators: "1500.5" -> "1.500,5"."""
    utuh, _, pecahan = nilai.partition(".")
    tanda = "-" if utuh.startswith("-") else ""
    ribuan = f"{int(utuh.lstrip('-')):,}".replace(",", ".")
    return f"{tanda}{ribuan},{pecahan}" if pecahan else f"{tanda}{ribuan}"
