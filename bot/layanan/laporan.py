"""/laporan: which documents the actor can have now, and the data of each.

`JENIS` is the one registry of document kinds: a key (carried by the button), the roles that
may ask, when it exists (from the cycle's `Keadaan`), and `siapkan`, which reads what the
document needs and returns a `Pembuat`: a plain function, run in a thread, that builds the
files (and, for some, a message sent after them). A new document is one more entry; the chat
process (percakapan/laporan.py `minta`) and the worker (bot/pekerja.py) both build through
`siapkan`. Entries with `di_laporan=False` are asked for from their own view (/akreditasi),
not offered by /laporan."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from bot.dokumen import akreditasi as dok_akreditasi
from bot.dokumen import monev as dok_monev
from bot.dokumen import rapor as dok_rapor
from bot.dokumen import rekap as dok_rekap
from bot.dokumen import rencana as dok_rencana
from bot.dokumen import rkt as dok_rkt
from bot.dokumen import siklus as dok_siklus
from bot.dokumen.rapor import (
    DokumenRapor,
    IndikatorRapor,
    KategoriRapor,
    ResponsRapor,
    StandarRapor,
)
from bot.layanan import Ditolak, Layanan, akreditasi_dokumen, monev, rencana, strategi
from bot.layanan.aktor import Aktor
from bot.layanan.anggota import penandatangan
from bot.layanan.instrumen import untuk_versi
from bot.layanan.pemetaan import peta_siklus
from bot.layanan.rekap import data_rekap, data_rekap_pengawas
from bot.mutu import pbd, skor
from bot.mutu.instrumen import Instrumen
from bot.mutu.peran import IZIN, Peran
from db import audit as db_audit
from db import keanggotaan
from db import komitmen as db_komitmen
from db import laporan as db_laporan
from db import rencana as db_rencana
from db import strategi as db_strategi

KS, KO, PG = Peran.KEPALA_SEKOLAH, Peran.KOORDINATOR, Peran.PENGAWAS


@dataclass(frozen=True)
class Dibuat:
    """What a build gives besides plain files: the files, then a message to send after them
    (the evidence bundle says what it left out)."""

    berkas: list[tuple[str, bytes]]
    pesan: str | None = None


# Builds the files (name, content) of one document; CPU work, run through asyncio.to_thread.
Pembuat = Callable[[], list[tuple[str, bytes]] | Dibuat]


def hasil(dibuat: list[tuple[str, bytes]] | Dibuat) -> Dibuat:
    """A build's outcome as files and the message after them."""
    return dibuat if isinstance(dibuat, Dibuat) else Dibuat(dibuat)


@dataclass(frozen=True)
class Keadaan:
    """What decides which documents exist: how far the active school's cycle is."""

    tahap: int | None  # None: no open cycle
    ada_peta: bool  # stage 1 was closed into the quality map
    ada_rencana: bool
    ada_komitmen: bool
    siklus_selesai_id: int | None = None  # the school's last closed cycle
    ada_rkt: bool = False  # the plan holds a Rapor Pendidikan problem (PBD)

    @property
    def ada_siklus_selesai(self) -> bool:
        return self.siklus_selesai_id is not None


@dataclass(frozen=True)
class JenisDokumen:
    """One kind of document /laporan offers; its button label is `dokumen_laporan.<kunci>`."""

    kunci: str
    peran: frozenset[Peran]
    ada: Callable[[Keadaan], bool]
    siapkan: Callable[[Layanan, Aktor], Awaitable[Pembuat]]
    di_laporan: bool = True  # offered by /laporan (else from its own view)


async def _rapor(lay: Layanan, aktor: Aktor) -> Pembuat:
    d = await dokumen_rapor(lay, aktor)
    return lambda: [(dok_rapor.nama_berkas(d), dok_rapor.buat_pdf(d))]


async def _rapor_lalu(lay: Layanan, aktor: Aktor) -> Pembuat:
    k = await keadaan(lay, aktor)
    if k.siklus_selesai_id is None:
        raise Ditolak("dokumen_tidak_tersedia")
    d = await dokumen_rapor(lay, aktor, k.siklus_selesai_id)
    return lambda: [(dok_rapor.nama_berkas(d), dok_rapor.buat_pdf(d))]


async def _rencana(lay: Layanan, aktor: Aktor) -> Pembuat:
    d = await rencana.dokumen(lay, aktor)
    return lambda: [
        (dok_rencana.nama_berkas(d, "docx"), dok_rencana.buat_docx(d)),
        (dok_rencana.nama_berkas(d, "pdf"), dok_rencana.buat_pdf(d)),
    ]


async def _rkt(lay: Layanan, aktor: Aktor) -> Pembuat:
    d = await rencana.dokumen_rkt(lay, aktor)
    return lambda: [
        (dok_rkt.nama_berkas(d, "xlsx"), dok_rkt.buat_xlsx(d)),
        (dok_rkt.nama_berkas(d, "docx"), dok_rkt.buat_docx(d)),
    ]


async def _monev(lay: Layanan, aktor: Aktor) -> Pembuat:
    d = await monev.dokumen(lay, aktor)
    return lambda: [(dok_monev.nama_berkas(d), dok_monev.buat_pdf(d))]


def _xlsx(d: dok_rekap.DataRekap) -> Pembuat:
    return lambda: [(dok_rekap.nama_berkas(d), dok_rekap.buat_xlsx(d))]


async def _siklus(lay: Layanan, aktor: Aktor) -> Pembuat:
    d = await strategi.dokumen_siklus(lay, aktor)
    return lambda: [(dok_siklus.nama_berkas(d), dok_siklus.buat_pdf(d))]


async def _rekap(lay: Layanan, aktor: Aktor) -> Pembuat:
    return _xlsx(await data_rekap(lay, aktor, dengan_nama=False))


async def _rekap_nama(lay: Layanan, aktor: Aktor) -> Pembuat:
    data = await data_rekap(lay, aktor, dengan_nama=True)
    # Respondents' names leave the bot in this file: who took it, when, for which school.
    async with lay.mesin.begin() as conn:
        await db_audit.catat(
            conn,
            waktu=lay.sekarang(),
            aksi="ekspor.rekap_nama",
            pengguna_id=aktor.pengguna_id,
            sekolah_id=aktor.sekolah_id,
        )
    return _xlsx(data)


async def _rekap_pengawas(lay: Layanan, aktor: Aktor) -> Pembuat:
    return _xlsx(await data_rekap_pengawas(lay, aktor))


async def _akreditasi_laporan(lay: Layanan, aktor: Aktor) -> Pembuat:
    d = await akreditasi_dokumen.dokumen(lay, aktor)
    return lambda: [(dok_akreditasi.nama_berkas(d), dok_akreditasi.buat_pdf(d))]


async def _akreditasi_bundel(lay: Layanan, aktor: Aktor) -> Pembuat:
    d = await akreditasi_dokumen.dokumen(lay, aktor)
    batas = akreditasi_dokumen.BATAS_BUNDEL

    def buat() -> Dibuat:
        bagian, tertinggal = dok_akreditasi.buat_bundel(d, batas)
        return Dibuat(bagian, akreditasi_dokumen.pesan_bundel(lay, d, len(bagian), tertinggal))

    return buat


def _selalu(_: Keadaan) -> bool:
    return True


_AKR = frozenset(IZIN["akreditasi"] or ())

# In the order of the buttons.
JENIS: tuple[JenisDokumen, ...] = (
    JenisDokumen("rapor", frozenset({KS, KO, PG}), lambda k: k.ada_peta, _rapor),
    # Until this cycle has its own map: the last closed cycle's (for a visit, a new plan).
    JenisDokumen(
        "rapor_lalu",
        frozenset({KS, KO, PG}),
        lambda k: not k.ada_peta and k.ada_siklus_selesai,
        _rapor_lalu,
    ),
    JenisDokumen("rencana", frozenset({KS, KO, PG}), lambda k: k.ada_rencana, _rencana),
    JenisDokumen("rkt", frozenset({KS, KO, PG}), lambda k: k.ada_rkt, _rkt),
    JenisDokumen("monev", frozenset({KS, KO}), lambda k: k.ada_komitmen, _monev),
    # The cycle in stage 5, else the last closed one (bot.layanan.strategi.dokumen_siklus).
    JenisDokumen(
        "siklus", frozenset({KS, KO, PG}), lambda k: k.tahap == 5 or k.ada_siklus_selesai, _siklus
    ),
    JenisDokumen("rekap", frozenset({KS, KO}), _selalu, _rekap),
    JenisDokumen("rekap_nama", frozenset({KS}), _selalu, _rekap_nama),
    JenisDokumen("rekap_pengawas", frozenset({PG}), _selalu, _rekap_pengawas),
    # /akreditasi's readiness report and evidence bundle (whichever instrument the school chose).
    JenisDokumen("akreditasi_laporan", _AKR, _selalu, _akreditasi_laporan, di_laporan=False),
    JenisDokumen("akreditasi_bundel", _AKR, _selalu, _akreditasi_bundel, di_laporan=False),
)


async def keadaan(lay: Layanan, aktor: Aktor) -> Keadaan:
    """The state of the actor's active school's open cycle."""
    if aktor.sekolah_id is None:
        raise Ditolak("tanpa_sekolah")
    async with lay.mesin.connect() as conn:
        s = await db_laporan.sekolah_siklus(conn, aktor.sekolah_id)
        lalu = await db_strategi.selesai_terakhir(conn, aktor.sekolah_id)
        selesai = lalu.id if lalu is not None else None
        if s is None or s.siklus_id is None:
            return Keadaan(None, False, False, False, selesai)
        terbaru = await db_rencana.terbaru(conn, s.siklus_id)
        kode = await db_rencana.kode_masalah(conn, terbaru.id) if terbaru is not None else []
        ada_komitmen = bool(await db_komitmen.per_kunci(conn, s.siklus_id))
    ada_peta = s.tahap >= 2 and s.instrumen_versi is not None
    ada_rkt = any(pbd.adalah_kode_rapor(k) for k in kode)
    return Keadaan(s.tahap, ada_peta, terbaru is not None, ada_komitmen, selesai, ada_rkt)


async def tersedia(lay: Layanan, aktor: Aktor) -> tuple[JenisDokumen, ...]:
    """The documents /laporan offers the actor now, in registry order."""
    return tuple(j for j in await _boleh(lay, aktor) if j.di_laporan)


async def _boleh(lay: Layanan, aktor: Aktor) -> tuple[JenisDokumen, ...]:
    """Every document the actor can have now, /laporan's and the other views'."""
    k = await keadaan(lay, aktor)
    return tuple(j for j in JENIS if aktor.peran in j.peran and j.ada(k))


async def siapkan(lay: Layanan, aktor: Aktor, kunci: str) -> Pembuat:
    """Read what the document `kunci` needs; `Ditolak` when the actor cannot have it now (a
    button from before a change of role, stage or school)."""
    jenis = next((j for j in await _boleh(lay, aktor) if j.kunci == kunci), None)
    if jenis is None:
        raise Ditolak("dokumen_tidak_tersedia")
    return await jenis.siapkan(lay, aktor)


def _kategori(inst: Instrumen, nilai: float | None) -> str | None:
    return None if nilai is None else inst.kategori_untuk(skor.bulat(nilai)).nama


def _indikator(inst: Instrumen, i: skor.HasilIndikator) -> IndikatorRapor:
    return IndikatorRapor(
        i.kode,
        i.nama,
        i.skor,
        _kategori(inst, i.skor),
        i.jumlah_jawaban,
        i.jumlah_responden,
        i.confirmed,
    )


async def dokumen_rapor(lay: Layanan, aktor: Aktor, siklus_id: int | None = None) -> DokumenRapor:
    """The Profil Mutu Sekolah of the active school's open cycle (or of its cycle `siklus_id`), once
    stage 1 is closed."""
    if aktor.sekolah_id is None:
        raise Ditolak("tanpa_sekolah")
    async with lay.mesin.connect() as conn:
        s = await db_laporan.sekolah_siklus(conn, aktor.sekolah_id, siklus_id)
        anggota = await keanggotaan.anggota_sekolah(conn, aktor.sekolah_id)
    if s is None or s.siklus_id is None:
        raise Ditolak("tanpa_siklus")
    if s.tahap < 2 or s.instrumen_versi is None:
        raise Ditolak("rapor_belum")
    ps = await peta_siklus(lay, s.siklus_id)
    inst = await untuk_versi(lay, s.instrumen_versi)
    r = lay.render
    lokal = lay.sekarang().astimezone(ZoneInfo(s.zona_waktu))
    kepala, ketua = penandatangan(anggota)
    return DokumenRapor(
        sekolah_nama=s.nama,
        npsn=s.npsn,
        kabupaten=s.kabupaten,
        provinsi=s.provinsi,
        tahun_ajaran=s.tahun_ajaran,
        skor_sekolah=ps.peta.skor_sekolah,
        kategori_sekolah=ps.peta.kategori.nama if ps.peta.kategori else None,
        standar=tuple(
            StandarRapor(
                h.nomor,
                h.nama,
                r.label(f"standar_pendek.{h.kode}"),
                h.skor,
                h.kategori.nama if h.kategori else None,
                tuple(_indikator(inst, i) for i in h.indikator),
            )
            for h in ps.peta.standar
        ),
        prioritas=tuple(_indikator(inst, i) for i in ps.peta.prioritas),
        respons=tuple(
            ResponsRapor(r.nama_peran(t.kelompok), t.selesai, t.sebagian, t.jumlah)
            for t in ps.respons
            if t.jumlah
        ),
        instrumen_nama=inst.nama,
        instrumen_versi=inst.versi,
        skala_min=inst.skala_min,
        skala_maks=inst.skala_maks,
        kategori=tuple(KategoriRapor(k.nama, k.batas_atas) for k in inst.kategori),
        kategori_confirmed=inst.kategori_confirmed,
        pertanyaan_confirmed=all(p.confirmed for p in inst.semua_pertanyaan()),
        kepala_sekolah=kepala,
        ketua_tpmps=ketua,
        tempat=s.kabupaten,
        tanggal=lokal.date(),
        dibuat_pada=lokal,
        rapor=ps.rapor,
        eds=ps.eds,
    )
