"""The ingest and publish pipeline: bytes → text → clean text → plans → pages → site."""
