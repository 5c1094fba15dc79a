"""Documents and figures: reportlab PDFs, pandas statistics, spreadsheet and ORDS exports."""
