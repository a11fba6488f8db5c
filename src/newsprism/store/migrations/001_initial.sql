-- newsprism's PostgreSQL schema, version 1: the tables of the SQLite store, with a tsvector for search.
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (
    id TEXT PRIMARY KEY, source_hash TEXT NOT NULL, data TEXT NOT NULL, stored_at TEXT NOT NULL, extracted TEXT,
    search TSVECTOR);
CREATE INDEX articles_search ON articles USING GIN (search);
CREATE TABLE outlet_lines (outlet TEXT NOT NULL, line TEXT NOT NULL, article TEXT NOT NULL,
    PRIMARY KEY (outlet, line, article));
CREATE INDEX outlet_lines_article ON outlet_lines (article);
CREATE TABLE analysis_parts (story_id TEXT NOT NULL, analyser TEXT NOT NULL, key TEXT NOT NULL, data TEXT NOT NULL,
    PRIMARY KEY (story_id, analyser));
CREATE TABLE stories (id TEXT PRIMARY KEY, analysis_key TEXT NOT NULL, data TEXT NOT NULL, stored_at TEXT NOT NULL);
CREATE TABLE story_articles (story_id TEXT NOT NULL, article_id TEXT NOT NULL, PRIMARY KEY (story_id, article_id));
CREATE INDEX story_articles_article ON story_articles (article_id);
CREATE TABLE cluster_stories (id TEXT PRIMARY KEY, terms TEXT NOT NULL, vector BYTEA NOT NULL, size INTEGER NOT NULL,
    last DOUBLE PRECISION);
CREATE INDEX cluster_stories_last ON cluster_stories (last);
CREATE TABLE term_df (term TEXT PRIMARY KEY, df INTEGER NOT NULL);
CREATE TABLE fetches (url TEXT NOT NULL, status INTEGER NOT NULL, fetched_at TEXT NOT NULL, content_hash TEXT,
    etag TEXT, last_modified TEXT, error TEXT);
CREATE INDEX fetches_url ON fetches (url, fetched_at);
CREATE TABLE validators (url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT);
CREATE TABLE skipped (input TEXT NOT NULL, reason TEXT NOT NULL, at TEXT NOT NULL);
CREATE TABLE minhashes (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, article TEXT NOT NULL UNIQUE,
    fingerprint TEXT NOT NULL, signature BYTEA NOT NULL);
CREATE TABLE lsh_buckets (bucket BIGINT NOT NULL, id BIGINT NOT NULL, PRIMARY KEY (bucket, id));
CREATE TABLE near_duplicates (first TEXT NOT NULL, second TEXT NOT NULL, jaccard DOUBLE PRECISION NOT NULL,
    exact INTEGER NOT NULL, PRIMARY KEY (first, second));
CREATE INDEX near_duplicates_second ON near_duplicates (second);
