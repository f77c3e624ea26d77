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
];
