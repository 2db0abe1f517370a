"""Stage 3, pelaksanaan: approving the plan turns every activity into a commitment of its
person in charge, who accepts it (or asks to discuss it) and reports progress with evidence."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bot.layanan import Ditolak, Layanan, bukti, kabar
from bot.layanan.aktor import Aktor
from bot.layanan.bukti import Berkas
from bot.layanan.rencana import (
    Kegiatan,
    Masalah,
    Program,
    Rencana,
    anggota_aktif,
    lihat,
    siklus_terbuka,
    susun_rencana,
)
from bot.mutu.peran import PENGELOLA, Peran
from db import audit
from db import komitmen as db_komitmen
from db import pengingat as db_pengingat
from db import rencana as db_rencana
from db import siklus as db_siklus
from db import strategi as db_strategi
from db.jenis import AsyncConnection

STATUS_LAPORAN = ("belum_mulai", "berjalan", "selesai", "terkendala")


@dataclass(frozen=True)
class Komitmen:
    """A commitment with the activity it stands for."""

    id: int
    pengguna_id: int
    pic_nama: str
    respons: str
    alasan: str | None
    kemajuan: str
    persen: int
    verifikasi: str | None
    masalah: Masalah
    program: Program
    kegiatan: Kegiatan

    def sisa_hari(self, hari_ini: date) -> int:
        """Days until the due date; negative when overdue."""
        return (self.kegiatan.selesai - hari_ini).days


@dataclass(frozen=True)
class HasilSetuju:
    """The approved version, the commitments whose PIC must now be asked, and how many
    activities carried over from the previous cycle still wait (neither taken nor dropped)."""

    rencana: Rencana
    untuk_ditanya: tuple[Komitmen, ...]
    bawaan_menunggu: int = 0


async def rencana_disetujui(
    conn: AsyncConnection, lay: Layanan, siklus_id: int, versi_instrumen: str
) -> Rencana | None:
    """The newest approved plan of a cycle, or None before the first approval."""
    baris = await db_rencana.disetujui_terakhir(conn, siklus_id)
    return await susun_rencana(lay, conn, baris, versi_instrumen) if baris else None


async def komitmen_siklus(
    conn: AsyncConnection, lay: Layanan, siklus_id: int, versi_instrumen: str
) -> list[Komitmen]:
    """The commitments of a cycle that belong to its approved plan, with their activities."""
    rencana = await rencana_disetujui(conn, lay, siklus_id, versi_instrumen)
    if rencana is None:
        return []
    per_kunci = {k.kunci: (m, p, k) for m, p, k in rencana.semua_kegiatan()}
    hasil = []
    for b in await db_komitmen.siklus_semua(conn, siklus_id):
        if b.kegiatan_kunci in per_kunci:
            m, p, k = per_kunci[b.kegiatan_kunci]
            hasil.append(
                Komitmen(
                    b.id,
                    b.pengguna_id,
                    b.pic_nama,
                    b.respons,
                    b.alasan,
                    b.kemajuan,
                    b.persen,
                    b.verifikasi,
                    m,
                    p,
                    k,
                )
            )
    return hasil


async def setujui(lay: Layanan, aktor: Aktor) -> HasilSetuju:
    """Approve the newest draft; sync commitments to it. Only the kepala_sekolah approves."""
    if aktor.peran is not Peran.KEPALA_SEKOLAH:
        raise Ditolak("bukan_kepala")
    staf = await anggota_aktif(lay, aktor)
    async with lay.mesin.begin() as conn:
        siklus = await siklus_terbuka(conn, aktor)
        baris = await db_rencana.terbaru(conn, siklus.id)
        if baris is None:
            raise Ditolak("rencana_kosong")
        if baris.status == "disetujui":
            raise Ditolak("rencana_sudah_disetujui")
        rencana = await susun_rencana(lay, conn, baris, siklus.instrumen_versi)
        if not rencana.semua_kegiatan():
            raise Ditolak("rencana_kosong")
        keluar = [k.deskripsi for _, _, k in rencana.semua_kegiatan() if k.pic_id not in staf]
        if keluar:
            raise Ditolak("pic_keluar_rencana", kegiatan="; ".join(keluar))
        if not await db_rencana.setujui(conn, baris.id, aktor.pengguna_id, lay.sekarang()):
            # Another kepala approved it a moment ago (on PostgreSQL this UPDATE waited for
            # theirs to commit): nothing of this approval is kept, no request goes out twice.
            raise Ditolak("rencana_sudah_disetujui")
        ditanya = await _selaraskan(conn, lay, siklus.id, rencana)
        await db_siklus.pindah_tahap(conn, siklus.id, 2, 3)
        await audit.catat(
            conn,
            waktu=lay.sekarang(),
            aksi="rencana.setujui",
            pengguna_id=aktor.pengguna_id,
            sekolah_id=aktor.sekolah_id,
            objek="rencana",
            objek_id=baris.id,
            rincian={"versi": baris.versi},
        )
        semua = {
            k.id: k for k in await komitmen_siklus(conn, lay, siklus.id, siklus.instrumen_versi)
        }
        for i in ditanya:  # in this transaction: a crash after approval loses no request
            if i in semua:
                await minta_komitmen(conn, lay, aktor, semua[i], baris.id)
        menunggu = await db_strategi.bawaan_untuk(conn, siklus.id)
    disetujui = await _rencana_terbaru(lay, aktor)
    return HasilSetuju(
        disetujui,
        tuple(semua[i] for i in ditanya if i in semua),
        sum(b.status == "menunggu" for b in menunggu),
    )


async def minta_komitmen(
    conn: AsyncConnection, lay: Layanan, aktor: Aktor, k: Komitmen, rencana_id: int
) -> None:
    """Ask a PIC to accept a commitment, through the outbox; one request per plan version."""
    await kabar.kabari(
        conn,
        lay,
        kunci=f"minta_komitmen:{rencana_id}:{k.id}:{k.pengguna_id}",
        pengguna_id=k.pengguna_id,
        jenis="minta_komitmen",
        templat="komitmen/baru",
        konteks={"k": k, "sekolah": aktor.aktif.sekolah_nama if aktor.aktif else ""},
        tombol=[
            [("tombol.berkomitmen", f"kmt:y:{k.id}"), ("tombol.perlu_dibahas", f"kmt:n:{k.id}")]
        ],
        sekolah_id=aktor.sekolah_id,
        # Not "komitmen:<id>": re-planning the reminders cancels those, and this must go.
        rujukan=f"minta_komitmen:{k.id}",
    )


async def _rencana_terbaru(lay: Layanan, aktor: Aktor) -> Rencana:
    rencana = await lihat(lay, aktor)
    assert rencana is not None
    return rencana


async def _selaraskan(
    conn: AsyncConnection, lay: Layanan, siklus_id: int, rencana: Rencana
) -> list[int]:
    """Commitments follow the approved activities: new ones are created, a changed PIC asks the
    new person, removed activities are set aside. Returns the ids to ask."""
    ada = await db_komitmen.per_kunci(conn, siklus_id)
    ditanya = []
    kunci_rencana = set()
    for m, _, k in rencana.semua_kegiatan():
        kunci_rencana.add(k.kunci)
        lama = ada.get(k.kunci)
        if lama is None:
            ditanya.append(
                await db_komitmen.buat(
                    conn,
                    siklus_id=siklus_id,
                    kegiatan_kunci=k.kunci,
                    pengguna_id=k.pic_id,
                    indikator_kode=m.indikator_kode,
                    waktu=lay.sekarang(),
                )
            )
        elif lama.pengguna_id != k.pic_id or not lama.aktif:
            await db_komitmen.ubah(
                conn,
                lama.id,
                pengguna_id=k.pic_id,
                respons="menunggu",
                alasan=None,
                direspons_pada=None,
                aktif=True,
            )
            ditanya.append(lama.id)
    for kunci, lama in ada.items():
        if kunci not in kunci_rencana and lama.aktif:
            await db_komitmen.ubah(conn, lama.id, aktif=False)
            await db_pengingat.batalkan(conn, rujukan=f"komitmen:{lama.id}")  # nothing stale
            await db_pengingat.batalkan(conn, rujukan=f"minta_komitmen:{lama.id}")
    return ditanya


async def daftar(lay: Layanan, aktor: Aktor, *, semua: bool) -> list[Komitmen]:
    """The actor's own commitments, or (managers, `semua`) every commitment of the school."""
    async with lay.mesin.connect() as conn:
        siklus = await siklus_terbuka(conn, aktor)
        hasil = await komitmen_siklus(conn, lay, siklus.id, siklus.instrumen_versi)
    if semua and aktor.peran in PENGELOLA:
        return hasil
    return [k for k in hasil if k.pengguna_id == aktor.pengguna_id]


async def menunggu_pengingat(lay: Layanan, aktor: Aktor) -> list[Komitmen]:
    """The commitments whose reminders a change of settings re-plans (a manager: the
    school's; others: their own), like `daftar(semua=True)`; none while no cycle has reached
    planning (no reminder waits then)."""
    if aktor.sekolah_id is None:
        return []
    async with lay.mesin.connect() as conn:
        siklus = await db_siklus.terbuka(conn, aktor.sekolah_id)
        if siklus is None or siklus.tahap < 2:
            return []
        hasil = await komitmen_siklus(conn, lay, siklus.id, siklus.instrumen_versi)
    if aktor.peran in PENGELOLA:
        return hasil
    return [k for k in hasil if k.pengguna_id == aktor.pengguna_id]


async def ambil(lay: Layanan, aktor: Aktor, komitmen_id: int) -> Komitmen:
    """One commitment of the actor's school."""
    for k in await daftar(lay, aktor, semua=True):
        if k.id == komitmen_id:
            return k
    raise Ditolak("bukan_sekolah_ini")


async def tanggapi(
    lay: Layanan, aktor: Aktor, komitmen_id: int, respons: str, alasan: str | None
) -> Komitmen:
    """The PIC accepts the commitment or asks to discuss it (with a reason), once."""
    k = await ambil(lay, aktor, komitmen_id)
    if k.pengguna_id != aktor.pengguna_id:
        raise Ditolak("bukan_pic")
    if respons not in ("berkomitmen", "perlu_dibahas"):
        raise Ditolak("pilihan_salah")
    async with lay.mesin.begin() as conn:
        if not await db_komitmen.jawab(conn, komitmen_id, respons, alasan, lay.sekarang()):
            raise Ditolak("sudah_ditanggapi")
        await audit.catat(
            conn,
            waktu=lay.sekarang(),
            aksi=f"komitmen.{respons}",
            pengguna_id=aktor.pengguna_id,
            sekolah_id=aktor.sekolah_id,
            objek="komitmen",
            objek_id=komitmen_id,
            rincian={"alasan": alasan},
        )
        if respons == "perlu_dibahas":  # the managers hear of it, in this transaction
            await kabar.kabari_pengelola(
                conn,
                lay,
                sekolah_id=aktor.sekolah_id or 0,
                kecuali=aktor.pengguna_id,
                kunci=f"kabar_dibahas:{komitmen_id}:{kabar.kunci_waktu(lay)}",
                jenis="kabar_dibahas",
                templat="komitmen/kabar_dibahas",
                konteks={"k": await _komitmen_di(conn, lay, aktor, komitmen_id)},
                rujukan=f"kabar_komitmen:{komitmen_id}",
            )
    return await ambil(lay, aktor, komitmen_id)


async def lapor(
    lay: Layanan,
    aktor: Aktor,
    komitmen_id: int,
    status: str,
    persen: int,
    catatan: str | None,
    bukti_id: int | None,
) -> Komitmen:
    """Store a progress report by the PIC; the commitment carries its status from now on."""
    k = await ambil(lay, aktor, komitmen_id)
    if k.pengguna_id != aktor.pengguna_id:
        raise Ditolak("bukan_pic")
    if status not in STATUS_LAPORAN or not 0 <= persen <= 100:
        raise Ditolak("pilihan_salah")
    if status == "selesai":
        persen = 100
    async with lay.mesin.begin() as conn:
        laporan_id = await db_komitmen.tambah_laporan(
            conn,
            komitmen_id=komitmen_id,
            pengguna_id=aktor.pengguna_id,
            status=status,
            persen=persen,
            catatan=catatan,
            bukti_id=bukti_id,
            waktu=lay.sekarang(),
        )
        await audit.catat(
            conn,
            waktu=lay.sekarang(),
            aksi="komitmen.lapor",
            pengguna_id=aktor.pengguna_id,
            sekolah_id=aktor.sekolah_id,
            objek="komitmen",
            objek_id=komitmen_id,
            rincian={"status": status, "persen": persen},
        )
        if status in ("selesai", "terkendala"):  # the managers hear of it, in this transaction
            await _kabar_laporan(conn, lay, aktor, komitmen_id, laporan_id, catatan)
    return await ambil(lay, aktor, komitmen_id)


async def _kabar_laporan(
    conn: AsyncConnection,
    lay: Layanan,
    aktor: Aktor,
    komitmen_id: int,
    laporan_id: int,
    catatan: str | None,
) -> None:
    k = await _komitmen_di(conn, lay, aktor, komitmen_id)
    tombol = None
    if k.kemajuan == "selesai":
        tombol = [
            [
                ("tombol.terima_selesai", f"kmv:t:{k.id}"),
                ("tombol.kembalikan_laporan", f"kmv:k:{k.id}"),
            ]
        ]
    await kabar.kabari_pengelola(
        conn,
        lay,
        sekolah_id=aktor.sekolah_id or 0,
        kecuali=aktor.pengguna_id,
        kunci=f"kabar_laporan:{laporan_id}",
        jenis="kabar_laporan",
        templat="komitmen/kabar_laporan",
        konteks={"k": k, "catatan": catatan or ""},
        tombol=tombol,
        rujukan=f"kabar_komitmen:{k.id}",
    )


async def _komitmen_di(
    conn: AsyncConnection, lay: Layanan, aktor: Aktor, komitmen_id: int
) -> Komitmen:
    """One commitment as the caller's transaction sees it (after its own writes)."""
    siklus = await siklus_terbuka(conn, aktor)
    for k in await komitmen_siklus(conn, lay, siklus.id, siklus.instrumen_versi):
        if k.id == komitmen_id:
            return k
    raise Ditolak("bukan_sekolah_ini")


async def verifikasi(
    lay: Layanan, aktor: Aktor, komitmen_id: int, terima: bool, komentar: str | None
) -> Komitmen:
    """The coordinator accepts a reported 'selesai', or sends it back with a comment."""
    if aktor.peran not in PENGELOLA:
        raise Ditolak("bukan_pengelola")
    k = await ambil(lay, aktor, komitmen_id)
    if k.kemajuan != "selesai" or k.verifikasi is not None:
        raise Ditolak("sudah_diverifikasi")
    async with lay.mesin.begin() as conn:
        if terima:
            await db_komitmen.ubah(
                conn, komitmen_id, verifikasi="diterima", komentar_verifikasi=komentar
            )
        else:
            await db_komitmen.ubah(
                conn,
                komitmen_id,
                verifikasi="dikembalikan",
                komentar_verifikasi=komentar,
                kemajuan="berjalan",
            )
        await audit.catat(
            conn,
            waktu=lay.sekarang(),
            aksi="komitmen.verifikasi",
            pengguna_id=aktor.pengguna_id,
            sekolah_id=aktor.sekolah_id,
            objek="komitmen",
            objek_id=komitmen_id,
            rincian={"terima": terima, "komentar": komentar},
        )
        k = await _komitmen_di(conn, lay, aktor, komitmen_id)
        await kabar.kabari(  # the PIC hears of it, in this transaction
            conn,
            lay,
            kunci=f"kabar_verifikasi:{komitmen_id}:{kabar.kunci_waktu(lay)}",
            pengguna_id=k.pengguna_id,
            jenis="kabar_verifikasi",
            templat="komitmen/terverifikasi",
            konteks={"k": k, "komentar": komentar},
            sekolah_id=aktor.sekolah_id,
            rujukan=f"kabar_komitmen:{komitmen_id}",
        )
    return await ambil(lay, aktor, komitmen_id)


async def simpan_bukti(lay: Layanan, aktor: Aktor, komitmen_id: int, berkas: Berkas) -> int:
    """Keep a report's evidence like stage-1 evidence and return its id; only the PIC's own
    commitment takes evidence."""
    k = await ambil(lay, aktor, komitmen_id)
    if k.pengguna_id != aktor.pengguna_id:
        raise Ditolak("bukan_pic")
    async with lay.mesin.begin() as conn:
        siklus = await siklus_terbuka(conn, aktor)
        return await bukti.simpan(
            conn,
            lay,
            berkas,
            sekolah_id=siklus.sekolah_id,
            siklus_id=siklus.id,
            pengguna_id=aktor.pengguna_id,
            sumber=f"komitmen:{komitmen_id}",
        )
