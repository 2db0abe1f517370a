"""One person's data: all of it read out (/datasaya), or erased (/hapusdata, retention).

Erasure keeps what the school must keep as its record (answers inside a stage-1 map, a plan's
PIC line, approvals and their audit) by moving it to a new row of `pengguna` with a random
negative id and a name that says only "a member who erased their data" and the role. Nothing
then links that row to the Telegram account, and the Telegram id is free: a later /start is a
new, empty user."""

from __future__ import annotations

import secrets
from datetime import date, datetime
from typing import Any

from sqlalchemy import Column, and_, delete, exists, func, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from db.tabel import (
    akreditasi_butir,
    akreditasi_dka,
    akreditasi_dokumen,
    akreditasi_latihan,
    akreditasi_pilihan,
    akreditasi_tautan,
    audit,
    bukti,
    draf,
    evaluasi_program,
    grup_sekolah,
    jawaban,
    keanggotaan,
    kegiatan,
    kegiatan_bawaan,
    komitmen,
    laporan,
    lewatan,
    pengguna,
    pengingat,
    posisi_kuesioner,
    rencana,
    sekolah,
    siklus,
    status_percakapan,
    target_standar,
    undangan,
)

# Columns that name a person as the author of a school record: moved to the anonymous row.
KOLOM_PELAKU: tuple[Column[Any], ...] = (
    undangan.c.dibuat_oleh,
    keanggotaan.c.pengguna_id,
    jawaban.c.pengguna_id,
    bukti.c.pengguna_id,
    rencana.c.disetujui_oleh,
    rencana.c.ditinjau_oleh,
    kegiatan.c.pic_id,
    komitmen.c.pengguna_id,
    laporan.c.pengguna_id,
    evaluasi_program.c.dinilai_oleh,
    grup_sekolah.c.dihubungkan_oleh,
    target_standar.c.ditetapkan_oleh,
    kegiatan_bawaan.c.pic_id,
    akreditasi_pilihan.c.dipilih_oleh,
    akreditasi_butir.c.diperbarui_oleh,
    akreditasi_tautan.c.ditautkan_oleh,
    akreditasi_dokumen.c.diperbarui_oleh,
    akreditasi_dka.c.diperbarui_oleh,
    akreditasi_dka.c.disetujui_oleh,
    audit.c.pengguna_id,
)


def _nilai(v: object) -> object:
    return v.isoformat() if isinstance(v, date | datetime) else v


def _dict(baris: Any, buang: tuple[str, ...] = ()) -> dict[str, object]:
    return {k: _nilai(v) for k, v in baris._mapping.items() if k not in buang}


async def _semua(conn: AsyncConnection, query: Any, buang: tuple[str, ...] = ()) -> list[dict]:
    return [_dict(b, buang) for b in await conn.execute(query)]


async def milik(conn: AsyncConnection, pid: int) -> dict[str, list[dict[str, object]]]:
    """Everything held about the person, by section (the Telegram file ids and the paths of
    the local copies are left out: they are the bot's handles, not the person's data)."""
    return {
        "profil": await _semua(
            conn, select(pengguna).where(pengguna.c.id == pid), ("sekolah_aktif_id",)
        ),
        "keanggotaan": await _semua(
            conn,
            select(
                sekolah.c.npsn,
                sekolah.c.nama.label("sekolah"),
                keanggotaan.c.peran,
                keanggotaan.c.aktif,
                keanggotaan.c.dibuat_pada,
                keanggotaan.c.keluar_pada,
            )
            .join(sekolah, sekolah.c.id == keanggotaan.c.sekolah_id)
            .where(keanggotaan.c.pengguna_id == pid)
            .order_by(keanggotaan.c.id),
        ),
        "jawaban": await _semua(
            conn,
            select(
                siklus.c.tahun_ajaran,
                jawaban.c.responden,
                jawaban.c.pertanyaan_kode,
                jawaban.c.nilai,
                jawaban.c.status,
                jawaban.c.komentar,
                jawaban.c.dijawab_pada,
                jawaban.c.diperbarui_pada,
            )
            .join(siklus, siklus.c.id == jawaban.c.siklus_id)
            .where(jawaban.c.pengguna_id == pid)
            .order_by(jawaban.c.id),
        ),
        "bukti": await _semua(
            conn,
            select(bukti).where(bukti.c.pengguna_id == pid).order_by(bukti.c.id),
            ("file_id", "file_unique_id", "path"),
        ),
        "kegiatan_pic": await _semua(
            conn, select(kegiatan).where(kegiatan.c.pic_id == pid).order_by(kegiatan.c.id)
        ),
        "komitmen": await _semua(
            conn, select(komitmen).where(komitmen.c.pengguna_id == pid).order_by(komitmen.c.id)
        ),
        "laporan": await _semua(
            conn, select(laporan).where(laporan.c.pengguna_id == pid).order_by(laporan.c.id)
        ),
        "latihan_visitasi": await _semua(
            conn,
            select(akreditasi_latihan)
            .where(akreditasi_latihan.c.pengguna_id == pid)
            .order_by(akreditasi_latihan.c.id),
        ),
        # DKA narratives they last wrote or edited, or approved (the school's record; earlier
        # edits by them are in "audit" as akreditasi.dka_simpan).
        "dka_akreditasi": await _semua(
            conn,
            select(
                sekolah.c.npsn,
                sekolah.c.nama.label("sekolah"),
                akreditasi_dka.c.instrumen,
                akreditasi_dka.c.butir,
                akreditasi_dka.c.teks,
                akreditasi_dka.c.status,
                (akreditasi_dka.c.diperbarui_oleh == pid).label("ditulis_atau_diubah_anda"),
                akreditasi_dka.c.diperbarui_pada,
                (func.coalesce(akreditasi_dka.c.disetujui_oleh, 0) == pid).label("disetujui_anda"),
                akreditasi_dka.c.disetujui_pada,
            )
            .join(sekolah, sekolah.c.id == akreditasi_dka.c.sekolah_id)
            .where(
                or_(akreditasi_dka.c.diperbarui_oleh == pid, akreditasi_dka.c.disetujui_oleh == pid)
            )
            .order_by(akreditasi_dka.c.id),
        ),
        "undangan_dibuat": await _semua(
            conn,
            select(undangan).where(undangan.c.dibuat_oleh == pid).order_by(undangan.c.id),
            ("kunci_idem",),
        ),
        "pengingat": await _semua(
            conn,
            select(
                pengingat.c.jenis,
                pengingat.c.rujukan,
                pengingat.c.jatuh_tempo,
                pengingat.c.status,
                pengingat.c.dikirim_pada,
            )
            .where(pengingat.c.pengguna_id == pid)
            .order_by(pengingat.c.id),
        ),
        "audit": await _semua(
            conn,
            select(audit)
            .where(
                or_(
                    audit.c.pengguna_id == pid,
                    and_(audit.c.objek == "pengguna", audit.c.objek_id == str(pid)),
                )
            )
            .order_by(audit.c.id),
        ),
    }


async def berkas_bukti(conn: AsyncConnection, pid: int) -> list[Any]:
    """The person's own evidence files: id, name, mime, size and the local path."""
    hasil = await conn.execute(
        select(bukti.c.id, bukti.c.nama_file, bukti.c.mime, bukti.c.ukuran, bukti.c.path)
        .where(bukti.c.pengguna_id == pid)
        .order_by(bukti.c.id)
    )
    return list(hasil)


async def sekolah_kepala_terakhir(conn: AsyncConnection, pid: int) -> list[str]:
    """Names of the schools where the person is the only active kepala sekolah."""
    lain = keanggotaan.alias("lain")
    ada_lain = exists().where(
        lain.c.sekolah_id == keanggotaan.c.sekolah_id,
        lain.c.pengguna_id != pid,
        lain.c.peran == "kepala_sekolah",
        lain.c.aktif.is_(True),
    )
    hasil = await conn.execute(
        select(sekolah.c.nama)
        .join(keanggotaan, keanggotaan.c.sekolah_id == sekolah.c.id)
        .where(
            keanggotaan.c.pengguna_id == pid,
            keanggotaan.c.peran == "kepala_sekolah",
            keanggotaan.c.aktif.is_(True),
            ~ada_lain,
        )
        .order_by(sekolah.c.nama)
    )
    return [n for (n,) in hasil]


async def peran_terakhir(conn: AsyncConnection, pid: int) -> str | None:
    """The person's role in their most recent membership (active first), or None."""
    hasil = await conn.execute(
        select(keanggotaan.c.peran)
        .where(keanggotaan.c.pengguna_id == pid)
        .order_by(keanggotaan.c.aktif.desc(), keanggotaan.c.id.desc())
        .limit(1)
    )
    return hasil.scalar()


async def _id_anonim(conn: AsyncConnection) -> int:
    while True:
        calon = -(secrets.randbelow(2**52) + 1)
        if (await conn.execute(select(pengguna.c.id).where(pengguna.c.id == calon))).first():
            continue
        return calon


async def versi_jawaban(conn: AsyncConnection, pid: int) -> list[str]:
    """The instrument versions of the cycles the person answered in."""
    hasil = await conn.execute(
        select(siklus.c.instrumen_versi)
        .where(siklus.c.id.in_(select(jawaban.c.siklus_id).where(jawaban.c.pengguna_id == pid)))
        .where(siklus.c.instrumen_versi.is_not(None))
        .distinct()
    )
    return [v for (v,) in hasil]


async def hapus(
    conn: AsyncConnection,
    pid: int,
    nama_anonim: str,
    waktu: datetime,
    kode_teks: frozenset[str] = frozenset(),
) -> list[str]:
    """Erase the person in the caller's transaction; returns the local paths of the evidence
    files whose rows were deleted (the caller removes those no other row still uses, after
    the commit). `kode_teks`: the questions answered in free text, emptied in the answers
    that stay (they carry no score). Returns [] and changes nothing for an unknown id."""
    if (await conn.execute(select(pengguna.c.id).where(pengguna.c.id == pid))).first() is None:
        return []
    anon = await _id_anonim(conn)
    await conn.execute(
        insert(pengguna).values(
            id=anon,
            nama=nama_anonim,
            nama_dipilih=True,
            username=None,
            aktif=False,
            dibuat_pada=waktu,
            terakhir_aktif=waktu,
        )
    )
    # What is only the person's own: their place in a questionnaire, drafts, reminders,
    # visit-practice answers, and answers not yet part of a stage-1 map.
    for tabel in (lewatan, posisi_kuesioner, draf):
        await conn.execute(delete(tabel).where(tabel.c.pengguna_id == pid))
    await conn.execute(delete(pengingat).where(pengingat.c.pengguna_id == pid))
    await conn.execute(delete(akreditasi_latihan).where(akreditasi_latihan.c.pengguna_id == pid))
    # Conversations left half-way: their keys are [chat id, user id] (bot/persistensi.py).
    await conn.execute(
        delete(status_percakapan).where(
            or_(
                status_percakapan.c.kunci.like(f"[{pid}, %"),
                status_percakapan.c.kunci.like(f"%, {pid}]"),
            )
        )
    )
    belum_dipetakan = select(siklus.c.id).where(siklus.c.peta.is_(None))
    await conn.execute(
        delete(jawaban).where(
            jawaban.c.pengguna_id == pid, jawaban.c.siklus_id.in_(belum_dipetakan)
        )
    )
    # Their free text: typed answers, why a commitment needs discussing, report notes.
    if kode_teks:
        await conn.execute(
            update(jawaban)
            .where(jawaban.c.pengguna_id == pid, jawaban.c.pertanyaan_kode.in_(kode_teks))
            .values(nilai="")
        )
    await conn.execute(update(komitmen).where(komitmen.c.pengguna_id == pid).values(alasan=None))
    await conn.execute(update(laporan).where(laporan.c.pengguna_id == pid).values(catatan=None))
    # Their evidence, unless the school's accreditation file links it.
    dipakai = or_(
        exists().where(akreditasi_tautan.c.bukti_id == bukti.c.id),
        exists().where(akreditasi_dokumen.c.bukti_id == bukti.c.id),
    )
    dibuang = list(
        await conn.execute(
            select(bukti.c.id, bukti.c.path).where(bukti.c.pengguna_id == pid, ~dipakai)
        )
    )
    ids = [b.id for b in dibuang]
    if ids:
        await conn.execute(update(laporan).where(laporan.c.bukti_id.in_(ids)).values(bukti_id=None))
        await conn.execute(delete(bukti).where(bukti.c.id.in_(ids)))
    # The school's record moves to the anonymous member.
    for kolom in KOLOM_PELAKU:
        await conn.execute(update(kolom.table).where(kolom == pid).values({kolom.name: anon}))
    await conn.execute(
        update(audit)
        .where(audit.c.objek == "pengguna", audit.c.objek_id == str(pid))
        .values(objek_id=str(anon))
    )
    await conn.execute(
        update(keanggotaan)
        .where(keanggotaan.c.pengguna_id == anon, keanggotaan.c.aktif.is_(True))
        .values(aktif=False, keluar_pada=waktu)
    )
    await conn.execute(delete(pengguna).where(pengguna.c.id == pid))
    return [b.path for b in dibuang]


async def path_dipakai(conn: AsyncConnection, paths: list[str]) -> set[str]:
    """Which of these local files other evidence rows still point at (same content)."""
    if not paths:
        return set()
    hasil = await conn.execute(select(bukti.c.path).where(bukti.c.path.in_(paths)).distinct())
    return {p for (p,) in hasil}


async def kedaluwarsa(conn: AsyncConnection, batas: datetime) -> list[int]:
    """Users with no active membership whose last activity, and whose leaving of their last
    school, are both before `batas` (anonymous rows, with negative ids, are no one and are
    left alone)."""
    anggota = exists().where(
        keanggotaan.c.pengguna_id == pengguna.c.id, keanggotaan.c.aktif.is_(True)
    )
    baru_keluar = exists().where(
        keanggotaan.c.pengguna_id == pengguna.c.id, keanggotaan.c.keluar_pada >= batas
    )
    hasil = await conn.execute(
        select(pengguna.c.id)
        .where(pengguna.c.id > 0, pengguna.c.terakhir_aktif < batas, ~anggota, ~baru_keluar)
        .order_by(pengguna.c.id)
    )
    return [i for (i,) in hasil]
