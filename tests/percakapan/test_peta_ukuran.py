"""The quality map within one Telegram message at its largest: every labelled indicator of
the SMK catalogue (dasmen and vokasional) red, with change and rank, then the 8-standard
profile with every question answered, a target per standard and every respondent group."""

from __future__ import annotations

from bot.layanan.instrumen_berkas import bawaan
from bot.layanan.pemetaan import PetaSekolah, TingkatRespons
from bot.layanan.rapor import katalog
from bot.mutu import rapor as rp
from bot.mutu import skor
from bot.mutu.instrumen import JenisJawaban
from bot.render import BATAS_PESAN, Render


def _nilai(jenis: JenisJawaban) -> str:
    return {
        JenisJawaban.YA_TIDAK: "ya",
        JenisJawaban.ANGKA: "9999",
        JenisJawaban.PERSEN: "55.5",
        JenisJawaban.TEKS: "teks",
        JenisJawaban.BUKTI: "bukti:1",
    }.get(jenis, "1")


def test_peta_terbesar_muat_satu_pesan() -> None:
    k = katalog()
    # A new edition may bring codes the catalogue does not hold yet: 60 more, kept by code.
    kode = [kode for (_, kode) in k.indikator] + [f"E.{n}" for n in range(40, 100)]
    capaian = {x: rp.Capaian(x, rp.Label.KURANG, 12.34, rp.Arah.TURUN, 10.5, 5, 5) for x in kode}
    peta_rp = rp.susun_peta("Rapor Pendidikan 2026", capaian, k, rp.JENJANG_SMK)
    assert len(peta_rp.baris) >= 79 and len(peta_rp.prioritas) == 8
    inst = bawaan()
    jawaban = [
        skor.Jawaban(q.kode, next(iter(q.responden)), 1, _nilai(q.jenis))
        for q in inst.semua_pertanyaan()
    ]
    ps = PetaSekolah(
        sekolah_nama="SMK Negeri 1 <Sleman> & Kejuruan Teknologi Informasi dan Komunika",
        tahun_ajaran="2026/2027",
        instrumen=inst,
        peta=skor.hitung(inst, jawaban, 5),
        respons=tuple(TingkatRespons(g, 150, 150, 300) for g in ("kepala_sekolah", "guru")),
        target={s.kode: 6.5 for s in inst.standar},
        rapor=peta_rp,
        eds=True,
    )
    teks = Render().pesan("pemetaan/peta", ps=ps, lanjut=True)
    assert len(teks) <= BATAS_PESAN, len(teks)
    assert "dan " in teks and "lainnya" in teks  # the long lists are cut, counted
    assert "Kategori ini tidak resmi" in teks
