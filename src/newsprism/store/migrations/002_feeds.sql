-- newsprism's PostgreSQL schema, version 2: the feeds newsprism serve watches (see store/feeds.py).
CREATE TABLE feeds (url TEXT PRIMARY KEY, added TEXT NOT NULL, polls INTEGER NOT NULL DEFAULT 0, last_poll TEXT,
    new_articles INTEGER NOT NULL DEFAULT 0, last_new INTEGER NOT NULL DEFAULT 0, note TEXT NOT NULL DEFAULT '',
    stories TEXT NOT NULL DEFAULT '[]');
