"""Set-based reads for the progress summaries: a few queries for any number of schools."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncConnection

from db.tabel import (
    bukti,
    evaluasi_program,
    keanggotaan,
    kegiatan,
    komitmen,
    masalah,
    pengguna,
    pengingat,
    program,
    rencana,
    sekolah,
    siklus,
)


async def sekolah_binaan(conn: AsyncConnection, pengawas_id: int) -> list[Row]:
    """The schools where the user is an active pengawas, by name."""
    hasil = await conn.execute(
        select(sekolah)
        .join(keanggotaan, keanggotaan.c.sekolah_id == sekolah.c.id)
        .where(
            keanggotaan.c.pengguna_id == pengawas_id,
            keanggotaan.c.peran == "pengawas",
            keanggotaan.c.aktif.is_(True),
        )
        .order_by(sekolah.c.nama)
    )
    return list(hasil)


async def siklus_terbuka(conn: AsyncConnection, sekolah_ids: Sequence[int]) -> dict[int, Row]:
    """The open cycle of each school that has one."""
    hasil = await conn.execute(
        select(siklus).where(siklus.c.sekolah_id.in_(sekolah_ids), siklus.c.status == "terbuka")
    )
    return {b.sekolah_id: b for b in hasil}


def _rencana_terakhir(siklus_ids: Sequence[int], status: str | None) -> Any:
    kueri = select(rencana.c.siklus_id, func.max(rencana.c.versi).label("versi")).where(
        rencana.c.siklus_id.in_(siklus_ids)
    )
    if status is not None:
        kueri = kueri.where(rencana.c.status == status)
    return kueri.group_by(rencana.c.siklus_id).subquery()


def _program_disetujui(siklus_ids: Sequence[int]) -> Any:
    """rencana -> masalah -> program of each cycle's newest approved plan version."""
    t = _rencana_terakhir(siklus_ids, "disetujui")
    return (
        t.join(rencana, and_(rencana.c.siklus_id == t.c.siklus_id, rencana.c.versi == t.c.versi))
        .join(masalah, masalah.c.rencana_id == rencana.c.id)
        .join(program, program.c.masalah_id == masalah.c.id)
    )


async def status_rencana(conn: AsyncConnection, siklus_ids: Sequence[int]) -> dict[int, str]:
    """The status of each cycle's newest plan version (cycles without a plan are absent)."""
    t = _rencana_terakhir(siklus_ids, None)
    hasil = await conn.execute(
        select(rencana.c.siklus_id, rencana.c.status).join(
            t, and_(t.c.siklus_id == rencana.c.siklus_id, t.c.versi == rencana.c.versi)
        )
    )
    return {b.siklus_id: b.status for b in hasil}


async def komitmen_siklus(conn: AsyncConnection, siklus_ids: Sequence[int]) -> list[Row]:
    """Every active commitment of the cycles, with its activity as the newest approved plan
    version has it: siklus_id, pic_nama, deskripsi, selesai, respons, kemajuan."""
    hasil = await conn.execute(
        select(
            komitmen.c.siklus_id,
            pengguna.c.nama.label("pic_nama"),
            kegiatan.c.deskripsi,
            kegiatan.c.selesai,
            komitmen.c.respons,
            komitmen.c.kemajuan,
        )
        .select_from(_program_disetujui(siklus_ids))
        .join(kegiatan, kegiatan.c.program_id == program.c.id)
        .join(
            komitmen,
            and_(
                komitmen.c.siklus_id == rencana.c.siklus_id,
                komitmen.c.kegiatan_kunci == kegiatan.c.kunci,
            ),
        )
        .join(pengguna, pengguna.c.id == komitmen.c.pengguna_id)
        .where(komitmen.c.aktif.is_(True))
        .order_by(komitmen.c.siklus_id, kegiatan.c.selesai)
    )
    return list(hasil)


async def program_belum_dievaluasi(
    conn: AsyncConnection, siklus_ids: Sequence[int]
) -> dict[int, int]:
    """Per cycle, the programs of the newest approved plan without an evaluation yet."""
    hasil = await conn.execute(
        select(rencana.c.siklus_id, func.count())
        .select_from(_program_disetujui(siklus_ids))
        .outerjoin(
            evaluasi_program,
            and_(
                evaluasi_program.c.siklus_id == rencana.c.siklus_id,
                evaluasi_program.c.indikator_kode == masalah.c.indikator_kode,
                evaluasi_program.c.program_urutan == program.c.urutan,
            ),
        )
        .where(evaluasi_program.c.id.is_(None))
        .group_by(rencana.c.siklus_id)
    )
    return {siklus_id: int(n) for siklus_id, n in hasil}


async def jumlah_bukti(conn: AsyncConnection, siklus_ids: Sequence[int]) -> dict[int, int]:
    """Evidence files kept per cycle (stage 1 answers and stage 3 reports)."""
    hasil = await conn.execute(
        select(bukti.c.siklus_id, func.count())
        .where(bukti.c.siklus_id.in_(siklus_ids))
        .group_by(bukti.c.siklus_id)
    )
    return {siklus_id: int(n) for siklus_id, n in hasil}


async def terakhir_aktif(conn: AsyncConnection, sekolah_ids: Sequence[int]) -> dict[int, datetime]:
    """When a member of each school (not its pengawas) last wrote to the bot."""
    hasil = await conn.execute(
        select(keanggotaan.c.sekolah_id, func.max(pengguna.c.terakhir_aktif))
        .join(pengguna, pengguna.c.id == keanggotaan.c.pengguna_id)
        .where(
            keanggotaan.c.sekolah_id.in_(sekolah_ids),
            keanggotaan.c.aktif.is_(True),
            keanggotaan.c.peran != "pengawas",
        )
        .group_by(keanggotaan.c.sekolah_id)
    )
    return {s: w for s, w in hasil}


async def kunci_menunggu(conn: AsyncConnection, jenis: Sequence[str]) -> list[str]:
    """The keys of outbox rows of these kinds still to go: waiting, or claimed and being
    sent (a row put back a moment for pacing is claimed, not gone)."""
    hasil = await conn.execute(
        select(pengingat.c.kunci).where(
            pengingat.c.jenis.in_(jenis), pengingat.c.status.in_(("direncanakan", "mengirim"))
        )
    )
    return list(hasil.scalars())


async def anggota_aktif(conn: AsyncConnection) -> list[Row]:
    """Every active membership of a user who has not blocked the bot: sekolah_id,
    pengguna_id, peran; oldest first."""
    hasil = await conn.execute(
        select(keanggotaan.c.sekolah_id, keanggotaan.c.pengguna_id, keanggotaan.c.peran)
        .join(pengguna, pengguna.c.id == keanggotaan.c.pengguna_id)
        .where(keanggotaan.c.aktif.is_(True), pengguna.c.aktif.is_(True))
        .order_by(keanggotaan.c.id)
    )
    return list(hasil)
