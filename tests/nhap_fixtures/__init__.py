"""Word documents for `ntm import`, made the ways offices make them (python-docx; LibreOffice from
HTML and flat ODT written here): `python -m nhap_fixtures OUT_DIR` (from tests/) writes them all
to read in Word or LibreOffice; the tests make them in a temporary folder."""
