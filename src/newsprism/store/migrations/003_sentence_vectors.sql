-- newsprism's PostgreSQL schema, version 3: sentence vectors by embedder and text (see embed/stored.py).
CREATE TABLE sentence_vectors (key TEXT PRIMARY KEY, vector BYTEA NOT NULL);
