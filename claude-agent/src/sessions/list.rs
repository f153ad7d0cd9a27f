//! Finding session files: project directories (with git worktrees), listing, lookup by id.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::info::{SessionInfo, read_info};
use super::paths::{canonical, is_uuid, matches_long_name, project_dir_name, session_id_of};
use super::{ListSessionsOptions, Sessions};
use crate::{Error, Result};

impl Sessions {
    /// The project directories that hold the sessions run in `dir` (and, when asked, in the
    /// other worktrees of its git repository).
    pub(crate) fn project_dirs_for(&self, dir: &Path, worktrees: bool) -> Vec<PathBuf> {
        let mut cwds = vec![canonical(dir)];
        if worktrees {
            for tree in git_worktrees(dir) {
                if !cwds.contains(&tree) {
                    cwds.push(tree);
                }
            }
        }
        let mut out = Vec::new();
        for cwd in cwds {
            let name = project_dir_name(&cwd);
            let exact = self.projects_dir().join(&name);
            if exact.is_dir() {
                out.push(exact);
            } else if name.len() > 200 {
                out.extend(self.all_project_dirs().into_iter().filter(|p| {
                    p.file_name()
                        .is_some_and(|n| matches_long_name(&n.to_string_lossy(), &name))
                }));
            }
        }
        out
    }

    /// Every project directory under `<config>/projects`.
    pub(crate) fn all_project_dirs(&self) -> Vec<PathBuf> {
        let Ok(entries) = std::fs::read_dir(self.projects_dir()) else {
            return Vec::new();
        };
        entries
            .flatten()
            .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
            .map(|e| e.path())
            .collect()
    }

    /// The project directories to search: those of `dir`, or all.
    pub(crate) fn search_dirs(&self, dir: Option<&Path>, worktrees: bool) -> Vec<PathBuf> {
        match dir {
            Some(dir) => self.project_dirs_for(dir, worktrees),
            None => self.all_project_dirs(),
        }
    }

    /// Lists sessions (blocking).
    pub(crate) fn list_blocking(&self, options: &ListSessionsOptions) -> Vec<SessionInfo> {
        let mut newest: HashMap<String, SessionInfo> = HashMap::new();
        for project in self.search_dirs(options.dir.as_deref(), options.include_worktrees) {
            let Ok(entries) = std::fs::read_dir(&project) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                let Some(id) = session_id_of(&path) else {
                    continue;
                };
                let info = match read_info(&path, id) {
                    Ok(Some(info)) => info,
                    Ok(None) => continue,
                    Err(err) => {
                        tracing::warn!(path = %path.display(), error = %err, "cannot read a session file");
                        continue;
                    }
                };
                match newest.get(id) {
                    Some(old) if old.last_modified >= info.last_modified => {}
                    _ => {
                        newest.insert(id.to_owned(), info);
                    }
                }
            }
        }
        let mut all: Vec<SessionInfo> = newest.into_values().collect();
        all.sort_by(|a, b| {
            b.last_modified
                .cmp(&a.last_modified)
                .then_with(|| a.session_id.cmp(&b.session_id))
        });
        all.into_iter()
            .skip(options.offset)
            .take(options.limit.unwrap_or(usize::MAX))
            .collect()
    }

    /// The file of session `id`: in `dir`'s project directories (and worktrees), or anywhere.
    /// Empty files count as absent; the newest wins when several match.
    pub(crate) fn find_file(&self, id: &str, dir: Option<&Path>) -> Result<PathBuf> {
        check_id(id)?;
        let file = format!("{id}.jsonl");
        self.search_dirs(dir, true)
            .into_iter()
            .map(|p| p.join(&file))
            .filter_map(|p| {
                let meta = std::fs::metadata(&p).ok()?;
                (meta.is_file() && meta.len() > 0).then(|| (meta.modified().ok(), p))
            })
            .max_by_key(|(modified, _)| *modified)
            .map(|(_, p)| p)
            .ok_or_else(|| Error::SessionNotFound {
                session_id: id.to_owned(),
            })
    }

    /// The info of session `id` (blocking).
    pub(crate) fn info_blocking(&self, id: &str, dir: Option<&Path>) -> Result<SessionInfo> {
        let path = self.find_file(id, dir)?;
        read_info(&path, id)
            .map_err(|e| Error::session_file(&path, e))?
            .ok_or_else(|| Error::SessionNotFound {
                session_id: id.to_owned(),
            })
    }
}

/// Refuses anything but a UUID as a session id (ids become file names).
pub(crate) fn check_id(id: &str) -> Result<()> {
    if is_uuid(id) {
        Ok(())
    } else {
        Err(Error::invalid_argument(
            "session_id",
            format!("{id:?} is not a UUID"),
        ))
    }
}

/// The worktrees of the git repository containing `dir` (none when it is not in one, or git is
/// not installed).
fn git_worktrees(dir: &Path) -> Vec<PathBuf> {
    let Ok(output) = std::process::Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["worktree", "list", "--porcelain"])
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .output()
    else {
        return Vec::new();
    };
    if !output.status.success() {
        return Vec::new();
    }
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|l| l.strip_prefix("worktree "))
        .map(|p| canonical(Path::new(p)))
        .collect()
}
