"""Sample documents that the document tests build themselves: PDFs by hand, .docx with python-docx.

pypdf cannot easily write text, so :func:`make_pdf` writes a minimal valid PDF (Helvetica,
WinAnsi text, one content stream per page, a correct xref table) from lines of text.
"""

from __future__ import annotations

import io
from typing import Sequence

ENGLISH_PARAGRAPHS = (
    "Diplomats from both countries met in Geneva on Tuesday to resume negotiations over the "
    "ceasefire, officials said.",
    "The talks, which had been suspended for three months, focused on humanitarian corridors "
    "and the exchange of prisoners.",
    "“We are cautiously optimistic,” a spokesperson told reporters after the first session "
    "ended late in the evening.",
)

RUSSIAN_PARAGRAPHS = (
    "Президент России заявил, что переговоры с Соединёнными Штатами продолжатся на следующей " "неделе в Женеве.",
    "По словам представителя Кремля, стороны обсудят гуманитарные коридоры и обмен пленными. "
    "Мы готовы к диалогу, сказал он журналистам.",
)

ARABIC_PARAGRAPHS = (
    "قال الرئيس إن المحادثات مع الولايات المتحدة ستستمر الأسبوع المقبل في جنيف.",
    "وأضاف أن الحكومة مستعدة للحوار وأن الوفد سيناقش الممرات الإنسانية وتبادل الأسرى.",
)

# cp1252 text: curly quotes, dashes and accents.
WESTERN_PARAGRAPHS = (
    "The minister’s “plan” was rejected – again. Officials said the café’s owner, José Núñez, "
    "would appeal the decision before the court in Zürich.",
    "Critics called it a déjà vu: the same façade, the same naïve promises — and no résumé of "
    "what went wrong last time.",
)


def _pdf_string(text: str) -> bytes:
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return b"(" + escaped.encode("cp1252") + b")"


def make_pdf(pages: Sequence[Sequence[str] | None], title: str | None = None) -> bytes:
    """A PDF with one page per item: lines of text (drawn with Helvetica) or None (an image only)."""
    objects: dict[int, bytes] = {
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        4: (
            b"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray "
            b"/BitsPerComponent 8 /Length 4 >>\nstream\n\x00\xff\xff\x00\nendstream"
        ),
    }
    kids: list[int] = []
    number = 5
    for lines in pages:
        if lines is None:
            content = b"q 200 0 0 200 100 400 cm /Im1 Do Q"
        else:
            body = b" T* ".join(_pdf_string(line) + b" Tj" for line in lines)
            content = b"BT /F1 11 Tf 14 TL 72 720 Td " + body + b" ET"
        objects[number + 1] = b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"
        objects[number] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 3 0 R >> /XObject << /Im1 4 0 R >> >> /Contents %d 0 R >>" % (number + 1)
        )
        kids.append(number)
        number += 2
    objects[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[2] = b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % kid for kid in kids) + b"] /Count %d >>" % len(kids)
    info = None
    if title is not None:
        info = number
        objects[info] = b"<< /Title " + _pdf_string(title) + b" /Producer (tests) >>"
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets: dict[int, int] = {}
    for n in sorted(objects):
        offsets[n] = len(out)
        out += b"%d 0 obj\n" % n + objects[n] + b"\nendobj\n"
    xref = len(out)
    size = max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for n in range(1, size):
        out += b"%010d 00000 n \n" % offsets[n]
    trailer = b"<< /Size %d /Root 1 0 R" % size + (b" /Info %d 0 R" % info if info else b"") + b" >>"
    out += b"trailer\n" + trailer + b"\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def make_docx(
    paragraphs: Sequence[str],
    *,
    title: str | None = None,
    heading: str | None = None,
    table: Sequence[Sequence[str]] = (),
) -> bytes:
    """A .docx built with python-docx: an optional heading, paragraphs, an optional table."""
    import docx

    document = docx.Document()
    if title is not None:
        document.core_properties.title = title
    if heading is not None:
        document.add_heading(heading, level=1)
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for row, values in zip(grid.rows, table):
            for cell, value in zip(row.cells, values):
                cell.text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
