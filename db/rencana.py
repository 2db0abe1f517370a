"""Stage-2 plans: versions, problems, programs and activities."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncConnection

from db.tabel import kegiatan, masalah, program, rencana


async def terbaru(conn: AsyncConnection, siklus_id: int) -> Row | None:
    """The newest version of the cycle's plan."""
    hasil = await conn.execute(
        select(rencana).where(rencana.c.siklus_id == siklus_id).order_by(rencana.c.versi.desc())
    )
    return hasil.first()


async def disetujui_terakhir(conn: AsyncConnection, siklus_id: int) -> Row | None:
    """The newest approved version, or None."""
    hasil = await conn.execute(
        select(rencana)
        .where(rencana.c.siklus_id == siklus_id, rencana.c.status == "disetujui")
        .order_by(rencana.c.versi.desc())
    )
    return hasil.first()


async def buat(conn: AsyncConnection, siklus_id: int, versi: int, waktu: datetime) -> int:
    """A new draft version."""
    hasil = await conn.execute(
        insert(rencana)
        .values(siklus_id=siklus_id, versi=versi, status="draf", dibuat_pada=waktu)
        .returning(rencana.c.id)
    )
    return int(hasil.scalar_one())


async def isi(conn: AsyncConnection, rencana_id: int) -> tuple[list[Row], list[Row], list[Row]]:
    """Problems, programs and activities of one version, each in its order."""
    m = list(
        await conn.execute(
            select(masalah).where(masalah.c.rencana_id == rencana_id).order_by(masalah.c.urutan)
        )
    )
    ids = [b.id for b in m]
    p = list(
        await conn.execute(
            select(program).where(program.c.masalah_id.in_(ids)).order_by(program.c.urutan)
        )
    )
    k = list(
        await conn.execute(
            select(kegiatan)
            .where(kegiatan.c.program_id.in_([b.id for b in p]))
            .order_by(kegiatan.c.urutan)
        )
    )
    return m, p, k


async def salin(conn: AsyncConnection, dari: int, ke: int) -> None:
    """Copy every row of version `dari` into version `ke` (activity keys stay the same)."""
    m, p, k = await isi(conn, dari)
    peta_m: dict[int, int] = {}
    for b in m:
        nilai = {
            c: getattr(b, c)
            for c in (
                "indikator_kode",
                "skor_awal",
                "akar_kategori",
                "akar_penjelasan",
                "urutan",
                "indikator_nama",
                "capaian_label",
                "akar_kode",
            )
        }
        peta_m[b.id] = await _sisip(conn, masalah, {**nilai, "rencana_id": ke})
    peta_p: dict[int, int] = {}
    for b in p:
        peta_p[b.id] = await _sisip(
            conn, program, {"masalah_id": peta_m[b.masalah_id], "nama": b.nama, "urutan": b.urutan}
        )
    for b in k:
        nilai = {
            c: getattr(b, c)
            for c in (
                "kunci",
                "deskripsi",
                "pic_id",
                "mulai",
                "selesai",
                "anggaran",
                "indikator_keberhasilan",
                "target_skor",
                "urutan",
                "butuh_biaya",
                "arkas_kode",
                "arkas_nama",
            )
        }
        await _sisip(conn, kegiatan, {**nilai, "program_id": peta_p[b.program_id]})


async def _sisip(conn: AsyncConnection, tabel: Any, nilai: dict[str, Any]) -> int:
    hasil = await conn.execute(insert(tabel).values(**nilai).returning(tabel.c.id))
    return int(hasil.scalar_one())


async def tambah_masalah(
    conn: AsyncConnection,
    rencana_id: int,
    indikator_kode: str,
    skor_awal: float | None,
    akar_kategori: str,
    akar_penjelasan: str,
    *,
    indikator_nama: str | None = None,
    capaian_label: str | None = None,
    akar_kode: str | None = None,
) -> int:
    """Add a problem at the end of the plan (the keywords: a Rapor Pendidikan problem)."""
    urutan = await _berikut(conn, masalah.c.urutan, masalah.c.rencana_id == rencana_id)
    return await _sisip(
        conn,
        masalah,
        {
            "rencana_id": rencana_id,
            "indikator_kode": indikator_kode,
            "skor_awal": skor_awal,
            "akar_kategori": akar_kategori,
            "akar_penjelasan": akar_penjelasan,
            "urutan": urutan,
            "indikator_nama": indikator_nama,
            "capaian_label": capaian_label,
            "akar_kode": akar_kode,
        },
    )


async def tambah_program(conn: AsyncConnection, masalah_id: int, nama: str) -> int:
    """Add a program to a problem."""
    urutan = await _berikut(conn, program.c.urutan, program.c.masalah_id == masalah_id)
    return await _sisip(conn, program, {"masalah_id": masalah_id, "nama": nama, "urutan": urutan})


async def tambah_kegiatan(
    conn: AsyncConnection,
    *,
    program_id: int,
    kunci: str,
    deskripsi: str,
    pic_id: int,
    mulai: date,
    selesai: date,
    anggaran: int,
    indikator_keberhasilan: str,
    target_skor: float,
    butuh_biaya: bool | None = None,
    arkas_kode: str | None = None,
    arkas_nama: str | None = None,
) -> int:
    """Add a complete activity to a program."""
    urutan = await _berikut(conn, kegiatan.c.urutan, kegiatan.c.program_id == program_id)
    return await _sisip(
        conn,
        kegiatan,
        {
            "program_id": program_id,
            "kunci": kunci,
            "deskripsi": deskripsi,
            "pic_id": pic_id,
            "mulai": mulai,
            "selesai": selesai,
            "anggaran": anggaran,
            "indikator_keberhasilan": indikator_keberhasilan,
            "target_skor": target_skor,
            "urutan": urutan,
            "butuh_biaya": butuh_biaya,
            "arkas_kode": arkas_kode,
            "arkas_nama": arkas_nama,
        },
    )


async def _berikut(conn: AsyncConnection, kolom: Any, syarat: Any) -> int:
    hasil = await conn.execute(select(func.coalesce(func.max(kolom), 0) + 1).where(syarat))
    return int(hasil.scalar_one())


async def ubah_kegiatan(conn: AsyncConnection, kegiatan_id: int, nilai: dict[str, Any]) -> None:
    """Change fields of one activity."""
    await conn.execute(update(kegiatan).where(kegiatan.c.id == kegiatan_id).values(**nilai))


async def hapus_kegiatan(conn: AsyncConnection, kegiatan_id: int) -> None:
    """Remove one activity from a draft."""
    await conn.execute(kegiatan.delete().where(kegiatan.c.id == kegiatan_id))


async def setujui(conn: AsyncConnection, rencana_id: int, oleh: int, waktu: datetime) -> bool:
    """Approve a draft; False when it was approved already (a doubled press)."""
    hasil = await conn.execute(
        update(rencana)
        .where(rencana.c.id == rencana_id, rencana.c.status == "draf")
        .values(status="disetujui", disetujui_oleh=oleh, disetujui_pada=waktu)
    )
    return hasil.rowcount == 1


async def tinjau(
    conn: AsyncConnection, rencana_id: int, oleh: int, komentar: str, waktu: datetime
) -> None:
    """The supervisor's review mark and comment."""
    await conn.execute(
        update(rencana)
        .where(rencana.c.id == rencana_id)
        .values(ditinjau_oleh=oleh, ditinjau_pada=waktu, komentar_tinjauan=komentar)
    )


async def ubah_masalah(conn: AsyncConnection, masalah_id: int, nilai: dict[str, Any]) -> None:
    """Change a problem's root cause."""
    await conn.execute(update(masalah).where(masalah.c.id == masalah_id).values(**nilai))


async def ubah_program(conn: AsyncConnection, program_id: int, nama: str) -> None:
    """Rename a program."""
    await conn.execute(update(program).where(program.c.id == program_id).values(nama=nama))


async def kode_masalah(conn: AsyncConnection, rencana_id: int) -> list[str]:
    """The indicator codes of a version's problems, in plan order."""
    hasil = await conn.execute(
        select(masalah.c.indikator_kode)
        .where(masalah.c.rencana_id == rencana_id)
        .order_by(masalah.c.urutan)
    )
    return [str(k) for k in hasil.scalars()]
