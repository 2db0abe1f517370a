"""What the outbox should hold for a commitment: H-3, H-1, the due date, and the next overdue
reminder, at school-local time; the escalation ladder when reminders go unanswered; a snooze.

Planning always starts from the commitment's current state and cancels what it no longer
needs, so a moved due date, a new PIC, a report or a finished commitment leave nothing stale.
Keys carry the due date: a reminder planned for an old date is never revived."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from bot.layanan import Ditolak, Layanan, pengingat_berkala
from bot.layanan.aktor import Aktor
from bot.layanan.komitmen import Komitmen, ambil, daftar
from bot.layanan.pengaturan import aturan_sekolah
from bot.mutu import jadwal
from bot.mutu.jadwal import AturanSekolah, JenisPengingat, Penerima
from bot.mutu.peran import Peran
from bot.render import tanggal
from db import keanggotaan
from db import pengguna as db_pengguna
from db import pengingat as db_pengingat
from db import pengingat_komitmen as db_pengingat_komitmen
from db.jenis import AsyncConnection, Row

JENIS_TERLAMBAT = "komitmen_terlambat"


def _sesudah_cuti(
    rencana: tuple[jadwal.Pengingat, ...], cuti_sampai: date | None, aturan: AturanSekolah
) -> list[jadwal.Pengingat]:
    """Reminders that would reach a member on leave wait for the first allowed moment after
    it; several waiting for the same moment become one, the latest kind."""
    if cuti_sampai is None:
        return list(rencana)
    hasil: dict[datetime, jadwal.Pengingat] = {}
    for p in rencana:
        # Back at the usual reminder hour, not at midnight.
        saat = jadwal.sesudah_cuti(p.saat, cuti_sampai, aturan, jam=time(7, 30))
        hasil[saat] = jadwal.Pengingat(p.jenis, p.ke, saat)
    return list(hasil.values())


def _rujukan(k: Komitmen) -> str:
    return f"komitmen:{k.id}"


def _isi(lay: Layanan, k: Komitmen, jenis: str, terlambat: int) -> dict[str, object]:
    return {
        "templat": "pengingat/komitmen",
        "konteks": {
            "jenis": jenis,
            "kegiatan": k.kegiatan.deskripsi,
            "selesai": tanggal(k.kegiatan.selesai),
            "status": lay.render.label(f"status.{k.kemajuan}"),
            "terlambat": terlambat,
        },
        "tombol": [
            [{"label": "tombol.lapor_kemajuan", "data": f"lpr:k:{k.id}"}],
            [
                {"label": "tombol.ingatkan_besok", "data": f"pgn:t:{k.id}:1"},
                {"label": "tombol.ingatkan_3_hari", "data": f"pgn:t:{k.id}:3"},
            ],
        ],
    }


def _perlu_pengingat(k: Komitmen) -> bool:
    return k.respons == "berkomitmen" and k.kemajuan != "selesai"


async def rencanakan(lay: Layanan, aktor: Aktor, k: Komitmen) -> int:
    """(Re)plan one commitment's reminders from its current state; returns how many wait."""
    sekarang = lay.sekarang()
    async with lay.mesin.begin() as conn:
        await db_pengingat.batalkan(conn, rujukan=_rujukan(k))
        if not _perlu_pengingat(k):
            return 0
        aturan = await aturan_sekolah(conn, aktor.sekolah_id or 0)
        cuti = await db_pengguna.cuti_sampai(conn, k.pengguna_id)
        rencana = _sesudah_cuti(
            jadwal.pengingat_komitmen(k.kegiatan.selesai, sekarang, aturan), cuti, aturan
        )
        for p in rencana:
            terlambat = (p.saat.astimezone(ZoneInfo(aturan.zona)).date() - k.kegiatan.selesai).days
            jenis = JENIS_TERLAMBAT if p.jenis is JenisPengingat.TERLAMBAT else "komitmen"
            await db_pengingat.rencanakan(
                conn,
                kunci=f"komitmen:{k.id}:{k.kegiatan.selesai.isoformat()}:{p.jenis}:{p.ke}",
                pengguna_id=k.pengguna_id,
                jenis=jenis,
                isi=_isi(lay, k, str(p.jenis), max(terlambat, 0)),
                jatuh_tempo=p.saat,
                waktu=sekarang,
                sekolah_id=aktor.sekolah_id,
                rujukan=_rujukan(k),
            )
    # Outside the transaction above: the SQLite pool has one connection.
    await pengingat_berkala.rencanakan_mingguan(lay, k.pengguna_id, aktor.sekolah_id or 0)
    return len(rencana)


async def rencanakan_semua(lay: Layanan, aktor: Aktor) -> None:
    """Re-plan every commitment of the actor's school (after a plan approval)."""
    for k in await daftar(lay, aktor, semua=True):
        await rencanakan(lay, aktor, k)


async def tunda(lay: Layanan, aktor: Aktor, komitmen_id: int, hari: int) -> datetime:
    """The PIC asks to be reminded later: what would come before then moves to then."""
    k = await ambil(lay, aktor, komitmen_id)
    if k.pengguna_id != aktor.pengguna_id:
        raise Ditolak("bukan_pic")
    if not _perlu_pengingat(k) or hari not in (1, 3):
        raise Ditolak("tombol_usang")
    sekarang = lay.sekarang()
    async with lay.mesin.begin() as conn:
        aturan = await aturan_sekolah(conn, aktor.sekolah_id or 0)
        saat = jadwal.tunda(sekarang, hari, aturan)
        for pid in await db_pengingat_komitmen.menunggu_sebelum(conn, _rujukan(k), saat):
            await db_pengingat.gagal(conn, pid, "ditunda", status="batal")
        terlambat = max(
            (saat.astimezone(ZoneInfo(aturan.zona)).date() - k.kegiatan.selesai).days, 0
        )
        jenis = "terlambat" if terlambat else "h-1"
        await db_pengingat.rencanakan(
            conn,
            kunci=f"komitmen:{k.id}:tunda:{sekarang.isoformat()}",
            pengguna_id=k.pengguna_id,
            jenis="komitmen",
            isi=_isi(lay, k, jenis, terlambat),
            jatuh_tempo=saat,
            waktu=sekarang,
            sekolah_id=aktor.sekolah_id,
            rujukan=_rujukan(k),
        )
    return saat


async def setelah_terkirim(lay: Layanan, b: Row) -> None:
    """After a row went out: the next weekly or monthly message; after an overdue reminder,
    the escalation ladder (each level told once) and the next overdue reminder."""
    await pengingat_berkala.setelah_terkirim(lay, b)
    if b.jenis != JENIS_TERLAMBAT or b.sekolah_id is None:
        return
    komitmen_id = int(b.rujukan.split(":")[1])
    async with lay.mesin.begin() as conn:
        terakhir_lapor = await db_pengingat_komitmen.laporan_terakhir(conn, komitmen_id)
        jumlah = await db_pengingat_komitmen.terkirim_sejak(
            conn, b.rujukan, JENIS_TERLAMBAT, terakhir_lapor
        )
        baru = jadwal.naik_tangga(jumlah - 1, jumlah) - {Penerima.PIC}
        if baru:
            await _eskalasi(conn, lay, b, komitmen_id, jumlah, baru)
        aturan = await aturan_sekolah(conn, b.sekolah_id)
        ke = int(b.kunci.rsplit(":", 1)[1])
        selesai = b.kunci.split(":")[2]
        berikut = jadwal.pengingat_terlambat_berikut(date.fromisoformat(selesai), ke + 1, aturan)
        isi = dict(b.isi)
        konteks = dict(isi["konteks"])
        konteks["terlambat"] = (
            berikut.saat.astimezone(ZoneInfo(aturan.zona)).date() - date.fromisoformat(selesai)
        ).days
        isi["konteks"] = konteks
        await db_pengingat.rencanakan(
            conn,
            kunci=f"komitmen:{komitmen_id}:{selesai}:terlambat:{ke + 1}",
            pengguna_id=b.pengguna_id,
            jenis=JENIS_TERLAMBAT,
            isi=isi,
            jatuh_tempo=berikut.saat,
            waktu=lay.sekarang(),
            sekolah_id=b.sekolah_id,
            rujukan=b.rujukan,
        )


async def _eskalasi(
    conn: AsyncConnection,
    lay: Layanan,
    b: Row,
    komitmen_id: int,
    jumlah: int,
    penerima: frozenset[Penerima],
) -> None:
    peran = {
        Penerima.KOORDINATOR: Peran.KOORDINATOR,
        Penerima.KEPALA_SEKOLAH: Peran.KEPALA_SEKOLAH,
        Penerima.PENGAWAS: Peran.PENGAWAS,
    }
    dicari = {peran[p] for p in penerima}
    anggota = await keanggotaan.anggota_sekolah(conn, b.sekolah_id)
    nama_pic = next((a.nama for a in anggota if a.pengguna_id == b.pengguna_id), "")
    for a in anggota:
        if Peran(a.peran) in dicari and a.pengguna_id != b.pengguna_id:
            await db_pengingat.rencanakan(
                conn,
                kunci=f"eskalasi:{komitmen_id}:{jumlah}:{a.pengguna_id}",
                pengguna_id=a.pengguna_id,
                jenis="eskalasi",
                isi={
                    "templat": "pengingat/eskalasi",
                    "konteks": {
                        "pic": nama_pic,
                        "kegiatan": b.isi["konteks"]["kegiatan"],
                        "selesai": b.isi["konteks"]["selesai"],
                        "jumlah": jumlah,
                    },
                },
                jatuh_tempo=lay.sekarang(),
                waktu=lay.sekarang(),
                sekolah_id=b.sekolah_id,
                rujukan=b.rujukan,
            )
