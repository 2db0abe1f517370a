"""Stage 2, perencanaan: the plan built problem by problem, approved by the kepala_sekolah.

The editable version is the newest draft; once a version is approved, the first change makes a
new draft copied from it (activity keys stay, so commitments follow their activity) and the
audit says who changed what."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from zoneinfo import ZoneInfo

from bot.dokumen.rencana import BarisKegiatan, DokumenRencana
from bot.dokumen.rkt import BarisRkt, DokumenRkt
from bot.layanan import Ditolak, Layanan, kabar
from bot.layanan import rapor as lay_rapor
from bot.layanan.aktor import Aktor, wajib_peran
from bot.layanan.anggota import penandatangan
from bot.layanan.instrumen import untuk_versi
from bot.layanan.pemetaan import peta_siklus
from bot.mutu import pbd, rapor_pbd
from bot.mutu import rapor as rp
from bot.mutu.instrumen import Instrumen
from bot.mutu.peran import PENGELOLA, Peran
from bot.mutu.wizard_rencana import KegiatanLengkap
from db import audit, keanggotaan, pengguna
from db import pbd as db_pbd
from db import rapor as db_rapor
from db import rencana as db_rencana
from db import sekolah as db_sekolah
from db import siklus as db_siklus
from db.jenis import AsyncConnection, Row

MAKS_MASALAH = 10
AKAR_MASALAH: tuple[str, ...] = (
    "sdm",
    "sarpras",
    "pembelajaran",
    "kebijakan",
    "pembiayaan",
    "partisipasi",
)
BIDANG_KEGIATAN = (
    "deskripsi",
    "pic_id",
    "mulai",
    "selesai",
    "anggaran",
    "indikator_keberhasilan",
    "target_skor",
)


@dataclass(frozen=True)
class Kegiatan:
    """One activity of the plan."""

    id: int
    kunci: str
    deskripsi: str
    pic_id: int
    pic_nama: str
    mulai: date
    selesai: date
    anggaran: int
    indikator_keberhasilan: str
    target_skor: float
    butuh_biaya: bool | None = None  # None: not asked (a problem of the SNP evaluation)
    arkas_kode: str | None = None
    arkas_nama: str | None = None


@dataclass(frozen=True)
class Program:
    """A program of a problem, with its activities."""

    urutan: int
    nama: str
    kegiatan: tuple[Kegiatan, ...]


def nama_indikator(inst: Instrumen, kode: str) -> str:
    """The name of a problem's indicator: the instrument's, else the Rapor Pendidikan
    catalogue's (a problem may carry an RP code such as "A.1")."""
    try:
        return inst.indikator(kode).nama
    except KeyError:
        for (_, k), ind in lay_rapor.katalog().indikator.items():
            if k == kode:
                return ind.nama
        return kode


@dataclass(frozen=True)
class Masalah:
    """A priority problem: its indicator, root cause, and programs."""

    indikator_kode: str
    indikator_nama: str
    skor_awal: float | None
    akar_kategori: str
    akar_penjelasan: str
    program: tuple[Program, ...]
    capaian_label: str | None = None  # the Rapor Pendidikan label when the problem was chosen
    akar_kode: str | None = None  # the root-cause indicator picked from the bot's suggestions

    @property
    def rapor(self) -> bool:
        """A problem of Rapor Pendidikan (PBD), not of the school's own SNP evaluation."""
        return pbd.adalah_kode_rapor(self.indikator_kode)


@dataclass(frozen=True)
class Rencana:
    """One version of the plan."""

    id: int
    siklus_id: int
    versi: int
    status: str
    disetujui_pada: datetime | None
    ditinjau_pada: datetime | None
    komentar_tinjauan: str | None
    masalah: tuple[Masalah, ...]

    def semua_kegiatan(self) -> list[tuple[Masalah, Program, Kegiatan]]:
        """Every activity with its problem and program, in plan order."""
        return [(m, p, k) for m in self.masalah for p in m.program for k in p.kegiatan]

    @property
    def total_anggaran(self) -> int:
        """The plan's budget in rupiah."""
        return sum(k.anggaran for _, _, k in self.semua_kegiatan())


def tahun_ajaran_rentang(tahun_ajaran: str) -> tuple[date, date]:
    """1 July to 30 June of a school year like "2026/2027"."""
    awal = int(tahun_ajaran.split("/")[0])
    return date(awal, 7, 1), date(awal + 1, 6, 30)


async def siklus_terbuka(conn: AsyncConnection, aktor: Aktor) -> Row:
    """The open cycle of the actor's school; `Ditolak` without a school or an open cycle."""
    if aktor.sekolah_id is None:
        raise Ditolak("tanpa_sekolah")
    siklus = await db_siklus.terbuka(conn, aktor.sekolah_id)
    if siklus is None:
        raise Ditolak("tanpa_siklus")
    if siklus.tahap < 2:
        raise Ditolak("perencanaan_belum")
    return siklus


async def susun_rencana(
    lay: Layanan, conn: AsyncConnection, baris: Row, versi_instrumen: str
) -> Rencana:
    """A stored plan version as a `Rencana`: its problems, programs and activities, with
    the indicator names of its instrument version and the PICs' names."""
    inst = await untuk_versi(lay, versi_instrumen, conn)
    m, p, k = await db_rencana.isi(conn, baris.id)
    nama = await pengguna.nama(conn, sorted({b.pic_id for b in k}))
    per_program: dict[int, list[Kegiatan]] = {}
    for b in k:
        per_program.setdefault(b.program_id, []).append(
            Kegiatan(
                b.id,
                b.kunci,
                b.deskripsi,
                b.pic_id,
                nama.get(b.pic_id, "?"),
                b.mulai,
                b.selesai,
                b.anggaran,
                b.indikator_keberhasilan,
                b.target_skor,
                b.butuh_biaya,
                b.arkas_kode,
                b.arkas_nama,
            )
        )
    per_masalah: dict[int, list[Program]] = {}
    for b in p:
        per_masalah.setdefault(b.masalah_id, []).append(
            Program(b.urutan, b.nama, tuple(per_program.get(b.id, [])))
        )
    return Rencana(
        baris.id,
        baris.siklus_id,
        baris.versi,
        baris.status,
        baris.disetujui_pada,
        baris.ditinjau_pada,
        baris.komentar_tinjauan,
        tuple(
            Masalah(
                b.indikator_kode,
                b.indikator_nama or nama_indikator(inst, b.indikator_kode),
                b.skor_awal,
                b.akar_kategori,
                b.akar_penjelasan,
                tuple(per_masalah.get(b.id, [])),
                b.capaian_label,
                b.akar_kode,
            )
            for b in m
        ),
    )


@dataclass(frozen=True)
class SiklusRencana:
    """What planning needs to know of the cycle."""

    tahun_ajaran: str
    instrumen: Instrumen

    @property
    def rentang(self) -> tuple[date, date]:
        """First and last day of the school year."""
        return tahun_ajaran_rentang(self.tahun_ajaran)


async def siklus_rencana(lay: Layanan, aktor: Aktor) -> SiklusRencana:
    """The school year and instrument of the cycle being planned."""
    async with lay.mesin.connect() as conn:
        siklus = await siklus_terbuka(conn, aktor)
    return SiklusRencana(siklus.tahun_ajaran, await untuk_versi(lay, siklus.instrumen_versi))


async def lihat(lay: Layanan, aktor: Aktor) -> Rencana | None:
    """The newest version of the plan of the actor's school, or None before the first problem."""
    async with lay.mesin.connect() as conn:
        siklus = await siklus_terbuka(conn, aktor)
        baris = await db_rencana.terbaru(conn, siklus.id)
        if baris is None:
            return None
        return await susun_rencana(lay, conn, baris, siklus.instrumen_versi)


async def rapor_sekolah(lay: Layanan, sekolah_id: int) -> tuple[str, dict[str, rp.Capaian]]:
    """The school's jenjang and the values of its latest Rapor Pendidikan import ({} before
    the first import)."""
    async with lay.mesin.connect() as conn:
        sekolah = await db_sekolah.ambil(conn, sekolah_id)
        impor = await db_rapor.impor_terbaru(conn, sekolah_id)
        baris = await db_rapor.capaian_impor(conn, impor.id) if impor is not None else {}
    jenjang = str(sekolah.jenjang) if sekolah is not None else ""
    return jenjang, {k: lay_rapor.capaian_dari(b._asdict()) for k, b in baris.items()}


def _nama_rapor(kode: str, jenjang: str) -> str:
    ind = lay_rapor.katalog().cari(kode, jenjang)
    return ind.nama if ind else kode


async def calon_masalah(lay: Layanan, aktor: Aktor) -> list[pbd.CalonMasalah]:
    """Identifikasi: the priority indicators labelled Kurang or Sedang in the school's latest
    Rapor Pendidikan import, in PBD order, then the weak indicators of stage 1's questionnaire
    (weakest first, when it was answered); those already in the plan left out (up to 10)."""
    async with lay.mesin.connect() as conn:
        siklus = await siklus_terbuka(conn, aktor)
    jenjang, capaian = await rapor_sekolah(lay, siklus.sekolah_id)
    kandidat = rapor_pbd.identifikasi(capaian, lay_rapor.katalog().prioritas(jenjang))
    ps = await peta_siklus(lay, siklus.id, jumlah_prioritas=29)
    rencana = await lihat(lay, aktor)
    return pbd.calon_masalah(
        kandidat,
        {k.kode: _nama_rapor(k.kode, jenjang) for k in kandidat},
        [i for i in ps.peta.prioritas if i.skor is not None],
        {m.indikator_kode for m in rencana.masalah} if rencana else (),
        MAKS_MASALAH,
    )


@cache
def daftar_arkas() -> pbd.DaftarArkas:
    """The ARKAS short list shipped with the bot (unconfirmed; shown so)."""
    return pbd.daftar_arkas_dari(db_pbd.baca_arkas())


@dataclass(frozen=True)
class SaranAkar:
    """Refleksi: a root-cause indicator the bot suggests (not the ministry's card), with its
    official name, the school's values, and the sub-indicators to check."""

    kode: str
    nama: str
    capaian: rp.Capaian | None
    sub: tuple[tuple[str, str, rp.Capaian | None], ...]


async def saran_akar(lay: Layanan, aktor: Aktor, kode: str) -> list[SaranAkar]:
    """The bot's root-cause suggestions for a Rapor Pendidikan problem, from the school's own
    latest report."""
    jenjang, capaian = await rapor_sekolah(lay, wajib_peran(aktor))
    saran = rapor_pbd.refleksi(kode, capaian, lay_rapor.peta_akar(), lay_rapor.katalog(), jenjang)
    return [
        SaranAkar(
            s.kode,
            _nama_rapor(s.kode, jenjang),
            s.capaian,
            tuple((x, _nama_rapor(x, jenjang), c) for x, c in s.sub),
        )
        for s in saran
    ]


async def draf_rencana(conn: AsyncConnection, lay: Layanan, aktor: Aktor, siklus: Row) -> int:
    """The version to change: the newest draft, or a new draft copied from the approved one."""
    baris = await db_rencana.terbaru(conn, siklus.id)
    if baris is None:
        return await db_rencana.buat(conn, siklus.id, 1, lay.sekarang())
    if baris.status == "draf":
        return int(baris.id)
    baru = await db_rencana.buat(conn, siklus.id, baris.versi + 1, lay.sekarang())
    await db_rencana.salin(conn, baris.id, baru)
    await catat_audit(conn, lay, aktor, "rencana.versi_baru", baru, {"versi": baris.versi + 1})
    return baru


async def catat_audit(
    conn: AsyncConnection,
    lay: Layanan,
    aktor: Aktor,
    aksi: str,
    objek_id: object,
    rincian: dict[str, object],
) -> None:
    """Record a change to a plan in the audit log, in the caller's transaction."""
    await audit.catat(
        conn,
        waktu=lay.sekarang(),
        aksi=aksi,
        pengguna_id=aktor.pengguna_id,
        sekolah_id=aktor.sekolah_id,
        objek="rencana",
        objek_id=objek_id,
        rincian=rincian,
    )


async def tambah_masalah(
    lay: Layanan,
    aktor: Aktor,
    indikator_kode: str,
    akar_kategori: str,
    akar_penjelasan: str,
    akar_kode: str | None = None,
) -> None:
    """Add a priority problem with its root cause (for a Rapor Pendidikan problem, optionally
    the root-cause indicator picked from the bot's suggestions)."""
    wajib_peran(aktor, PENGELOLA)
    if akar_kategori not in AKAR_MASALAH:
        raise Ditolak("pilihan_salah")
    if akar_kode is not None and akar_kode not in {
        s.kode for s in await saran_akar(lay, aktor, indikator_kode)
    }:
        raise Ditolak("tombol_usang")
    calon = {i.kode: i for i in await calon_masalah(lay, aktor)}
    async with lay.mesin.begin() as conn:
        siklus = await siklus_terbuka(conn, aktor)
        rencana_id = await draf_rencana(conn, lay, aktor, siklus)
        m, _, _ = await db_rencana.isi(conn, rencana_id)
        if any(b.indikator_kode == indikator_kode for b in m):
            return  # a doubled press: the problem is there already
        if len(m) >= MAKS_MASALAH:
            raise Ditolak("masalah_penuh")
        if indikator_kode not in calon:
            raise Ditolak("tombol_usang")
        c = calon[indikator_kode]
        await db_rencana.tambah_masalah(
            conn,
            rencana_id,
            indikator_kode,
            c.capaian.nilai if c.capaian else c.skor,
            akar_kategori,
            akar_penjelasan,
            indikator_nama=c.nama if c.rapor else None,
            capaian_label=c.capaian.label.value if c.capaian and c.capaian.label else None,
            akar_kode=akar_kode,
        )
        await catat_audit(
            conn,
            lay,
            aktor,
            "rencana.tambah_masalah",
            rencana_id,
            {"indikator": indikator_kode, "akar": akar_kategori, "akar_kode": akar_kode},
        )


async def tambah_program(lay: Layanan, aktor: Aktor, indikator_kode: str, nama: str) -> int:
    """Add a program to a problem; returns its number within the problem."""
    wajib_peran(aktor, PENGELOLA)
    async with lay.mesin.begin() as conn:
        siklus = await siklus_terbuka(conn, aktor)
        rencana_id = await draf_rencana(conn, lay, aktor, siklus)
        m, p, _ = await db_rencana.isi(conn, rencana_id)
        masalah = next((b for b in m if b.indikator_kode == indikator_kode), None)
        if masalah is None:
            raise Ditolak("tombol_usang")
        await db_rencana.tambah_program(conn, masalah.id, nama)
        await catat_audit(
            conn,
            lay,
            aktor,
            "rencana.tambah_program",
            rencana_id,
            {"indikator": indikator_kode, "program": nama},
        )
        return sum(1 for b in p if b.masalah_id == masalah.id) + 1


# A complete activity, as typed and confirmed: the wizard's own typed value is what is stored.
KegiatanBaru = KegiatanLengkap


async def anggota_aktif(lay: Layanan, aktor: Aktor) -> dict[int, str]:
    """Who may be a PIC: the active staff of the school (not the pengawas)."""
    async with lay.mesin.connect() as conn:
        anggota = await keanggotaan.anggota_sekolah(conn, aktor.sekolah_id or 0)
    return {a.pengguna_id: a.nama for a in anggota if a.peran != Peran.PENGAWAS}


async def tambah_kegiatan(
    lay: Layanan, aktor: Aktor, indikator_kode: str, program_urutan: int, k: KegiatanBaru
) -> str:
    """Add a complete activity; returns its key. A PIC no longer in the school is refused."""
    wajib_peran(aktor, PENGELOLA)
    if k.pic_id not in await anggota_aktif(lay, aktor):
        raise Ditolak("pic_keluar")
    async with lay.mesin.begin() as conn:
        siklus = await siklus_terbuka(conn, aktor)
        rencana_id = await draf_rencana(conn, lay, aktor, siklus)
        m, p, _ = await db_rencana.isi(conn, rencana_id)
        masalah = next((b for b in m if b.indikator_kode == indikator_kode), None)
        prog = next(
            (b for b in p if masalah and b.masalah_id == masalah.id and b.urutan == program_urutan),
            None,
        )
        if prog is None:
            raise Ditolak("tombol_usang")
        kunci = secrets.token_hex(6)
        await db_rencana.tambah_kegiatan(conn, program_id=prog.id, kunci=kunci, **k.__dict__)
        await catat_audit(
            conn,
            lay,
            aktor,
            "rencana.tambah_kegiatan",
            rencana_id,
            {"kunci": kunci, "deskripsi": k.deskripsi, "pic": k.pic_id},
        )
        return kunci


async def ubah_kegiatan(lay: Layanan, aktor: Aktor, kunci: str, bidang: str, nilai: object) -> None:
    """Change one field of an activity (a new plan version when the plan was approved)."""
    wajib_peran(aktor, PENGELOLA)
    if bidang not in BIDANG_KEGIATAN:
        raise Ditolak("pilihan_salah")
    if bidang == "pic_id" and nilai not in await anggota_aktif(lay, aktor):
        raise Ditolak("pic_keluar")
    async with lay.mesin.begin() as conn:
        siklus = await siklus_terbuka(conn, aktor)
        rencana_id = await draf_rencana(conn, lay, aktor, siklus)
        _, _, k = await db_rencana.isi(conn, rencana_id)
        baris = next((b for b in k if b.kunci == kunci), None)
        if baris is None:
            raise Ditolak("tombol_usang")
        mulai = nilai if bidang == "mulai" else baris.mulai
        selesai = nilai if bidang == "selesai" else baris.selesai
        if selesai < mulai:  # type: ignore[operator]
            raise Ditolak("selesai_sebelum_mulai")
        await db_rencana.ubah_kegiatan(conn, baris.id, {bidang: nilai})
        await catat_audit(
            conn,
            lay,
            aktor,
            "rencana.ubah_kegiatan",
            rencana_id,
            {
                "kunci": kunci,
                "bidang": bidang,
                "dari": str(getattr(baris, bidang)),
                "ke": str(nilai),
            },
        )


async def ubah_biaya(
    lay: Layanan,
    aktor: Aktor,
    kunci: str,
    butuh_biaya: bool,
    arkas_kode: str | None = None,
    arkas_nama: str | None = None,
) -> int:
    """Correct a saved activity's "butuh biaya" and ARKAS activity (of a Rapor Pendidikan
    problem, where the wizard asked them). No money: no ARKAS activity and no budget, as the
    wizard stores it. A new plan version when the plan was approved; one audit entry.
    Returns the activity's budget as it now stands."""
    wajib_peran(aktor, PENGELOLA)
    if not butuh_biaya:
        arkas_kode = arkas_nama = None
    elif not arkas_nama:
        raise Ditolak("arkas_salah")
    async with lay.mesin.begin() as conn:
        siklus = await siklus_terbuka(conn, aktor)
        rencana_id = await draf_rencana(conn, lay, aktor, siklus)
        m, p, k = await db_rencana.isi(conn, rencana_id)
        baris = next((b for b in k if b.kunci == kunci), None)
        if baris is None:
            raise Ditolak("tombol_usang")
        prog = next(b for b in p if b.id == baris.program_id)
        masalah = next(b for b in m if b.id == prog.masalah_id)
        if not pbd.adalah_kode_rapor(masalah.indikator_kode):
            raise Ditolak("pilihan_salah")
        nilai: dict[str, object] = {
            "butuh_biaya": butuh_biaya,
            "arkas_kode": arkas_kode,
            "arkas_nama": arkas_nama,
        }
        if not butuh_biaya:
            nilai["anggaran"] = 0
        await db_rencana.ubah_kegiatan(conn, baris.id, nilai)
        await catat_audit(
            conn,
            lay,
            aktor,
            "rencana.ubah_kegiatan",
            rencana_id,
            {
                "kunci": kunci,
                "bidang": "butuh_biaya",
                "dari": {b: getattr(baris, b) for b in nilai},
                "ke": nilai,
            },
        )
        return int(baris.anggaran) if butuh_biaya else 0


async def hapus_kegiatan(lay: Layanan, aktor: Aktor, kunci: str) -> None:
    """Take an activity out of the plan."""
    wajib_peran(aktor, PENGELOLA)
    async with lay.mesin.begin() as conn:
        siklus = await siklus_terbuka(conn, aktor)
        rencana_id = await draf_rencana(conn, lay, aktor, siklus)
        _, _, k = await db_rencana.isi(conn, rencana_id)
        baris = next((b for b in k if b.kunci == kunci), None)
        if baris is None:
            raise Ditolak("tombol_usang")
        await db_rencana.hapus_kegiatan(conn, baris.id)
        await catat_audit(
            conn,
            lay,
            aktor,
            "rencana.hapus_kegiatan",
            rencana_id,
            {"kunci": kunci, "deskripsi": baris.deskripsi},
        )


async def tinjau(lay: Layanan, aktor: Aktor, komentar: str) -> None:
    """The pengawas marks the newest version as reviewed, with a comment."""
    wajib_peran(aktor, frozenset({Peran.PENGAWAS}))
    async with lay.mesin.begin() as conn:
        siklus = await siklus_terbuka(conn, aktor)
        baris = await db_rencana.terbaru(conn, siklus.id)
        if baris is None:
            raise Ditolak("belum_ada_rencana")
        await db_rencana.tinjau(conn, baris.id, aktor.pengguna_id, komentar, lay.sekarang())
        await catat_audit(conn, lay, aktor, "rencana.tinjau", baris.id, {"komentar": komentar})
        await kabar.kabari_pengelola(  # the managers hear of it, in this transaction
            conn,
            lay,
            sekolah_id=siklus.sekolah_id,
            kecuali=aktor.pengguna_id,
            kunci=f"kabar_tinjau:{baris.id}:{kabar.kunci_waktu(lay)}",
            jenis="kabar_tinjau",
            templat="perencanaan/ditinjau",
            konteks={"nama": aktor.nama, "komentar": komentar},
            rujukan=f"rencana:{baris.id}",
        )


async def _untuk_dokumen(lay: Layanan, aktor: Aktor) -> tuple[Rencana, Row, Row]:
    """What every document of the plan starts from: its newest version, the open cycle and
    the school (`belum_ada_rencana` without a plan)."""
    rencana = await lihat(lay, aktor)
    if rencana is None:
        raise Ditolak("belum_ada_rencana")
    async with lay.mesin.connect() as conn:
        siklus = await siklus_terbuka(conn, aktor)
        sekolah = await db_sekolah.ambil(conn, siklus.sekolah_id)
    assert sekolah is not None
    return rencana, siklus, sekolah


async def dokumen(lay: Layanan, aktor: Aktor) -> DokumenRencana:
    """The newest version as the data of the Rencana Pemenuhan Mutu document."""
    rencana, siklus, sekolah = await _untuk_dokumen(lay, aktor)
    async with lay.mesin.connect() as conn:
        anggota = await keanggotaan.anggota_sekolah(conn, siklus.sekolah_id)
    kepala, ketua = penandatangan(anggota)
    lokal = lay.sekarang().astimezone(ZoneInfo(sekolah.zona_waktu))
    nomor = {m.indikator_kode: i for i, m in enumerate(rencana.masalah, 1)}
    return DokumenRencana(
        sekolah_nama=sekolah.nama,
        npsn=sekolah.npsn,
        kabupaten=sekolah.kabupaten,
        provinsi=sekolah.provinsi,
        tahun_ajaran=siklus.tahun_ajaran,
        versi=rencana.versi,
        status=lay.render.label(f"status_rencana.{rencana.status}"),
        disetujui_pada=(
            rencana.disetujui_pada.astimezone(ZoneInfo(sekolah.zona_waktu)).date()
            if rencana.disetujui_pada
            else None
        ),
        baris=tuple(
            BarisKegiatan(
                nomor_masalah=nomor[m.indikator_kode],
                masalah=f"{m.indikator_kode} {m.indikator_nama}",
                skor_awal=m.skor_awal,
                akar_masalah=f"{lay.render.label(f'akar.{m.akar_kategori}')} - {m.akar_penjelasan}",
                program=p.nama,
                kegiatan=k.deskripsi,
                pic=k.pic_nama,
                mulai=k.mulai,
                selesai=k.selesai,
                anggaran=k.anggaran,
                indikator_keberhasilan=k.indikator_keberhasilan,
                target_skor=k.target_skor,
            )
            for m, p, k in rencana.semua_kegiatan()
        ),
        kepala_sekolah=kepala,
        ketua_tpmps=ketua,
        tempat=sekolah.kabupaten,
        tanggal=lokal.date(),
        dibuat_pada=lokal,
    )


async def ubah_bagian(
    lay: Layanan, aktor: Aktor, indikator_kode: str, program_urutan: int | None, teks: str
) -> None:
    """Rewrite a problem's root-cause explanation (`program_urutan` None) or a program's name."""
    wajib_peran(aktor, PENGELOLA)
    async with lay.mesin.begin() as conn:
        siklus = await siklus_terbuka(conn, aktor)
        rencana_id = await draf_rencana(conn, lay, aktor, siklus)
        m, p, _ = await db_rencana.isi(conn, rencana_id)
        masalah = next((b for b in m if b.indikator_kode == indikator_kode), None)
        if masalah is None:
            raise Ditolak("tombol_usang")
        if program_urutan is None:
            await db_rencana.ubah_masalah(conn, masalah.id, {"akar_penjelasan": teks})
            rincian = {"indikator": indikator_kode, "dari": masalah.akar_penjelasan, "ke": teks}
        else:
            prog = next(
                (b for b in p if b.masalah_id == masalah.id and b.urutan == program_urutan), None
            )
            if prog is None:
                raise Ditolak("tombol_usang")
            await db_rencana.ubah_program(conn, prog.id, teks)
            rincian = {
                "indikator": indikator_kode,
                "program": program_urutan,
                "dari": prog.nama,
                "ke": teks,
            }
        await catat_audit(conn, lay, aktor, "rencana.ubah_bagian", rencana_id, rincian)


async def dokumen_rkt(lay: Layanan, aktor: Aktor) -> DokumenRkt:
    """The newest version as the Lembar Kerja RKT: one row per kegiatan."""
    rencana, siklus, sekolah = await _untuk_dokumen(lay, aktor)
    async with lay.mesin.connect() as conn:
        impor = await db_rapor.impor_terbaru(conn, siklus.sekolah_id)
    lokal = lay.sekarang().astimezone(ZoneInfo(sekolah.zona_waktu))
    akar = {m.akar_kode for m in rencana.masalah if m.akar_kode}
    nama_akar = {k: _nama_rapor(k, sekolah.jenjang) for k in akar}
    return DokumenRkt(
        sekolah_nama=sekolah.nama,
        npsn=sekolah.npsn,
        kabupaten=sekolah.kabupaten,
        provinsi=sekolah.provinsi,
        tahun_ajaran=siklus.tahun_ajaran,
        edisi_rapor=impor.edisi if impor is not None else None,
        versi=rencana.versi,
        status=lay.render.label(f"status_rencana.{rencana.status}"),
        baris=tuple(
            BarisRkt(
                kode=m.indikator_kode,
                nama=m.indikator_nama,
                rapor=m.rapor,
                capaian_label=m.capaian_label,
                capaian_nilai=m.skor_awal,
                persen=m.indikator_kode in rp.PERSEN,
                akar_kode=m.akar_kode,
                akar_nama=nama_akar.get(m.akar_kode or ""),
                akar_penjelasan=m.akar_penjelasan,
                akar_kategori=lay.render.label(f"akar.{m.akar_kategori}"),
                program=p.nama,
                kegiatan=k.deskripsi,
                indikator_keberhasilan=k.indikator_keberhasilan,
                butuh_biaya=k.butuh_biaya,
                arkas_kode=k.arkas_kode,
                arkas_nama=k.arkas_nama,
                penanggung_jawab=k.pic_nama,
                mulai=k.mulai,
                selesai=k.selesai,
                anggaran=k.anggaran,
            )
            for m, p, k in rencana.semua_kegiatan()
        ),
        tanggal=lokal.date(),
        dibuat_pada=lokal,
    )


async def ada_masalah_rapor(lay: Layanan, aktor: Aktor) -> bool:
    """Whether the plan holds a Rapor Pendidikan problem (then the RKT sheet goes with it)."""
    r = await lihat(lay, aktor)
    return r is not None and any(m.rapor for m in r.masalah)


async def edisi_rapor(lay: Layanan, aktor: Aktor) -> str | None:
    """The edition of the school's latest Rapor Pendidikan import, or None before the first."""
    async with lay.mesin.connect() as conn:
        impor = await db_rapor.impor_terbaru(conn, wajib_peran(aktor))
    return str(impor.edisi) if impor is not None else None
