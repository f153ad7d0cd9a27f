//! The sessions API against session files the real CLI writes, with resume and fork options.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;

use std::sync::Arc;

use claude_agent::sessions::store::{
    SessionMirror, SqliteSessionStore, key_for_transcript, restore_session,
};
use claude_agent::sessions::{
    ForkOptions, ListSessionsOptions, MessagesOptions, SessionMessage, Sessions,
};
use claude_agent::testing::{Match, Reply, ScriptedModel, TestEnv};
use claude_agent::{Message, Options, query};
use common::{Offline, within};

/// A model that answers each prompt with a reply naming it.
fn echo_model() -> ScriptedModel {
    ScriptedModel::new()
        .on(
            Match::any().user_text_contains("First task"),
            Reply::text("Done with the first."),
        )
        .on(
            Match::any().user_text_contains("Second task"),
            Reply::text("Done with the second."),
        )
        .on(
            Match::any().user_text_contains("Third task"),
            Reply::text("Done with the third."),
        )
        .fallback(Reply::text("Carrying on."))
}

/// Runs one prompt to its result; returns the session id.
async fn run(options: Options, prompt: &str) -> String {
    let result = within(query(prompt, options).result()).await.unwrap();
    result.session_id
}

fn sessions_of(env: &TestEnv) -> Sessions {
    Sessions::new(env.config_dir())
}

fn texts(messages: &[SessionMessage]) -> Vec<String> {
    messages
        .iter()
        .map(|m| match &m.message {
            Message::User(u) => format!("user: {}", u.text()),
            Message::Assistant(a) => format!("assistant: {}", a.text()),
            other => other.type_name().to_owned(),
        })
        .collect()
}

/// Whether any message of the model request `i` mentions `needle`.
fn request_mentions(offline: &Offline, i: usize, needle: &str) -> bool {
    let requests = offline.server.message_requests();
    requests[i]
        .messages()
        .iter()
        .any(|m| m.to_string().contains(needle))
}

#[tokio::test]
async fn three_sessions_are_listed_newest_first_and_read_in_order() {
    let offline = Offline::start(echo_model()).await;
    let mut ids = Vec::new();
    for prompt in ["First task", "Second task", "Third task"] {
        ids.push(run(offline.options().build(), prompt).await);
        // File times must differ for a stable order.
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    let sessions = sessions_of(&offline.env);
    let listed = sessions
        .list(ListSessionsOptions::new().dir(offline.env.cwd()))
        .await
        .unwrap();
    let listed_ids: Vec<&str> = listed.iter().map(|i| i.session_id.as_str()).collect();
    assert_eq!(listed_ids, [&ids[2], &ids[1], &ids[0]]);
    let cwd = offline.env.cwd().canonicalize().unwrap();
    for (info, prompt) in listed
        .iter()
        .zip(["Third task", "Second task", "First task"])
    {
        assert_eq!(info.first_prompt.as_deref(), Some(prompt));
        assert_eq!(info.summary, prompt);
        assert_eq!(info.cwd.as_deref(), Some(cwd.to_str().unwrap()));
        assert!(info.created_at.is_some() && info.file_size > 0);
    }
    // Without a directory: every project, same three.
    assert_eq!(
        sessions.list(ListSessionsOptions::new()).await.unwrap(),
        listed
    );
    let messages = sessions
        .messages(&ids[1], MessagesOptions::new())
        .await
        .unwrap();
    assert_eq!(
        texts(&messages),
        ["user: Second task", "assistant: Done with the second."]
    );
    assert!(messages.iter().all(|m| m.session_id == ids[1]));
}

#[tokio::test]
async fn rename_and_tag_show_up_and_the_cli_still_resumes_the_file() {
    let offline = Offline::start(echo_model()).await;
    let id = run(offline.options().build(), "First task").await;
    let sessions = sessions_of(&offline.env);
    sessions
        .rename(&id, "My renamed session", None)
        .await
        .unwrap();
    sessions.tag(&id, Some("urgent"), None).await.unwrap();
    let info = sessions.info(&id, Some(offline.env.cwd())).await.unwrap();
    assert_eq!(info.custom_title.as_deref(), Some("My renamed session"));
    assert_eq!(info.summary, "My renamed session");
    assert_eq!(info.tag.as_deref(), Some("urgent"));

    // The CLI resumes the appended file: same id, and the model sees the earlier turn.
    let resumed = run(offline.options().resume(&id).build(), "Second task").await;
    assert_eq!(resumed, id);
    assert!(
        request_mentions(&offline, 1, "First task"),
        "history is sent on resume"
    );
    let after = sessions.info(&id, None).await.unwrap();
    assert_eq!(
        after.custom_title.as_deref(),
        Some("My renamed session"),
        "the CLI keeps our title"
    );
    assert_eq!(after.tag.as_deref(), Some("urgent"));
    let messages = sessions
        .messages(&id, MessagesOptions::new())
        .await
        .unwrap();
    assert_eq!(
        texts(&messages),
        [
            "user: First task",
            "assistant: Done with the first.",
            "user: Second task",
            "assistant: Done with the second."
        ]
    );
    sessions.tag(&id, None, None).await.unwrap();
    assert_eq!(sessions.info(&id, None).await.unwrap().tag, None);
    sessions.delete(&id, None).await.unwrap();
    assert!(
        sessions
            .list(ListSessionsOptions::new())
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn session_id_resume_at_and_fork_options_work_with_the_listing() {
    let offline = Offline::start(echo_model()).await;
    let chosen = "0f0e0d0c-0b0a-4908-8706-050403020100";
    let id = run(offline.options().session_id(chosen).build(), "First task").await;
    assert_eq!(id, chosen, "`session_id` names the session");
    run(offline.options().resume(chosen).build(), "Second task").await;
    let sessions = sessions_of(&offline.env);
    let before = sessions
        .messages(chosen, MessagesOptions::new())
        .await
        .unwrap();
    assert_eq!(before.len(), 4);
    let first_answer = &before[1].uuid;

    // Fork at the first answer: a new id, the first turn only.
    let fork_id = run(
        offline
            .options()
            .resume(chosen)
            .fork_session(true)
            .resume_session_at(first_answer)
            .build(),
        "Third task",
    )
    .await;
    assert_ne!(fork_id, chosen);
    assert!(request_mentions(&offline, 2, "First task"));
    assert!(
        !request_mentions(&offline, 2, "Second task"),
        "history stops at the fork point"
    );
    let listed = sessions.list(ListSessionsOptions::new()).await.unwrap();
    assert_eq!(listed.len(), 2);
    assert_eq!(listed[0].session_id, fork_id, "the fork is the newest");
    let forked = sessions
        .messages(&fork_id, MessagesOptions::new())
        .await
        .unwrap();
    assert_eq!(
        texts(&forked),
        [
            "user: First task",
            "assistant: Done with the first.",
            "user: Third task",
            "assistant: Done with the third."
        ]
    );
    // The original is untouched.
    assert_eq!(
        sessions
            .messages(chosen, MessagesOptions::new())
            .await
            .unwrap()
            .len(),
        4
    );
}

#[tokio::test]
async fn an_offline_fork_is_resumed_by_the_cli() {
    let offline = Offline::start(echo_model()).await;
    let id = run(offline.options().build(), "First task").await;
    run(offline.options().resume(&id).build(), "Second task").await;
    let sessions = sessions_of(&offline.env);
    let history = sessions
        .messages(&id, MessagesOptions::new())
        .await
        .unwrap();
    let fork = sessions
        .fork(&id, ForkOptions::new().up_to(&history[1].uuid))
        .await
        .unwrap();
    let info = sessions.info(&fork.session_id, None).await.unwrap();
    assert_eq!(info.custom_title.as_deref(), Some("Second task (fork)"));

    let resumed = run(
        offline.options().resume(&fork.session_id).build(),
        "Third task",
    )
    .await;
    assert_eq!(resumed, fork.session_id, "the CLI continues the forked id");
    assert!(request_mentions(&offline, 2, "First task"));
    assert!(!request_mentions(&offline, 2, "Second task"));
    let forked = sessions
        .messages(&fork.session_id, MessagesOptions::new())
        .await
        .unwrap();
    assert_eq!(
        texts(&forked),
        [
            "user: First task",
            "assistant: Done with the first.",
            "user: Third task",
            "assistant: Done with the third."
        ]
    );
}

#[tokio::test]
async fn a_session_mirrored_to_sqlite_resumes_from_an_empty_config_dir() {
    let offline = Offline::start(echo_model()).await;
    let db_dir = tempfile::tempdir().unwrap();
    let store = Arc::new(SqliteSessionStore::open(db_dir.path().join("sessions.db")).unwrap());
    let mirror = SessionMirror::new(store.clone());
    let messages =
        within(query("First task", offline.options().session_mirror(true).build()).messages())
            .await
            .unwrap();
    let mut mirrored = 0;
    for message in &messages {
        if mirror.observe(message).await.unwrap() {
            mirrored += 1;
        }
    }
    assert!(mirrored > 0, "the CLI streamed transcript_mirror messages");
    let id = common::results(&messages.iter().cloned().map(Ok).collect::<Vec<_>>())[0]
        .session_id
        .clone();
    let file = offline.env.session_files().unwrap().pop().unwrap();
    let key = key_for_transcript(&file).unwrap();
    assert_eq!(key.session_id, id);

    // A second machine: a fresh config dir that never saw the file.
    let elsewhere = TestEnv::new(&offline.server).unwrap();
    assert!(elsewhere.session_files().unwrap().is_empty());
    let target = Sessions::new(elsewhere.config_dir());
    restore_session(store.as_ref(), &key, &target, elsewhere.cwd())
        .await
        .unwrap();
    let restored = target.messages(&id, MessagesOptions::new()).await.unwrap();
    assert_eq!(
        texts(&restored),
        ["user: First task", "assistant: Done with the first."]
    );

    let options = elsewhere.options().unwrap().resume(&id).build();
    let resumed = run(options, "Second task").await;
    assert_eq!(resumed, id);
    assert!(
        request_mentions(&offline, 1, "First task"),
        "the restored history reached the model"
    );
    let all = target.messages(&id, MessagesOptions::new()).await.unwrap();
    assert_eq!(all.len(), 4);
}

const REVIEWER_PROMPT: &str = "You are the reviewer subagent.";

#[tokio::test]
async fn subagent_transcripts_are_listed_read_and_mirrored() {
    use claude_agent::options::AgentDefinition;
    use claude_agent::sessions::store::{MemorySessionStore, SessionStore};
    use serde_json::json;

    let model = ScriptedModel::new()
        .on(Match::any().system_contains(REVIEWER_PROMPT), Reply::text("Reviewed: fine."))
        .on(Match::any().tool_result_for_tool("Agent"), Reply::text("The reviewer is happy."))
        .on(
            Match::any().user_text_contains("Get a review"),
            Reply::tool_use(
                "Agent",
                json!({"description": "Review", "prompt": "Review the code", "subagent_type": "reviewer",
                    "run_in_background": false}),
            ),
        )
        .fallback(Reply::text("ok"));
    let offline = Offline::start(model).await;
    let options = offline
        .options()
        .agent_definition(
            "reviewer",
            AgentDefinition::new("Reviews code", REVIEWER_PROMPT).tools(["Read"]),
        )
        .session_mirror(true)
        .build();
    let messages = within(query("Get a review", options).messages())
        .await
        .unwrap();
    let store = Arc::new(MemorySessionStore::new());
    let mirror = SessionMirror::new(store.clone());
    for message in &messages {
        mirror.observe(message).await.unwrap();
    }
    let id = common::results(&messages.iter().cloned().map(Ok).collect::<Vec<_>>())[0]
        .session_id
        .clone();
    let sessions = sessions_of(&offline.env);
    let agents = sessions.subagents(&id, None).await.unwrap();
    assert_eq!(agents.len(), 1, "{agents:?}");
    let agent = &agents[0];
    assert_eq!(agent.agent_type.as_deref(), Some("reviewer"));
    assert_eq!(
        agent.tool_use_id.as_deref(),
        Some("toolu_1"),
        "the sidecar names the Agent call"
    );
    let read = sessions
        .subagent_messages(&id, &agent.agent_id, MessagesOptions::new())
        .await
        .unwrap();
    let t = texts(&read);
    assert_eq!(
        t.first().map(String::as_str),
        Some("user: Review the code"),
        "{t:?}"
    );
    assert_eq!(
        t.last().map(String::as_str),
        Some("assistant: Reviewed: fine."),
        "{t:?}"
    );
    // The main conversation does not show the subagent's turns.
    let main = texts(
        &sessions
            .messages(&id, MessagesOptions::new())
            .await
            .unwrap(),
    );
    assert!(
        !main
            .iter()
            .any(|m| m.contains("Reviewed: fine.") && m.starts_with("assistant")),
        "{main:?}"
    );
    assert_eq!(
        main.last().map(String::as_str),
        Some("assistant: The reviewer is happy.")
    );
    // The mirror stored the subagent transcript under its subpath.
    let file = offline.env.session_files().unwrap().pop().unwrap();
    let key = key_for_transcript(&file).unwrap();
    let subkeys = store.list_subkeys(&key.project_key, &id).await.unwrap();
    assert_eq!(subkeys, [format!("subagents/agent-{}", agent.agent_id)]);
}

/// The CLI itself reads the `custom-title` entry rename_session appends: `--resume <title>`
/// finds the session (2.1.197 and 2.1.330).
#[tokio::test]
async fn the_cli_resumes_a_renamed_session_by_its_new_title() {
    let offline = Offline::start(echo_model()).await;
    let id = run(offline.options().build(), "First task").await;
    sessions_of(&offline.env)
        .rename(&id, "Quarterly report", None)
        .await
        .unwrap();
    let resumed = run(
        offline.options().resume("Quarterly report").build(),
        "Second task",
    )
    .await;
    assert_eq!(resumed, id);
    assert!(request_mentions(&offline, 1, "First task"));
}

#[tokio::test]
async fn the_session_store_option_mirrors_and_restores_by_itself() {
    use claude_agent::sessions::store::{MemorySessionStore, SessionKey, SessionStore};
    let offline = Offline::start(echo_model()).await;
    let store = Arc::new(MemorySessionStore::new());
    let options = offline
        .options()
        .session_store(store.clone())
        .session_store_project("tenant-42")
        .build();
    let id = run(options, "First task").await;
    // The stream has ended: every batch is in the store, under the chosen project key.
    let stored = store
        .load(&SessionKey::new("tenant-42", &id))
        .await
        .unwrap()
        .expect("the session was mirrored");
    assert!(stored.iter().any(|e| e.to_string().contains("First task")));

    // A second machine (another config dir and working directory) resumes it from the store.
    let elsewhere = TestEnv::new(&offline.server).unwrap();
    assert!(elsewhere.session_files().unwrap().is_empty());
    let options = elsewhere
        .options()
        .unwrap()
        .session_store(store.clone())
        .session_store_project("tenant-42")
        .resume(&id)
        .build();
    let resumed = run(options, "Second task").await;
    assert_eq!(resumed, id);
    assert!(
        request_mentions(&offline, 1, "First task"),
        "the restored history reached the model"
    );
    // And the new turn was mirrored too.
    let stored = store
        .load(&SessionKey::new("tenant-42", &id))
        .await
        .unwrap()
        .unwrap();
    assert!(stored.iter().any(|e| e.to_string().contains("Second task")));
}
