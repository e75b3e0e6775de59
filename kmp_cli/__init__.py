"""kmp: set up, run and test a Koperasi Merah Putih bench (the repository root is the bench)."""
