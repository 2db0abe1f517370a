"""Activities carried over from the previous cycle's stage 5, offered while the new plan is
built: the coordinator takes one in (with new dates and a PIC who is still a member) or
drops it."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from bot.layanan import Ditolak, Layanan
from bot.layanan.aktor import Aktor, wajib_peran
from bot.layanan.pemetaan import peta_siklus
from bot.layanan.rencana import (
    MAKS_MASALAH,
    KegiatanBaru,
    anggota_aktif,
    catat_audit,
    draf_rencana,
    siklus_terbuka,
)
from bot.mutu.peran import PENGELOLA
from db import rencana as db_rencana
from db import strategi as db_strategi


@dataclass(frozen=True)
class Bawaan:
    """A carried activity waiting for the new plan."""

    id: int
    indikator_kode: str
    program_nama: str
    deskripsi: str
    pic_id: int
    pic_nama: str
    pic_aktif: bool
    anggaran: int
    indikator_keberhasilan: str
    target_skor: float
    alasan: str


async def menunggu(lay: Layanan, aktor: Aktor) -> list[Bawaan]:
    """The carried activities the plan of the open cycle has not taken or dropped yet."""
    staf = await anggota_aktif(lay, aktor)
    async with lay.mesin.connect() as conn:
        siklus = await siklus_terbuka(conn, aktor)
        baris = await db_strategi.bawaan_untuk(conn, siklus.id)
    return [
        Bawaan(
            b.id,
            b.indikator_kode,
            b.program_nama,
            b.deskripsi,
            b.pic_id,
            b.pic_nama,
            b.pic_id in staf,
            b.anggaran,
            b.indikator_keberhasilan,
            b.target_skor,
            b.alasan,
        )
        for b in baris
        if b.status == "menunggu"
    ]


async def ambil(lay: Layanan, aktor: Aktor, bawaan_id: int) -> Bawaan:
    """One waiting carried activity of the open cycle; `Ditolak` for a stale button."""
    for b in await menunggu(lay, aktor):
        if b.id == bawaan_id:
            return b
    raise Ditolak("tombol_usang")


async def lewati(lay: Layanan, aktor: Aktor, bawaan_id: int) -> None:
    """Drop a carried activity from the new plan."""
    wajib_peran(aktor, PENGELOLA)
    await ambil(lay, aktor, bawaan_id)
    async with lay.mesin.begin() as conn:
        if await db_strategi.putuskan_bawaan(conn, bawaan_id, "dilewati", lay.sekarang(), None):
            await catat_audit(conn, lay, aktor, "rencana.lewati_bawaan", bawaan_id, {})


async def masukkan(lay: Layanan, aktor: Aktor, bawaan_id: int, k: KegiatanBaru) -> str:
    """Take a carried activity into the plan as confirmed (new dates, a current PIC), under
    its problem and program (added when the plan has none for them yet). Returns the new
    activity's key; a doubled press returns the same key."""
    wajib_peran(aktor, PENGELOLA)
    if k.pic_id not in await anggota_aktif(lay, aktor):
        raise Ditolak("pic_keluar")
    async with lay.mesin.connect() as conn:
        siklus = await siklus_terbuka(conn, aktor)
    peta = (await peta_siklus(lay, siklus.id)).peta
    skor = {i.kode: i.skor for s in peta.standar for i in s.indikator}
    async with lay.mesin.begin() as conn:
        siklus = await siklus_terbuka(conn, aktor)
        b = await db_strategi.bawaan_untuk_siklus(conn, bawaan_id, siklus.id)
        if b is None or b.status == "dilewati":
            raise Ditolak("tombol_usang")
        if b.status == "diambil":
            return str(b.kegiatan_kunci_baru)
        rencana_id = await draf_rencana(conn, lay, aktor, siklus)
        m, p, _ = await db_rencana.isi(conn, rencana_id)
        masalah = next((x for x in m if x.indikator_kode == b.indikator_kode), None)
        if masalah is None:
            if len(m) >= MAKS_MASALAH:
                raise Ditolak("masalah_penuh")
            masalah_id = await db_rencana.tambah_masalah(
                conn,
                rencana_id,
                b.indikator_kode,
                skor.get(b.indikator_kode),
                b.akar_kategori,
                b.akar_penjelasan,
            )
        else:
            masalah_id = masalah.id
        prog = next((x for x in p if x.masalah_id == masalah_id and x.nama == b.program_nama), None)
        program_id = (
            prog.id if prog else await db_rencana.tambah_program(conn, masalah_id, b.program_nama)
        )
        kunci = secrets.token_hex(6)
        await db_rencana.tambah_kegiatan(conn, program_id=program_id, kunci=kunci, **k.__dict__)
        await db_strategi.putuskan_bawaan(conn, bawaan_id, "diambil", lay.sekarang(), kunci)
        await catat_audit(
            conn,
            lay,
            aktor,
            "rencana.ambil_bawaan",
            rencana_id,
            {"bawaan": bawaan_id, "kunci": kunci, "deskripsi": k.deskripsi, "pic": k.pic_id},
        )
        return kunci
