"""Set-based reads for the data workbook: one query per kind of record over a set of cycles
(one school's open cycle, or every open cycle a pengawas oversees), never one per school."""

from __future__ import annotations

from sqlalchemy import Select, String, and_, cast, func, literal, select
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncConnection

from db.tabel import (
    bukti,
    jawaban,
    keanggotaan,
    kegiatan,
    komitmen,
    laporan,
    masalah,
    pengguna,
    program,
    rencana,
    sekolah,
    siklus,
)


def siklus_sekolah(sekolah_id: int) -> Select[tuple[int]]:
    """The open cycle of one school, as a set of cycle ids."""
    return select(siklus.c.id).where(
        siklus.c.sekolah_id == sekolah_id, siklus.c.status == "terbuka"
    )


def siklus_pengawas(pengguna_id: int) -> Select[tuple[int]]:
    """The open cycles of every school where the user is an active pengawas."""
    return (
        select(siklus.c.id)
        .join(keanggotaan, keanggotaan.c.sekolah_id == siklus.c.sekolah_id)
        .where(
            keanggotaan.c.pengguna_id == pengguna_id,
            keanggotaan.c.peran == "pengawas",
            keanggotaan.c.aktif.is_(True),
            siklus.c.status == "terbuka",
        )
    )


async def sekolah_pengawas(conn: AsyncConnection, pengguna_id: int) -> list[Row]:
    """Every school where the user is an active pengawas, with its open cycle (or None)."""
    hasil = await conn.execute(
        select(
            sekolah,
            siklus.c.id.label("siklus_id"),
            siklus.c.tahun_ajaran,
            siklus.c.tahap,
            siklus.c.instrumen_versi,
        )
        .join(keanggotaan, keanggotaan.c.sekolah_id == sekolah.c.id)
        .outerjoin(siklus, and_(siklus.c.sekolah_id == sekolah.c.id, siklus.c.status == "terbuka"))
        .where(
            keanggotaan.c.pengguna_id == pengguna_id,
            keanggotaan.c.peran == "pengawas",
            keanggotaan.c.aktif.is_(True),
        )
        .order_by(sekolah.c.nama, sekolah.c.npsn)
    )
    return list(hasil)


async def sekolah_siklus(
    conn: AsyncConnection, sekolah_id: int, siklus_id: int | None = None
) -> Row | None:
    """One school with its open cycle, or with the given cycle of the school (cycle columns
    None when there is none)."""
    pilih = siklus.c.id == siklus_id if siklus_id is not None else siklus.c.status == "terbuka"
    hasil = await conn.execute(
        select(
            sekolah,
            siklus.c.id.label("siklus_id"),
            siklus.c.tahun_ajaran,
            siklus.c.tahap,
            siklus.c.instrumen_versi,
        )
        .outerjoin(siklus, and_(siklus.c.sekolah_id == sekolah.c.id, pilih))
        .where(sekolah.c.id == sekolah_id)
    )
    return hasil.first()


async def anggota(conn: AsyncConnection, lingkup: Select[tuple[int]]) -> list[Row]:
    """Active members of the schools of these cycles, with name and role."""
    hasil = await conn.execute(
        select(
            siklus.c.id.label("siklus_id"),
            keanggotaan.c.pengguna_id,
            keanggotaan.c.peran,
            pengguna.c.nama,
        )
        .join(keanggotaan, keanggotaan.c.sekolah_id == siklus.c.sekolah_id)
        .join(pengguna, pengguna.c.id == keanggotaan.c.pengguna_id)
        .where(siklus.c.id.in_(lingkup), keanggotaan.c.aktif.is_(True))
        .order_by(siklus.c.id, pengguna.c.nama)
    )
    return list(hasil)


async def jawaban_semua(
    conn: AsyncConnection, lingkup: Select[tuple[int]], *, dengan_nama: bool
) -> list[Row]:
    """Every answer of these cycles, in the order of the unique index (cycle, respondent,
    question), so the database sorts nothing (the caller orders each school's rows itself).
    `nama` is the respondent's name, or "" unless `dengan_nama`.

    `diubah` is the update time as stored, naive UTC text ("2026-11-02 02:00:00.000000"):
    turning a quarter of a million of them into datetimes here would hold the event loop for
    half a second, so the caller parses them in its own thread (`datetime.fromisoformat`)."""
    kueri = select(
        jawaban.c.siklus_id,
        jawaban.c.pengguna_id,
        jawaban.c.responden,
        jawaban.c.pertanyaan_kode,
        jawaban.c.nilai,
        jawaban.c.status,
        cast(jawaban.c.diperbarui_pada, String).label("diubah"),
        pengguna.c.nama if dengan_nama else literal("").label("nama"),
    )
    if dengan_nama:
        kueri = kueri.join(pengguna, pengguna.c.id == jawaban.c.pengguna_id)
    hasil = await conn.execute(
        kueri.where(jawaban.c.siklus_id.in_(lingkup)).order_by(
            jawaban.c.siklus_id, jawaban.c.pengguna_id, jawaban.c.pertanyaan_kode
        )
    )
    return list(hasil)


def _versi_terbaru(lingkup: Select[tuple[int]], disetujui: bool) -> Select[tuple[int, int]]:
    kueri = select(rencana.c.siklus_id, func.max(rencana.c.versi).label("versi")).where(
        rencana.c.siklus_id.in_(lingkup)
    )
    if disetujui:
        kueri = kueri.where(rencana.c.status == "disetujui")
    return kueri.group_by(rencana.c.siklus_id)


def _kegiatan_versi(terbaru: Select[tuple[int, int]]) -> Select[tuple[object, ...]]:
    versi = terbaru.subquery()
    return (
        select(
            rencana.c.siklus_id,
            rencana.c.versi,
            rencana.c.status.label("rencana_status"),
            masalah.c.indikator_kode,
            masalah.c.skor_awal,
            masalah.c.akar_kategori,
            masalah.c.akar_penjelasan,
            program.c.nama.label("program"),
            kegiatan.c.kunci,
            kegiatan.c.deskripsi,
            kegiatan.c.pic_id,
            pengguna.c.nama.label("pic_nama"),
            kegiatan.c.mulai,
            kegiatan.c.selesai,
            kegiatan.c.anggaran,
            kegiatan.c.indikator_keberhasilan,
            kegiatan.c.target_skor,
        )
        .join(
            versi, and_(versi.c.siklus_id == rencana.c.siklus_id, versi.c.versi == rencana.c.versi)
        )
        .join(masalah, masalah.c.rencana_id == rencana.c.id)
        .join(program, program.c.masalah_id == masalah.c.id)
        .join(kegiatan, kegiatan.c.program_id == program.c.id)
        .join(pengguna, pengguna.c.id == kegiatan.c.pic_id)
        .order_by(rencana.c.siklus_id, masalah.c.urutan, program.c.urutan, kegiatan.c.urutan)
    )


async def rencana_terbaru(conn: AsyncConnection, lingkup: Select[tuple[int]]) -> list[Row]:
    """The activities of the newest plan version of each cycle, in plan order."""
    return list(await conn.execute(_kegiatan_versi(_versi_terbaru(lingkup, False))))


async def rencana_disetujui(conn: AsyncConnection, lingkup: Select[tuple[int]]) -> list[Row]:
    """The activities of the newest approved plan version of each cycle (what commitments
    follow), in plan order."""
    return list(await conn.execute(_kegiatan_versi(_versi_terbaru(lingkup, True))))


async def komitmen_semua(conn: AsyncConnection, lingkup: Select[tuple[int]]) -> list[Row]:
    """Active commitments of these cycles with the PIC's name and their latest report time."""
    terakhir = (
        select(laporan.c.komitmen_id, func.max(laporan.c.dibuat_pada).label("terakhir"))
        .group_by(laporan.c.komitmen_id)
        .subquery()
    )
    hasil = await conn.execute(
        select(komitmen, pengguna.c.nama.label("pic_nama"), terakhir.c.terakhir)
        .join(pengguna, pengguna.c.id == komitmen.c.pengguna_id)
        .outerjoin(terakhir, terakhir.c.komitmen_id == komitmen.c.id)
        .where(komitmen.c.siklus_id.in_(lingkup), komitmen.c.aktif.is_(True))
        .order_by(komitmen.c.siklus_id, komitmen.c.id)
    )
    return list(hasil)


async def laporan_semua(conn: AsyncConnection, lingkup: Select[tuple[int]]) -> list[Row]:
    """Every progress report of these cycles, oldest first, with the reporter's name."""
    hasil = await conn.execute(
        select(
            komitmen.c.siklus_id,
            komitmen.c.kegiatan_kunci,
            laporan.c.status,
            laporan.c.persen,
            laporan.c.catatan,
            laporan.c.bukti_id,
            laporan.c.dibuat_pada,
            pengguna.c.nama,
        )
        .join(komitmen, komitmen.c.id == laporan.c.komitmen_id)
        .join(pengguna, pengguna.c.id == laporan.c.pengguna_id)
        .where(komitmen.c.siklus_id.in_(lingkup))
        .order_by(komitmen.c.siklus_id, laporan.c.dibuat_pada, laporan.c.id)
    )
    return list(hasil)


async def bukti_semua(conn: AsyncConnection, lingkup: Select[tuple[int]]) -> list[Row]:
    """Every evidence file of these cycles with its sender's name and role in the school."""
    hasil = await conn.execute(
        select(
            bukti.c.siklus_id,
            bukti.c.sumber,
            bukti.c.nama_file,
            bukti.c.mime,
            bukti.c.ukuran,
            bukti.c.sha256,
            bukti.c.dibuat_pada,
            pengguna.c.nama,
            keanggotaan.c.peran,
        )
        .join(pengguna, pengguna.c.id == bukti.c.pengguna_id)
        .outerjoin(
            keanggotaan,
            and_(
                keanggotaan.c.pengguna_id == bukti.c.pengguna_id,
                keanggotaan.c.sekolah_id == bukti.c.sekolah_id,
            ),
        )
        .where(bukti.c.siklus_id.in_(lingkup))
        .order_by(bukti.c.siklus_id, bukti.c.id)
    )
    return list(hasil)
