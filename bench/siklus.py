"""The Laporan Siklus SPMI at a large school's size: 10 problems, 30 evaluated programs, 40
carried activities, both charts. Prints the time to build the PDF (median of several runs, the
charts included) and its page count.

    python -m bench.siklus [--kali 5]
"""

from __future__ import annotations

import argparse
import io
import statistics
import time
from datetime import date, datetime
from zoneinfo import ZoneInfo

from pypdf import PdfReader

from bot.dokumen.monev import EvaluasiProgram
from bot.dokumen.siklus import BarisBawaan, BarisMasalah, BarisStandar, DokumenSiklus, buat_pdf
from bot.layanan.instrumen_berkas import bawaan


def dokumen() -> DokumenSiklus:
    """A full report: every standard scored in two cycles, long texts in every table."""
    inst = bawaan()
    standar = tuple(
        BarisStandar(
            s.nomor, s.nama, s.kode.title()[:10], 3 + s.nomor / 3, "Menuju SNP 3", 3.1, 6.67
        )
        for s in inst.standar
    )
    indikator = [i for s in inst.standar for i in s.indikator][:10]
    masalah = tuple(
        BarisMasalah(
            f"{i.kode} {i.nama}",
            2.5,
            "SDM - " + "Guru belum terbiasa menyusun asesmen formatif di kelas. " * 2,
            ("Pelatihan asesmen", "Pendampingan KKG", "Supervisi akademik"),
            4_500_000,
        )
        for i in indikator
    )
    evaluasi = tuple(
        EvaluasiProgram(
            m.masalah,
            p,
            "sebagian",
            "Skor indikator 3,5; 80% guru ikut",
            "Jadwal bentrok dengan ujian dan kegiatan kabupaten",
            "ubah",
        )
        for m in masalah
        for p in m.program
    )
    dibawa = tuple(
        BarisBawaan(
            m.masalah,
            "Pelatihan asesmen",
            f"Lokakarya modul ajar ke-{n}",
            "Bu Sari",
            500_000,
            "belum_selesai",
        )
        for m in masalah
        for n in range(4)
    )
    return DokumenSiklus(
        sekolah_nama="SMP Negeri 1 Sleman",
        npsn="20400123",
        kabupaten="Sleman",
        provinsi="Daerah Istimewa Yogyakarta",
        tahun_ajaran="2026/2027",
        tahun_ajaran_berikut="2027/2028",
        tahun_ajaran_lalu="2025/2026",
        tahap=tuple((t, date(2026, 7 + t, 1)) for t in range(1, 6)),
        ditutup=date(2027, 6, 20),
        skor_sekolah=4.4,
        kategori_sekolah="Menuju SNP 3",
        skor_sekolah_lalu=3.9,
        standar=standar,
        ambang_snp=6.67,
        masalah=masalah,
        komitmen={"selesai": 60, "berjalan": 20, "terkendala": 5, "belum_mulai": 5},
        jumlah_bukti=140,
        evaluasi=evaluasi,
        bawaan=dibawa,
        kepala_sekolah="Drs. H. Ahmad Fauzi, M.Pd.",
        ketua_tpmps="Siti Nurhaliza, S.Pd.",
        tempat="Sleman",
        tanggal=date(2027, 6, 20),
        dibuat_pada=datetime(2027, 6, 20, 9, 5, tzinfo=ZoneInfo("Asia/Jakarta")),
    )


def main() -> None:
    """Build the report several times and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--kali", type=int, default=5, help="how many builds to time")
    args = parser.parse_args()
    d = dokumen()
    buat_pdf(d)  # warm-up: fonts, matplotlib, WeasyPrint imports
    waktu = []
    for _ in range(args.kali):
        mulai = time.perf_counter()
        pdf = buat_pdf(d)
        waktu.append(time.perf_counter() - mulai)
    halaman = len(PdfReader(io.BytesIO(pdf)).pages)
    print(
        f"Laporan Siklus SPMI: {len(d.masalah)} masalah, {len(d.evaluasi)} evaluasi, "
        f"{len(d.bawaan)} kegiatan lanjutan -> {halaman} halaman, {len(pdf) / 1024:.0f} KiB"
    )
    print(
        f"build (median of {args.kali}): {statistics.median(waktu) * 1000:.0f} ms; "
        f"min {min(waktu) * 1000:.0f} ms, max {max(waktu) * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
