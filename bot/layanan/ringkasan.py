"""Progress summaries: one school for its kepala_sekolah and koordinator (and its linked group),
a digest across schools for a pengawas, and their weekly versions through the outbox.

The rules (late stages, exceptions, suggestions) are pure, in bot.mutu.ringkasan. Reading many
schools takes a fixed number of queries (db/ringkasan.py); a school's quality map is read from
the summary its cycle keeps since stage 1 closed."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot.layanan import Ditolak, Layanan
from bot.layanan.aktor import Aktor
from bot.layanan.pemetaan import PetaSekolah, TingkatRespons, peta_siklus
from bot.layanan.pengaturan import aturan_banyak, aturan_sekolah
from bot.layanan.rapor import katalog
from bot.layanan.siklus_rp import edisi_banyak, nama_indikator
from bot.mutu import jadwal
from bot.mutu.peran import KO, KS, PENGELOLA, PG, Peran
from bot.mutu.rapor import Capaian, Label
from bot.mutu.ringkasan import (
    Hal,
    Keadaan,
    KemajuanRencana,
    KomitmenRingkas,
    bobot,
    hari_terlambat,
    kemajuan_rencana,
    pengecualian,
    ringkas_peta,
    saran,
    tenggat,
)
from bot.mutu.siklus_rp import MerahSekolah, merah_per_indikator
from db import grup as db_grup
from db import keanggotaan
from db import pengingat as db_pengingat
from db import ringkasan as db_ringkasan
from db import sekolah as db_sekolah
from db import siklus as db_siklus
from db import target_rapor as db_target_rapor
from db.jenis import AsyncConnection, Row

SEKOLAH = "ringkasan_mingguan"
GRUP = "ringkasan_grup"
PENGAWAS = "ringkasan_pengawas"
SAPA = "sapa_pengawas"
JENIS_BERKALA = (SEKOLAH, GRUP, PENGAWAS)

# When the weekly summaries go out, at the school's local time: the school's on Friday after
# lessons (the week in review), the pengawas digest on Monday morning (the week ahead).
WAKTU_SEKOLAH = (4, time(13, 0))
WAKTU_PENGAWAS = (0, time(8, 0))

BARIS_PER_HALAMAN = 10  # schools per page of the pengawas digest (one button row each)
MERAH_PER_HALAMAN = 40  # schools per page of the red-per-indicator view (text only)
DAFTAR_MAKS = 8  # named late or stuck activities in one summary


@dataclass(frozen=True)
class RingkasanSekolah:
    """One school's cycle at a glance."""

    sekolah_id: int
    nama: str
    hari: date
    tahun_ajaran: str | None
    tahap: int | None
    tenggat: date | None
    hal: tuple[Hal, ...]  # what needs attention, heaviest first
    respons: tuple[TingkatRespons, ...]
    peta: PetaSekolah | None  # once stage 1 has closed
    kemajuan: KemajuanRencana | None  # once a plan is approved
    jumlah_bukti: int
    saran: tuple[Hal, ...]
    daftar_maks: int = DAFTAR_MAKS
    rapor: RaporRingkas | None = None  # the latest Rapor Pendidikan edition, if imported


@dataclass(frozen=True)
class RaporRingkas:
    """The priority labels of a school's latest Rapor Pendidikan edition."""

    edisi: str
    indikator: tuple[tuple[str, str, Capaian | None], ...]  # (code, name, values)
    # The open cycle's target label per code, set in the last cycle's stage 5 (empty: none).
    target: Mapping[str, str] = field(default_factory=dict)

    @property
    def merah(self) -> tuple[str, ...]:
        """The priority codes labelled Kurang."""
        return tuple(k for k, _, c in self.indikator if c is not None and c.label == Label.KURANG)


@dataclass(frozen=True)
class BarisSekolah:
    """One school in the pengawas digest."""

    sekolah_id: int
    nama: str
    npsn: str
    tahap: int | None
    skor: float | None
    kategori: str | None
    persen_selesai: float | None  # None: no approved plan yet
    terakhir_aktif: date | None
    hal: tuple[Hal, ...]
    merah: tuple[str, ...] = ()  # priority indicators labelled Kurang in the latest edition
    rapor: bool = False  # whether the school has imported Rapor Pendidikan


@dataclass(frozen=True)
class RingkasanPengawas:
    """A pengawas's schools, those needing attention first."""

    hari: date
    baris: tuple[BarisSekolah, ...]
    # Per priority indicator (code, name), the schools red on it, as PBD orders them.
    merah: tuple[tuple[str, str, tuple[MerahSekolah, ...]], ...] = ()

    @property
    def jumlah_rapor(self) -> int:
        """How many schools have imported Rapor Pendidikan."""
        return sum(b.rapor for b in self.baris)

    def merah_kode(self, kode: str) -> tuple[str, tuple[MerahSekolah, ...]]:
        """The name and red schools of one indicator; `Ditolak` for a code not shown."""
        for k, nama, daftar in self.merah:
            if k == kode:
                return nama, daftar
        raise Ditolak("tombol_usang")

    def merah_halaman(self, kode: str, nomor: int) -> tuple[tuple[MerahSekolah, ...], int, int]:
        """One page of the red schools of an indicator: (schools, page kept in range,
        pages)."""
        _, daftar = self.merah_kode(kode)
        jumlah = max(1, -(-len(daftar) // MERAH_PER_HALAMAN))
        nomor = min(max(nomor, 0), jumlah - 1)
        awal = nomor * MERAH_PER_HALAMAN
        return daftar[awal : awal + MERAH_PER_HALAMAN], nomor, jumlah

    @property
    def perhatian(self) -> tuple[BarisSekolah, ...]:
        """The schools with something to look at."""
        return tuple(b for b in self.baris if b.hal)

    def halaman(self, nomor: int) -> tuple[BarisSekolah, ...]:
        """One page of the table (0-based)."""
        return self.baris[nomor * BARIS_PER_HALAMAN : (nomor + 1) * BARIS_PER_HALAMAN]

    @property
    def jumlah_halaman(self) -> int:
        return max(1, -(-len(self.baris) // BARIS_PER_HALAMAN))


def peran_di(aktor: Aktor, sekolah_id: int) -> Peran | None:
    """The actor's role in one of their schools (None: not a member)."""
    return next((k.peran for k in aktor.sekolah if k.sekolah_id == sekolah_id), None)


def _wajib_melihat(aktor: Aktor, sekolah_id: int) -> None:
    """A school's summary is for its kepala_sekolah, koordinator and pengawas only."""
    if peran_di(aktor, sekolah_id) not in (KS, KO, PG):
        raise Ditolak("bukan_sekolah_ini")


def _hari_di(zona: str, saat: datetime) -> date:
    return saat.astimezone(ZoneInfo(zona)).date()


def _komitmen(baris: list[Row]) -> dict[int, list[KomitmenRingkas]]:
    per_siklus: dict[int, list[KomitmenRingkas]] = {}
    for b in baris:
        per_siklus.setdefault(b.siklus_id, []).append(
            KomitmenRingkas(b.pic_nama, b.deskripsi, b.selesai, b.respons, b.kemajuan)
        )
    return per_siklus


def _keadaan(
    siklus: Row,
    zona: str,
    hari: date,
    kemajuan: KemajuanRencana | None,
    rencana: str,
    belum_dievaluasi: int,
    respons: tuple[TingkatRespons, ...] = (),
    peta: dict[str, Any] | None = None,
) -> Keadaan:
    """The rule inputs of a cycle; `peta` is its map summary (None: the one kept with the
    cycle)."""
    dibuka = _hari_di(zona, siklus.dibuka_pada)
    peta = siklus.peta if peta is None else peta
    merah = len((peta or {}).get("merah", [])) if siklus.tahap >= 2 else 0
    return Keadaan(
        tahap=siklus.tahap,
        terlambat_hari=hari_terlambat(siklus.tahun_ajaran, dibuka, siklus.tahap, hari),
        pemetaan_dibuka=siklus.pemetaan_dibuka_pada is not None,
        belum_menjawab=sum(r.jumlah - r.selesai - r.sebagian for r in respons),
        sudah_menjawab_semua=bool(respons) and all(r.selesai == r.jumlah for r in respons),
        rencana=rencana,
        kemajuan=kemajuan,
        program_belum_dievaluasi=belum_dievaluasi,
        indikator_merah=merah,
    )


async def sekolah(lay: Layanan, aktor: Aktor, sekolah_id: int | None = None) -> RingkasanSekolah:
    """A school's summary for one of its managers or its pengawas (the active school when no
    id is given)."""
    sid = sekolah_id if sekolah_id is not None else aktor.sekolah_id
    if sid is None:
        raise Ditolak("tanpa_sekolah")
    _wajib_melihat(aktor, sid)
    return await susun_sekolah(lay, sid)


async def susun_sekolah(lay: Layanan, sekolah_id: int) -> RingkasanSekolah:
    """A school's summary, built without an actor (the weekly message; access is the
    caller's)."""
    async with lay.mesin.connect() as conn:
        data = await db_sekolah.ambil(conn, sekolah_id)
        if data is None:
            raise Ditolak("bukan_sekolah_ini")
        siklus = (await db_ringkasan.siklus_terbuka(conn, [sekolah_id])).get(sekolah_id)
        if siklus is not None:
            ids = [siklus.id]
            komitmen = _komitmen(await db_ringkasan.komitmen_siklus(conn, ids)).get(siklus.id)
            rencana = (await db_ringkasan.status_rencana(conn, ids)).get(siklus.id, "tidak_ada")
            belum = (await db_ringkasan.program_belum_dievaluasi(conn, ids)).get(siklus.id, 0)
            bukti = (await db_ringkasan.jumlah_bukti(conn, ids)).get(siklus.id, 0)
        rapor = _rapor_ringkas(
            data.jenjang, (await edisi_banyak(conn, [sekolah_id])).get(sekolah_id)
        )
        if rapor is not None and siklus is not None:
            target = await db_target_rapor.untuk(conn, siklus.id)
            rapor = replace(rapor, target={k: r.label for k, r in target.items()})
    hari = _hari_di(data.zona_waktu, lay.sekarang())
    if siklus is None:
        return RingkasanSekolah(
            sekolah_id, data.nama, hari, None, None, None, (), (), None, None, 0, (), rapor=rapor
        )
    ps = await peta_siklus(lay, siklus.id) if siklus.instrumen_versi else None
    respons = ps.respons if ps else ()
    kemajuan = kemajuan_rencana(komitmen, hari) if komitmen else None
    ringkas = ringkas_peta(ps.instrumen, ps.peta) if ps is not None else None
    keadaan = _keadaan(siklus, data.zona_waktu, hari, kemajuan, rencana, belum, respons, ringkas)
    return RingkasanSekolah(
        sekolah_id=sekolah_id,
        nama=data.nama,
        hari=hari,
        tahun_ajaran=siklus.tahun_ajaran,
        tahap=siklus.tahap,
        tenggat=tenggat(
            siklus.tahun_ajaran, _hari_di(data.zona_waktu, siklus.dibuka_pada), siklus.tahap
        ),
        hal=tuple(pengecualian(keadaan)),
        respons=respons,
        peta=ps if siklus.tahap >= 2 else None,
        kemajuan=kemajuan,
        jumlah_bukti=bukti,
        saran=tuple(saran(keadaan)),
        rapor=rapor,
    )


def _merah(r: RaporRingkas | None) -> tuple[str, ...]:
    return r.merah if r is not None else ()


def _rapor_ringkas(jenjang: str, edisi: list[Any] | None) -> RaporRingkas | None:
    """The priority labels of the newest edition, or None before the first import."""
    if not edisi:
        return None
    terbaru = max(edisi, key=lambda e: e.edisi)
    kode = katalog().prioritas(jenjang)
    nama = nama_indikator(jenjang, kode)
    return RaporRingkas(terbaru.edisi, tuple((k, nama[k], terbaru.capaian.get(k)) for k in kode))


async def _peta_tersimpan(lay: Layanan, siklus: dict[int, Row]) -> dict[int, dict[str, Any]]:
    """Each cycle's kept map summary; one that is missing (stage 1 closed by an older version,
    or a crash right after closing) is computed once and kept."""
    hasil = {}
    for sid, s in siklus.items():
        if s.tahap < 2 or s.instrumen_versi is None:
            continue
        if s.peta is None:
            ps = await peta_siklus(lay, s.id)
            isi = ringkas_peta(ps.instrumen, ps.peta)
            async with lay.mesin.begin() as conn:
                await db_siklus.simpan_peta(conn, s.id, isi)
            hasil[sid] = isi
        else:
            hasil[sid] = s.peta
    return hasil


async def pengawas(lay: Layanan, aktor: Aktor) -> RingkasanPengawas:
    """The digest across the schools where the actor is pengawas."""
    if aktor.peran != PG:
        raise Ditolak("bukan_pengawas")
    return await susun_pengawas(lay, aktor.pengguna_id)


async def susun_pengawas(lay: Layanan, pengawas_id: int) -> RingkasanPengawas:
    """The digest for a pengawas, in a fixed number of queries whatever the school count."""
    async with lay.mesin.connect() as conn:
        binaan = await db_ringkasan.sekolah_binaan(conn, pengawas_id)
        ids = [s.id for s in binaan]
        siklus = await db_ringkasan.siklus_terbuka(conn, ids)
        sids = [s.id for s in siklus.values()]
        komitmen = _komitmen(await db_ringkasan.komitmen_siklus(conn, sids))
        rencana = await db_ringkasan.status_rencana(conn, sids)
        belum = await db_ringkasan.program_belum_dievaluasi(conn, sids)
        aktif = await db_ringkasan.terakhir_aktif(conn, ids)
        semua_prioritas = katalog().prioritas("SMK")  # the 6, and SMK's 2 more
        edisi = await edisi_banyak(conn, ids, semua_prioritas)
    peta = await _peta_tersimpan(lay, siklus)
    rapor = {s.id: _rapor_ringkas(s.jenjang, edisi.get(s.id)) for s in binaan}
    sekarang = lay.sekarang()
    baris = []
    # The digest's date: at the first of the schools (they rarely span two zones).
    zona = binaan[0].zona_waktu if binaan else lay.settings.default_timezone
    hari_pengawas = _hari_di(zona, sekarang)
    for s in binaan:
        hari = _hari_di(s.zona_waktu, sekarang)
        sk = siklus.get(s.id)
        terakhir = aktif.get(s.id)
        if sk is None:
            baris.append(
                BarisSekolah(
                    s.id,
                    s.nama,
                    s.npsn,
                    None,
                    None,
                    None,
                    None,
                    _hari(terakhir, s),
                    (),
                    _merah(rapor[s.id]),
                    rapor[s.id] is not None,
                )
            )
            continue
        daftar = komitmen.get(sk.id)
        kemajuan = kemajuan_rencana(daftar, hari) if daftar else None
        keadaan = _keadaan(
            sk, s.zona_waktu, hari, kemajuan, rencana.get(sk.id, "tidak_ada"), belum.get(sk.id, 0)
        )
        p = peta.get(s.id, {})
        baris.append(
            BarisSekolah(
                s.id,
                s.nama,
                s.npsn,
                sk.tahap,
                p.get("skor"),
                p.get("kategori"),
                kemajuan.persen_selesai if kemajuan else None,
                _hari(terakhir, s),
                tuple(pengecualian(keadaan)),
                _merah(rapor[s.id]),
                rapor[s.id] is not None,
            )
        )
    baris.sort(key=lambda b: (-bobot(b.hal), -len(b.merah), b.nama))
    nama = nama_indikator("SMK", semua_prioritas)
    merah = merah_per_indikator(
        semua_prioritas,
        (
            (s.id, s.nama, {k: c for k, _, c in r.indikator if c is not None})
            for s in binaan
            if (r := rapor[s.id]) is not None
        ),
    )
    return RingkasanPengawas(
        hari_pengawas,
        tuple(baris),
        tuple((k, nama[k], tuple(merah[k])) for k in semua_prioritas),
    )


def _hari(saat: datetime | None, s: Row) -> date | None:
    return _hari_di(s.zona_waktu, saat) if saat is not None else None


@dataclass(frozen=True)
class Sapa:
    """A pengawas's nudge: whether it was planned now, to whom, and when it goes (at the
    school's next allowed time: school days and hours, not in quiet hours or holidays)."""

    baru: bool
    nama: list[str]
    saat: datetime
    zona: str


async def sapa_koordinator(lay: Layanan, aktor: Aktor, sekolah_id: int) -> Sapa:
    """A pengawas nudges a school's koordinator (its kepala_sekolah when it has none), at most
    once a day per school."""
    if peran_di(aktor, sekolah_id) != PG:
        raise Ditolak("bukan_sekolah_ini")
    ringkas = await susun_sekolah(lay, sekolah_id)
    async with lay.mesin.begin() as conn:
        anggota = await keanggotaan.anggota_sekolah(conn, sekolah_id)
        tuju = [a for a in anggota if a.peran == KO] or [a for a in anggota if a.peran == KS]
        aturan = await aturan_sekolah(conn, sekolah_id)
        saat = jadwal.waktu_kirim_berikut(lay.sekarang(), aturan)
        hari = ringkas.hari.isoformat()
        baru = False
        for a in tuju:
            kunci = f"{SAPA}:{sekolah_id}:{aktor.pengguna_id}:{a.pengguna_id}:{hari}"
            if await db_pengingat.ada(conn, kunci):
                continue
            baru = True
            await db_pengingat.rencanakan(
                conn,
                kunci=kunci,
                pengguna_id=a.pengguna_id,
                jenis=SAPA,
                isi={
                    "templat": "ringkasan/sapa",
                    "konteks": {
                        "pengawas": aktor.nama,
                        "sekolah": ringkas.nama,
                        "hal": [
                            lay.render.label(f"ringkasan.hal.{h.kunci}", **h.isian)
                            for h in ringkas.hal
                        ],
                    },
                },
                jatuh_tempo=saat,
                waktu=lay.sekarang(),
                sekolah_id=sekolah_id,
                rujukan=f"sekolah:{sekolah_id}",
            )
    return Sapa(baru, [a.nama for a in tuju], saat, aturan.zona)


async def rencanakan_mingguan(lay: Layanan) -> int:
    """Make sure every weekly summary has its next occurrence planned: for each kepala_sekolah
    and koordinator of a school with an open cycle, each linked group and each pengawas.
    Derived from the database each time, so a new koordinator or a linked group is picked up
    without a hook; a key per recipient and date keeps it idempotent. Returns rows planned."""
    async with lay.mesin.connect() as conn:
        menunggu = {
            k.rsplit(":", 1)[0] for k in await db_ringkasan.kunci_menunggu(conn, JENIS_BERKALA)
        }
        anggota = await db_ringkasan.anggota_aktif(conn)
        grup = await db_grup.semua(conn)
    perlu: list[tuple[str, str, int, int]] = []  # (kind, key prefix, chat, school for timing)
    pengawas_dilihat: set[int] = set()
    for a in anggota:
        if Peran(a.peran) in PENGELOLA:
            perlu.append(
                (SEKOLAH, f"{SEKOLAH}:{a.sekolah_id}:{a.pengguna_id}", a.pengguna_id, a.sekolah_id)
            )
        elif a.peran == PG and a.pengguna_id not in pengawas_dilihat:
            pengawas_dilihat.add(a.pengguna_id)  # timed by their first school
            perlu.append((PENGAWAS, f"{PENGAWAS}:{a.pengguna_id}", a.pengguna_id, a.sekolah_id))
    for g in grup:
        perlu.append((GRUP, f"{GRUP}:{g.sekolah_id}:{g.chat_id}", g.chat_id, g.sekolah_id))
    perlu = [p for p in perlu if p[1] not in menunggu]
    if not perlu:
        return 0
    ids = sorted({p[3] for p in perlu})
    async with lay.mesin.connect() as conn:  # read first: the write below holds the database
        siklus = await db_ringkasan.siklus_terbuka(conn, ids)
        aturan = await aturan_banyak(conn, ids)
    jumlah = 0
    async with lay.mesin.begin() as conn:
        for jenis, awalan, chat_id, sekolah_id in perlu:
            if (jenis != PENGAWAS and sekolah_id not in siklus) or sekolah_id not in aturan:
                continue
            await _rencanakan(conn, lay, jenis, awalan, chat_id, sekolah_id, aturan[sekolah_id])
            jumlah += 1
    return jumlah


async def _rencanakan(
    conn: AsyncConnection,
    lay: Layanan,
    jenis: str,
    awalan: str,
    chat_id: int,
    sekolah_id: int,
    aturan: jadwal.AturanSekolah,
) -> None:
    """Plan one recipient's next weekly summary (timed by `sekolah_id`'s rules)."""
    hari, jam = WAKTU_PENGAWAS if jenis == PENGAWAS else WAKTU_SEKOLAH
    saat = jadwal.mingguan_berikut(lay.sekarang(), aturan, hari=hari, jam=jam)
    await db_pengingat.rencanakan(
        conn,
        kunci=f"{awalan}:{saat.date().isoformat()}",
        pengguna_id=chat_id,
        jenis=jenis,
        isi={"dinamis": jenis},
        jatuh_tempo=saat,
        waktu=lay.sekarang(),
        sekolah_id=None if jenis == PENGAWAS else sekolah_id,
        rujukan=f"sekolah:{sekolah_id}",
    )


async def susun(lay: Layanan, b: Row) -> dict[str, Any] | None:
    """The content of a weekly summary row as the database stands now; None when it no longer
    applies (the recipient is not a manager or pengawas any more, the group was unlinked)."""
    if b.jenis == PENGAWAS:
        r = await susun_pengawas(lay, b.pengguna_id)
        if not r.baris:  # no longer pengawas of any school
            return None
        return {
            "templat": "ringkasan/pengawas",
            "konteks": {"r": r, "halaman": 0, "mingguan": True},
            "tombol": _tombol_pengawas(r),
        }
    async with lay.mesin.connect() as conn:
        if b.jenis == GRUP:
            g = await db_grup.untuk_chat(conn, b.pengguna_id)
            if g is None or g.sekolah_id != b.sekolah_id:
                return None
        elif await keanggotaan.peran_di(conn, b.pengguna_id, b.sekolah_id) not in PENGELOLA:
            return None
    rs = await _ringkasan_berkala(lay, b.sekolah_id)
    if rs.tahap is None:
        return None
    return {
        "templat": "ringkasan/sekolah",
        "konteks": {"r": rs, "grup": b.jenis == GRUP, "mingguan": True},
    }


# How long one school's summary serves its weekly messages (they go out within seconds of
# each other): the school's answers are scored once, not once per recipient.
UMUR_RINGKASAN = timedelta(minutes=2)


async def _ringkasan_berkala(lay: Layanan, sekolah_id: int) -> RingkasanSekolah:
    sekarang = lay.sekarang()
    terbaru = lay.ringkasan_terbaru.get(sekolah_id)
    if terbaru is not None and sekarang - terbaru[0] < UMUR_RINGKASAN:
        return terbaru[1]  # type: ignore[no-any-return]
    r = await susun_sekolah(lay, sekolah_id)
    if len(lay.ringkasan_terbaru) > 5000:  # a Friday's worth; older ones are long stale
        lay.ringkasan_terbaru.clear()
    lay.ringkasan_terbaru[sekolah_id] = (sekarang, r)
    return r


def _tombol_pengawas(r: RingkasanPengawas) -> list[list[dict[str, Any]]]:
    """Open and nudge buttons for the schools needing attention (the weekly digest)."""
    return [
        [
            {
                "label": "tombol.ringkasan_buka",
                "isian": {"nama": b.nama[:30]},
                "data": f"rks:s:{b.sekolah_id}",
            },
            {"label": "tombol.ringkasan_sapa", "data": f"rks:n:{b.sekolah_id}"},
        ]
        for b in r.perhatian[:BARIS_PER_HALAMAN]
    ]


async def setelah_terkirim(lay: Layanan, b: Row) -> None:
    """A weekly summary went out: plan that recipient's next one (whether it still applies is
    checked when it is built). Only this row, so a Friday with thousands of summaries does not
    re-derive every recipient thousands of times."""
    if b.jenis not in JENIS_BERKALA:
        return
    sekolah_id = int(b.rujukan.split(":")[1])
    async with lay.mesin.begin() as conn:
        aturan = await aturan_sekolah(conn, sekolah_id)
        await _rencanakan(
            conn, lay, b.jenis, b.kunci.rsplit(":", 1)[0], b.pengguna_id, sekolah_id, aturan
        )
