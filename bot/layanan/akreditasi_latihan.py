"""SPME readiness, visit practice: assessor-style interview questions answered by the
kepala sekolah and teachers (sent to teachers through the reminder outbox), and the class
observation checklist kept by a manager. Both feed the estimate (`bot.mutu.akreditasi`)."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from bot.layanan import Ditolak, Layanan
from bot.layanan.aktor import Aktor, wajib_peran
from bot.layanan.instrumen_berkas import akreditasi_bawaan as bawaan
from bot.layanan.pengaturan import aturan_sekolah
from bot.mutu import jadwal
from bot.mutu.akreditasi_instrumen import InstrumenAkreditasi, PertanyaanWawancara
from bot.mutu.peran import Peran
from db import akreditasi as db_akr
from db import keanggotaan
from db import pengguna as db_pengguna
from db import pengingat as db_pengingat
from db import sekolah as db_sekolah

# The role whose interview questions a member answers in visit practice.
PERAN_WAWANCARA = {
    Peran.KEPALA_SEKOLAH: "kepala_sekolah",
    Peran.KOORDINATOR: "guru",
    Peran.GURU: "guru",
}


async def _instrumen_anggota(lay: Layanan, aktor: Aktor) -> tuple[int, InstrumenAkreditasi, str]:
    if aktor.sekolah_id is None or aktor.peran not in PERAN_WAWANCARA:
        raise Ditolak("bukan_peserta_wawancara")
    async with lay.mesin.connect() as conn:
        inst_kode = await db_akr.pilihan(conn, aktor.sekolah_id)
        sekolah = await db_sekolah.ambil(conn, aktor.sekolah_id)
    if inst_kode is None:
        raise Ditolak("akreditasi_belum_pilih")
    assert sekolah is not None
    return aktor.sekolah_id, bawaan(inst_kode), sekolah.jenjang


async def wawancara_berikutnya(
    lay: Layanan, aktor: Aktor
) -> tuple[PertanyaanWawancara | None, int, int]:
    """The member's next unanswered interview question (None: all answered), with how many
    they answered of how many."""
    sekolah_id, inst, jenjang = await _instrumen_anggota(lay, aktor)
    peran = PERAN_WAWANCARA[aktor.peran]  # type: ignore[index]
    soal = [p for p in inst.wawancara(jenjang) if p.peran == peran]
    async with lay.mesin.connect() as conn:
        sudah = {
            lt.kode
            for lt in await db_akr.latihan_sekolah(conn, sekolah_id, inst.kode)
            if lt.jenis == "wawancara" and lt.pengguna_id == aktor.pengguna_id
        }
    sisa = [p for p in soal if p.kode not in sudah]
    return (sisa[0] if sisa else None), len(soal) - len(sisa), len(soal)


async def jawab_wawancara(lay: Layanan, aktor: Aktor, kode: str, teks: str) -> None:
    """Keep a member's answer to an interview question of their role."""
    sekolah_id, inst, jenjang = await _instrumen_anggota(lay, aktor)
    peran = PERAN_WAWANCARA[aktor.peran]  # type: ignore[index]
    if not any(p.kode == kode and p.peran == peran for p in inst.wawancara(jenjang)):
        raise Ditolak("tombol_usang")
    if not teks.strip():
        raise Ditolak("teks_kosong")
    async with lay.mesin.begin() as conn:
        await db_akr.simpan_latihan(
            conn,
            sekolah_id,
            inst.kode,
            "wawancara",
            kode,
            aktor.pengguna_id,
            teks[:2000],
            lay.sekarang(),
        )


async def undang_wawancara(lay: Layanan, aktor: Aktor) -> int:
    """Send the teachers their interview practice through the reminder outbox (once a day
    per teacher, however often the button is pressed), in the school's sending hours and after
    a teacher's leave; how many were invited."""
    sekolah_id = wajib_peran(aktor)
    async with lay.mesin.begin() as conn:
        inst_kode = await db_akr.pilihan(conn, sekolah_id)
        if inst_kode is None:
            raise Ditolak("akreditasi_belum_pilih")
        sekolah = await db_sekolah.ambil(conn, sekolah_id)
        assert sekolah is not None
        anggota = await keanggotaan.anggota_sekolah(conn, sekolah_id)
        hari = lay.sekarang().astimezone(ZoneInfo(sekolah.zona_waktu)).date()
        guru = [a for a in anggota if a.peran == Peran.GURU and a.pengguna_id != aktor.pengguna_id]
        aturan = await aturan_sekolah(conn, sekolah_id)
        cuti = await db_pengguna.cuti_banyak(conn, [a.pengguna_id for a in guru])
        for a in guru:
            # Not urgent: in the school's sending hours, and after the member's leave.
            mulai = jadwal.sesudah_cuti(lay.sekarang(), cuti.get(a.pengguna_id), aturan)
            jatuh_tempo = jadwal.waktu_kirim_berikut(mulai, aturan)
            await db_pengingat.rencanakan(
                conn,
                kunci=f"akreditasi_wawancara:{sekolah_id}:{a.pengguna_id}:{hari.isoformat()}",
                pengguna_id=a.pengguna_id,
                jenis="akreditasi_wawancara",
                isi={
                    "templat": "akreditasi/wawancara_undangan",
                    "konteks": {"sekolah": sekolah.nama, "pengundang": aktor.nama},
                    "tombol": [[{"label": "akreditasi.tombol.mulai_wawancara", "data": "akw:m"}]],
                },
                jatuh_tempo=jatuh_tempo,
                waktu=lay.sekarang(),
                sekolah_id=sekolah_id,
                rujukan=f"akreditasi:{inst_kode}",
            )
    return len(guru)


async def observasi(lay: Layanan, aktor: Aktor, item: str, ya: bool) -> None:
    """Record one line of the class-observation checklist (seen or not)."""
    sekolah_id = wajib_peran(aktor)
    async with lay.mesin.connect() as conn:
        inst_kode = await db_akr.pilihan(conn, sekolah_id)
    if inst_kode is None:
        raise Ditolak("akreditasi_belum_pilih")
    if item not in {o.kode for o in bawaan(inst_kode).observasi}:
        raise Ditolak("tombol_usang")
    async with lay.mesin.begin() as conn:
        await db_akr.simpan_latihan(
            conn,
            sekolah_id,
            inst_kode,
            "observasi",
            item,
            aktor.pengguna_id,
            "ya" if ya else "tidak",
            lay.sekarang(),
        )
