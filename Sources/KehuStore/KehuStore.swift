// The plain-file store: see Journal/ and docs/store-format.md.
