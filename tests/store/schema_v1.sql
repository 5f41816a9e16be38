-- The schema version 1 as released (flashpoint's first store), kept verbatim so that the
-- tests can build a database the way that release did and open it with today's code.
-- Placeholders: {JSON}, {DOUBLE}, {TS}, {SERIAL_PK} (see tests/store/test_store_schema.py).

CREATE TABLE documents (
        doc_id TEXT PRIMARY KEY,
        content_hash TEXT NOT NULL,
        pub_date DATE,
        title TEXT,
        url TEXT,
        source TEXT,
        outlet TEXT,
        n_chars INTEGER NOT NULL,
        n_mentions INTEGER NOT NULL,
        coder TEXT,
        ingested_at {TS} NOT NULL
    );

CREATE TABLE actors (
        actor_id TEXT PRIMARY KEY,
        name TEXT,
        country TEXT,
        sector TEXT
    );

CREATE TABLE places (
        place_id TEXT PRIMARY KEY,
        name TEXT,
        country TEXT,
        admin1 TEXT,
        lat {DOUBLE},
        lon {DOUBLE},
        precision TEXT
    );

CREATE TABLE mentions (
        mention_id TEXT PRIMARY KEY,
        doc_id TEXT NOT NULL,
        ordinal INTEGER NOT NULL,
        event_id TEXT,
        coder_event_id TEXT,
        event_type TEXT NOT NULL,
        mode TEXT,
        contexts {JSON},
        aux {JSON},
        quad_code INTEGER,
        intensity {DOUBLE},
        cameo TEXT,
        acled_event_type TEXT,
        acled_sub_event_type TEXT,
        actor_id TEXT,
        actor_text TEXT,
        actor_start INTEGER,
        actor_end INTEGER,
        recipient_id TEXT,
        recipient_text TEXT,
        recipient_start INTEGER,
        recipient_end INTEGER,
        place_id TEXT,
        location_text TEXT,
        location_start INTEGER,
        location_end INTEGER,
        date DATE,
        date_precision TEXT,
        date_start INTEGER,
        date_end INTEGER,
        pub_date DATE,
        dead INTEGER,
        injured INTEGER,
        arrested INTEGER,
        dead_lower_bound INTEGER,
        trigger_text TEXT,
        trigger_start INTEGER,
        trigger_end INTEGER,
        sentence TEXT,
        sentence_index INTEGER,
        sentence_start INTEGER,
        sentence_end INTEGER,
        confidence {DOUBLE},
        coder TEXT,
        merge_type TEXT NOT NULL,
        actor_key TEXT,
        recipient_key TEXT,
        place_path TEXT,
        date_lo DATE,
        date_hi DATE,
        narrow BOOLEAN NOT NULL,
        record {JSON} NOT NULL
    );

CREATE TABLE events (
        event_id TEXT PRIMARY KEY,
        event_type TEXT NOT NULL,
        merge_type TEXT NOT NULL,
        mode TEXT,
        contexts {JSON},
        aux {JSON},
        quad_code INTEGER,
        intensity {DOUBLE},
        cameo TEXT,
        acled_event_type TEXT,
        acled_sub_event_type TEXT,
        date DATE,
        date_precision TEXT,
        date_lo DATE,
        date_hi DATE,
        actor_id TEXT,
        actor_name TEXT,
        actor_country TEXT,
        actor_sector TEXT,
        recipient_id TEXT,
        recipient_name TEXT,
        recipient_country TEXT,
        recipient_sector TEXT,
        place_id TEXT,
        location_name TEXT,
        location_country TEXT,
        location_admin1 TEXT,
        latitude {DOUBLE},
        longitude {DOUBLE},
        location_precision TEXT,
        dead INTEGER,
        injured INTEGER,
        arrested INTEGER,
        count_reports {JSON},
        num_mentions INTEGER NOT NULL,
        num_sources INTEGER NOT NULL,
        num_articles INTEGER NOT NULL,
        first_reported DATE,
        last_reported DATE,
        rep_mention_id TEXT NOT NULL,
        rep_doc_id TEXT NOT NULL,
        sentence TEXT,
        confidence {DOUBLE}
    );

CREATE TABLE ingest_errors (
        error_key TEXT PRIMARY KEY,
        source TEXT,
        doc_id TEXT,
        code TEXT NOT NULL,
        message TEXT NOT NULL,
        recorded_at {TS} NOT NULL
    );

CREATE TABLE dedup_queue (
        {SERIAL_PK},
        merge_type TEXT,
        date_lo DATE,
        date_hi DATE,
        event_id TEXT
    );
