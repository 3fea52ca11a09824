"""Metadata inside compressed pictures, removed without decoding them: JPEG (a PDF's DCTDecode)
and JPEG 2000 (JPXDecode). The compressed picture itself is copied byte for byte, so nothing
is lost to a second compression.

Each function returns the clean picture, or None when the data is not one it can read to the
end; the caller then treats the picture as one it cannot vouch for. Cleaning clean data
changes nothing, which is how the PDF verifier checks a stored picture: `strip(data) == data`.
"""

# JPEG markers. Of the application segments only APP0 (JFIF) and APP14 (Adobe: how to turn
# the stored colours back into RGB or CMYK) are kept, both cut to their fixed fields: APP1
# holds EXIF (GPS, camera, times) and XMP, APP2 an ICC profile or a second picture (MPF),
# APP13 Photoshop's IPTC, the others makers' own data; COM is free text.
SOI, EOI, SOS = 0xD8, 0xD9, 0xDA
APP0, APP14, COM = 0xE0, 0xEE, 0xFE
JFIF_FIELDS = 12  # "JFIF\0", version, units, densities; then the thumbnail's size and pixels
ADOBE_FIELDS = 12  # "Adobe", version, flags, colour transform
STANDALONE = {0x01, *range(0xD0, 0xD8)}  # TEM and RSTn carry no length


def strip_jpeg_metadata(data: bytes) -> bytes | None:
    """The JPEG without its metadata segments, thumbnails, or anything after its end marker
    (phones append a second picture, a depth map or a video there)."""
    if data[:2] != b"\xff\xd8":
        return None
    kept = [data[:2]]
    i, end_of_data = 2, len(data)
    while i + 2 <= end_of_data:
        if data[i] != 0xFF:
            return None
        marker = data[i + 1]
        if marker == 0xFF:  # fill byte before a marker
            i += 1
            continue
        if marker == EOI:
            kept.append(b"\xff\xd9")
            return b"".join(kept)
        if marker in STANDALONE or marker == SOI:
            return None  # not where a well-formed file has them
        if i + 4 > end_of_data:
            return None
        length = int.from_bytes(data[i + 2 : i + 4], "big")
        segment_end = i + 2 + length
        if length < 2 or segment_end > end_of_data:
            return None
        segment = _kept_segment(marker, data[i:segment_end])
        if segment:
            kept.append(segment)
        i = segment_end
        if marker == SOS:
            # Compressed data up to the next marker that is not a stuffed byte or a restart.
            scan_end = _end_of_scan(data, i)
            if scan_end is None:
                return None
            kept.append(data[i:scan_end])
            i = scan_end
    return None


def _kept_segment(marker: int, segment: bytes) -> bytes:
    payload = segment[4:]
    if marker == APP0:
        if not payload.startswith(b"JFIF\x00") or len(payload) < JFIF_FIELDS + 2:
            return b""
        # The fixed fields, and a thumbnail of 0 x 0.
        return _segment(APP0, payload[:JFIF_FIELDS] + b"\x00\x00")
    if marker == APP14:
        if not payload.startswith(b"Adobe") or len(payload) < ADOBE_FIELDS:
            return b""
        return _segment(APP14, payload[:ADOBE_FIELDS])
    if 0xE1 <= marker <= 0xEF or marker == COM:
        return b""
    return segment


def _segment(marker: int, payload: bytes) -> bytes:
    return bytes((0xFF, marker)) + (len(payload) + 2).to_bytes(2, "big") + payload


def _end_of_scan(data: bytes, i: int) -> int | None:
    while True:
        i = data.find(b"\xff", i)
        if i < 0 or i + 1 >= len(data):
            return None
        following = data[i + 1]
        if following == 0x00 or 0xD0 <= following <= 0xD7:
            i += 2
        elif following == 0xFF:
            i += 1
        else:
            return i


# JPEG 2000. A JP2 file is a list of boxes; only those that say how to decode the picture are
# kept: the signature, the file type, the header (image size, bit depths, colour, palette,
# channel definitions) and the first codestream. XML and UUID boxes (XMP, GeoJP2 positions),
# IPR, URLs, labels and fragment tables (which point at other files) go.
JP2_SIGNATURE = b"\x00\x00\x00\x0cjP  \r\n\x87\n"
JP2_KEPT = (b"ftyp", b"jp2h", b"jp2c")
JP2_HEADER_KEPT = (b"ihdr", b"bpcc", b"colr", b"pclr", b"cmap", b"cdef")
# Codestream markers: start and end, start of tile-part and of data (no length), comment.
J2K_SOC, J2K_EOC, J2K_SOT, J2K_SOD, J2K_COM = 0x4F, 0xD9, 0x90, 0x93, 0x64


def strip_jpx_metadata(data: bytes) -> bytes | None:
    """The JPEG 2000 picture (a JP2 file or a bare codestream) without its metadata boxes and
    the comments in its codestream."""
    if data.startswith(b"\xff\x4f\xff\x51"):
        return strip_codestream(data)
    if not data.startswith(JP2_SIGNATURE):
        return None
    boxes = _boxes(data, len(JP2_SIGNATURE), len(data))
    if boxes is None:
        return None
    kept = [JP2_SIGNATURE]
    found = set()
    for kind, payload in boxes:
        if kind not in JP2_KEPT or kind in found:
            continue
        found.add(kind)
        if kind == b"jp2h":
            inner = _boxes(payload, 0, len(payload))
            if inner is None:
                return None
            payload = b"".join(_box(k, p) for k, p in inner if k in JP2_HEADER_KEPT)
        elif kind == b"jp2c":
            payload = strip_codestream(payload)
            if payload is None:
                return None
        kept.append(_box(kind, payload))
    return b"".join(kept) if found == set(JP2_KEPT) else None


def _boxes(data: bytes, i: int, end: int) -> list[tuple[bytes, bytes]] | None:
    boxes = []
    while i < end:
        if i + 8 > end:
            return None
        length, kind = int.from_bytes(data[i : i + 4], "big"), data[i + 4 : i + 8]
        header = 8
        if length == 1:  # a 64-bit length follows
            if i + 16 > end:
                return None
            length, header = int.from_bytes(data[i + 8 : i + 16], "big"), 16
        elif length == 0:  # to the end
            length = end - i
        if length < header or i + length > end:
            return None
        boxes.append((kind, data[i + header : i + length]))
        i += length
    return boxes


def _box(kind: bytes, payload: bytes) -> bytes:
    return (len(payload) + 8).to_bytes(4, "big") + kind + payload


def strip_codestream(data: bytes) -> bytes | None:
    """A JPEG 2000 codestream without comment (COM) segments in its main header; one with a
    comment in a tile-part header (whose length would have to change) is not read."""
    if not data.startswith(b"\xff\x4f"):
        return None
    kept = [data[:2]]
    i = 2
    # The main header: marker segments up to the first tile-part.
    while True:
        marker = _marker(data, i)
        if marker is None:
            return None
        if marker == J2K_SOT:
            break
        length = _length(data, i)
        if length is None:
            return None
        if marker != J2K_COM:
            kept.append(data[i : i + 2 + length])
        i += 2 + length
    # Tile-parts, copied whole once their headers are known to hold no comment.
    while _marker(data, i) == J2K_SOT:
        if i + 12 > len(data):
            return None
        part_length = int.from_bytes(data[i + 6 : i + 10], "big")
        part_end = len(data) - 2 if part_length == 0 else i + part_length
        j = i + 12
        while (marker := _marker(data, j)) != J2K_SOD:
            length = _length(data, j)
            if marker is None or marker == J2K_COM or length is None:
                return None
            j += 2 + length
        if part_end > len(data) or j > part_end:
            return None
        kept.append(data[i:part_end])
        i = part_end
    if _marker(data, i) != J2K_EOC:
        return None
    kept.append(b"\xff\xd9")
    return b"".join(kept)


def _marker(data: bytes, i: int) -> int | None:
    if i + 2 > len(data) or data[i] != 0xFF:
        return None
    return data[i + 1]


def _length(data: bytes, i: int) -> int | None:
    if i + 4 > len(data):
        return None
    length = int.from_bytes(data[i + 2 : i + 4], "big")
    return length if length >= 2 and i + 2 + length <= len(data) else None
