"""One exception tree for the library.

Every error the library raises on purpose is an :class:`AnalyzerError`. Subclasses also subclass
the matching builtin, so callers that only know ``ValueError`` or ``OSError`` still catch them.
Messages say what is wrong and what to do; the UI shows them as they are.
Third-party PDF errors are translated in one place, :func:`map_pdf_errors`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator


class AnalyzerError(Exception):
    """Base class of every error raised on purpose by ``analyzer``."""

    def __init__(self, message: str, *, document: str | None = None) -> None:
        self.document = document
        super().__init__(f"{document}: {message}" if document else message)
        self.reason = message


class DocumentError(AnalyzerError, ValueError):
    """A document cannot be read as what it claims to be."""


class UnsupportedFormatError(DocumentError):
    """The file is not a PDF, HTML or text document."""


class EncryptedDocumentError(DocumentError, PermissionError):
    """The PDF needs a password."""


class NoTextLayerError(DocumentError):
    """The document has no extractable text (a scan with no OCR layer)."""


class CorruptDocumentError(DocumentError):
    """The file is damaged or truncated."""


class DocumentTooLargeError(DocumentError):
    """The document exceeds a configured limit (bytes, pages or time)."""


class AssumptionsError(AnalyzerError, ValueError):
    """An assumptions file or value is invalid."""


class LibraryError(AnalyzerError, RuntimeError):
    """The claims library (database) failed or is in an unexpected state."""


class InsufficientDataError(AnalyzerError, ValueError):
    """Too few observations for a statistic to mean anything."""


class ChartDataError(AnalyzerError, ValueError):
    """A table handed to a chart builder lacks the columns the chart needs."""


class ExportError(AnalyzerError, RuntimeError):
    """A chart or table could not be exported (rendering failed, data not serializable)."""


class ExportFormatError(ExportError, ValueError):
    """An export format that is not supported was asked for."""


@contextlib.contextmanager
def map_pdf_errors(document: str | None = None) -> Iterator[None]:
    """Translate pypdfium2 / pdfplumber / pdfminer errors into :class:`DocumentError`s."""
    try:
        yield
    except AnalyzerError:
        raise
    except Exception as exc:  # the one place third-party PDF errors are mapped
        text = str(exc)
        lowered = text.lower()
        name = type(exc).__name__
        if "password" in lowered or ("PdfminerException" in name and "encrypt" in lowered):
            raise EncryptedDocumentError(
                "needs a password: upload an unlocked copy (the PDF is encrypted with a password)",
                document=document,
            ) from exc
        if "data format error" in lowered:
            raise UnsupportedFormatError(
                "not a PDF: it starts like one but PDFium cannot parse its structure "
                "(data format error); check that it is the right file, or export it again as PDF",
                document=document,
            ) from exc
        if "format" in lowered or "not a pdf" in lowered or "header" in lowered:
            raise UnsupportedFormatError(
                "not a PDF (the file does not start with a PDF header); check the file type",
                document=document,
            ) from exc
        if isinstance(exc, MemoryError):
            raise DocumentTooLargeError(
                "the PDF is too large to process within the memory limit", document=document
            ) from exc
        raise CorruptDocumentError(
            f"the PDF is damaged or truncated and cannot be read ({name}: {text or 'no detail'}); "
            "re-download or re-export it",
            document=document,
        ) from exc
