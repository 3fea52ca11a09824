"""What a stored PDF may hold, as one set of rules for cleaning and for verifying (pdf.py).

`Walk` reads every object of the document from the catalogue down, each against the rules for
what it is (its role: catalogue, page, annotation, action, picture...). In "fix" mode it
removes what breaks a rule and raises CannotVouch for what it cannot fix; in "check" mode it
only lists the problems, which is how the verifier reads the file that will be stored.
"""

from dataclasses import dataclass, field

import pikepdf

from .picture_data import strip_jpeg_metadata, strip_jpx_metadata


def _names(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Keys removed wherever they are: metadata (XMP on any object, applications' private data and
# their dates), scripts and automatic actions, embedded and associated files, XFA, signature
# permissions and validation data (certificates name people), web-capture data, page
# thumbnails (which can show an earlier version), links to outside files (OPI), and the
# creator and user named in optional content.
FORBIDDEN_KEYS = _names(
    "/Metadata /PieceInfo /LastModified /AA /OpenAction /JS /JavaScript /EmbeddedFiles /EF"
    " /RF /AF /XFA /Perms /DSS /SpiderInfo /Thumb /OPI /Creator /Usage"
)
# A stream whose data is in another file, or on the web.
FORBIDDEN_STREAM_KEYS = frozenset(("/F", "/FFilter", "/FDecodeParms"))

_STREAM = " /Length /Filter /DecodeParms /DL"
# What each kind of dictionary may keep; anything else is dropped: a key we do not know is a
# key we cannot vouch for. Annotations lose their authors (/T), dates (/M, /CreationDate),
# names (/NM), replies (/IRT), external data and, for form fields, everything of the form.
ALLOWED_KEYS = {
    role: _names(keys)
    for role, keys in {
        "catalog": (
            "/Type /Version /Extensions /Pages /PageLabels /Names /Dests /Outlines"
            " /ViewerPreferences /PageLayout /PageMode /StructTreeRoot /MarkInfo /Lang"
            " /OutputIntents /OCProperties"
        ),
        "names": "/Dests",
        "pages": "/Type /Parent /Kids /Count /Resources /MediaBox /CropBox /Rotate",
        "page": (
            "/Type /Parent /Resources /MediaBox /CropBox /BleedBox /TrimBox /ArtBox /Contents"
            " /Rotate /Group /Annots /UserUnit /Tabs /StructParents"
        ),
        "annotation": (
            "/Type /Subtype /Rect /Contents /P /AP /AS /F /Border /C /StructParent /OC /BS /BE"
            " /IC /CA /ca /BM /Lang /RC /Subj /Popup /Parent /Open /Name /State /StateModel"
            " /Dest /A /H /QuadPoints /DA /Q /DS /RD /CL /IT /LE /L /LL /LLE /LLO /Cap /CP /CO"
            " /Vertices /InkList /Path /MK /Sy /OverlayText /RO /Repeat"
        ),
        "outlines": "/Type /First /Last /Count",
        "outline": "/Title /Parent /Prev /Next /First /Last /Count /Dest /A /SE /C /F",
        # No /Next: an allowed action never leads on to another.
        "action": "/Type /S /D /URI /IsMap",
        "image": (
            "/Type /Subtype /Width /Height /ColorSpace /BitsPerComponent /Intent /ImageMask"
            " /Mask /Decode /Interpolate /SMask /SMaskInData /OC /StructParent /Matte" + _STREAM
        ),
        "form": (
            "/Type /Subtype /FormType /BBox /Matrix /Resources /Group /OC /StructParent"
            " /StructParents" + _STREAM
        ),
    }.items()
}
# Comments and markings are kept, less their authors and dates; a file attachment or a sound
# is removed (its icon is all that shows), and so is a form field once drawn on its page;
# media, 3D and kinds we do not know are re-rendered, so that what they show stays.
KEPT_ANNOTATIONS = _names(
    "/Text /Link /FreeText /Line /Square /Circle /Polygon /PolyLine /Highlight /Underline"
    " /Squiggly /StrikeOut /Stamp /Caret /Ink /Popup /Redact /Watermark"
)
REMOVED_ANNOTATIONS = _names("/FileAttachment /Sound /Widget /PrinterMark /TrapNet")

# Filters that decode to the bytes under them without adding any data of their own.
PLAIN_FILTERS = frozenset(
    ("/FlateDecode", "/LZWDecode", "/ASCII85Decode", "/ASCIIHexDecode", "/RunLengthDecode")
)
# Pictures stored as raw samples or fax coding hold nothing but pixels.
PLAIN_PICTURE_FILTERS = PLAIN_FILTERS | {"/CCITTFaxDecode"}
PICTURE_STRIPPERS = {"/DCTDecode": strip_jpeg_metadata, "/JPXDecode": strip_jpx_metadata}
INLINE_COMPRESSED = frozenset(("/DCTDecode", "/DCT", "/JPXDecode", "/JBIG2Decode"))

# Streams known by their own dictionary: shadings, functions, halftones, ICC profiles, CMaps.
DATA_STREAM_KEYS = frozenset(("/ShadingType", "/FunctionType", "/HalftoneType", "/N"))
FONT_SUBTYPES = frozenset(("/Type1C", "/CIDFontType0C", "/OpenType"))
# Streams known by the key they are found under: fonts, CMaps and their tables, profiles.
DATA_STREAM_PLACES = _names(
    "/FontFile /FontFile2 /FontFile3 /ToUnicode /CIDToGIDMap /CIDSet /UseCMap /Encoding"
    " /DestOutputProfile"
)


class CannotVouch(Exception):
    """The PDF holds something the rewrite cannot vouch for; the reason is one of ours, never
    text from the file."""


@dataclass
class Walk:
    """Every object of the document, from the catalogue down, each checked against the rules
    for what it is (its role). With `fix`, what breaks a rule is removed and what cannot be
    fixed raises CannotVouch; without, both are listed in `problems`."""

    pdf: pikepdf.Pdf
    fix: bool
    problems: list[str] = field(default_factory=list)
    seen: set = field(default_factory=set)

    def run(self) -> None:
        pdf, root = self.pdf, self.pdf.Root
        if pdf.is_encrypted:
            self._cannot_vouch("encrypted")
        if "/NeedsRendering" in root:
            self._cannot_vouch("an XFA form")
        if "/AcroForm" in root:
            self._form(root.AcroForm)
        if self.fix:
            for page in pdf.pages:
                _flatten_form_fields(page)
        self._trailer(pdf.trailer)
        # What some objects are is known from where the document lists them, wherever else
        # they are found (a structure tree can point at an annotation, a link at a page).
        self.catalog = root.objgen
        self.pages = {page.obj.objgen for page in pdf.pages}
        self.annotations = {
            annotation.objgen
            for page in pdf.pages
            for annotation in _as_list(page.obj.get("/Annots"))
            if isinstance(annotation, pikepdf.Dictionary) and annotation.is_indirect
        }
        self.outline_items = _outline_items(root)
        self._walk(root, "catalog")

    def _trailer(self, trailer) -> None:
        # qpdf writes /Size, and an /ID of its own: a hash of the cleaned content (the
        # original's /ID, often made from a time and a file name, is not carried over).
        extra = set(trailer.keys()) - {"/Root", "/Size", "/ID"}
        if self.fix:
            extra |= {"/ID"} & set(trailer.keys())
        for key in extra:
            self._remove(trailer, key, f"trailer: {key}" if key in ("/Info", "/ID") else "trailer")

    def _form(self, form) -> None:
        """Filled-in fields are kept as they look, drawn on their pages (_flatten_form_fields);
        the form itself (field names, values, scripts, submission, signatures) goes with the
        catalogue's /AcroForm."""
        if isinstance(form, pikepdf.Dictionary) and "/XFA" in form:
            self._cannot_vouch("an XFA form")
        if self.fix:
            try:
                self.pdf.generate_appearance_streams()
            except pikepdf.PdfError as exc:
                raise CannotVouch("form fields whose appearance cannot be drawn") from exc

    # --- the walk ------------------------------------------------------------------------

    def _walk(self, top, role: str) -> None:
        stack = [(top, role)]
        while stack:
            obj, role = stack.pop()
            if obj.is_indirect:
                if obj.objgen in self.seen:
                    continue
                self.seen.add(obj.objgen)
            if isinstance(obj, pikepdf.Stream):
                role = self._stream(obj, role)
            if isinstance(obj, pikepdf.Array):
                stack += self._array(obj, role)
            else:
                stack += self._dictionary(obj, role)

    def _dictionary(self, obj, role: str) -> list:
        allowed = ALLOWED_KEYS.get(role)
        if role == "annotation" and "/Parent" in obj and obj.get("/Subtype") != "/Popup":
            # A popup's /Parent is its comment; anything else's would be a form field.
            self._remove(obj, "/Parent", "an annotation: a form field")
        children = []
        for key in list(obj.keys()):
            if key in FORBIDDEN_KEYS:
                self._remove(obj, key, f"{role}: {key}")
                continue
            if allowed is not None and key not in allowed:
                self._remove(obj, key, f"{role}: a key it may not have")
                continue
            value = obj[key]
            child = self._role(value, key, role)
            if child is None:
                self._remove(obj, key, f"{role}: {key} holds what it may not")
            else:
                children += self._reached(value, child)
        return children

    def _array(self, obj, role: str) -> list:
        children, dropped = [], []
        for index, value in enumerate(obj):
            child = self._role(value, None, role)
            if child is None:
                dropped.append(index)
            else:
                children += self._reached(value, child)
        if dropped:
            self._found(f"{role}: an item it may not hold")
            if self.fix:
                for index in reversed(dropped):
                    del obj[index]
        return children

    def _reached(self, value, role: str) -> list:
        """What is left to walk from a value that stays."""
        if isinstance(value, CONTAINERS):
            return [(value, role)]
        if isinstance(value, pikepdf.Object) and value.is_indirect:
            self.seen.add(value.objgen)  # a number or a string of its own: nothing below it
        return []

    def _role(self, value, key: str | None, parent: str) -> str | None:
        """What the value is, known from itself or from where it was found (`key` is None
        for an item of an array); None when it must go."""
        if not isinstance(value, CONTAINERS):
            return "value"
        if isinstance(value, pikepdf.Array):
            return ARRAY_ROLES.get((parent, key), parent if parent in ARRAY_ITEMS else "generic")
        objgen = value.objgen if value.is_indirect else None
        if objgen == self.catalog:
            return "catalog"
        if objgen in self.pages:
            return "page"
        if objgen in self.outline_items:
            return "outline"
        if (
            objgen in self.annotations
            or parent == "annotations"
            or value.get("/Type") == "/Annot"
            or key == "/Popup"
            or (parent == "annotation" and key == "/Parent")
        ):
            return "annotation" if self._annotation_kept(value) else None
        if value.get("/Type") == "/Action" or (key in ("/A", "/Next") and "/S" in value):
            return "action" if _action_allowed(value) else None
        if isinstance(value, pikepdf.Stream):
            if parent in ("contents", "glyphs") or (parent == "page" and key == "/Contents"):
                return "content"
            if parent == "appearances":
                return "form"
            return "stream" if key is None else f"stream {key}"
        if value.get("/Type") == "/Pages" or parent == "kids":
            return "pages"
        if parent == "appearances":  # an appearance for each state: /On, /Off...
            return "appearances"
        return DICTIONARY_ROLES.get((parent, key)) or DICTIONARY_ROLES.get(key, "generic")

    def _stream(self, stream, role: str) -> str:
        """Check a stream's data; the role its dictionary is read in."""
        for key in FORBIDDEN_STREAM_KEYS & set(stream.keys()):
            self._remove(stream, key, "a stream kept in another file")
        subtype = stream.get("/Subtype")
        if subtype == "/Image":
            self._picture(stream)
            return "image"
        if subtype == "/Form" or role == "form":
            self._inline_pictures(stream)
            return "form"
        if role == "content" or stream.get("/PatternType") == 1:
            self._inline_pictures(stream)
            return "generic"
        known = (
            DATA_STREAM_KEYS & set(stream.keys())
            or subtype in FONT_SUBTYPES
            or stream.get("/Type") == "/CMap"
            or role.removeprefix("stream ") in DATA_STREAM_PLACES
        )
        if not known:
            self._cannot_vouch("a kind of stream we do not know")
        return "generic"

    def _annotation_kept(self, annotation) -> bool:
        subtype = annotation.get("/Subtype")
        if subtype in REMOVED_ANNOTATIONS:
            return False
        if subtype not in KEPT_ANNOTATIONS:
            self._cannot_vouch("media, 3D or an unknown kind of annotation")
        return True

    # --- pictures ------------------------------------------------------------------------

    def _picture(self, stream) -> None:
        filters = _as_list(stream.get("/Filter"))
        last = filters[-1] if filters else None
        if last not in PICTURE_STRIPPERS:
            if not set(filters) <= PLAIN_PICTURE_FILTERS or "/CCITTFaxDecode" in filters[:-1]:
                self._cannot_vouch("a picture coded in a way we cannot read")
            return
        if not set(filters[:-1]) <= PLAIN_FILTERS:
            self._cannot_vouch("a picture coded in a way we cannot read")
            return
        if len(filters) > 1 and not self.fix:
            self.problems.append("a compressed picture under more than one filter")
            return
        parameters = _as_list(stream.get("/DecodeParms"))
        data = self._undo_plain_filters(stream, filters, parameters)
        clean = PICTURE_STRIPPERS[last](data)
        if clean is None:
            self._cannot_vouch("a picture we cannot read to the end")
            return
        if clean != data or len(filters) > 1:
            self._found("metadata in a picture")
            if self.fix:
                # Stored alone under its own filter, with its own parameters (a JPEG's
                # colour transform).
                own = parameters[-1] if len(parameters) == len(filters) else None
                if "/DecodeParms" in stream:
                    del stream["/DecodeParms"]
                stream.write(
                    clean,
                    filter=pikepdf.Name(last),
                    decode_parms=own if isinstance(own, pikepdf.Dictionary) else None,
                )

    def _undo_plain_filters(self, stream, filters: list, parameters: list) -> bytes:
        """The picture's own bytes: the stream with every filter but the last undone."""
        raw = stream.read_raw_bytes()
        if len(filters) == 1:
            return raw
        # A scratch stream that nothing refers to, so it is never written.
        scratch = pikepdf.Stream(self.pdf, raw)
        scratch.Filter = pikepdf.Array(filters[:-1])
        if len(parameters) == len(filters):
            scratch.DecodeParms = pikepdf.Array(parameters[:-1])
        return scratch.read_bytes()

    def _inline_pictures(self, stream) -> None:
        """A JPEG or JPEG 2000 picture written inside a content stream cannot be reached
        to be cleaned."""
        if b"BI" not in stream.read_bytes():
            return
        for instruction in pikepdf.parse_content_stream(stream):
            if isinstance(instruction, pikepdf.ContentStreamInlineImage) and (
                set(instruction.iimage.filters) & INLINE_COMPRESSED
            ):
                self._cannot_vouch("a compressed picture inside a content stream")

    # --- outcomes ------------------------------------------------------------------------

    def _remove(self, obj, key: str, problem: str) -> None:
        self._found(problem)
        if self.fix:
            del obj[key]

    def _found(self, problem: str) -> None:
        if not self.fix:
            self.problems.append(problem)

    def _cannot_vouch(self, reason: str) -> None:
        if self.fix:
            raise CannotVouch(reason)
        self.problems.append(reason)


CONTAINERS = (pikepdf.Dictionary, pikepdf.Array, pikepdf.Stream)
# What the items of an array are, by the array's place; an array's items otherwise take the
# array's own role (annotations, contents, kids) or none.
ARRAY_ROLES = {
    ("page", "/Annots"): "annotations",
    ("page", "/Contents"): "contents",
    ("pages", "/Kids"): "kids",
}
ARRAY_ITEMS = {"annotations", "contents", "kids"}
DICTIONARY_ROLES = {
    ("catalog", "/Names"): "names",
    ("catalog", "/Outlines"): "outlines",
    ("annotation", "/AP"): "appearances",
    "/CharProcs": "glyphs",  # a Type 3 font's glyphs: content streams
}


def _flatten_form_fields(page: pikepdf.Page) -> None:
    """Draw each form field's appearance (what it shows, filled in) into the page's content,
    as qpdf's flattening does, and take the field off the page."""
    annotations = page.obj.get("/Annots")
    if not isinstance(annotations, pikepdf.Array):
        return
    rotate = page.obj.get("/Rotate", 0)
    drawn = []
    for annotation in annotations:
        if (
            not isinstance(annotation, pikepdf.Dictionary)
            or annotation.get("/Subtype") != "/Widget"
        ):
            continue
        helper = pikepdf.Annotation(annotation)
        appearance = helper.get_appearance_stream(pikepdf.Name.N)
        if isinstance(appearance, pikepdf.Stream):
            name = page.add_resource(appearance, pikepdf.Name.XObject, prefix="Field")
            drawn.append(helper.get_page_content_for_appearance(name, int(rotate)))
    if drawn:
        # The page's own drawing in q ... Q, so that it cannot move the fields.
        page.contents_add(b"q\n", prepend=True)
        page.contents_add(b"\nQ\n" + b"\n".join(drawn))


def _action_allowed(action) -> bool:
    """A jump within the document, or a link to a web page; nothing else."""
    kind = action.get("/S")
    if kind == "/GoTo":
        return "/D" in action
    if kind == "/URI":
        uri = action.get("/URI")
        if not isinstance(uri, pikepdf.String):
            return False
        text = bytes(uri).strip().lower()
        return text.isascii() and text.startswith((b"https://", b"http://"))
    return False


def _outline_items(root) -> set:
    """The bookmarks, found by following the outline's own links."""
    items, stack = set(), []
    outlines = root.get("/Outlines")
    if isinstance(outlines, pikepdf.Dictionary):
        stack.append(outlines.get("/First"))
    while stack:
        item = stack.pop()
        if not isinstance(item, pikepdf.Dictionary) or not item.is_indirect:
            continue
        if item.objgen in items:
            continue
        items.add(item.objgen)
        stack += [item.get("/Next"), item.get("/First")]
    return items


def _as_list(value) -> list:
    if isinstance(value, pikepdf.Array):
        return list(value)
    return [] if value is None else [value]
