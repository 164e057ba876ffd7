"""The export dialog: the verification report and interchange files."""
