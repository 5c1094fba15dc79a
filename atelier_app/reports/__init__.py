"""Documents and figures: reportlab PDFs, the statistics (plain Python counts), spreadsheet and ORDS exports."""
