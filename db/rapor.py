"""Rapor Pendidikan storage: a school's imports (one per edition) and the values read or typed
per indicator. An import is written whole in the caller's transaction, replacing the school's
earlier import of the same edition, so nothing is ever half-imported."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncConnection

from db.tabel import rapor_capaian, rapor_impor

# The fields of one indicator's values, as columns of rapor_capaian.
BIDANG_CAPAIAN = (
    "label",
    "teks_label",
    "nilai",
    "arah",
    "perubahan",
    "peringkat_daerah",
    "peringkat_nasional",
)


async def simpan_impor(
    conn: AsyncConnection,
    *,
    sekolah_id: int,
    edisi: str,
    sumber: str,
    katalog_versi: str,
    pengguna_id: int,
    waktu: datetime,
    capaian: Iterable[Mapping[str, Any]],
    nama_berkas: str | None = None,
    npsn_berkas: str | None = None,
) -> tuple[int, int | None]:
    """Store an import with all its values; return (new id, id of the replaced import of the
    same edition or None). Run it inside one transaction."""
    lama = await conn.execute(
        select(rapor_impor.c.id).where(
            rapor_impor.c.sekolah_id == sekolah_id, rapor_impor.c.edisi == edisi
        )
    )
    lama_id = lama.scalar_one_or_none()
    if lama_id is not None:
        await conn.execute(delete(rapor_capaian).where(rapor_capaian.c.impor_id == lama_id))
        await conn.execute(delete(rapor_impor).where(rapor_impor.c.id == lama_id))
    hasil = await conn.execute(
        insert(rapor_impor)
        .values(
            sekolah_id=sekolah_id,
            edisi=edisi,
            sumber=sumber,
            nama_berkas=nama_berkas,
            npsn_berkas=npsn_berkas,
            katalog_versi=katalog_versi,
            diimpor_oleh=pengguna_id,
            diimpor_pada=waktu,
        )
        .returning(rapor_impor.c.id)
    )
    impor_id = int(hasil.scalar_one())
    baris = [
        {
            "impor_id": impor_id,
            "kode": c["kode"],
            **{b: c.get(b) for b in BIDANG_CAPAIAN},
            "diperbarui_oleh": pengguna_id,
            "diperbarui_pada": waktu,
        }
        for c in capaian
    ]
    if baris:
        await conn.execute(insert(rapor_capaian), baris)
    return impor_id, lama_id


async def impor_terbaru(conn: AsyncConnection, sekolah_id: int) -> Row[Any] | None:
    """The school's most recent import (any edition), or None before its first."""
    hasil = await conn.execute(
        select(rapor_impor)
        .where(rapor_impor.c.sekolah_id == sekolah_id)
        .order_by(rapor_impor.c.diimpor_pada.desc(), rapor_impor.c.id.desc())
        .limit(1)
    )
    return hasil.first()


async def impor_sekolah(conn: AsyncConnection, sekolah_id: int) -> list[Row[Any]]:
    """Every import the school holds, newest edition first (for comparing editions)."""
    hasil = await conn.execute(
        select(rapor_impor)
        .where(rapor_impor.c.sekolah_id == sekolah_id)
        .order_by(rapor_impor.c.edisi.desc())
    )
    return list(hasil)


async def impor_edisi(conn: AsyncConnection, sekolah_id: int, edisi: str) -> Row[Any] | None:
    """The school's import of one edition, or None."""
    hasil = await conn.execute(
        select(rapor_impor).where(
            rapor_impor.c.sekolah_id == sekolah_id, rapor_impor.c.edisi == edisi
        )
    )
    return hasil.first()


async def capaian_impor(conn: AsyncConnection, impor_id: int) -> dict[str, Row[Any]]:
    """The values of one import, by indicator code."""
    hasil = await conn.execute(select(rapor_capaian).where(rapor_capaian.c.impor_id == impor_id))
    return {b.kode: b for b in hasil}


async def ubah_capaian(
    conn: AsyncConnection,
    impor_id: int,
    kode: str,
    nilai: Mapping[str, Any],
    pengguna_id: int,
    waktu: datetime,
) -> dict[str, Any] | None:
    """Change some values of one indicator of an import (adding the indicator if the import
    lacks it); return its values before the change, or None if it was not there."""
    lama = await conn.execute(
        select(rapor_capaian).where(
            rapor_capaian.c.impor_id == impor_id, rapor_capaian.c.kode == kode
        )
    )
    baris = lama.first()
    isi = {b: v for b, v in nilai.items() if b in BIDANG_CAPAIAN}
    if baris is None:
        await conn.execute(
            insert(rapor_capaian).values(
                impor_id=impor_id,
                kode=kode,
                **isi,
                diperbarui_oleh=pengguna_id,
                diperbarui_pada=waktu,
            )
        )
        return None
    await conn.execute(
        update(rapor_capaian)
        .where(rapor_capaian.c.id == baris.id)
        .values(**isi, diperbarui_oleh=pengguna_id, diperbarui_pada=waktu)
    )
    return {b: getattr(baris, b) for b in isi}


async def impor_untuk_edisi(
    conn: AsyncConnection, sekolah_id: int, edisi: Iterable[str]
) -> Row[Any] | None:
    """The school's import of the first of `edisi` it holds (the editions in the order the
    caller prefers them), or None."""
    urutan = list(edisi)
    if not urutan:
        return None
    hasil = await conn.execute(
        select(rapor_impor).where(
            rapor_impor.c.sekolah_id == sekolah_id, rapor_impor.c.edisi.in_(urutan)
        )
    )
    baris = list(hasil)
    return min(baris, key=lambda b: urutan.index(b.edisi)) if baris else None
