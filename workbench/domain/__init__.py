"""The staffing model and its rules: no Qt, no database, no files."""
