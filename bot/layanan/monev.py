"""Stage 4, monitoring dan evaluasi: where every activity stands, who has not reported, and the
evaluation of each program (was its target met, what follows) that stage 5 reads."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from zoneinfo import ZoneInfo

from bot.dokumen.monev import BarisMonev, DokumenMonev, EvaluasiProgram
from bot.layanan import Ditolak, Layanan
from bot.layanan.aktor import Aktor, wajib_peran
from bot.layanan.anggota import penandatangan
from bot.layanan.komitmen import Komitmen, daftar
from bot.layanan.rencana import siklus_terbuka
from bot.layanan.siklus_rp import rapor_siklus
from bot.layanan.waktu import hari_ini
from bot.mutu.ringkasan import status_kegiatan
from bot.mutu.siklus_rp import EvaluasiRapor, kode_rapor
from db import audit, keanggotaan
from db import monev as db_monev
from db import pengingat as db_pengingat
from db import rencana as db_rencana
from db import sekolah as db_sekolah
from db import siklus as db_siklus
from db.jenis import Row

TARGET = ("ya", "sebagian", "tidak")
TINDAK_LANJUT = ("lanjutkan", "ubah", "hentikan")


def status(k: Komitmen, hari: date) -> str:
    """The activity's monev status (see bot.mutu.ringkasan.status_kegiatan)."""
    return status_kegiatan(k.kemajuan, k.kegiatan.selesai, hari)


@dataclass(frozen=True)
class Baris:
    """One activity in the monev view."""

    k: Komitmen
    status: str
    jumlah_bukti: int
    laporan_terakhir: date | None


@dataclass(frozen=True)
class Evaluasi:
    """A program's evaluation as stored."""

    indikator_kode: str
    program_urutan: int
    program_nama: str
    target_tercapai: str
    capaian: str
    alasan: str
    tindak_lanjut: str


@dataclass(frozen=True)
class Monev:
    """The school's monitoring picture."""

    baris: tuple[Baris, ...]
    belum_melapor: tuple[str, ...]
    evaluasi: tuple[Evaluasi, ...]
    program: tuple[tuple[str, int, str], ...]  # (indicator, program number, name)
    gagal_kirim: tuple[tuple[str, str], ...] = ()  # (member, error) of messages that failed
    # Per Rapor Pendidikan code a program targets: its baseline and newer edition.
    rapor: dict[str, EvaluasiRapor] = field(default_factory=dict)

    def hitung(self) -> dict[str, int]:
        """How many activities per status."""
        jumlah = Counter(b.status for b in self.baris)
        return {
            s: jumlah.get(s, 0)
            for s in ("selesai", "sesuai_jadwal", "terlambat", "terkendala", "belum_mulai")
        }


async def lihat(lay: Layanan, aktor: Aktor) -> Monev:
    """Every activity's state, evidence and last report; the programs and their evaluations."""
    wajib_peran(aktor)
    semua = await daftar(lay, aktor, semua=True)
    hari = await hari_ini(lay, aktor.sekolah_id or 0)
    zona = ZoneInfo((await _sekolah(lay, aktor)).zona_waktu)
    async with lay.mesin.connect() as conn:
        siklus = await siklus_terbuka(conn, aktor)
        jumlah_bukti = await db_monev.jumlah_bukti_per_sumber(conn, siklus.id)
        terakhir = await db_monev.laporan_terakhir(conn, [k.id for k in semua])
        disetujui = await db_rencana.disetujui_terakhir(conn, siklus.id)
        evaluasi = [
            Evaluasi(
                e.indikator_kode,
                e.program_urutan,
                e.program_nama,
                e.target_tercapai,
                e.capaian,
                e.alasan,
                e.tindak_lanjut,
            )
            for e in await db_monev.evaluasi_siklus(conn, siklus.id)
        ]
    baris = []
    for k in semua:
        akhir = terakhir.get(k.id)
        tanggal_akhir = (
            akhir.replace(tzinfo=ZoneInfo("UTC")).astimezone(zona).date() if akhir else None
        )
        baris.append(
            Baris(k, status(k, hari), jumlah_bukti.get(f"komitmen:{k.id}", 0), tanggal_akhir)
        )
    belum = sorted(
        {b.k.pic_nama for b in baris if b.laporan_terakhir is None and b.k.respons == "berkomitmen"}
    )
    program = []
    for k in semua:
        kunci = (k.masalah.indikator_kode, k.program.urutan, k.program.nama)
        if kunci not in program:
            program.append(kunci)
    async with lay.mesin.connect() as conn:
        gagal = await db_pengingat.gagal_sekolah(conn, aktor.sekolah_id or 0)
        nama = {
            a.pengguna_id: a.nama
            for a in await keanggotaan.anggota_sekolah(conn, aktor.sekolah_id or 0)
        }
    gagal_kirim = tuple(
        (nama.get(g.pengguna_id, str(g.pengguna_id)), g.galat_terakhir or "") for g in gagal[:10]
    )
    kode_rp = sorted({kode for kode, _, _ in program if kode_rapor(kode)})
    rapor: dict[str, EvaluasiRapor] = {}
    if kode_rp:
        sek = await _sekolah(lay, aktor)
        rs = await rapor_siklus(
            lay, sek.id, sek.jenjang, disetujui.disetujui_pada if disetujui else None, kode_rp
        )
        rapor = {k: rs.evaluasi(k) for k in kode_rp} if rs.ada else {}
    return Monev(tuple(baris), tuple(belum), tuple(evaluasi), tuple(program), gagal_kirim, rapor)


async def _sekolah(lay: Layanan, aktor: Aktor) -> Row:
    async with lay.mesin.connect() as conn:
        data = await db_sekolah.ambil(conn, aktor.sekolah_id or 0)
    assert data is not None
    return data


async def evaluasi(
    lay: Layanan,
    aktor: Aktor,
    indikator_kode: str,
    program_urutan: int,
    target_tercapai: str,
    capaian: str,
    alasan: str,
    tindak_lanjut: str,
) -> None:
    """Store (or change) one program's evaluation; the cycle enters stage 4 with the first."""
    wajib_peran(aktor)
    if target_tercapai not in TARGET or tindak_lanjut not in TINDAK_LANJUT:
        raise Ditolak("pilihan_salah")
    m = await lihat(lay, aktor)
    nama = next(
        (n for kode, no, n in m.program if (kode, no) == (indikator_kode, program_urutan)), None
    )
    if nama is None:
        raise Ditolak("tombol_usang")
    async with lay.mesin.begin() as conn:
        siklus = await siklus_terbuka(conn, aktor)
        await db_monev.simpan_evaluasi(
            conn,
            {
                "siklus_id": siklus.id,
                "indikator_kode": indikator_kode,
                "program_urutan": program_urutan,
                "program_nama": nama,
                "target_tercapai": target_tercapai,
                "capaian": capaian,
                "alasan": alasan,
                "tindak_lanjut": tindak_lanjut,
                "dinilai_oleh": aktor.pengguna_id,
                "dinilai_pada": lay.sekarang(),
            },
        )
        await db_siklus.pindah_tahap(conn, siklus.id, 3, 4)
        await audit.catat(
            conn,
            waktu=lay.sekarang(),
            aksi="monev.evaluasi",
            pengguna_id=aktor.pengguna_id,
            sekolah_id=aktor.sekolah_id,
            objek="program",
            objek_id=f"{indikator_kode}:{program_urutan}",
            rincian={"target": target_tercapai, "tindak_lanjut": tindak_lanjut},
        )


async def dokumen(lay: Layanan, aktor: Aktor) -> DokumenMonev:
    """The Laporan Monev as document data."""
    m = await lihat(lay, aktor)
    sek = await _sekolah(lay, aktor)
    async with lay.mesin.connect() as conn:
        siklus = await siklus_terbuka(conn, aktor)
        anggota = await keanggotaan.anggota_sekolah(conn, sek.id)
    nomor: dict[str, int] = {}
    for b in m.baris:
        nomor.setdefault(b.k.masalah.indikator_kode, len(nomor) + 1)
    nama_masalah = {
        b.k.masalah.indikator_kode: f"{b.k.masalah.indikator_kode} {b.k.masalah.indikator_nama}"
        for b in m.baris
    }
    lokal = lay.sekarang().astimezone(ZoneInfo(sek.zona_waktu))
    kepala, ketua = penandatangan(anggota)
    return DokumenMonev(
        sekolah_nama=sek.nama,
        npsn=sek.npsn,
        kabupaten=sek.kabupaten,
        provinsi=sek.provinsi,
        tahun_ajaran=siklus.tahun_ajaran,
        periode=lay.render.label(
            "monev.periode", tanggal=lay.render.env.filters["tanggal"](lokal.date())
        ),
        baris=tuple(
            BarisMonev(
                nomor[b.k.masalah.indikator_kode],
                nama_masalah[b.k.masalah.indikator_kode],
                b.k.program.nama,
                b.k.kegiatan.deskripsi,
                b.k.pic_nama,
                b.k.kegiatan.selesai,
                b.status,
                100 if b.status == "selesai" else b.k.persen,
                b.jumlah_bukti,
                b.laporan_terakhir,
            )
            for b in m.baris
        ),
        evaluasi=evaluasi_dokumen(m.evaluasi, nama_masalah),
        belum_melapor=m.belum_melapor,
        kepala_sekolah=kepala,
        ketua_tpmps=ketua,
        tempat=sek.kabupaten,
        tanggal=lokal.date(),
        dibuat_pada=lokal,
    )


def evaluasi_dokumen(
    baris: Sequence[Evaluasi | Row], nama_masalah: Mapping[str, str]
) -> tuple[EvaluasiProgram, ...]:
    """The stored program evaluations as document rows; a problem is named by
    `nama_masalah` ("1.1 Indicator name"), else by its indicator code."""
    return tuple(
        EvaluasiProgram(
            nama_masalah.get(e.indikator_kode, e.indikator_kode),
            e.program_nama,
            e.target_tercapai,
            e.capaian,
            e.alasan,
            e.tindak_lanjut,
        )
        for e in baris
    )
