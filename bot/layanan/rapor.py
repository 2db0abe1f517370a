"""/rapor: the school's Rapor Pendidikan. Read the download (a preview, nothing stored), save it
only after the user confirms (whole, in one transaction), type the priority indicators by hand,
and correct a value later (audited). For the kepala_sekolah and koordinator of the school."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass, field
from functools import cache
from typing import Any

from bot.dokumen.rapor_impor import BATAS_BERKAS, BerkasDitolak, baca_berkas_async
from bot.layanan import Ditolak, Layanan
from bot.layanan.aktor import Aktor, wajib_peran
from bot.mutu import rapor as rp
from bot.mutu.rapor_impor import TidakTerbaca
from db import audit
from db import rapor as db_rapor
from db import sekolah as db_sekolah
from db.jenis import AsyncConnection, Row
from db.rapor_katalog import baca_akar_masalah, baca_katalog


@cache
def katalog() -> rp.Katalog:
    """The catalogue shipped with the bot (checked once)."""
    return rp.katalog_dari(baca_katalog())


@cache
def peta_akar() -> rp.PetaAkar:
    """The bot's root-cause suggestions (unconfirmed; shown as the bot's)."""
    return rp.peta_akar_dari(baca_akar_masalah(), katalog())


def capaian_ke_dict(c: rp.Capaian) -> dict[str, Any]:
    """A Capaian as plain JSON values (for a draft and for storage)."""
    d = asdict(c)
    d["label"] = c.label.value if c.label else None
    d["arah"] = c.arah.value if c.arah else None
    return d


def capaian_dari(d: dict[str, Any]) -> rp.Capaian:
    """A Capaian back from its plain values (a draft or a stored row)."""
    return rp.Capaian(
        kode=str(d["kode"]),
        label=rp.Label(d["label"]) if d.get("label") else None,
        nilai=d.get("nilai"),
        arah=rp.Arah(d["arah"]) if d.get("arah") else None,
        perubahan=d.get("perubahan"),
        peringkat_daerah=d.get("peringkat_daerah"),
        peringkat_nasional=d.get("peringkat_nasional"),
        teks_label=d.get("teks_label"),
    )


@dataclass(frozen=True)
class Baris:
    """One priority indicator as shown: code, official name, and the school's values."""

    kode: str
    nama: str
    capaian: rp.Capaian | None


@dataclass(frozen=True)
class Pratinjau:
    """What was read from a file, before the user confirms."""

    edisi: str
    edisi_ditebak: bool  # the file did not say its year: the catalogue's edition is assumed
    nama_berkas: str | None
    npsn_berkas: str | None
    sekolah_berkas: str | None
    beda_sekolah: bool
    prioritas: list[Baris]
    jumlah: int
    tak_dikenal: list[str] = field(default_factory=list)
    capaian: list[dict[str, Any]] = field(default_factory=list)

    def draf(self) -> dict[str, Any]:
        """What the draft keeps until the user confirms (no file bytes)."""
        return {
            "langkah": "konfirmasi",
            "edisi": self.edisi,
            "nama_berkas": self.nama_berkas,
            "npsn_berkas": self.npsn_berkas,
            "sekolah_berkas": self.sekolah_berkas,
            "beda": self.beda_sekolah,
            "capaian": self.capaian,
        }


def _baris_prioritas(jenjang: str, capaian: dict[str, rp.Capaian]) -> list[Baris]:
    k = katalog()
    return [
        Baris(kode, ind.nama if (ind := k.cari(kode, jenjang)) else kode, capaian.get(kode))
        for kode in k.prioritas(jenjang)
    ]


async def _sekolah(lay: Layanan, sekolah_id: int) -> Row[Any]:
    async with lay.mesin.connect() as conn:
        baris = await db_sekolah.ambil(conn, sekolah_id)
    if baris is None:
        raise Ditolak("bukan_pengelola")
    return baris


async def pratinjau(lay: Layanan, aktor: Aktor, isi: bytes, nama_berkas: str | None) -> Pratinjau:
    """Read a download off the event loop; nothing is stored. `Ditolak` names why a file
    cannot be read (rapor_besar, rapor_sandi, rapor_bukan_xlsx, rapor_tanpa_tabel, ...)."""
    sekolah = await _sekolah(lay, wajib_peran(aktor))
    try:
        hasil = await baca_berkas_async(isi, nama_berkas)
    except (BerkasDitolak, TidakTerbaca) as galat:
        raise Ditolak(galat.alasan) from galat
    k = katalog()
    tak_dikenal = sorted(c for c in hasil.capaian if k.cari(c, sekolah.jenjang) is None)
    return Pratinjau(
        edisi=hasil.edisi or k.edisi,
        edisi_ditebak=hasil.edisi is None,
        nama_berkas=(nama_berkas or "")[:255] or None,
        npsn_berkas=hasil.npsn,
        sekolah_berkas=hasil.nama_sekolah,
        beda_sekolah=hasil.npsn is not None and hasil.npsn != sekolah.npsn,
        prioritas=_baris_prioritas(sekolah.jenjang, hasil.capaian),
        jumlah=len(hasil.capaian),
        tak_dikenal=tak_dikenal,
        capaian=[capaian_ke_dict(c) for c in hasil.capaian.values()],
    )


async def simpan(
    lay: Layanan, aktor: Aktor, data: dict[str, Any], *, sumber: str, beda_dikonfirmasi: bool
) -> int:
    """Store a confirmed import whole (replacing the school's import of the same edition),
    with its audit record, in one transaction. A file of another school needs
    `beda_dikonfirmasi`."""
    sekolah_id = wajib_peran(aktor)
    if data.get("beda") and not beda_dikonfirmasi:
        raise Ditolak("rapor_sekolah_lain")
    capaian = [capaian_dari(c) for c in data.get("capaian", ())]
    for c in capaian:
        if not rp.nilai_sah(c.kode, c.nilai):
            raise Ditolak("rapor_nilai")
    waktu = lay.sekarang()
    async with lay.mesin.begin() as conn:
        # The import this one replaces goes whole into the audit record: nothing is lost.
        sebelumnya = await db_rapor.impor_edisi(conn, sekolah_id, data["edisi"])
        nilai_lama = (
            None
            if sebelumnya is None
            else [
                {b: getattr(r, b) for b in ("kode", *db_rapor.BIDANG_CAPAIAN)}
                for r in (await db_rapor.capaian_impor(conn, sebelumnya.id)).values()
            ]
        )
        impor_id, lama = await db_rapor.simpan_impor(
            conn,
            sekolah_id=sekolah_id,
            edisi=data["edisi"],
            sumber=sumber,
            katalog_versi=katalog().versi,
            pengguna_id=aktor.pengguna_id,
            waktu=waktu,
            capaian=[capaian_ke_dict(c) for c in capaian],
            nama_berkas=data.get("nama_berkas"),
            npsn_berkas=data.get("npsn_berkas"),
        )
        await audit.catat(
            conn,
            waktu=waktu,
            aksi="rapor_impor",
            pengguna_id=aktor.pengguna_id,
            sekolah_id=sekolah_id,
            objek="rapor_impor",
            objek_id=impor_id,
            rincian={
                "edisi": data["edisi"],
                "sumber": sumber,
                "jumlah": len(capaian),
                "menggantikan": lama,
                "nilai_lama": nilai_lama,
                "sekolah_lain": bool(data.get("beda")),
            },
        )
    return impor_id


@dataclass(frozen=True)
class Tersimpan:
    """The school's latest import, as /rapor shows it."""

    impor: Row[Any]
    prioritas: list[Baris]
    capaian: dict[str, rp.Capaian]


async def terbaru(lay: Layanan, aktor: Aktor) -> Tersimpan | None:
    """The school's latest import with its priority indicators, or None before the first."""
    sekolah_id = wajib_peran(aktor)
    sekolah = await _sekolah(lay, sekolah_id)
    async with lay.mesin.connect() as conn:
        impor = await db_rapor.impor_terbaru(conn, sekolah_id)
        if impor is None:
            return None
        baris = await db_rapor.capaian_impor(conn, impor.id)
    capaian = {k: capaian_dari(b._asdict()) for k, b in baris.items()}
    return Tersimpan(impor, _baris_prioritas(sekolah.jenjang, capaian), capaian)


async def prioritas_sekolah(lay: Layanan, aktor: Aktor) -> list[Baris]:
    """The school's priority indicators with their names (for typing them in)."""
    sekolah = await _sekolah(lay, wajib_peran(aktor))
    return _baris_prioritas(sekolah.jenjang, {})


async def koreksi(lay: Layanan, aktor: Aktor, kode: str, bidang: dict[str, Any]) -> None:
    """Change values of one indicator of the latest import; the old and new values go to the
    audit trail in the same transaction."""
    sekolah_id = wajib_peran(aktor)
    sekolah = await _sekolah(lay, sekolah_id)
    if katalog().cari(kode, sekolah.jenjang) is None:
        raise Ditolak("tombol_usang")
    if not rp.nilai_sah(kode, bidang.get("nilai")):
        raise Ditolak("rapor_nilai")
    waktu = lay.sekarang()
    async with lay.mesin.begin() as conn:
        impor = await db_rapor.impor_terbaru(conn, sekolah_id)
        if impor is None:
            raise Ditolak("rapor_belum_ada")
        lama = await db_rapor.ubah_capaian(conn, impor.id, kode, bidang, aktor.pengguna_id, waktu)
        await audit.catat(
            conn,
            waktu=waktu,
            aksi="rapor_koreksi",
            pengguna_id=aktor.pengguna_id,
            sekolah_id=sekolah_id,
            objek="rapor_impor",
            objek_id=impor.id,
            rincian={"kode": kode, "lama": lama, "baru": bidang},
        )


async def pratinjau_ketik(
    lay: Layanan, aktor: Aktor, edisi: str, capaian: list[dict[str, Any]]
) -> Pratinjau:
    """The typed values shown for confirmation the way a file's are."""
    sekolah = await _sekolah(lay, wajib_peran(aktor))
    baca = {c["kode"]: capaian_dari(c) for c in capaian}
    return Pratinjau(
        edisi=edisi,
        edisi_ditebak=False,
        nama_berkas=None,
        npsn_berkas=None,
        sekolah_berkas=None,
        beda_sekolah=False,
        prioritas=_baris_prioritas(sekolah.jenjang, baca),
        jumlah=len(baca),
        capaian=list(capaian),
    )


async def npsn_sekolah(lay: Layanan, aktor: Aktor) -> str:
    """The NPSN of the actor's school (to name it beside another school's file)."""
    return str((await _sekolah(lay, wajib_peran(aktor))).npsn)


async def impor_siklus(
    lay: Layanan, sekolah_id: int, tahun_ajaran: str, conn: AsyncConnection | None = None
) -> Row[Any] | None:
    """The school's import that serves a cycle of `tahun_ajaran` (`rp.edisi_siklus`), or None.
    Pass the connection you hold, if any."""
    edisi = rp.edisi_siklus(tahun_ajaran)
    if conn is not None:
        return await db_rapor.impor_untuk_edisi(conn, sekolah_id, edisi)
    async with lay.mesin.connect() as sendiri:
        return await db_rapor.impor_untuk_edisi(sendiri, sekolah_id, edisi)


async def peta_siklus(lay: Layanan, sekolah_id: int, tahun_ajaran: str) -> rp.PetaRapor | None:
    """The Rapor Pendidikan part of the quality map of an open stage 1, or None when the
    school holds no edition for that cycle."""
    return await _peta(lay, sekolah_id, rp.edisi_siklus(tahun_ajaran))


async def peta_edisi(lay: Layanan, sekolah_id: int, edisi: str) -> rp.PetaRapor | None:
    """The Rapor Pendidikan part of the map of a cycle closed on `edisi` (None if the school's
    import of it is gone)."""
    return await _peta(lay, sekolah_id, (edisi,))


async def _peta(lay: Layanan, sekolah_id: int, edisi: tuple[str, ...]) -> rp.PetaRapor | None:
    sekolah = await _sekolah(lay, sekolah_id)
    async with lay.mesin.connect() as conn:
        impor = await db_rapor.impor_untuk_edisi(conn, sekolah_id, edisi)
        if impor is None:
            return None
        baris = await db_rapor.capaian_impor(conn, impor.id)
    capaian = {k: capaian_dari(b._asdict()) for k, b in baris.items()}
    return rp.susun_peta(impor.edisi, capaian, katalog(), sekolah.jenjang)


async def baca_unggahan(
    lay: Layanan,
    aktor: Aktor,
    ukuran: int | None,
    unduh: Callable[[], Awaitable[bytes]],
    nama_berkas: str | None,
) -> Pratinjau | str:
    """An uploaded file read for the preview, or why it cannot be read (a key of galat.*: the
    user is told and offered to type instead). A file over the limit is refused before it is
    downloaded. Nothing is stored."""
    if (ukuran or 0) > BATAS_BERKAS:
        return "rapor_besar"
    wajib_peran(aktor)
    isi = await unduh()
    try:
        return await pratinjau(lay, aktor, isi, nama_berkas)
    except Ditolak as tolak:
        if tolak.alasan == "bukan_pengelola":
            raise
        return tolak.alasan
