"""The Lembar Kerja RKT: one row per kegiatan in both formats, unconfirmed headers marked."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

import docx
from openpyxl import load_workbook

from bot.dokumen import rkt


def _baris(**lain: object) -> rkt.BarisRkt:
    dasar: dict[str, object] = {
        "kode": "A.1",
        "nama": "Kemampuan literasi",
        "rapor": True,
        "capaian_label": "kurang",
        "capaian_nilai": 38.5,
        "persen": True,
        "akar_kode": "D.1",
        "akar_nama": "Kualitas pembelajaran",
        "akar_penjelasan": "Guru jarang memberi umpan balik",
        "akar_kategori": "Proses pembelajaran",
        "program": "Kombel literasi",
        "kegiatan": "Kombel bulanan",
        "indikator_keberhasilan": "Semua guru ikut",
        "butuh_biaya": True,
        "arkas_kode": "03.03.02",
        "arkas_nama": "Pengembangan Kegiatan Literasi dan Numerasi",
        "penanggung_jawab": "Bu Sari",
        "mulai": date(2027, 2, 1),
        "selesai": date(2027, 2, 28),
        "anggaran": 2_000_000,
    }
    return rkt.BarisRkt(**{**dasar, **lain})  # type: ignore[arg-type]


def _dok(*baris: rkt.BarisRkt) -> rkt.DokumenRkt:
    return rkt.DokumenRkt(
        sekolah_nama="SD Negeri 1 Contoh",
        npsn="20512345",
        kabupaten="Sleman",
        provinsi="DI Yogyakarta",
        tahun_ajaran="2026/2027",
        edisi_rapor="Rapor Pendidikan 2025",
        versi=1,
        status="Disetujui",
        baris=baris,
        tanggal=date(2026, 12, 5),
        dibuat_pada=datetime(2026, 12, 5, 10, tzinfo=UTC),
    )


def test_judul_kolom_ditandai() -> None:
    assert rkt.judul_kolom("identifikasi") == "Identifikasi"
    assert rkt.judul_kolom("akar_masalah") == "Akar Masalah"
    assert rkt.judul_kolom("kegiatan_arkas") == "Kegiatan ARKAS *"
    assert rkt.judul_kolom("anggaran") == "Anggaran (Rp) **"


def test_baris_sel() -> None:
    snp = _baris(
        kode="5.1",
        nama="Guru",
        rapor=False,
        capaian_label=None,
        capaian_nilai=2.5,
        persen=False,
        akar_kode=None,
        butuh_biaya=False,
        arkas_kode=None,
        arkas_nama=None,
        anggaran=0,
    )
    a = rkt.nilai_baris(1, _baris())
    b = rkt.nilai_baris(2, snp)
    assert a[1:4] == [
        "A.1 Kemampuan literasi",
        "Kurang · 38,50%",
        "D.1 Kualitas pembelajaran: Guru jarang memberi umpan balik (Proses pembelajaran)",
    ]
    assert a[6:8] == ["Ya", "03.03.02 Pengembangan Kegiatan Literasi dan Numerasi"]
    assert b[2] == "Skor 2,50 (evaluasi diri, skala 0-7)"
    assert b[3] == "Guru jarang memberi umpan balik (Proses pembelajaran)"
    assert b[6:8] == ["Tidak", ""]


def test_xlsx_dan_docx_terbaca() -> None:
    d = _dok(_baris(), _baris(kegiatan="Pojok baca", arkas_kode=None, arkas_nama="Buku"))
    ws = load_workbook(io.BytesIO(rkt.buat_xlsx(d))).active
    assert ws is not None
    semua = list(ws.iter_rows(values_only=True))
    i = next(n for n, r in enumerate(semua) if r[1] == "Identifikasi")
    assert [r[4] for r in semua[i + 1 : i + 3]] == ["Kombel bulanan", "Pojok baca"]
    assert semua[i + 2][7] == "Buku" and semua[i + 1][9] == datetime(2027, 2, 1)
    assert "Rapor Pendidikan 2025" in " ".join(str(r[0]) for r in semua[:i])
    tabel = docx.Document(io.BytesIO(rkt.buat_docx(d))).tables[-1]
    assert [r.cells[4].text for r in tabel.rows][1:] == ["Kombel bulanan", "Pojok baca"]
    assert rkt.nama_berkas(d, "xlsx") == "Lembar-Kerja-RKT_SD-Negeri-1-Contoh_2026-12-05.xlsx"


def test_rencana_kosong() -> None:
    isi = docx.Document(io.BytesIO(rkt.buat_docx(_dok())))
    assert "Belum ada kegiatan." in " ".join(p.text for p in isi.paragraphs)
