"""A simulated respondent that answers whatever question the bot shows, by a fixed policy,
and scores each answer by hand (the rules written out plainly, not the bot's code)."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.mutu.instrumen import Instrumen, Pertanyaan
from tests.fakes.pengguna import Pengguna, Pesan

PNG_KECIL = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"
    b"\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00"
    b"\x00IEND\xaeB`\x82"
)
PDF_KECIL = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@dataclass
class Penjawab:
    """Answers skala at `tingkat` (0..3), ya_tidak "Ya", pilihan the first option, persen 80,
    angka "tiga", teks a short sentence, bukti a photo (or a PDF when `pdf`)."""

    orang: Pengguna
    inst: Instrumen
    kelompok: str
    tingkat: int
    pdf: bool = False
    skor: dict[str, float] = field(default_factory=dict)
    dijawab: list[str] = field(default_factory=list)

    def kenali(self, pesan: Pesan) -> Pertanyaan:
        """Which question a message shows, from its buttons or its text."""
        for data in pesan.data.values():
            if data.startswith("pm:j:"):
                return self.inst.pertanyaan(data.split(":")[2])
        cocok = [p for p in self.inst.pertanyaan_untuk(self.kelompok) if p.teks in pesan.teks]
        assert len(cocok) == 1, (pesan.teks, [p.kode for p in cocok])
        return cocok[0]

    def skor_tangan(self, p: Pertanyaan, tingkat: int) -> float | None:
        """The score of the answer this policy gives, computed by hand."""
        if p.jenis == "skala":
            return tingkat / 3 * 7
        if p.jenis == "ya_tidak":
            return 0.0 if p.terbalik else 7.0
        if p.jenis == "pilihan":
            return p.pilihan[0].skor
        if p.jenis == "persen":
            return (100 - 80) / 100 * 7 if p.terbalik else 80 / 100 * 7
        if p.jenis == "angka" and p.angka is not None and p.angka.pita:
            return next(b.skor for b in p.angka.pita if b.sampai is None or 3 <= b.sampai)
        return None

    async def jawab(self, pesan: Pesan, tingkat: int | None = None) -> Pertanyaan:
        """Answer the question in `pesan` and note the hand score."""
        p = self.kenali(pesan)
        t = self.tingkat if tingkat is None else tingkat
        if p.jenis == "skala":
            await self.orang.tekan(p.label[t], pesan)
        elif p.jenis == "ya_tidak":
            await self.orang.tekan("Ya", pesan)
        elif p.jenis == "pilihan":
            await self.orang.tekan(p.label[0], pesan)
        elif p.jenis == "persen":
            await self.orang.kirim("80")
        elif p.jenis == "angka":
            await self.orang.kirim("tiga")
        elif p.jenis == "teks":
            await self.orang.kirim("Belum ada kendala berarti.")
        elif self.pdf:
            await self.orang.kirim_dokumen(PDF_KECIL, "bukti.pdf", "application/pdf")
        else:
            await self.orang.kirim_foto(PNG_KECIL)
        skor = self.skor_tangan(p, t)
        if skor is None:
            self.skor.pop(p.kode, None)
        else:
            self.skor[p.kode] = skor
        self.dijawab.append(p.kode)
        return p

    async def sampai_selesai(self, pesan: Pesan, batas: int = 200) -> Pesan:
        """Answer question after question until the closing words; return those."""
        for _ in range(batas):
            if "Terima kasih" in pesan.teks:
                return pesan
            await self.jawab(pesan)
            pesan = await self.orang.balasan()
        raise AssertionError("the questionnaire did not end")


def skor_tangan_sekolah(
    inst: Instrumen, penjawab: list[Penjawab]
) -> tuple[dict[str, float], float]:
    """Standard and school scores from the hand scores: an indicator is the mean of its
    answers (all weights are 1 in the shipped instrument), a standard the mean of its
    indicators, the school the mean of the standards."""
    per_indikator: dict[str, list[float]] = {}
    for pj in penjawab:
        for kode, nilai in pj.skor.items():
            per_indikator.setdefault(inst.pertanyaan(kode).indikator_kode, []).append(nilai)
    standar: dict[str, float] = {}
    for s in inst.standar:
        nilai = [sum(v) / len(v) for i in s.indikator if (v := per_indikator.get(i.kode))]
        if nilai:
            standar[s.nama] = sum(nilai) / len(nilai)
    return standar, sum(standar.values()) / len(standar)
