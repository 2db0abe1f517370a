"""Stage 1 for the school: opening it, following who has answered, sending an answer back,
and closing it into the quality map."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from bot.layanan import Ditolak, Layanan, kabar
from bot.layanan import rapor as lay_rapor
from bot.layanan.aktor import Aktor, wajib_peran
from bot.layanan.instrumen import daftarkan_bawaan, untuk_versi
from bot.layanan.kuesioner import Keadaan, Sesi, daftar_pertanyaan
from bot.mutu import skor
from bot.mutu.instrumen import Instrumen, Pertanyaan, tampil_jawaban
from bot.mutu.peran import RESPONDEN, Peran
from bot.mutu.rapor import EDISI_AWALAN, PetaRapor, edisi_siklus
from bot.mutu.ringkasan import ringkas_peta
from db import audit
from db import jawaban as db_jawaban
from db import sekolah as db_sekolah
from db import siklus as db_siklus
from db import strategi as db_strategi
from db.jenis import AsyncConnection, Row

DETIK_PER_PERTANYAAN = 12
KELOMPOK_CHAT = ("kepala_sekolah", "guru", "tendik")


@dataclass(frozen=True)
class Responden:
    """One member's progress in stage 1."""

    pengguna_id: int
    nama: str
    kelompok: str
    terjawab: int
    total: int

    @property
    def status(self) -> str:
        """selesai, berjalan or belum."""
        if self.total and self.terjawab >= self.total:
            return "selesai"
        return "berjalan" if self.terjawab else "belum"

    @property
    def menit(self) -> int:
        """About how long the questionnaire takes."""
        return max(1, math.ceil(self.total * DETIK_PER_PERTANYAAN / 60))


@dataclass(frozen=True)
class Kemajuan:
    """Stage 1 of one school as the coordinator sees it."""

    siklus_id: int
    sekolah_nama: str
    tahun_ajaran: str
    tahap: int
    dibuka: bool
    responden: tuple[Responden, ...]
    # The Rapor Pendidikan edition the school holds for this cycle: stage 1 can close on it.
    rapor_edisi: str | None = None

    def dengan_status(self, status: str) -> list[Responden]:
        """Members with that status."""
        return [r for r in self.responden if r.status == status]


@dataclass(frozen=True)
class TingkatRespons:
    """Response figures of one respondent group."""

    kelompok: str
    selesai: int
    sebagian: int
    jumlah: int

    @property
    def persen(self) -> float:
        """Share of the group that finished, 0..100."""
        return 100.0 * self.selesai / self.jumlah if self.jumlah else 0.0


@dataclass(frozen=True)
class PetaSekolah:
    """The quality map of a cycle with its response figures."""

    sekolah_nama: str
    tahun_ajaran: str
    instrumen: Instrumen
    peta: skor.PetaMutu
    respons: tuple[TingkatRespons, ...]
    # The school's own target per standard code, set in the previous cycle's stage 5.
    target: dict[str, float] = field(default_factory=dict)
    # The Rapor Pendidikan part (shown first), None when the school holds no edition for it.
    rapor: PetaRapor | None = None
    # Whether the school's own evaluation (the questionnaire) ran in this cycle.
    eds: bool = True


async def _siklus(conn: AsyncConnection, sekolah_id: int) -> Row:
    siklus = await db_siklus.terbuka(conn, sekolah_id)
    if siklus is None:
        raise Ditolak("tanpa_siklus")
    return siklus


def kemajuan_responden(
    inst: Instrumen, anggota: list[Row], semua: list[Row], siklus: Row
) -> list[Responden]:
    """Each member's progress through the questionnaire of a cycle, from their answers."""
    per_orang: dict[int, list[Row]] = {}
    for j in semua:
        per_orang.setdefault(j.pengguna_id, []).append(j)
    hasil = []
    for a in anggota:
        kelompok = RESPONDEN.get(Peran(a.peran))
        if kelompok is not None:
            milik = per_orang.get(a.pengguna_id, [])
            hasil.append(_responden(inst, siklus, a.pengguna_id, a.nama, kelompok, milik))
    return hasil


def _responden(
    inst: Instrumen, siklus: Row, pengguna_id: int, nama: str, kelompok: str, milik: list[Row]
) -> Responden:
    keadaan = Keadaan({j.pertanyaan_kode: j.nilai for j in milik}, {}, {})
    sesi = Sesi(siklus.id, siklus.sekolah_id, pengguna_id, kelompok, inst)
    soal = daftar_pertanyaan(sesi, keadaan)
    terjawab = sum(1 for p in soal if p.kode in keadaan.jawaban)
    return Responden(pengguna_id, nama, kelompok, terjawab, len(soal))


def responden_siklus(
    inst: Instrumen, anggota: list[Row], semua: list[Row], siklus: Row
) -> list[Responden]:
    """Everyone whose answers the cycle's scores hold: the members as `kemajuan_responden`,
    plus those who answered and are no longer members (left the school, or erased their data
    and are "anggota yang sudah menghapus data"), in the group they answered for. The response
    table of a map then agrees with the scores beside it."""
    hasil = kemajuan_responden(inst, anggota, semua, siklus)
    anggota_id = {a.pengguna_id for a in anggota}
    lain: dict[int, list[Row]] = {}
    for j in semua:
        if j.pengguna_id not in anggota_id:
            lain.setdefault(j.pengguna_id, []).append(j)
    for pengguna_id, milik in lain.items():
        hasil.append(
            _responden(inst, siklus, pengguna_id, milik[0].nama, milik[0].responden, milik)
        )
    return hasil


async def kemajuan(lay: Layanan, aktor: Aktor) -> Kemajuan:
    """Who has finished, who is answering, who has not started."""
    sekolah_id = wajib_peran(aktor)
    async with lay.mesin.connect() as conn:
        siklus = await _siklus(conn, sekolah_id)
        sekolah = await db_sekolah.ambil(conn, sekolah_id)
        anggota = await db_jawaban.responden_sekolah(conn, sekolah_id)
        semua = await db_jawaban.siklus_semua(conn, siklus.id)
        impor = await lay_rapor.impor_siklus(lay, sekolah_id, siklus.tahun_ajaran, conn)
    assert sekolah is not None
    dibuka = siklus.pemetaan_dibuka_pada is not None
    inst = await untuk_versi(lay, siklus.instrumen_versi) if dibuka else await daftarkan_bawaan(lay)
    return Kemajuan(
        siklus.id,
        sekolah.nama,
        siklus.tahun_ajaran,
        siklus.tahap,
        dibuka,
        tuple(kemajuan_responden(inst, anggota, semua, siklus)),
        impor.edisi if impor is not None else None,
    )


async def buka(lay: Layanan, aktor: Aktor) -> list[Responden]:
    """Send stage 1 out: fix the instrument version and invite every respondent through the
    outbox, in the same transaction; returns who was invited."""
    sekolah_id = wajib_peran(aktor)
    inst = await daftarkan_bawaan(lay)
    async with lay.mesin.begin() as conn:
        siklus = await _siklus(conn, sekolah_id)
        if siklus.tahap != 1:
            raise Ditolak("pemetaan_ditutup")
        if not await db_siklus.buka_pemetaan(conn, siklus.id, inst.versi, lay.sekarang()):
            raise Ditolak("pemetaan_sudah_dibuka")
        sekolah = await db_sekolah.ambil(conn, sekolah_id)
        anggota = await db_jawaban.responden_sekolah(conn, sekolah_id)
        semua = await db_jawaban.siklus_semua(conn, siklus.id)
        penerima = [r for r in kemajuan_responden(inst, anggota, semua, siklus) if r.total]
        for r in penerima:  # in this transaction: a crash after opening loses no invitation
            await kabar.kabari(
                conn,
                lay,
                kunci=f"undangan_pemetaan:{siklus.id}:{r.pengguna_id}",
                pengguna_id=r.pengguna_id,
                jenis="undangan_pemetaan",
                templat="pemetaan/undangan",
                konteks={
                    "sekolah": sekolah.nama if sekolah else "",
                    "tahun": siklus.tahun_ajaran,
                    "r": r,
                },
                tombol=[[("tombol.mulai_kuesioner", "pm:mulai")]],
                sekolah_id=sekolah_id,
                rujukan=f"siklus:{siklus.id}",
            )
        await audit.catat(
            conn,
            waktu=lay.sekarang(),
            aksi="pemetaan.buka",
            pengguna_id=aktor.pengguna_id,
            sekolah_id=sekolah_id,
            objek="siklus",
            objek_id=siklus.id,
            rincian={"instrumen": inst.versi},
        )
    return penerima


async def kembalikan(
    lay: Layanan, aktor: Aktor, pengguna_id: int, kode: str, komentar: str
) -> None:
    """Send one answer back to its respondent with a comment; the respondent is told through
    the outbox, in the same transaction."""
    sekolah_id = wajib_peran(aktor)
    _, per_standar = await jawaban_responden(lay, aktor, pengguna_id)
    p, tampil = next(
        ((p, t) for _, daftar in per_standar for p, t in daftar if p.kode == kode),
        (None, ""),
    )
    if p is None:
        raise Ditolak("tombol_usang")
    async with lay.mesin.begin() as conn:
        siklus = await _siklus(conn, sekolah_id)
        if siklus.tahap != 1:
            raise Ditolak("pemetaan_ditutup")
        if not await db_jawaban.kembalikan(conn, siklus.id, pengguna_id, kode, komentar):
            raise Ditolak("tombol_usang")
        await kabar.kabari(
            conn,
            lay,
            kunci=f"kembalikan:{siklus.id}:{pengguna_id}:{kode}:{kabar.kunci_waktu(lay)}",
            pengguna_id=pengguna_id,
            jenis="kabar_dikembalikan",
            templat="pemetaan/dikembalikan",
            konteks={"p": p, "tampil": tampil, "komentar": komentar},
            tombol=[[("tombol.jawab_sekarang", f"pm:u:{p.kode}")]],
            sekolah_id=sekolah_id,
            rujukan=f"siklus:{siklus.id}",
        )
        await audit.catat(
            conn,
            waktu=lay.sekarang(),
            aksi="pemetaan.kembalikan",
            pengguna_id=aktor.pengguna_id,
            sekolah_id=sekolah_id,
            objek="jawaban",
            objek_id=f"{pengguna_id}:{kode}",
            rincian={"komentar": komentar},
        )


def hitung_respons(responden: tuple[Responden, ...]) -> tuple[TingkatRespons, ...]:
    """Finished, partly answered and total per chatting respondent group."""
    return tuple(
        TingkatRespons(
            k,
            sum(1 for r in responden if r.kelompok == k and r.status == "selesai"),
            sum(1 for r in responden if r.kelompok == k and r.status == "berjalan"),
            sum(1 for r in responden if r.kelompok == k),
        )
        for k in KELOMPOK_CHAT
    )


async def peta_siklus(lay: Layanan, siklus_id: int, jumlah_prioritas: int = 5) -> PetaSekolah:
    """The quality map of a cycle from its stored answers (any stage after opening)."""
    async with lay.mesin.connect() as conn:
        siklus = await db_siklus.ambil(conn, siklus_id)
        assert siklus is not None and siklus.instrumen_versi is not None
        sekolah = await db_sekolah.ambil(conn, siklus.sekolah_id)
        anggota = await db_jawaban.responden_sekolah(conn, siklus.sekolah_id)
        semua = await db_jawaban.siklus_semua(conn, siklus.id)
        target = await db_strategi.target_untuk(conn, siklus.id)
    assert sekolah is not None
    inst = await untuk_versi(lay, siklus.instrumen_versi)
    jawaban = [skor.Jawaban(j.pertanyaan_kode, j.responden, j.pengguna_id, j.nilai) for j in semua]
    respons = hitung_respons(tuple(responden_siklus(inst, anggota, semua, siklus)))
    peta = skor.hitung(inst, jawaban, jumlah_prioritas)
    # Stage 1 open: the edition it would close on; closed: the one it closed on (none for a
    # cycle closed before the report counted, whose map keeps no such part).
    if siklus.tahap == 1:
        rapor = await lay_rapor.peta_siklus(lay, siklus.sekolah_id, siklus.tahun_ajaran)
    elif siklus.rapor_edisi is not None:
        rapor = await lay_rapor.peta_edisi(lay, siklus.sekolah_id, siklus.rapor_edisi)
    else:
        rapor = None
    eds = siklus.pemetaan_dibuka_pada is not None
    return PetaSekolah(
        sekolah.nama, siklus.tahun_ajaran, inst, peta, respons, target, rapor=rapor, eds=eds
    )


async def tutup(lay: Layanan, aktor: Aktor) -> PetaSekolah:
    """Close stage 1 with what is there (the school's Rapor Pendidikan for the cycle, the
    answers of its own evaluation, or both); the cycle moves to stage 2. Without the
    questionnaire the cycle still fixes the instrument version, the 8-standard frame of the
    later stages."""
    sekolah_id = wajib_peran(aktor)
    inst = await daftarkan_bawaan(lay)
    async with lay.mesin.begin() as conn:
        siklus = await _siklus(conn, sekolah_id)
        if siklus.tahap != 1:
            raise Ditolak("pemetaan_ditutup")
        impor = await lay_rapor.impor_siklus(lay, sekolah_id, siklus.tahun_ajaran, conn)
        eds = siklus.pemetaan_dibuka_pada is not None
        if not eds and impor is None:
            raise Ditolak("pemetaan_perlu_rapor", edisi=edisi_teks(siklus.tahun_ajaran))
        if not eds:
            await db_siklus.tetapkan_instrumen(conn, siklus.id, inst.versi)
        if not await db_siklus.pindah_tahap(conn, siklus.id, 1, 2):
            raise Ditolak("pemetaan_ditutup")
        await db_siklus.catat_rapor_edisi(conn, siklus.id, impor.edisi if impor else None)
        await audit.catat(
            conn,
            waktu=lay.sekarang(),
            aksi="pemetaan.tutup",
            pengguna_id=aktor.pengguna_id,
            sekolah_id=sekolah_id,
            objek="siklus",
            objek_id=siklus.id,
            rincian={"rapor_edisi": impor.edisi if impor else None, "eds": eds},
        )
    ps = await peta_siklus(lay, siklus.id)
    async with lay.mesin.begin() as conn:
        await db_siklus.simpan_peta(conn, siklus.id, ringkas_peta(ps.instrumen, ps.peta))
    return ps


def periksa_bisa_ditutup(k: Kemajuan) -> None:
    """`Ditolak` when stage 1 has nothing to close on: neither the school's Rapor Pendidikan
    for the cycle nor its own evaluation sent out (or it is closed already)."""
    if k.tahap != 1:
        raise Ditolak("pemetaan_ditutup")
    if not k.dibuka and k.rapor_edisi is None:
        raise Ditolak("pemetaan_perlu_rapor", edisi=edisi_teks(k.tahun_ajaran))


def edisi_teks(tahun_ajaran: str) -> str:
    """The editions that serve a cycle, for the refusal's message ("2026 atau 2025")."""
    tahun = [e.removeprefix(EDISI_AWALAN) for e in edisi_siklus(tahun_ajaran)]
    return " atau ".join(tahun) or tahun_ajaran


async def jawaban_responden(
    lay: Layanan, aktor: Aktor, pengguna_id: int
) -> tuple[str, list[tuple[str, list[tuple[Pertanyaan, str]]]]]:
    """A respondent's answers in the manager's school, per standard, as shown: for choosing
    one to send back. `Ditolak` for anyone outside the school."""
    sekolah_id = wajib_peran(aktor)
    async with lay.mesin.connect() as conn:
        siklus = await _siklus(conn, sekolah_id)
        anggota = {a.pengguna_id: a for a in await db_jawaban.responden_sekolah(conn, sekolah_id)}
        if pengguna_id not in anggota:
            raise Ditolak("bukan_sekolah_ini")
        if siklus.tahap != 1 or siklus.instrumen_versi is None:
            raise Ditolak("pemetaan_ditutup")
        milik = await db_jawaban.milik(conn, siklus.id, pengguna_id)
    inst = await untuk_versi(lay, siklus.instrumen_versi)
    per_standar: dict[str, list[tuple[Pertanyaan, str]]] = {}
    nilai = {j.pertanyaan_kode: j.nilai for j in milik}
    for p in inst.semua_pertanyaan():
        if p.kode in nilai:
            per_standar.setdefault(p.standar_kode, []).append((p, tampil_jawaban(p, nilai[p.kode])))
    return anggota[pengguna_id].nama, list(per_standar.items())


async def ingatkan(lay: Layanan, aktor: Aktor, kunci: str) -> int | None:
    """Nudge everyone who has not started, through the outbox, once per button message
    (`kunci`); returns how many, or None when that button was pressed before."""
    k = await kemajuan(lay, aktor)
    belum = k.dengan_status("belum")
    async with lay.mesin.begin() as conn:
        if await audit.ada(conn, "pemetaan.ingatkan", kunci):
            return None
        await audit.catat(
            conn,
            waktu=lay.sekarang(),
            aksi="pemetaan.ingatkan",
            pengguna_id=aktor.pengguna_id,
            sekolah_id=aktor.sekolah_id,
            objek="pesan",
            objek_id=kunci,
        )
        for r in belum:
            await kabar.kabari(
                conn,
                lay,
                kunci=f"ingatkan_pemetaan:{kunci}:{r.pengguna_id}",
                pengguna_id=r.pengguna_id,
                jenis="ingatkan_pemetaan",
                templat="pemetaan/pengingat",
                konteks={"sekolah": k.sekolah_nama, "r": r},
                tombol=[[("tombol.mulai_kuesioner", "pm:mulai")]],
                sekolah_id=aktor.sekolah_id,
                rujukan=f"siklus:{k.siklus_id}",
            )
    return len(belum)
