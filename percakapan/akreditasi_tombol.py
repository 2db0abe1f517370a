"""The buttons of /akreditasi, typed (bot/tombol.py). A button about one item of an
instrument carries the instrument's code: after the school changes instrument it is stale."""

from __future__ import annotations

from dataclasses import dataclass

from bot.tombol import Tombol


@dataclass(frozen=True)
class PilihInstrumen(Tombol, awalan="akr:i"):
    kode: str


@dataclass(frozen=True)
class GantiInstrumen(Tombol, awalan="akr:gi"):
    pass


@dataclass(frozen=True)
class Panel(Tombol, awalan="akr:p"):
    pass


@dataclass(frozen=True)
class PerInstrumen(Tombol):
    """Base of the buttons about one item (butir, document, observation) of an instrument."""

    inst: str
    kode: str


@dataclass(frozen=True)
class Komponen(PerInstrumen, awalan="akr:k"):
    pass


@dataclass(frozen=True)
class Butir(PerInstrumen, awalan="akr:b"):
    pass


@dataclass(frozen=True)
class Level(PerInstrumen, awalan="akr:l"):
    level: int


@dataclass(frozen=True)
class Kurang(PerInstrumen, awalan="akr:m"):
    kurang: bool


@dataclass(frozen=True)
class TawaranBukti(PerInstrumen, awalan="akr:tb"):
    pass


@dataclass(frozen=True)
class Tautkan(PerInstrumen, awalan="akr:t"):
    bukti_id: int


@dataclass(frozen=True)
class Lepas(PerInstrumen, awalan="akr:x"):
    bukti_id: int


@dataclass(frozen=True)
class UnggahButir(PerInstrumen, awalan="akr:u"):
    pass


@dataclass(frozen=True)
class Dokumen(Tombol, awalan="akr:d"):
    pass


@dataclass(frozen=True)
class DokumenSatu(PerInstrumen, awalan="akr:dk"):
    pass


@dataclass(frozen=True)
class StatusDokumen(PerInstrumen, awalan="akr:ds"):
    status: str


@dataclass(frozen=True)
class UnggahDokumen(PerInstrumen, awalan="akr:du"):
    pass


@dataclass(frozen=True)
class TautanDokumen(PerInstrumen, awalan="akr:dt"):
    pass


@dataclass(frozen=True)
class Kesenjangan(Tombol, awalan="akr:g"):
    pass


@dataclass(frozen=True)
class Latihan(Tombol, awalan="akr:v"):
    pass


@dataclass(frozen=True)
class UndangWawancara(Tombol, awalan="akr:vw"):
    pass


@dataclass(frozen=True)
class MulaiObservasi(Tombol, awalan="akr:vo"):
    pass


@dataclass(frozen=True)
class Observasi(PerInstrumen, awalan="akr:o"):
    tanda: str  # "y": seen, "t": not seen


@dataclass(frozen=True)
class Laporan(Tombol, awalan="akr:r"):
    pass


@dataclass(frozen=True)
class Bundel(Tombol, awalan="akr:z"):
    pass


@dataclass(frozen=True)
class Wawancara(Tombol, awalan="akw:m"):
    """A member's interview practice; also sent by the outbox (bot/layanan/akreditasi_latihan)."""
