"""The buttons of /perencanaan, typed (bot/tombol.py)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.tombol import Tombol


@dataclass(frozen=True)
class TambahMasalah(Tombol, awalan="rcn:tm"):
    pass


@dataclass(frozen=True)
class PilihMasalah(Tombol, awalan="rcn:pm"):
    indikator: str


@dataclass(frozen=True)
class Akar(Tombol, awalan="rcn:ak"):
    akar: str  # a category of bot.layanan.rencana.AKAR_MASALAH


@dataclass(frozen=True)
class TambahProgram(Tombol, awalan="rcn:tp"):
    indikator: str


@dataclass(frozen=True)
class TambahKegiatan(Tombol, awalan="rcn:tk"):
    indikator: str
    program: int  # its number within the problem


@dataclass(frozen=True)
class Pic(Tombol, awalan="rcn:pic"):
    """The PIC chosen for a new activity."""

    pengguna_id: int


@dataclass(frozen=True)
class UbahPic(Tombol, awalan="rcn:upic"):
    """The PIC chosen for an activity being changed."""

    pengguna_id: int


@dataclass(frozen=True)
class Tanggal(Tombol, awalan="rcn:tgl"):
    jawab: str  # "ya": the date as read is right; "ubah": type it again


@dataclass(frozen=True)
class Lagi(Tombol, awalan="rcn:lagi"):
    apa: str  # "k": another activity, "p": another program, else another problem


@dataclass(frozen=True)
class Lihat(Tombol, awalan="rcn:lihat"):
    pass


@dataclass(frozen=True)
class PilihKegiatan(Tombol, awalan="rcn:uk"):
    """Which activity to change; with a page, that page of the list in place."""

    halaman: int | None = None


@dataclass(frozen=True)
class HalamanPic(Tombol, awalan="rcn:pich"):
    """Another page of the PIC chooser (ubah: 1 while an activity is being changed)."""

    ubah: int
    halaman: int


@dataclass(frozen=True)
class PilihBagian(Tombol, awalan="rcn:ul"):
    pass


@dataclass(frozen=True)
class UbahBagian(Tombol, awalan="rcn:ua"):
    """A problem's root cause, or (with `program`) a program's name, to type again."""

    indikator: str
    program: int | None = None


@dataclass(frozen=True)
class PilihBidang(Tombol, awalan="rcn:ub"):
    kunci: str  # the activity's key


@dataclass(frozen=True)
class UbahBidang(Tombol, awalan="rcn:uf"):
    kunci: str
    bidang: str  # a field of bot.layanan.rencana.BIDANG_KEGIATAN, or "hapus"


@dataclass(frozen=True)
class Bawaan(Tombol, awalan="rcn:bw"):
    """The carried activities; with a page, that page in place of the list."""

    halaman: int | None = None


@dataclass(frozen=True)
class AmbilBawaan(Tombol, awalan="rcn:bwa"):
    bawaan_id: int


@dataclass(frozen=True)
class LewatiBawaan(Tombol, awalan="rcn:bwl"):
    bawaan_id: int
    halaman: int


@dataclass(frozen=True)
class Setujui(Tombol, awalan="rcn:setuju"):
    pass


@dataclass(frozen=True)
class KirimDokumen(Tombol, awalan="rcn:dok"):
    pass


@dataclass(frozen=True)
class Tinjau(Tombol, awalan="rcn:tinjau"):
    pass


@dataclass(frozen=True)
class AkarKode(Tombol, awalan="rcn:akk"):
    """Refleksi of a Rapor Pendidikan problem: a suggested root-cause indicator ("D.1"), or
    None to write the root cause without one."""

    kode: str | None = None


@dataclass(frozen=True)
class Biaya(Tombol, awalan="rcn:by"):
    """Benahi: does the activity need money (then an ARKAS activity is asked)."""

    ya: bool


@dataclass(frozen=True)
class Arkas(Tombol, awalan="rcn:ark"):
    """Benahi: an ARKAS activity of the shipped short list, by its code SS.KK.NN."""

    kode: str


@dataclass(frozen=True)
class UbahBiaya(Tombol, awalan="rcn:uby"):
    """A saved activity's "butuh biaya" corrected (kunci: the activity being changed)."""

    kunci: str
    ya: bool


@dataclass(frozen=True)
class UbahArkas(Tombol, awalan="rcn:uark"):
    """A saved activity's ARKAS activity, of the shipped short list, by its code SS.KK.NN."""

    kunci: str
    kode: str
