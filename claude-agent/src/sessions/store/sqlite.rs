//! [`SqliteSessionStore`]: transcripts in an embedded SQLite database (feature `sqlite`).

use std::path::Path;
use std::sync::{Arc, Mutex};

use rusqlite::{Connection, OptionalExtension, params};
use serde_json::Value;

use super::{SessionKey, SessionStore, StoreFuture, StoredSession};
use crate::sessions::time::millis_of;
use crate::{Error, Result};

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS transcript_entries (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    project_key TEXT NOT NULL,
    session_id  TEXT NOT NULL,
    subpath     TEXT NOT NULL DEFAULT '',
    uuid        TEXT,
    entry       TEXT NOT NULL,
    UNIQUE (project_key, session_id, subpath, uuid)
);
CREATE TABLE IF NOT EXISTS transcripts (
    project_key TEXT NOT NULL,
    session_id  TEXT NOT NULL,
    subpath     TEXT NOT NULL DEFAULT '',
    mtime       INTEGER NOT NULL,
    PRIMARY KEY (project_key, session_id, subpath)
);
";

/// A [`SessionStore`] in a SQLite database (through `rusqlite`, SQLite compiled in).
///
/// Entries are rows in insertion order; a `UNIQUE (key, uuid)` constraint makes `uuid`s
/// idempotency keys (SQLite treats `NULL`s as distinct, so entries without one always go in).
/// Calls run on Tokio's blocking pool.
///
/// # Examples
///
/// ```
/// use claude_agent::sessions::store::{SessionKey, SessionStore, SqliteSessionStore};
/// use serde_json::json;
///
/// # #[tokio::main(flavor = "current_thread")] async fn main() -> claude_agent::Result<()> {
/// let store = SqliteSessionStore::open_in_memory()?;
/// let key = SessionKey::new("tenant-42", "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee");
/// store.append(&key, &[json!({"type": "user", "uuid": "u1"})]).await?;
/// assert_eq!(store.list_sessions("tenant-42").await?.len(), 1);
/// # Ok(()) }
/// ```
#[derive(Debug, Clone)]
pub struct SqliteSessionStore {
    conn: Arc<Mutex<Connection>>,
}

fn db_err(e: impl std::fmt::Display) -> Error {
    Error::store(format!("sqlite: {e}"))
}

impl SqliteSessionStore {
    /// Opens (creating if needed) the database file at `path`.
    pub fn open(path: impl AsRef<Path>) -> Result<Self> {
        Self::init(Connection::open(path).map_err(db_err)?)
    }

    /// A private database in memory.
    pub fn open_in_memory() -> Result<Self> {
        Self::init(Connection::open_in_memory().map_err(db_err)?)
    }

    fn init(conn: Connection) -> Result<Self> {
        conn.execute_batch("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;")
            .map_err(db_err)?;
        conn.execute_batch(SCHEMA).map_err(db_err)?;
        Ok(SqliteSessionStore {
            conn: Arc::new(Mutex::new(conn)),
        })
    }

    /// Runs `work` with the connection on the blocking pool.
    async fn with<T: Send + 'static>(
        &self,
        work: impl FnOnce(&mut Connection) -> rusqlite::Result<T> + Send + 'static,
    ) -> Result<T> {
        let conn = Arc::clone(&self.conn);
        tokio::task::spawn_blocking(move || {
            let mut guard = conn
                .lock()
                .map_err(|_| Error::store("sqlite: lock poisoned"))?;
            work(&mut guard).map_err(db_err)
        })
        .await
        .map_err(|e| Error::Io(std::io::Error::other(e)))?
    }
}

fn sub(key: &SessionKey) -> String {
    key.subpath.clone().unwrap_or_default()
}

impl SessionStore for SqliteSessionStore {
    fn append<'a>(&'a self, key: &'a SessionKey, entries: &'a [Value]) -> StoreFuture<'a, ()> {
        Box::pin(async move {
            key.validate()?;
            if entries.is_empty() {
                return Ok(());
            }
            let rows: Vec<(Option<String>, String)> = entries
                .iter()
                .map(|e| (e["uuid"].as_str().map(str::to_owned), e.to_string()))
                .collect();
            let (p, s, sp) = (key.project_key.clone(), key.session_id.clone(), sub(key));
            let now = millis_of(std::time::SystemTime::now());
            self.with(move |conn| {
                let tx = conn.transaction()?;
                {
                    let mut insert = tx.prepare_cached(
                        "INSERT OR IGNORE INTO transcript_entries \
                         (project_key, session_id, subpath, uuid, entry) VALUES (?1, ?2, ?3, ?4, ?5)",
                    )?;
                    for (uuid, entry) in &rows {
                        insert.execute(params![p, s, sp, uuid, entry])?;
                    }
                    tx.execute(
                        "INSERT INTO transcripts (project_key, session_id, subpath, mtime) \
                         VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO UPDATE SET mtime = excluded.mtime",
                        params![p, s, sp, now],
                    )?;
                }
                tx.commit()
            })
            .await
        })
    }

    fn load<'a>(&'a self, key: &'a SessionKey) -> StoreFuture<'a, Option<Vec<Value>>> {
        Box::pin(async move {
            let (p, s, sp) = (key.project_key.clone(), key.session_id.clone(), sub(key));
            let rows = self
                .with(move |conn| {
                    let known: Option<i64> = conn
                        .query_row(
                            "SELECT mtime FROM transcripts WHERE project_key=?1 AND session_id=?2 AND subpath=?3",
                            params![p, s, sp],
                            |r| r.get(0),
                        )
                        .optional()?;
                    if known.is_none() {
                        return Ok(None);
                    }
                    let mut stmt = conn.prepare_cached(
                        "SELECT entry FROM transcript_entries \
                         WHERE project_key=?1 AND session_id=?2 AND subpath=?3 ORDER BY seq",
                    )?;
                    let rows = stmt
                        .query_map(params![p, s, sp], |r| r.get::<_, String>(0))?
                        .collect::<rusqlite::Result<Vec<String>>>()?;
                    Ok(Some(rows))
                })
                .await?;
            rows.map(|rows| {
                rows.iter()
                    .map(|r| {
                        serde_json::from_str(r).map_err(|e| db_err(format!("corrupt entry: {e}")))
                    })
                    .collect()
            })
            .transpose()
        })
    }

    fn list_sessions<'a>(&'a self, project_key: &'a str) -> StoreFuture<'a, Vec<StoredSession>> {
        Box::pin(async move {
            let p = project_key.to_owned();
            self.with(move |conn| {
                let mut stmt = conn.prepare_cached(
                    "SELECT session_id, mtime FROM transcripts WHERE project_key=?1 AND subpath=''",
                )?;
                stmt.query_map(params![p], |r| {
                    Ok(StoredSession::new(r.get::<_, String>(0)?, r.get(1)?))
                })?
                .collect()
            })
            .await
        })
    }

    fn delete<'a>(&'a self, key: &'a SessionKey) -> StoreFuture<'a, ()> {
        Box::pin(async move {
            let (p, s, sp) = (
                key.project_key.clone(),
                key.session_id.clone(),
                key.subpath.clone(),
            );
            self.with(move |conn| {
                let tx = conn.transaction()?;
                for table in ["transcript_entries", "transcripts"] {
                    match &sp {
                        Some(sp) => tx.execute(
                            &format!("DELETE FROM {table} WHERE project_key=?1 AND session_id=?2 AND subpath=?3"),
                            params![p, s, sp],
                        )?,
                        None => tx.execute(
                            &format!("DELETE FROM {table} WHERE project_key=?1 AND session_id=?2"),
                            params![p, s],
                        )?,
                    };
                }
                tx.commit()
            })
            .await
        })
    }

    fn list_subkeys<'a>(
        &'a self,
        project_key: &'a str,
        session_id: &'a str,
    ) -> StoreFuture<'a, Vec<String>> {
        Box::pin(async move {
            let (p, s) = (project_key.to_owned(), session_id.to_owned());
            self.with(move |conn| {
                let mut stmt = conn.prepare_cached(
                    "SELECT subpath FROM transcripts WHERE project_key=?1 AND session_id=?2 AND subpath<>'' ORDER BY subpath",
                )?;
                stmt.query_map(params![p, s], |r| r.get(0))?.collect()
            })
            .await
        })
    }
}
