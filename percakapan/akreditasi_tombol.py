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


# ------------------------------------------------------------------ IA2024
@dataclass(frozen=True)
class Kelompok(PerInstrumen, awalan="akr:kb"):
    """An IA2024 butir (1-14): its indicators, progress and DKA."""


@dataclass(frozen=True)
class TidakBerlaku(PerInstrumen, awalan="akr:na"):
    """N/A on an indicator (offered only where the instrument allows it)."""


@dataclass(frozen=True)
class KonteksGender(PerInstrumen, awalan="akr:kg"):
    """The school's 3.10.3 situation; `kode` is heterogen or homogen."""


@dataclass(frozen=True)
class Lanjutkan(Tombol, awalan="akr:ln"):
    """Resume at the first indicator not assessed yet."""


@dataclass(frozen=True)
class Dka(PerInstrumen, awalan="akr:dka"):
    """A butir's DKA narrative."""


@dataclass(frozen=True)
class DkaDraf(PerInstrumen, awalan="akr:dkd"):
    """Let the bot draft the narrative from the school's data."""


@dataclass(frozen=True)
class DkaTerima(PerInstrumen, awalan="akr:dkt"):
    """Accept the bot's draft as it is (kept as a draft for the kepala)."""


@dataclass(frozen=True)
class DkaUbah(PerInstrumen, awalan="akr:dku"):
    """Type the narrative (or a corrected one) in the chat."""


@dataclass(frozen=True)
class DkaSetujui(PerInstrumen, awalan="akr:dks"):
    """The kepala sekolah approves the narrative."""


@dataclass(frozen=True)
class Celah(Tombol, awalan="akr:cl"):
    """IA2024 readiness gaps."""


@dataclass(frozen=True)
class Penjelasan(Tombol, awalan="akr:pj"):
    """Visit or automatic? How re-accreditation works now."""


@dataclass(frozen=True)
class DrafLama(Tombol, awalan="akr:dl"):
    """The school's assessments on the old 10-butir IA2024 draft (read-only)."""
