//! Reading and changing session files the real CLI wrote (2.1.197 and 2.1.330).

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use crate::Message;
use crate::sessions::{ForkOptions, ListSessionsOptions, MessagesOptions, Sessions};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/sessions");
const R197: &str = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
const FORK197: &str = "fa33cf79-bb97-47aa-829e-aa606ab1ba30";
const MULTI: &str = "f5b0ff75-e198-4fb5-aae8-5fb828d153df";
const COMPACT: &str = "73855e25-9fbe-4d58-9c94-94c7e1a3e68f";
const TITLED: &str = "7427207d-20b7-4b90-b50f-2ad2063300c4";
const BASIC330: &str = "6e8c996f-2831-40b6-82b5-b1ba1979ee76";

/// A config dir holding every fixture as `projects/<project>/<id>.jsonl`, the files' mtimes one
/// minute apart in fixture-name order (so the listing order is known).
pub(super) fn config_with_fixtures() -> (tempfile::TempDir, Sessions) {
    let dir = tempfile::tempdir().unwrap();
    let mut names: Vec<PathBuf> = std::fs::read_dir(FIXTURES)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    let base = SystemTime::now() - Duration::from_secs(3600);
    for (i, src) in names.iter().enumerate() {
        let name = src.file_name().unwrap().to_str().unwrap();
        let (project, file) = name.split_once("__").unwrap();
        let target = dir.path().join("projects").join(project).join(file);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::write(&target, std::fs::read(src).unwrap()).unwrap();
        let f = std::fs::File::options().write(true).open(&target).unwrap();
        f.set_modified(base + Duration::from_secs(60 * i as u64))
            .unwrap();
    }
    let sessions = Sessions::new(dir.path());
    (dir, sessions)
}

fn file_of(sessions: &Sessions, id: &str) -> PathBuf {
    sessions.find_file(id, None).unwrap()
}

fn texts(messages: &[crate::sessions::SessionMessage]) -> Vec<String> {
    messages
        .iter()
        .map(|m| match &m.message {
            Message::User(u) => format!("user: {}", u.text()),
            Message::Assistant(a) => format!("assistant: {}", a.text()),
            other => other.type_name().to_string(),
        })
        .collect()
}

#[tokio::test]
async fn lists_every_session_newest_first_with_what_the_cli_shows() {
    let (_dir, sessions) = config_with_fixtures();
    let all = sessions.list(ListSessionsOptions::new()).await.unwrap();
    // Eight files, seven ids: both CLI versions wrote a session `aaaaaaaa-…`; the newest wins.
    assert_eq!(all.len(), 7);
    assert!(
        all.windows(2)
            .all(|w| w[0].last_modified >= w[1].last_modified)
    );
    // Newest fixture by name order: resume-fork 2.1.330, session 4b91... then aaaa....
    assert_eq!(
        all[0].project_dir_hint(),
        "-home-dev-proj-resume-fork--cli2-1-330"
    );
    let dup = all.iter().find(|i| i.session_id == R197).unwrap();
    assert_eq!(
        dup.cwd.as_deref(),
        Some("/home/dev/proj/resume_fork__cli2.1.330")
    );
    let in197 = ListSessionsOptions::new().dir("/home/dev/proj/resume_fork__cli2.1.197");
    let listed197 = sessions.list(in197).await.unwrap();
    let r = listed197.iter().find(|i| i.session_id == R197).unwrap();
    assert_eq!(
        r.cwd.as_deref(),
        Some("/home/dev/proj/resume_fork__cli2.1.197")
    );
    assert_eq!(r.summary, "Please do the task.");
    assert_eq!(r.first_prompt.as_deref(), Some("Please do the task."));
    assert_eq!(r.git_branch.as_deref(), Some("HEAD"));
    assert_eq!(
        r.created_at,
        crate::sessions::time::parse_millis("2026-11-21T17:09:40.754Z")
    );
    assert_eq!(r.custom_title, None);
    assert_eq!(r.tag, None);
    let titled = all.iter().find(|i| i.session_id == TITLED).unwrap();
    assert_eq!(
        titled.custom_title.as_deref(),
        Some("Title from initialize")
    );
    assert_eq!(titled.summary, "Title from initialize");
    let compact = all.iter().find(|i| i.session_id == COMPACT).unwrap();
    assert_eq!(
        compact.summary, "Third question.",
        "the last prompt wins over the first"
    );
    assert_eq!(compact.first_prompt.as_deref(), Some("Please do the task."));
    let page = sessions
        .list(ListSessionsOptions::new().offset(2).limit(3))
        .await
        .unwrap();
    assert_eq!(page, all[2..5].to_vec());
}

#[tokio::test]
async fn lists_one_project_by_its_directory() {
    let (_dir, sessions) = config_with_fixtures();
    let one = sessions
        .list(ListSessionsOptions::new().dir("/home/dev/proj/resume_fork__cli2.1.197"))
        .await
        .unwrap();
    let mut ids: Vec<&str> = one.iter().map(|i| i.session_id.as_str()).collect();
    ids.sort();
    assert_eq!(ids, [R197, FORK197]);
    let info = sessions.info(BASIC330, None).await.unwrap();
    assert_eq!(
        info.cwd.as_deref(),
        Some("/home/dev/proj/basic_text__cli2.1.330")
    );
    assert!(matches!(
        sessions
            .info("00000000-0000-4000-8000-000000000000", None)
            .await,
        Err(crate::Error::SessionNotFound { .. })
    ));
    assert!(matches!(
        sessions.info("../../etc/passwd", None).await,
        Err(crate::Error::InvalidArgument { .. })
    ));
}

#[tokio::test]
async fn messages_follow_the_chain_on_both_versions() {
    let (_dir, sessions) = config_with_fixtures();
    let dir197 = MessagesOptions::new().dir("/home/dev/proj/resume_fork__cli2.1.197");
    let m = sessions.messages(R197, dir197.clone()).await.unwrap();
    assert_eq!(
        texts(&m),
        [
            "user: Please do the task.",
            "assistant: ok",
            "user: Please do the task.",
            "assistant: ok"
        ]
    );
    assert!(m.iter().all(|m| m.session_id == R197));
    assert_eq!(m[1].parent_uuid.as_deref().map(|p| p.len()), Some(36));
    // The forked file of 2.1.197 holds the copied history plus its own turn.
    assert_eq!(
        sessions
            .messages(FORK197, MessagesOptions::new())
            .await
            .unwrap()
            .len(),
        6
    );
    let m330 = sessions
        .messages(
            R197,
            MessagesOptions::new().dir("/home/dev/proj/resume_fork__cli2.1.330"),
        )
        .await
        .unwrap();
    assert_eq!(
        texts(&m330),
        [
            "user: Please do the task.",
            "assistant: ok",
            "user: Please do the task.",
            "assistant: ok"
        ]
    );
    let last = sessions
        .messages(R197, dir197.clone().last(1))
        .await
        .unwrap();
    assert_eq!(last[0].uuid, m[3].uuid);
    let window = sessions
        .messages(R197, dir197.offset(1).limit(2))
        .await
        .unwrap();
    assert_eq!(
        window.iter().map(|m| &m.uuid).collect::<Vec<_>>(),
        [&m[1].uuid, &m[2].uuid]
    );
}

#[tokio::test]
async fn tool_turns_and_compaction_read_in_order() {
    let (_dir, sessions) = config_with_fixtures();
    let m = sessions
        .messages(MULTI, MessagesOptions::new())
        .await
        .unwrap();
    let t = texts(&m);
    assert_eq!(t.len(), 5, "{t:?}");
    assert_eq!(t[0], "user: Please do the task.");
    assert_eq!(t[1], "assistant: Let me run it.");
    assert!(
        matches!(&m[3].message, Message::User(u) if u.tool_results().count() == 1 && u.tool_use_result.is_some())
    );
    assert_eq!(t[4], "assistant: done | last tool_result: hi");
    let c = sessions
        .messages(COMPACT, MessagesOptions::new())
        .await
        .unwrap();
    assert!(
        texts(&c)[0].starts_with("user: This session is being continued"),
        "{:?}",
        texts(&c)
    );
    let with_system = sessions
        .messages(COMPACT, MessagesOptions::new().include_system(true))
        .await
        .unwrap();
    assert!(matches!(with_system[0].message, Message::System(_)));
    assert_eq!(with_system.len(), c.len() + 1);
}

#[tokio::test]
async fn rename_and_tag_append_entries_the_listing_sees() {
    let (_dir, sessions) = config_with_fixtures();
    sessions
        .rename(BASIC330, "  Renamed  ", None)
        .await
        .unwrap();
    sessions
        .tag(BASIC330, Some("review\u{200B}"), None)
        .await
        .unwrap();
    let info = sessions.info(BASIC330, None).await.unwrap();
    assert_eq!(info.custom_title.as_deref(), Some("Renamed"));
    assert_eq!(info.summary, "Renamed");
    assert_eq!(info.tag.as_deref(), Some("review"));
    let text = std::fs::read_to_string(file_of(&sessions, BASIC330)).unwrap();
    assert!(text.ends_with(&format!(
        "{{\"type\":\"custom-title\",\"customTitle\":\"Renamed\",\"sessionId\":\"{BASIC330}\"}}\n{{\"type\":\"tag\",\"tag\":\"review\",\"sessionId\":\"{BASIC330}\"}}\n"
    )));
    sessions.tag(BASIC330, None, None).await.unwrap();
    assert_eq!(sessions.info(BASIC330, None).await.unwrap().tag, None);
    assert!(sessions.rename(BASIC330, " ", None).await.is_err());
}

#[tokio::test]
async fn fork_copies_history_up_to_a_message_under_fresh_ids() {
    let (_dir, sessions) = config_with_fixtures();
    let original = sessions
        .messages(MULTI, MessagesOptions::new())
        .await
        .unwrap();
    let fork = sessions
        .fork(MULTI, ForkOptions::new().up_to(&original[1].uuid))
        .await
        .unwrap();
    assert_ne!(fork.session_id, MULTI);
    let forked = sessions
        .messages(&fork.session_id, MessagesOptions::new())
        .await
        .unwrap();
    assert_eq!(texts(&forked), texts(&original[..2]));
    assert!(forked.iter().all(|m| m.session_id == fork.session_id));
    assert!(
        forked
            .iter()
            .all(|m| original.iter().all(|o| o.uuid != m.uuid))
    );
    assert_eq!(
        forked[1].entry["forkedFrom"]["messageUuid"],
        original[1].uuid.as_str()
    );
    let info = sessions.info(&fork.session_id, None).await.unwrap();
    assert_eq!(
        info.custom_title.as_deref(),
        Some("Please do the task. (fork)")
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&fork.path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    assert!(matches!(
        sessions.fork(MULTI, ForkOptions::new().up_to("nope")).await,
        Err(crate::Error::InvalidArgument { .. })
    ));
}

#[tokio::test]
async fn delete_removes_the_file_and_its_directory() {
    let (_dir, sessions) = config_with_fixtures();
    let path = file_of(&sessions, MULTI);
    let sub = path.with_extension("").join("subagents");
    std::fs::create_dir_all(&sub).unwrap();
    sessions.delete(MULTI, None).await.unwrap();
    assert!(!path.exists() && !sub.exists());
    assert!(sessions.info(MULTI, None).await.is_err());
    assert!(sessions.delete(MULTI, None).await.is_err());
}

#[tokio::test]
async fn garbage_truncation_and_unknown_entries_are_tolerated() {
    let (_dir, sessions) = config_with_fixtures();
    let path = file_of(&sessions, MULTI);
    let mut bytes = std::fs::read(&path).unwrap();
    bytes.extend_from_slice(b"\xff\xfe\x00 not utf-8\n{\"type\":\"brand-new-type\",\"x\":[1]}\n[1,2]\n{\"type\":\"user\",\"uuid\":\"cut");
    std::fs::write(&path, &bytes).unwrap();
    let info = sessions.info(MULTI, None).await.unwrap();
    assert_eq!(info.first_prompt.as_deref(), Some("Please do the task."));
    assert_eq!(
        sessions
            .messages(MULTI, MessagesOptions::new())
            .await
            .unwrap()
            .len(),
        5
    );
    // Appending after a cut line starts a new line, and the entry is read back.
    sessions.rename(MULTI, "After garbage", None).await.unwrap();
    assert_eq!(
        sessions
            .info(MULTI, None)
            .await
            .unwrap()
            .custom_title
            .as_deref(),
        Some("After garbage")
    );
}

#[tokio::test]
async fn listing_skips_sidechain_files_empty_files_and_non_uuid_names() {
    let (dir, sessions) = config_with_fixtures();
    let project = dir.path().join("projects/-x");
    std::fs::create_dir_all(&project).unwrap();
    std::fs::write(
        project.join("11111111-1111-4111-8111-111111111111.jsonl"),
        "{\"type\":\"user\",\"isSidechain\":true,\"message\":{\"content\":\"side\"}}\n",
    )
    .unwrap();
    std::fs::write(
        project.join("22222222-2222-4222-8222-222222222222.jsonl"),
        "",
    )
    .unwrap();
    std::fs::write(
        project.join("notes.jsonl"),
        "{\"type\":\"user\",\"message\":{\"content\":\"x\"}}\n",
    )
    .unwrap();
    let listed = sessions
        .list(ListSessionsOptions::new().dir("/x"))
        .await
        .unwrap();
    assert!(listed.is_empty(), "{listed:?}");
}

#[tokio::test]
async fn subagent_transcripts_are_found_and_read() {
    let (_dir, sessions) = config_with_fixtures();
    let session_dir = file_of(&sessions, MULTI).with_extension("");
    let agents = session_dir.join("subagents");
    std::fs::create_dir_all(agents.join("workflows/run1")).unwrap();
    let line = |uuid: &str, parent: Option<&str>, kind: &str, text: &str| {
        serde_json::json!({"type": kind, "uuid": uuid, "parentUuid": parent, "isSidechain": true,
            "sessionId": MULTI, "message": {"role": kind, "content": [{"type": "text", "text": text}]}})
        .to_string()
    };
    std::fs::write(
        agents.join("agent-a1.jsonl"),
        [
            line("s1", None, "user", "Review this"),
            line("s2", Some("s1"), "assistant", "Looks fine"),
        ]
        .join("\n"),
    )
    .unwrap();
    std::fs::write(
        agents.join("agent-a1.meta.json"),
        r#"{"toolUseId":"toolu_1","parentAgentId":null}"#,
    )
    .unwrap();
    std::fs::write(
        agents.join("workflows/run1/agent-b2.jsonl"),
        line("w1", None, "user", "nested"),
    )
    .unwrap();
    let found = sessions.subagents(MULTI, None).await.unwrap();
    assert_eq!(
        found
            .iter()
            .map(|a| a.agent_id.as_str())
            .collect::<Vec<_>>(),
        ["a1", "b2"]
    );
    assert_eq!(found[0].tool_use_id.as_deref(), Some("toolu_1"));
    assert_eq!(found[1].subpath, "workflows/run1");
    let m = sessions
        .subagent_messages(MULTI, "a1", MessagesOptions::new())
        .await
        .unwrap();
    assert_eq!(texts(&m), ["user: Review this", "assistant: Looks fine"]);
    assert!(
        sessions
            .subagent_messages(MULTI, "zz", MessagesOptions::new())
            .await
            .is_err()
    );
}

impl crate::sessions::SessionInfo {
    fn project_dir_hint(&self) -> String {
        self.path
            .parent()
            .and_then(Path::file_name)
            .unwrap()
            .to_string_lossy()
            .into_owned()
    }
}

#[tokio::test]
async fn a_file_being_appended_is_listed_and_read_consistently() {
    let (_dir, sessions) = config_with_fixtures();
    let path = file_of(&sessions, MULTI);
    let writer_path = path.clone();
    let writer = std::thread::spawn(move || {
        use std::io::Write;
        let mut f = std::fs::OpenOptions::new()
            .append(true)
            .open(writer_path)
            .unwrap();
        let pad = "x".repeat(3000);
        for i in 0..400 {
            // Written in two pieces, so readers can see half a line.
            let line = format!("{{\"type\":\"progress-note\",\"i\":{i},\"pad\":\"{pad}\"}}\n");
            let (a, b) = line.split_at(line.len() / 2);
            f.write_all(a.as_bytes()).unwrap();
            f.flush().unwrap();
            f.write_all(b.as_bytes()).unwrap();
        }
    });
    for _ in 0..30 {
        let info = sessions.info(MULTI, None).await.unwrap();
        assert_eq!(info.first_prompt.as_deref(), Some("Please do the task."));
        let m = sessions
            .messages(MULTI, MessagesOptions::new())
            .await
            .unwrap();
        assert_eq!(m.len(), 5);
    }
    writer.join().unwrap();
    assert!(sessions.info(MULTI, None).await.unwrap().file_size > 1_000_000);
}
