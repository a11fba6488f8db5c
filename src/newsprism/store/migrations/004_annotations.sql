-- newsprism's PostgreSQL schema, version 4: spaCy's annotations by pipeline and text (see analysis/doc_store.py).
CREATE TABLE annotations (key TEXT PRIMARY KEY, doc BYTEA NOT NULL);
