"""AI Adoption Claims Analyzer: extract, adjust and flag AI-adoption claims in earnings materials.

A plain library (it never imports Streamlit). The main entry points:

- :func:`analyzer.documents.read_document` reads a PDF, HTML or text file into a :class:`Document`;
- :func:`analyzer.claims.extract` pulls claims and signals out of a document;
- :func:`analyzer.pipeline.analyze` turns extractions and assumptions into genuine-adoption
  estimates and flags.
"""

from analyzer.errors import AnalyzerError
from analyzer.records import Claim, Document, Estimate, Extraction, Flag, Signal

__all__ = ["AnalyzerError", "Claim", "Document", "Estimate", "Extraction", "Flag", "Signal"]
__version__ = "0.1.0"
