// Versioned schema. Append a migration; never edit one that has shipped.
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'sessions, requests, decisions, session events',
    sql: `
      CREATE TABLE sessions (
        id          TEXT PRIMARY KEY,
        agent       TEXT NOT NULL,
        argv        TEXT NOT NULL,
        cwd         TEXT NOT NULL,
        token_hash  TEXT NOT NULL UNIQUE,
        pid         INTEGER,
        started_at  INTEGER NOT NULL,
        ended_at    INTEGER,
        exit_code   INTEGER
      );
      CREATE TABLE requests (
        id          TEXT PRIMARY KEY,
        session_id  TEXT NOT NULL REFERENCES sessions(id),
        agent       TEXT NOT NULL,
        kind        TEXT NOT NULL,
        tool        TEXT,
        command     TEXT NOT NULL,
        cwd         TEXT NOT NULL,
        payload     TEXT NOT NULL,
        status      TEXT NOT NULL CHECK (status IN ('pending', 'allowed', 'denied', 'abandoned')),
        created_at  INTEGER NOT NULL,
        expires_at  INTEGER
      );
      CREATE INDEX requests_by_status ON requests(status, created_at);
      CREATE INDEX requests_by_session ON requests(session_id, created_at);
      CREATE TABLE decisions (
        request_id  TEXT PRIMARY KEY REFERENCES requests(id),
        decision    TEXT NOT NULL CHECK (decision IN ('allow', 'deny')),
        reason      TEXT,
        decided_by  TEXT NOT NULL,
        decided_at  INTEGER NOT NULL
      );
      CREATE TABLE session_events (
        id          INTEGER PRIMARY KEY,
        session_id  TEXT NOT NULL REFERENCES sessions(id),
        kind        TEXT NOT NULL,
        payload     TEXT NOT NULL,
        at          INTEGER NOT NULL
      );
    `,
  },
  {
    version: 2,
    description: 'the risk assessment of each request',
    sql: `ALTER TABLE requests ADD COLUMN risk TEXT;`,
  },
  {
    version: 3,
    description: 'rules, the rules behind each decision, and the hash-chained audit trail',
    sql: `
      CREATE TABLE rules (
        id           TEXT PRIMARY KEY,
        effect       TEXT NOT NULL CHECK (effect IN ('allow', 'deny', 'ask')),
        kind         TEXT NOT NULL CHECK (kind IN ('exact', 'prefix', 'glob', 'regex')),
        pattern      TEXT NOT NULL,
        scope_type   TEXT NOT NULL CHECK (scope_type IN ('global', 'project', 'session')),
        scope_value  TEXT,
        enabled      INTEGER NOT NULL DEFAULT 1,
        source       TEXT NOT NULL,
        note         TEXT,
        created_at   INTEGER NOT NULL,
        expires_at   INTEGER,
        expiry_noted INTEGER NOT NULL DEFAULT 0,
        deleted_at   INTEGER,
        hits         INTEGER NOT NULL DEFAULT 0,
        last_hit_at  INTEGER
      );
      ALTER TABLE decisions ADD COLUMN rule_ids TEXT;
      CREATE TABLE audit (
        seq        INTEGER PRIMARY KEY,
        at         INTEGER NOT NULL,
        kind       TEXT NOT NULL,
        actor      TEXT NOT NULL,
        subject    TEXT NOT NULL,
        data       TEXT NOT NULL,
        prev_hash  TEXT NOT NULL,
        hash       TEXT NOT NULL
      );
      CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
      CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
    `,
  },
  {
    version: 4,
    description: 'recordings: compressed event chunks, keyframes, markers, full-text search',
    sql: `
      CREATE TABLE recordings (
        session_id      TEXT PRIMARY KEY REFERENCES sessions(id),
        source          TEXT NOT NULL CHECK (source IN ('live', 'import')),
        cols            INTEGER NOT NULL,
        rows            INTEGER NOT NULL,
        started_at      INTEGER NOT NULL,
        duration_ms     INTEGER NOT NULL DEFAULT 0,
        event_count     INTEGER NOT NULL DEFAULT 0,
        output_bytes    INTEGER NOT NULL DEFAULT 0,
        stored_bytes    INTEGER NOT NULL DEFAULT 0,
        chunk_count     INTEGER NOT NULL DEFAULT 0,
        indexed_chunks  INTEGER NOT NULL DEFAULT 0,
        closed_at       INTEGER
      );
      CREATE INDEX recordings_to_index ON recordings(indexed_chunks, chunk_count);
      CREATE TABLE recording_chunks (
        id           INTEGER PRIMARY KEY,
        session_id   TEXT NOT NULL REFERENCES sessions(id),
        seq          INTEGER NOT NULL,
        first_event  INTEGER NOT NULL,
        event_count  INTEGER NOT NULL,
        start_ms     INTEGER NOT NULL,
        end_ms       INTEGER NOT NULL,
        payload      BLOB NOT NULL,
        UNIQUE (session_id, seq)
      );
      CREATE INDEX recording_chunks_by_event ON recording_chunks(session_id, first_event);
      CREATE INDEX recording_chunks_by_time ON recording_chunks(session_id, start_ms);
      CREATE TABLE recording_keyframes (
        session_id   TEXT NOT NULL REFERENCES sessions(id),
        event_index  INTEGER NOT NULL,
        at_ms        INTEGER NOT NULL,
        cols         INTEGER NOT NULL,
        rows         INTEGER NOT NULL,
        state        BLOB NOT NULL,
        PRIMARY KEY (session_id, event_index)
      ) WITHOUT ROWID;
      CREATE INDEX recording_keyframes_by_time ON recording_keyframes(session_id, at_ms);
      CREATE TABLE recording_markers (
        id             INTEGER PRIMARY KEY,
        session_id     TEXT NOT NULL REFERENCES sessions(id),
        at_ms          INTEGER NOT NULL,
        event_index    INTEGER,
        kind           TEXT NOT NULL CHECK (kind IN ('marker', 'gap')),
        label          TEXT NOT NULL,
        request_id     TEXT,
        decision       TEXT CHECK (decision IN ('allow', 'deny')),
        dropped_bytes  INTEGER
      );
      CREATE INDEX recording_markers_by_session ON recording_markers(session_id, at_ms);
      -- Words only (detail = none: no positions, half the size and twice the speed); phrases are checked
      -- against the chunk itself when a search reads it back.
      CREATE VIRTUAL TABLE recording_search USING fts5(
        text, content = '', contentless_delete = 1, detail = none, tokenize = 'unicode61 remove_diacritics 2'
      );
    `,
  },
  {
    version: 5,
    description: 'audit retention: checkpoints of the pruned prefix; only entries behind a checkpoint may be deleted',
    sql: `
      CREATE TABLE audit_checkpoints (
        through_seq   INTEGER PRIMARY KEY,
        through_hash  TEXT NOT NULL,
        at            INTEGER NOT NULL,
        before        INTEGER NOT NULL,
        entries       INTEGER NOT NULL
      );
      CREATE TRIGGER audit_checkpoints_no_update BEFORE UPDATE ON audit_checkpoints BEGIN SELECT RAISE(ABORT, 'audit checkpoints are append-only'); END;
      CREATE TRIGGER audit_checkpoints_no_delete BEFORE DELETE ON audit_checkpoints BEGIN SELECT RAISE(ABORT, 'audit checkpoints are append-only'); END;
      DROP TRIGGER audit_no_delete;
      CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
        WHEN old.seq > COALESCE((SELECT max(through_seq) FROM audit_checkpoints), 0)
        BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
    `,
  },
  {
    version: 6,
    description: 'what guards each session, as its launcher found it (JSON)',
    sql: `ALTER TABLE sessions ADD COLUMN protections TEXT;`,
  },
  {
    version: 7,
    description: "what happened after an allow: the agent's call id, whether a report is awaited, the outcome",
    sql: `
      ALTER TABLE requests ADD COLUMN call_id TEXT;
      -- 1 from the request until its outcome is recorded or it is not allowed: the index holds only those.
      ALTER TABLE requests ADD COLUMN awaiting_outcome INTEGER NOT NULL DEFAULT 0;
      CREATE INDEX requests_by_call ON requests(session_id, call_id) WHERE call_id IS NOT NULL;
      CREATE INDEX requests_awaiting_outcome ON requests(session_id) WHERE awaiting_outcome = 1;
      CREATE TABLE request_outcomes (
        request_id   TEXT PRIMARY KEY REFERENCES requests(id),
        state        TEXT NOT NULL CHECK (state IN ('ran', 'failed', 'not-run')),
        exit_code    INTEGER,
        duration_ms  INTEGER,
        summary      TEXT,
        source       TEXT NOT NULL,
        at           INTEGER NOT NULL
      );
    `,
  },
  {
    version: 8,
    description: 'what ran instead of the command as asked, when a person chose its safer form',
    sql: `ALTER TABLE decisions ADD COLUMN updated_command TEXT;`,
  },
];
