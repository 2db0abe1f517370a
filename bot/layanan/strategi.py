"""Stage 5, strategi dan standar baru: compare this cycle with the previous one, choose what
carries over, set the school's own target per standard (penetapan standar mutu baru), and
close the cycle so the next one opens at stage 1 with those drafts and targets."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot.dokumen.siklus import BarisBawaan, BarisMasalah, BarisRapor, BarisStandar, DokumenSiklus
from bot.layanan import Ditolak, Layanan, kabar, pengingat_berkala
from bot.layanan.aktor import Aktor, wajib_peran
from bot.layanan.anggota import penandatangan
from bot.layanan.komitmen import Komitmen, komitmen_siklus, rencana_disetujui
from bot.layanan.monev import evaluasi_dokumen
from bot.layanan.pemetaan import PetaSekolah, peta_siklus
from bot.layanan.rencana import Kegiatan, Masalah, Program, Rencana
from bot.layanan.siklus_rp import RaporSiklus, rapor_siklus
from bot.mutu import strategi as aturan
from bot.mutu import target_rapor as aturan_rp
from bot.mutu.peran import Peran
from bot.mutu.rapor import Label
from bot.mutu.siklus_rp import TargetIndikator
from db import audit, keanggotaan, pengguna
from db import monev as db_monev
from db import sekolah as db_sekolah
from db import siklus as db_siklus
from db import strategi as db_strategi
from db import target_rapor as db_target_rapor
from db.jenis import AsyncConnection, Row

PELIHAT = frozenset({Peran.KEPALA_SEKOLAH, Peran.KOORDINATOR, Peran.PENGAWAS})


@dataclass(frozen=True)
class StandarBaru:
    """A standard in stage 5: its change since the previous cycle, and its target."""

    nomor: int
    perubahan: aturan.Perubahan  # the standard's score then and now
    indikator: tuple[aturan.Perubahan, ...]
    kategori: str | None
    minimum: float
    bawaan: float | None  # None: not measured by any source, so nothing to propose
    target: float | None  # set by the school; None until then

    @property
    def kode(self) -> str:
        """The standard's code ("SKL")."""
        return self.perubahan.kode

    @property
    def target_berlaku(self) -> float | None:
        """The target the next cycle gets: the one set, else the default."""
        return self.target if self.target is not None else self.bawaan


@dataclass(frozen=True)
class Calon:
    """An activity that may carry over, and whether it does."""

    kunci: str
    indikator_kode: str
    program_nama: str
    deskripsi: str
    pic_nama: str
    alasan: str
    dibawa: bool


@dataclass(frozen=True)
class Strategi:
    """Stage 5 of the open cycle as the managers see it."""

    siklus_id: int
    tahap: int
    sekolah_nama: str
    tahun_ajaran: str
    tahun_berikut: str
    tahun_lalu: str | None  # None on a first cycle
    sekolah: aturan.Perubahan  # the school's score then and now
    standar: tuple[StandarBaru, ...]
    evaluasi: tuple[Row, ...]
    belum_dievaluasi: tuple[str, ...]  # "2.3 · Program name"
    calon: tuple[Calon, ...]
    ambang: float | None  # the PMP threshold; None once the school plans from Rapor Pendidikan
    maks: float
    rapor: RaporSiklus | None = None  # the school's Rapor Pendidikan editions, if imported
    # The next targets per Rapor Pendidikan indicator: the ones set, else the proposals.
    target_rp: tuple[TargetIndikator, ...] = ()

    def target_rp_kode(self, kode: str) -> TargetIndikator:
        """One indicator's target; `Ditolak` for a code not among them (a stale button)."""
        for t in self.target_rp:
            if t.kode == kode:
                return t
        raise Ditolak("tombol_usang")

    def standar_kode(self, kode: str) -> StandarBaru:
        """One standard; `Ditolak` for a code not in the map (a stale button)."""
        for s in self.standar:
            if s.kode == kode:
                return s
        raise Ditolak("tombol_usang")


@dataclass(frozen=True)
class _Bahan:
    """Everything stage 5 and the cycle report read of one cycle."""

    siklus: Row
    sekolah: Row
    ps: PetaSekolah
    lalu: Row | None
    ps_lalu: PetaSekolah | None
    rencana: Rencana | None
    komitmen: tuple[Komitmen, ...]
    evaluasi: tuple[Row, ...]
    target: dict[str, Row]
    pilihan: dict[str, Row]
    anggota: tuple[Row, ...]
    jumlah_bukti: int
    mulai_tahap: dict[int, datetime]
    rapor: RaporSiklus
    target_rapor: dict[str, Row]


async def _bahan(lay: Layanan, siklus_id: int) -> _Bahan:
    async with lay.mesin.connect() as conn:
        siklus = await db_siklus.ambil(conn, siklus_id)
        assert siklus is not None and siklus.instrumen_versi is not None
        sekolah = await db_sekolah.ambil(conn, siklus.sekolah_id)
        lalu = await db_strategi.sebelumnya(conn, siklus.sekolah_id, siklus.id)
        rencana = await rencana_disetujui(conn, lay, siklus.id, siklus.instrumen_versi)
        komitmen = await komitmen_siklus(conn, lay, siklus.id, siklus.instrumen_versi)
        evaluasi_baris = tuple(await db_monev.evaluasi_siklus(conn, siklus.id))
        target = await db_strategi.target(conn, siklus.id)
        target_rp = await db_target_rapor.draf(conn, siklus.id)
        pilihan = await db_strategi.bawaan_asal(conn, siklus.id)
        anggota = await keanggotaan.anggota_sekolah(conn, siklus.sekolah_id)
        bukti = await db_strategi.jumlah_bukti_komitmen(conn, siklus.id)
        mulai = await db_strategi.waktu_tahap(
            conn, siklus.sekolah_id, siklus.dibuka_pada, siklus.ditutup_pada
        )
    assert sekolah is not None
    ps = await peta_siklus(lay, siklus.id)
    ps_lalu = await peta_siklus(lay, lalu.id) if lalu and lalu.instrumen_versi else None
    rapor = await rapor_siklus(
        lay,
        sekolah.id,
        sekolah.jenjang,
        rencana.disetujui_pada if rencana else None,
        [m.indikator_kode for m in (rencana.masalah if rencana else ())],
    )
    return _Bahan(
        siklus,
        sekolah,
        ps,
        lalu,
        ps_lalu,
        rencana,
        tuple(komitmen),
        evaluasi_baris,
        target,
        pilihan,
        tuple(anggota),
        bukti,
        {1: siklus.dibuka_pada, **mulai},
        rapor,
        target_rp,
    )


def _ambang(b: _Bahan) -> tuple[float | None, float]:
    """The PMP threshold (6,67, unconfirmed) only for a school without Rapor Pendidikan (a
    cycle begun the old way finishes it); with the report, targets are the school's own."""
    if b.rapor.ada:
        return None, b.ps.instrumen.skala_maks
    return aturan.ambang_snp(b.ps.instrumen.kategori), b.ps.instrumen.skala_maks


def _calon(b: _Bahan) -> list[tuple[Masalah, Program, Kegiatan, str]]:
    if b.rencana is None:
        return []
    per_kunci = {k.kegiatan.kunci: k for k in b.komitmen}
    letak = {k.kunci: (m, p, k) for m, p, k in b.rencana.semua_kegiatan()}
    semua = [
        aturan.KegiatanSiklus(
            k.kunci,
            m.indikator_kode,
            p.urutan,
            per_kunci[k.kunci].kemajuan if k.kunci in per_kunci else "belum_mulai",
            per_kunci[k.kunci].verifikasi if k.kunci in per_kunci else None,
        )
        for m, p, k in b.rencana.semua_kegiatan()
    ]
    evaluasi = {
        (e.indikator_kode, e.program_urutan): (e.target_tercapai, e.tindak_lanjut)
        for e in b.evaluasi
    }
    return [(*letak[k.kunci], alasan) for k, alasan in aturan.calon_bawaan(semua, evaluasi)]


def _strategi(b: _Bahan) -> Strategi:
    ambang, maks = _ambang(b)
    banding = aturan.bandingkan(b.ps_lalu.peta if b.ps_lalu else None, b.ps.peta)
    kategori = {s.kode: s.kategori.nama if s.kategori else None for s in b.ps.peta.standar}
    standar = tuple(
        StandarBaru(
            p.nomor,
            p.standar,
            p.indikator,
            kategori.get(p.standar.kode),
            aturan.target_minimum(p.standar.sesudah, ambang),
            aturan.target_bawaan(p.standar.sesudah, ambang, maks),
            b.target[p.standar.kode].target if p.standar.kode in b.target else None,
        )
        for p in banding
    )
    dinilai = {(e.indikator_kode, e.program_urutan) for e in b.evaluasi}
    belum = tuple(
        f"{m.indikator_kode} · {p.nama}"
        for m in (b.rencana.masalah if b.rencana else ())
        for p in m.program
        if (m.indikator_kode, p.urutan) not in dinilai
    )
    nama_pic = {k.kegiatan.kunci: k.pic_nama for k in b.komitmen}
    calon = tuple(
        Calon(
            k.kunci,
            m.indikator_kode,
            p.nama,
            k.deskripsi,
            nama_pic.get(k.kunci, k.pic_nama),
            alasan,
            b.pilihan[k.kunci].dibawa if k.kunci in b.pilihan else True,
        )
        for m, p, k, alasan in _calon(b)
    )
    return Strategi(
        b.siklus.id,
        b.siklus.tahap,
        b.sekolah.nama,
        b.siklus.tahun_ajaran,
        aturan.tahun_ajaran_berikut(b.siklus.tahun_ajaran),
        b.lalu.tahun_ajaran if b.lalu else None,
        aturan.Perubahan(
            "sekolah",
            b.sekolah.nama,
            b.ps_lalu.peta.skor_sekolah if b.ps_lalu else None,
            b.ps.peta.skor_sekolah,
        ),
        standar,
        b.evaluasi,
        belum,
        calon,
        ambang,
        maks,
        b.rapor if b.rapor.ada else None,
        _target_rp(b),
    )


def _target_rp(b: _Bahan) -> tuple[TargetIndikator, ...]:
    """The priority indicators' next targets: the ones stored over the proposals."""
    if not b.rapor.ada:
        return ()
    tersimpan = {k: (Label(r.label), r.nilai_minimum) for k, r in b.target_rapor.items()}
    return aturan_rp.berlaku(b.rapor.target(), tersimpan)


async def _siklus_terbuka(lay: Layanan, aktor: Aktor) -> Row:
    if aktor.sekolah_id is None:
        raise Ditolak("tanpa_sekolah")
    async with lay.mesin.connect() as conn:
        siklus = await db_siklus.terbuka(conn, aktor.sekolah_id)
    if siklus is None:
        raise Ditolak("tanpa_siklus")
    return siklus


async def lihat(lay: Layanan, aktor: Aktor) -> Strategi:
    """Stage 5 of the open cycle: from stage 4 on (before opening it, to see what is left)."""
    wajib_peran(aktor, PELIHAT)
    siklus = await _siklus_terbuka(lay, aktor)
    if siklus.tahap < 4:
        raise Ditolak("strategi_belum")
    return _strategi(await _bahan(lay, siklus.id))


async def _tahap_5(lay: Layanan, aktor: Aktor) -> Strategi:
    """The stage-5 picture for a change; a button from before the cycle closed is stale."""
    wajib_peran(aktor)
    siklus = await _siklus_terbuka(lay, aktor)
    if siklus.tahap != 5:
        raise Ditolak("bukan_tahap_5")
    return _strategi(await _bahan(lay, siklus.id))


async def buka(lay: Layanan, aktor: Aktor) -> None:
    """Move the cycle from stage 4 to stage 5 (a second press changes nothing)."""
    wajib_peran(aktor)
    siklus = await _siklus_terbuka(lay, aktor)
    if siklus.tahap == 5:
        return
    async with lay.mesin.begin() as conn:
        if not await db_siklus.pindah_tahap(conn, siklus.id, 4, 5):
            raise Ditolak("strategi_belum")
        await audit.catat(
            conn,
            waktu=lay.sekarang(),
            aksi="strategi.buka",
            pengguna_id=aktor.pengguna_id,
            sekolah_id=aktor.sekolah_id,
            objek="siklus",
            objek_id=siklus.id,
        )


def _salinan(
    siklus_id: int, m: Masalah, p: Program, k: Kegiatan, alasan: str, waktu: datetime
) -> dict[str, Any]:
    return {
        "siklus_asal_id": siklus_id,
        "kegiatan_kunci": k.kunci,
        "indikator_kode": m.indikator_kode,
        "akar_kategori": m.akar_kategori,
        "akar_penjelasan": m.akar_penjelasan,
        "program_nama": p.nama,
        "deskripsi": k.deskripsi,
        "pic_id": k.pic_id,
        "anggaran": k.anggaran,
        "indikator_keberhasilan": k.indikator_keberhasilan,
        "target_skor": k.target_skor,
        "alasan": alasan,
        "diperbarui_pada": waktu,
    }


async def pilih_bawaan(lay: Layanan, aktor: Aktor, kunci: str, dibawa: bool) -> Strategi:
    """Carry an activity over (or not) and return stage 5 with the choice. The button says
    which, so a doubled press is the same choice twice. Stage 5 is read once."""
    wajib_peran(aktor)
    siklus = await _siklus_terbuka(lay, aktor)
    if siklus.tahap != 5:
        raise Ditolak("bukan_tahap_5")
    b = await _bahan(lay, siklus.id)
    calon = next((c for c in _calon(b) if c[2].kunci == kunci), None)
    if calon is None:
        raise Ditolak("tombol_usang")
    async with lay.mesin.begin() as conn:
        await db_strategi.simpan_bawaan(
            conn, _salinan(siklus.id, *calon, lay.sekarang()), pilihan=dibawa
        )
        await audit.catat(
            conn,
            waktu=lay.sekarang(),
            aksi="strategi.bawaan",
            pengguna_id=aktor.pengguna_id,
            sekolah_id=aktor.sekolah_id,
            objek="kegiatan",
            objek_id=kunci,
            rincian={"dibawa": dibawa},
        )
    s5 = _strategi(b)  # read before the choice: the choice is put in, not read again
    return replace(
        s5, calon=tuple(replace(c, dibawa=dibawa) if c.kunci == kunci else c for c in s5.calon)
    )


async def tetapkan_target(lay: Layanan, aktor: Aktor, standar_kode: str, teks: str) -> Strategi:
    """Set a standard's target for the next cycle from what was typed (or a button's value):
    at least the SNP threshold, and not below what the school already reached. Returns
    stage 5 with the new target; stage 5 is read once."""
    s5 = await _tahap_5(lay, aktor)
    s = s5.standar_kode(standar_kode)
    try:
        nilai = aturan.baca_target(teks, s.minimum, s5.maks)
    except aturan.TargetSalah as salah:
        raise Ditolak(
            f"target_{salah.alasan}"
            + ("_sendiri" if salah.alasan == "di_bawah" and s5.ambang is None else ""),
            minimum=f"{s.minimum:.2f}".replace(".", ","),
            maks=f"{s5.maks:.2f}".replace(".", ","),
            ambang=f"{s5.ambang or 0:.2f}".replace(".", ","),
        ) from salah
    async with lay.mesin.begin() as conn:
        await db_strategi.simpan_target(
            conn,
            siklus_id=s5.siklus_id,
            standar_kode=standar_kode,
            skor=s.perubahan.sesudah,
            nilai=nilai,
            oleh=aktor.pengguna_id,
            waktu=lay.sekarang(),
        )
        await audit.catat(
            conn,
            waktu=lay.sekarang(),
            aksi="strategi.target",
            pengguna_id=aktor.pengguna_id,
            sekolah_id=aktor.sekolah_id,
            objek="standar",
            objek_id=standar_kode,
            rincian={"target": nilai},
        )
    return replace(
        s5,
        standar=tuple(
            replace(x, target=nilai) if x.kode == standar_kode else x for x in s5.standar
        ),
    )


async def tetapkan_target_rapor(
    lay: Layanan, aktor: Aktor, siklus_id: int, kode: str, label: Label
) -> Strategi:
    """Set a Rapor Pendidikan indicator's target label for the next cycle: the school's own
    label or above, never below; the value stays not below the school's own. A button of
    another cycle (an old one, or another school's) is stale; an indicator no source
    measures gets no target. Returns stage 5 with the new target; stage 5 is read once."""
    s5 = await _tahap_5(lay, aktor)
    if siklus_id != s5.siklus_id or s5.rapor is None or s5.rapor.terkini is None:
        raise Ditolak("tombol_usang")
    t = s5.target_rp_kode(kode)
    usulan = next(u for u in s5.rapor.target() if u.kode == kode)
    if not usulan.diukur:
        raise Ditolak("target_rapor_belum_diukur", kode=kode)
    if not aturan_rp.boleh(usulan, label):
        assert usulan.kini is not None and usulan.kini.label is not None
        raise Ditolak(
            "target_rapor_di_bawah",
            kode=kode,
            label=lay.render.label(f"rapor.label.{usulan.kini.label.value}"),
        )
    async with lay.mesin.begin() as conn:
        await db_target_rapor.simpan(
            conn,
            siklus_id=s5.siklus_id,
            kode=kode,
            label=label.value,
            nilai_minimum=usulan.nilai_minimum,
            edisi=s5.rapor.terkini.edisi,
            oleh=aktor.pengguna_id,
            waktu=lay.sekarang(),
        )
        await audit.catat(
            conn,
            waktu=lay.sekarang(),
            aksi="strategi.target_rapor",
            pengguna_id=aktor.pengguna_id,
            sekolah_id=aktor.sekolah_id,
            objek="indikator_rapor",
            objek_id=kode,
            rincian={"label": label.value, "nilai_minimum": usulan.nilai_minimum},
        )
    baru = replace(t, label=label, nilai_minimum=usulan.nilai_minimum, ditetapkan=True)
    return replace(s5, target_rp=tuple(baru if x.kode == kode else x for x in s5.target_rp))


@dataclass(frozen=True)
class TargetSalah:
    """A typed target that cannot be used: the message key and its values (asked again)."""

    kunci: str
    rincian: dict[str, Any]


async def coba_target(
    lay: Layanan, aktor: Aktor, standar_kode: str, teks: str
) -> Strategi | TargetSalah:
    """`tetapkan_target`, with a number that cannot be used returned (to ask again) rather
    than raised; every other refusal is raised for the access check to tell."""
    try:
        return await tetapkan_target(lay, aktor, standar_kode, teks)
    except Ditolak as tolak:
        if not tolak.alasan.startswith("target_"):
            raise
        return TargetSalah(tolak.alasan, dict(tolak.rincian))


@dataclass(frozen=True)
class HasilTutup:
    """The closed cycle and the one that opened."""

    siklus_lama: int
    siklus_baru: int
    tahun_lama: str
    tahun_baru: str
    jumlah_bawaan: int
    jumlah_target: int
    jumlah_target_rapor: int = 0


KABAR_DITUTUP = "kabar_siklus_ditutup"


async def _sudah_ditutup(lay: Layanan, aktor: Aktor, siklus_id: int | None) -> None:
    """`Ditolak("siklus_sudah_ditutup")` when the button's cycle of this school is closed."""
    if siklus_id is None:
        return
    async with lay.mesin.connect() as conn:
        siklus = await db_siklus.ambil(conn, siklus_id)
    if siklus is not None and siklus.sekolah_id == aktor.sekolah_id and siklus.status == "selesai":
        raise Ditolak("siklus_sudah_ditutup")


async def _target_usulan(conn: AsyncConnection, s5: Strategi, sekarang: datetime) -> None:
    """The proposal for every standard and Rapor Pendidikan indicator nobody set a target
    for (none for what no source measures: no target is made up for it)."""
    for s in s5.standar:
        if s.bawaan is None:  # not measured: no target is made up for it
            continue
        await db_strategi.simpan_target(
            conn,
            siklus_id=s5.siklus_id,
            standar_kode=s.kode,
            skor=s.perubahan.sesudah,
            nilai=s.bawaan,
            oleh=None,
            waktu=sekarang,
            timpa=False,
        )
    terkini = s5.rapor.terkini if s5.rapor else None
    for t in s5.target_rp:
        if t.ditetapkan or t.label is None or terkini is None:
            continue  # set already, or not measured: no target is made up for it
        await db_target_rapor.simpan(
            conn,
            siklus_id=s5.siklus_id,
            kode=t.kode,
            label=t.label.value,
            nilai_minimum=t.nilai_minimum,
            edisi=terkini.edisi,
            oleh=None,
            waktu=sekarang,
            timpa=False,
        )


async def tutup(lay: Layanan, aktor: Aktor, siklus_id: int | None = None) -> HasilTutup:
    """Close the cycle (kepala_sekolah only) and open the next school year's at stage 1 with
    the targets (the default where none was set) and the chosen activities; the old cycle's
    waiting reminders are cancelled and the other managers' notice is planned in the outbox.
    One transaction; a doubled press closes once. `siklus_id` is the cycle the button was
    for: when that one is already closed, `Ditolak("siklus_sudah_ditutup")`."""
    if aktor.peran is not Peran.KEPALA_SEKOLAH:
        raise Ditolak("bukan_kepala_tutup")
    siklus = await _siklus_terbuka(lay, aktor)
    if siklus.id != siklus_id:
        await _sudah_ditutup(lay, aktor, siklus_id)
    if siklus.tahap != 5:
        raise Ditolak("bukan_tahap_5")
    b = await _bahan(lay, siklus.id)
    s5 = _strategi(b)
    calon = _calon(b)
    sekolah_id = b.siklus.sekolah_id
    sekarang = lay.sekarang()
    async with lay.mesin.begin() as conn:
        if not await db_strategi.tutup(conn, s5.siklus_id, sekarang):
            raise Ditolak("siklus_sudah_ditutup" if siklus_id else "bukan_tahap_5")
        baru = await db_siklus.buka(
            conn, sekolah_id=sekolah_id, tahun_ajaran=s5.tahun_berikut, waktu=sekarang
        )
        await _target_usulan(conn, s5, sekarang)
        for m, p, k, alasan in calon:
            await db_strategi.simpan_bawaan(conn, _salinan(s5.siklus_id, m, p, k, alasan, sekarang))
        jumlah_target, jumlah_bawaan = await db_strategi.lampirkan(
            conn, s5.siklus_id, baru, [k.kunci for _, _, k, _ in calon]
        )
        jumlah_target_rp = await db_target_rapor.lampirkan(conn, s5.siklus_id, baru)
        batal = await db_strategi.batalkan_pengingat(
            conn,
            [f"komitmen:{k.id}" for k in b.komitmen],
            [f"{pengingat_berkala.MINGGUAN}:{sekolah_id}:"],
        )
        await audit.catat(
            conn,
            waktu=sekarang,
            aksi="strategi.tutup",
            pengguna_id=aktor.pengguna_id,
            sekolah_id=sekolah_id,
            objek="siklus",
            objek_id=s5.siklus_id,
            rincian={
                "siklus_baru": baru,
                "bawaan": jumlah_bawaan,
                "pengingat_batal": batal,
                "target_rapor": jumlah_target_rp,
            },
        )
        hasil = HasilTutup(
            s5.siklus_id,
            baru,
            s5.tahun_ajaran,
            s5.tahun_berikut,
            jumlah_bawaan,
            jumlah_target,
            jumlah_target_rp,
        )
        # The notice goes through the outbox, so a restart right after closing loses nothing;
        # the report itself is built when asked for (its button, percakapan/laporan.py).
        await kabar.kabari_pengelola(
            conn,
            lay,
            sekolah_id=sekolah_id,
            kecuali=aktor.pengguna_id,
            kunci=f"{KABAR_DITUTUP}:{s5.siklus_id}",
            jenis=KABAR_DITUTUP,
            templat="strategi/kabar_ditutup",
            konteks={"h": hasil, "oleh": aktor.nama},
            tombol=[[("tombol.unduh_laporan_siklus", f"lap:siklus:{sekolah_id}")]],
            rujukan=f"siklus:{s5.siklus_id}",
        )
    return hasil


@dataclass(frozen=True)
class SudahDitutup:
    """The confirmation was pressed again for a cycle already closed (its report goes again)."""

    siklus_id: int


async def tutup_sekali(
    lay: Layanan, aktor: Aktor, siklus_id: int | None
) -> HasilTutup | SudahDitutup:
    """`tutup`, where a second press on the confirmation (also one racing the first) is an
    answer, not a refusal: the cycle it was for is closed already."""
    try:
        return await tutup(lay, aktor, siklus_id)
    except Ditolak as tolak:
        if tolak.alasan != "siklus_sudah_ditutup" or siklus_id is None:
            raise
        return SudahDitutup(siklus_id)


async def dokumen_siklus(lay: Layanan, aktor: Aktor, siklus_id: int | None = None) -> DokumenSiklus:
    """The Laporan Siklus SPMI of a cycle of the actor's school: the given one, else the open
    cycle when it is in stage 5, else the last closed one."""
    wajib_peran(aktor, PELIHAT)
    async with lay.mesin.connect() as conn:
        if siklus_id is not None:
            siklus = await db_siklus.ambil(conn, siklus_id)
            if siklus is None or siklus.sekolah_id != aktor.sekolah_id:
                raise Ditolak("bukan_sekolah_ini")
        else:
            siklus = await db_siklus.terbuka(conn, aktor.sekolah_id or 0)
            if siklus is None or siklus.tahap != 5:
                siklus = await db_strategi.selesai_terakhir(conn, aktor.sekolah_id or 0)
    if siklus is None or siklus.instrumen_versi is None or siklus.tahap < 4:
        raise Ditolak("belum_ada_laporan_siklus")
    b = await _bahan(lay, siklus.id)
    s5 = _strategi(b)
    zona = ZoneInfo(b.sekolah.zona_waktu)

    def lokal(w: datetime | None) -> date | None:
        return w.astimezone(zona).date() if w else None

    ditutup = b.siklus.status == "selesai"
    pendek = {s.kode: s for s in b.ps.instrumen.standar}
    sekarang = lay.sekarang().astimezone(zona)
    nama_masalah = {
        m.indikator_kode: f"{m.indikator_kode} {m.indikator_nama}"
        for m in (b.rencana.masalah if b.rencana else ())
    }
    kemajuan: dict[str, int] = {}
    for k in b.komitmen:
        kemajuan[k.kemajuan] = kemajuan.get(k.kemajuan, 0) + 1
    if ditutup:
        bawaan = [r for r in b.pilihan.values() if r.siklus_tujuan_id is not None]
        async with lay.mesin.connect() as conn:  # a PIC who left still has a name
            nama = await pengguna.nama(conn, sorted({r.pic_id for r in bawaan}))
        baris_bawaan = tuple(
            BarisBawaan(
                nama_masalah.get(r.indikator_kode, r.indikator_kode),
                r.program_nama,
                r.deskripsi,
                nama.get(r.pic_id, ""),
                r.anggaran,
                r.alasan,
            )
            for r in sorted(bawaan, key=lambda r: r.id)
        )
    else:
        anggaran = {
            k.kunci: k.anggaran for _, _, k in (b.rencana.semua_kegiatan() if b.rencana else ())
        }
        baris_bawaan = tuple(
            BarisBawaan(
                nama_masalah.get(c.indikator_kode, c.indikator_kode),
                c.program_nama,
                c.deskripsi,
                c.pic_nama,
                anggaran.get(c.kunci, 0),
                c.alasan,
            )
            for c in s5.calon
            if c.dibawa
        )
    kepala, ketua = penandatangan(b.anggota)
    return DokumenSiklus(
        sekolah_nama=b.sekolah.nama,
        npsn=b.sekolah.npsn,
        kabupaten=b.sekolah.kabupaten,
        provinsi=b.sekolah.provinsi,
        tahun_ajaran=s5.tahun_ajaran,
        tahun_ajaran_berikut=s5.tahun_berikut,
        tahun_ajaran_lalu=s5.tahun_lalu,
        tahap=tuple((t, lokal(b.mulai_tahap.get(t))) for t in range(1, 6)),
        ditutup=lokal(b.siklus.ditutup_pada),
        skor_sekolah=b.ps.peta.skor_sekolah,
        kategori_sekolah=b.ps.peta.kategori.nama if b.ps.peta.kategori else None,
        skor_sekolah_lalu=s5.sekolah.sebelum,
        standar=tuple(
            BarisStandar(
                s.nomor,
                s.perubahan.nama,
                lay.render.label(f"standar_pendek.{s.kode}")
                if s.kode in pendek
                else s.perubahan.nama,
                s.perubahan.sesudah,
                s.kategori,
                s.perubahan.sebelum,
                s.target_berlaku,
            )
            for s in s5.standar
        ),
        ambang_snp=s5.ambang,
        masalah=tuple(
            BarisMasalah(
                nama_masalah[m.indikator_kode],
                m.skor_awal,
                f"{lay.render.label(f'akar.{m.akar_kategori}')} - {m.akar_penjelasan}",
                tuple(p.nama for p in m.program),
                sum(k.anggaran for p in m.program for k in p.kegiatan),
            )
            for m in (b.rencana.masalah if b.rencana else ())
        ),
        komitmen=kemajuan,
        jumlah_bukti=b.jumlah_bukti,
        evaluasi=evaluasi_dokumen(b.evaluasi, nama_masalah),
        bawaan=baris_bawaan,
        kepala_sekolah=kepala,
        ketua_tpmps=ketua,
        tempat=b.sekolah.kabupaten,
        tanggal=lokal(b.siklus.ditutup_pada) or sekarang.date(),
        dibuat_pada=sekarang,
        rapor=baris_rapor(s5.rapor, s5.target_rp),
        edisi_awal=s5.rapor.awal.edisi if s5.rapor and s5.rapor.awal else None,
        edisi_akhir=s5.rapor.akhir.edisi if s5.rapor and s5.rapor.akhir else None,
    )


def baris_rapor(
    rs: RaporSiklus | None, berlaku: tuple[TargetIndikator, ...] | None = None
) -> tuple[BarisRapor, ...]:
    """The priority indicators in both editions with their next targets (the ones in force,
    stored over proposed, when given), as document rows."""
    if rs is None:
        return ()
    target = {t.kode: t for t in rs.target()}
    target.update({t.kode: t for t in berlaku or ()})
    return tuple(
        BarisRapor(
            p.kode,
            p.nama,
            p.awal.label.value if p.awal and p.awal.label else None,
            p.awal.nilai if p.awal else None,
            p.akhir.label.value if p.akhir and p.akhir.label else None,
            p.akhir.nilai if p.akhir else None,
            lbl.value if (lbl := target[p.kode].label) else None,
            target[p.kode].nilai_minimum,
        )
        for p in rs.banding()
    )
