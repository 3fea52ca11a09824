"""Draw a PDF's pages as pictures and put them in a new PDF: the last resort for evidence
whose PDF holds something the rewrite cannot vouch for (see pdf.py).

Run by pdf.rerender_pdf as a separate program (`python -I rerender.py SOURCE TARGET ...`),
never imported by the site: pdfium is C++ reading a stranger's file, so it runs in a process
of its own with a memory limit and a time limit, and a crash costs that process only. The
pypdfium2 wheels are built without V8 and XFA, so drawing a page runs no script.

Exit statuses: 0 done; 3 pdfium cannot open the file (damaged, or a password); 4 too many
pages, or pages too large, to draw legibly within the limits; anything else, a failure.
"""

import argparse
import io
import math
import resource
import sys

UNREADABLE = 3
TOO_LONG = 4


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("source")
    parser.add_argument("target")
    for option in ("--min-dpi", "--max-dpi", "--max-pixels", "--max-pages", "--max-bytes"):
        parser.add_argument(option, type=int, required=True)
    parser.add_argument("--memory", type=int, required=True)
    options = parser.parse_args(argv)
    # Before pdfium is loaded: whatever the file asks for, this process gets no more.
    resource.setrlimit(resource.RLIMIT_AS, (options.memory, options.memory))

    import img2pdf
    import pypdfium2
    from PIL import Image

    Image.MAX_IMAGE_PIXELS = options.max_pixels
    try:
        document = pypdfium2.PdfDocument(options.source)
    except pypdfium2.PdfiumError:
        return UNREADABLE
    count = len(document)
    if count == 0:
        return UNREADABLE
    if count > options.max_pages:
        return TOO_LONG
    # One resolution for the whole document: the largest, up to max_dpi, at which all its
    # pages together stay within max_pixels.
    square_inches = sum(w * h for w, h in map(document.get_page_size, range(count))) / 72**2
    dpi = min(options.max_dpi, math.sqrt(options.max_pixels / max(square_inches, 1e-6)))
    if dpi < options.min_dpi:
        return TOO_LONG
    document.init_forms()  # so that filled-in form fields are drawn too
    pictures = []
    for index in range(count):
        page = document[index]
        bitmap = page.render(scale=dpi / 72, may_draw_forms=True)
        picture = io.BytesIO()
        # A fresh JPEG from the pixels: nothing of the original file but what it showed.
        bitmap.to_pil().convert("RGB").save(picture, "JPEG", quality=85)
        pictures.append(picture.getvalue())
        page.close()
    document.close()
    data = img2pdf.convert(
        pictures, layout_fun=img2pdf.get_fixed_dpi_layout_fun((dpi, dpi)), nodate=True
    )
    if len(data) > options.max_bytes:
        return TOO_LONG
    with open(options.target, "wb") as handle:
        handle.write(data)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
