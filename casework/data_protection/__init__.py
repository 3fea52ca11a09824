"""Data protection: subject access, the data protection officer's search, bundles and erasure
requests, and the access log reviewed (issue 18)."""
