"""The data of the Rekap data workbook: one school's open cycle for its managers, or every
school a pengawas oversees.

The database is read in one query per kind of record over the whole set of cycles. The rows
are then turned into sheet rows lazily (generators read while the workbook is written, in the
builder's thread), so scoring and formatting many schools never blocks the event loop."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from functools import cached_property
from operator import attrgetter
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from bot.dokumen.pdf import label as label_dokumen
from bot.dokumen.rekap import (
    BarisBukti,
    BarisJawaban,
    BarisKomitmen,
    BarisLaporan,
    BarisRapor,
    BarisRencana,
    BarisSekolah,
    BarisSkor,
    DataRekap,
)
from bot.layanan import Ditolak, Layanan
from bot.layanan.aktor import Aktor
from bot.layanan.instrumen import untuk_versi
from bot.layanan.pemetaan import TingkatRespons, hitung_respons, kemajuan_responden
from bot.layanan.siklus_rp import edisi_banyak, nama_indikator, prioritas
from bot.mutu import siklus_rp as srp
from bot.mutu import skor
from bot.mutu.instrumen import Instrumen, Pertanyaan, skor_jawaban, tampil_jawaban
from bot.mutu.peran import PENGELOLA, Peran
from bot.render import Render
from db import laporan as db_laporan
from db.jenis import AsyncConnection, Row, Select


@dataclass(frozen=True)
class _Mentah:
    """The rows read from the database, for every cycle of the workbook."""

    anggota: list[Row]
    jawaban: list[Row]
    rencana: list[Row]
    disetujui: list[Row]
    komitmen: list[Row]
    laporan: list[Row]
    bukti: list[Row]


async def _baca(conn: AsyncConnection, lingkup: Select[tuple[int]], dengan_nama: bool) -> _Mentah:
    return _Mentah(
        await db_laporan.anggota(conn, lingkup),
        await db_laporan.jawaban_semua(conn, lingkup, dengan_nama=dengan_nama),
        await db_laporan.rencana_terbaru(conn, lingkup),
        await db_laporan.rencana_disetujui(conn, lingkup),
        await db_laporan.komitmen_semua(conn, lingkup),
        await db_laporan.laporan_semua(conn, lingkup),
        await db_laporan.bukti_semua(conn, lingkup),
    )


def _per_siklus(baris: Sequence[Row]) -> dict[int, list[Row]]:
    hasil: dict[int, list[Row]] = {}
    for b in baris:
        hasil.setdefault(b.siklus_id, []).append(b)
    return hasil


def _tanggal_teks(teks: str, zona: ZoneInfo) -> date:
    """The local date of a time stored as naive UTC text."""
    return datetime.fromisoformat(teks).replace(tzinfo=UTC).astimezone(zona).date()


def _tanggal(waktu: datetime, zona: ZoneInfo) -> date:
    if waktu.tzinfo is None:  # an aggregate (max) comes back without the column's type
        waktu = waktu.replace(tzinfo=UTC)
    return waktu.astimezone(zona).date()


@dataclass
class _Susun:
    """Turns the raw rows into sheet rows; each `baris_*` is a generator read once."""

    sekolah: list[Row]  # schools with their open cycle (siklus_id None: none)
    mentah: _Mentah
    instrumen: dict[str, Instrumen]
    render: Render
    dengan_nama: bool
    _peta: dict[int, tuple[skor.PetaMutu, tuple[TingkatRespons, ...]]] = field(default_factory=dict)

    @cached_property
    def _siklus(self) -> dict[int, Row]:
        return {s.siklus_id: s for s in self.sekolah if s.siklus_id is not None}

    @cached_property
    def _nama(self) -> dict[int, str]:
        return {
            i: label_dokumen("rekap.sekolah", nama=s.nama, npsn=s.npsn)
            for i, s in self._siklus.items()
        }

    @cached_property
    def _zona(self) -> dict[int, ZoneInfo]:
        return {i: ZoneInfo(s.zona_waktu) for i, s in self._siklus.items()}

    @cached_property
    def _jawaban(self) -> dict[int, list[Row]]:
        return _per_siklus(self.mentah.jawaban)

    @cached_property
    def _kegiatan(self) -> dict[tuple[int, str], Row]:
        """The approved activity each commitment follows, by (cycle, activity key)."""
        return {(k.siklus_id, k.kunci): k for k in self.mentah.disetujui}

    @cached_property
    def _komitmen(self) -> dict[int, Row]:
        return {k.id: k for k in self.mentah.komitmen}

    def _inst(self, siklus_id: int) -> Instrumen | None:
        versi = self._siklus[siklus_id].instrumen_versi
        return self.instrumen.get(versi) if versi else None

    def peta(self, siklus_id: int) -> tuple[skor.PetaMutu, tuple[TingkatRespons, ...]] | None:
        """The cycle's quality map and response figures (computed once)."""
        inst = self._inst(siklus_id)
        if inst is None:
            return None
        if siklus_id not in self._peta:
            jawaban = self._jawaban.get(siklus_id, [])
            peta = skor.hitung(
                inst,
                [
                    skor.Jawaban(j.pertanyaan_kode, j.responden, j.pengguna_id, j.nilai)
                    for j in jawaban
                ],
            )
            s = self._siklus[siklus_id]
            anggota = self._anggota.get(siklus_id, [])
            siklus = SimpleNamespace(id=siklus_id, sekolah_id=s.id)
            respons = hitung_respons(tuple(kemajuan_responden(inst, anggota, jawaban, siklus)))  # type: ignore[arg-type]
            self._peta[siklus_id] = (peta, respons)
        return self._peta[siklus_id]

    @cached_property
    def _anggota(self) -> dict[int, list[Row]]:
        return _per_siklus(self.mentah.anggota)

    def _masalah(self, siklus_id: int, kode: str) -> str:
        inst = self._inst(siklus_id)
        try:
            return f"{kode} {inst.indikator(kode).nama}" if inst else kode
        except KeyError:
            return kode

    # ------------------------------------------------------------------ sheets

    def baris_sekolah(self) -> Iterator[BarisSekolah]:
        rencana = _per_siklus(self.mentah.rencana)
        komitmen = _per_siklus(self.mentah.komitmen)
        for s in self.sekolah:
            nama = label_dokumen("rekap.sekolah", nama=s.nama, npsn=s.npsn)
            hasil = self.peta(s.siklus_id) if s.siklus_id is not None else None
            peta, respons = hasil if hasil else (None, ())
            jumlah = sum(t.jumlah for t in respons)
            kegiatan = rencana.get(s.siklus_id, [])
            semua_k = komitmen.get(s.siklus_id, [])
            yield BarisSekolah(
                nama,
                s.npsn,
                s.kabupaten,
                s.provinsi,
                s.tahun_ajaran,
                s.tahap,
                peta.skor_sekolah if peta else None,
                peta.kategori.nama if peta and peta.kategori else None,
                sum(t.selesai for t in respons) / jumlah if jumlah else None,
                len({k.indikator_kode for k in kegiatan}),
                len(kegiatan),
                sum(k.anggaran for k in kegiatan),
                sum(1 for k in semua_k if k.kemajuan == "selesai") / len(semua_k)
                if semua_k
                else None,
            )

    def baris_jawaban(self) -> Iterator[BarisJawaban]:
        peran = {p.value: self.render.nama_peran(p.value) for p in Peran}
        status = {k: label_dokumen(f"rekap.status_jawaban.{k}") for k in ("sah", "dikembalikan")}
        # With names: by role, person and question. Without: by question, role and value, so
        # no run of rows (nor a row's place among a question's rows) traces one person.
        urutan = (
            attrgetter("responden", "nama", "pertanyaan_kode")
            if self.dengan_nama
            else attrgetter("pertanyaan_kode", "responden", "nilai")
        )
        # The same question and value recur in every school: read each pair once.
        tampilan: dict[tuple[str | None, str, str], tuple[str, str, str, float | None]] = {}
        for siklus_id, jawaban in self._jawaban.items():
            inst, nama, zona = self._inst(siklus_id), self._nama[siklus_id], self._zona[siklus_id]
            versi = inst.versi if inst else None
            # Indonesian zones are whole hours from UTC: the date and hour fix the local date.
            hari: dict[str, date] = {}
            for j in sorted(jawaban, key=urutan):
                kunci = (versi, j.pertanyaan_kode, j.nilai)
                t = tampilan.get(kunci)
                if t is None:
                    p = _pertanyaan(inst, j.pertanyaan_kode)
                    teks, nilai = _tampil(inst, p, j.nilai)
                    indikator, soal = (p.indikator_kode, p.teks) if p else ("", "")
                    t = tampilan[kunci] = (indikator, soal, teks, nilai)
                yield BarisJawaban(
                    nama,
                    peran.get(j.responden, j.responden),
                    j.nama,
                    t[0],
                    j.pertanyaan_kode,
                    t[1],
                    t[2],
                    t[3],
                    status.get(j.status, j.status),
                    hari.get(j.diubah[:13])
                    or hari.setdefault(j.diubah[:13], _tanggal_teks(j.diubah, zona)),
                )

    def baris_skor(self) -> Iterator[BarisSkor]:
        standar, indikator = (label_dokumen(f"rekap.tingkat.{k}") for k in ("standar", "indikator"))
        belum = label_dokumen("rekap.nama_belum_terkonfirmasi")
        for siklus_id, nama in self._nama.items():
            hasil, inst = self.peta(siklus_id), self._inst(siklus_id)
            if hasil is None or inst is None:
                continue
            for s in hasil[0].standar:
                kategori = s.kategori.nama if s.kategori else None
                yield BarisSkor(
                    nama, standar, s.kode, f"{s.nomor}. {s.nama}", s.skor, kategori, None, None, ""
                )
                for i in s.indikator:
                    yield BarisSkor(
                        nama,
                        indikator,
                        i.kode,
                        i.nama,
                        i.skor,
                        None if i.skor is None else inst.kategori_untuk(skor.bulat(i.skor)).nama,
                        i.jumlah_jawaban,
                        i.jumlah_responden,
                        "" if i.confirmed else belum,
                    )

    def baris_rencana(self) -> Iterator[BarisRencana]:
        r = self.render
        for k in self.mentah.rencana:
            yield BarisRencana(
                self._nama[k.siklus_id],
                k.versi,
                r.label(f"status_rencana.{k.rencana_status}"),
                self._masalah(k.siklus_id, k.indikator_kode),
                k.skor_awal,
                f"{r.label(f'akar.{k.akar_kategori}')} - {k.akar_penjelasan}",
                k.program,
                k.deskripsi,
                k.pic_nama,
                k.mulai,
                k.selesai,
                int(k.anggaran),
                k.indikator_keberhasilan,
                k.target_skor,
            )

    def baris_komitmen(self) -> Iterator[BarisKomitmen]:
        r = self.render
        for k in self.mentah.komitmen:
            kegiatan = self._kegiatan.get((k.siklus_id, k.kegiatan_kunci))
            if kegiatan is None:  # an activity no longer in the approved plan
                continue
            zona = self._zona[k.siklus_id]
            yield BarisKomitmen(
                self._nama[k.siklus_id],
                self._masalah(k.siklus_id, k.indikator_kode),
                kegiatan.deskripsi,
                k.pic_nama,
                kegiatan.selesai,
                r.label(f"respons.{k.respons}"),
                r.label(f"status.{k.kemajuan}"),
                k.persen / 100,
                r.label(f"verifikasi.{k.verifikasi}") if k.verifikasi else "",
                _tanggal(k.terakhir, zona) if k.terakhir else None,
            )

    def baris_laporan(self) -> Iterator[BarisLaporan]:
        r = self.render
        ya, tidak = label_dokumen("rekap.ya"), label_dokumen("rekap.tidak")
        for b in self.mentah.laporan:
            kegiatan = self._kegiatan.get((b.siklus_id, b.kegiatan_kunci))
            yield BarisLaporan(
                self._nama[b.siklus_id],
                _tanggal(b.dibuat_pada, self._zona[b.siklus_id]),
                kegiatan.deskripsi if kegiatan else "",
                b.nama,
                r.label(f"status.{b.status}"),
                b.persen / 100,
                b.catatan or "",
                ya if b.bukti_id else tidak,
            )

    def baris_bukti(self) -> Iterator[BarisBukti]:
        for b in self.mentah.bukti:
            jenis, _, rujukan = b.sumber.partition(":")
            pengirim = b.nama
            if jenis == "pertanyaan":
                untuk = label_dokumen("rekap.untuk_pertanyaan", kode=rujukan)
                if not self.dengan_nama:  # who answered stays as private as the answer
                    pengirim = self.render.nama_peran(b.peran) if b.peran else ""
            elif jenis == "komitmen" and rujukan.isdigit() and int(rujukan) in self._komitmen:
                k = self._komitmen[int(rujukan)]
                kegiatan = self._kegiatan.get((k.siklus_id, k.kegiatan_kunci))
                untuk = label_dokumen(
                    "rekap.untuk_komitmen", kegiatan=kegiatan.deskripsi if kegiatan else rujukan
                )
            else:
                untuk = b.sumber
            yield BarisBukti(
                self._nama[b.siklus_id],
                _tanggal(b.dibuat_pada, self._zona[b.siklus_id]),
                untuk,
                pengirim,
                b.nama_file or "",
                b.mime,
                b.ukuran,
                b.sha256,
            )


def _pertanyaan(inst: Instrumen | None, kode: str) -> Pertanyaan | None:
    if inst is None:
        return None
    try:
        return inst.pertanyaan(kode)
    except KeyError:
        return None


def _tampil(inst: Instrumen | None, p: Pertanyaan | None, nilai: str) -> tuple[str, float | None]:
    """The answer as people read it and its score; the stored value when it cannot be read."""
    if inst is None or p is None:
        return nilai, None
    try:
        return tampil_jawaban(p, nilai), skor_jawaban(
            p, nilai, skala=(inst.skala_min, inst.skala_maks)
        )
    except ValueError:
        return nilai, None


async def _data(
    lay: Layanan,
    sekolah: list[Row],
    mentah: _Mentah,
    judul: str,
    zona: str,
    *,
    lintas_sekolah: bool,
    dengan_nama: bool,
) -> DataRekap:
    versi = {s.instrumen_versi for s in sekolah if s.instrumen_versi}
    instrumen = {v: await untuk_versi(lay, v) for v in sorted(versi)}
    susun = _Susun(sekolah, mentah, instrumen, lay.render, dengan_nama)
    return DataRekap(
        judul=judul,
        tanggal=lay.sekarang().astimezone(ZoneInfo(zona)).date(),
        lintas_sekolah=lintas_sekolah,
        dengan_nama=dengan_nama,
        sekolah=susun.baris_sekolah(),
        jawaban=susun.baris_jawaban(),
        skor=susun.baris_skor(),
        rencana=susun.baris_rencana(),
        komitmen=susun.baris_komitmen(),
        laporan=susun.baris_laporan(),
        bukti=susun.baris_bukti(),
    )


async def data_rekap(lay: Layanan, aktor: Aktor, *, dengan_nama: bool) -> DataRekap:
    """The workbook of the active school's open cycle; names of respondents only for the
    kepala_sekolah who asks for them."""
    if aktor.sekolah_id is None or aktor.peran not in PENGELOLA:
        raise Ditolak("bukan_pengelola")
    if dengan_nama and aktor.peran is not Peran.KEPALA_SEKOLAH:
        raise Ditolak("nama_hanya_kepala")
    async with lay.mesin.connect() as conn:
        s = await db_laporan.sekolah_siklus(conn, aktor.sekolah_id)
        assert s is not None
        mentah = await _baca(conn, db_laporan.siklus_sekolah(aktor.sekolah_id), dengan_nama)
    return await _data(
        lay, [s], mentah, s.nama, s.zona_waktu, lintas_sekolah=False, dengan_nama=dengan_nama
    )


async def data_rekap_pengawas(lay: Layanan, aktor: Aktor) -> DataRekap:
    """One workbook across every school where the actor is an active pengawas, and only
    those."""
    if aktor.peran is not Peran.PENGAWAS:
        raise Ditolak("bukan_pengawas")
    async with lay.mesin.connect() as conn:
        sekolah = await db_laporan.sekolah_pengawas(conn, aktor.pengguna_id)
        mentah = await _baca(conn, db_laporan.siklus_pengawas(aktor.pengguna_id), False)
        ids = sorted({s.id for s in sekolah})
        edisi = await edisi_banyak(conn, ids, prioritas("SMK"))
    zona = next(
        (s.zona_waktu for s in sekolah if s.id == aktor.sekolah_id), lay.settings.default_timezone
    )
    judul = label_dokumen("rekap.judul_pengawas", nama=aktor.nama)
    data = await _data(lay, sekolah, mentah, judul, zona, lintas_sekolah=True, dengan_nama=False)
    return replace(data, rapor=_baris_rapor(sekolah, edisi))


def _baris_rapor(sekolah: list[Row], edisi: dict[int, list[srp.Edisi]]) -> Iterator[BarisRapor]:
    """The Rapor Pendidikan sheet: each school's editions (newest first), its priority
    indicators in the catalogue's order; a school without an import has no rows."""
    kosong = label_dokumen("umum.tanpa_nilai")
    dilihat: set[int] = set()
    for s in sekolah:
        if s.id in dilihat:
            continue
        dilihat.add(s.id)
        kode = prioritas(s.jenjang)
        nama = nama_indikator(s.jenjang, kode)
        nama_sekolah = label_dokumen("rekap.sekolah", nama=s.nama, npsn=s.npsn)
        for e in sorted(edisi.get(s.id, ()), key=lambda e: e.edisi, reverse=True):
            for k in kode:
                c = e.capaian.get(k)
                yield BarisRapor(
                    nama_sekolah,
                    e.edisi,
                    k,
                    nama[k],
                    label_dokumen(f"rekap.rapor_label.{c.label}") if c and c.label else kosong,
                    c.nilai if c else None,
                    (
                        label_dokumen(f"rekap.rapor_arah.{c.arah}")
                        + (f" {c.perubahan:.2f}".replace(".", ",") if c.perubahan else "")
                        if c and c.arah
                        else ""
                    ),
                    _peringkat(c.peringkat_daerah if c else None),
                    _peringkat(c.peringkat_nasional if c else None),
                )


def _peringkat(nilai: int | None) -> str:
    return label_dokumen(f"rekap.rapor_peringkat.{nilai}") if nilai else ""
