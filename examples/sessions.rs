//! Past sessions: list them, show one, rename and tag it, resume it, and fork it, all offline.
//!
//! The real Claude Code CLI runs against the scripted Messages API of the test kit in a scratch
//! config dir, so this needs no API key and prints the same story every time:
//!
//! ```text
//! cargo run --example sessions
//! ```

use claude_agent::sessions::{ForkOptions, ListSessionsOptions, MessagesOptions, Sessions};
use claude_agent::testing::{Match, Reply, ScriptedModel, TestEnv};
use claude_agent::{Message, query};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let server = ScriptedModel::new()
        .on(
            Match::any().user_text_contains("parser"),
            Reply::text("The parser reads one line at a time."),
        )
        .on(
            Match::any().user_text_contains("tests"),
            Reply::text("Add a test per message type."),
        )
        .on(
            Match::any().user_text_contains("faster"),
            Reply::text("Parse lazily: only what you show."),
        )
        .fallback(Reply::text("Noted."))
        .start()
        .await?;
    let env = TestEnv::new(&server)?;
    // The scratch config dir is the CLI's CLAUDE_CONFIG_DIR; in a real program use
    // `Sessions::from_env()` or the free functions (`claude_agent::sessions::list_sessions`, ...).
    let sessions = Sessions::new(env.config_dir());

    println!("== Two sessions");
    for prompt in ["How does the parser work?", "What tests should I add?"] {
        let result = query(prompt, env.options()?.build()).result().await?;
        println!("{} <- {prompt:?}", result.session_id);
    }

    println!("\n== list");
    let listed = sessions
        .list(ListSessionsOptions::new().dir(env.cwd()))
        .await?;
    for info in &listed {
        println!(
            "{}  {:<28}  {} bytes, branch {:?}",
            info.session_id, info.summary, info.file_size, info.git_branch
        );
    }
    let Some(oldest) = listed.last() else {
        return Err("the CLI wrote no session".into());
    };
    let id = oldest.session_id.clone();

    println!("\n== rename, tag, show {id}");
    sessions.rename(&id, "Parser walkthrough", None).await?;
    sessions.tag(&id, Some("docs"), None).await?;
    let info = sessions.info(&id, None).await?;
    println!("title {:?}, tag {:?}", info.custom_title, info.tag);
    print_messages(&sessions, &id).await?;

    println!("\n== resume {id}");
    let resumed = query("Can it be faster?", env.options()?.resume(&id).build())
        .result()
        .await?;
    println!("same session: {}", resumed.session_id == id);
    print_messages(&sessions, &id).await?;

    println!("\n== fork before the second question");
    let history = sessions.messages(&id, MessagesOptions::new()).await?;
    let fork = sessions
        .fork(&id, ForkOptions::new().up_to(&history[1].uuid))
        .await?;
    let info = sessions.info(&fork.session_id, None).await?;
    println!("{} titled {:?}", fork.session_id, info.custom_title);
    print_messages(&sessions, &fork.session_id).await?;
    Ok(())
}

async fn print_messages(sessions: &Sessions, id: &str) -> claude_agent::Result<()> {
    for m in sessions.messages(id, MessagesOptions::new()).await? {
        match &m.message {
            Message::User(u) => println!("  user:      {}", u.text()),
            Message::Assistant(a) => println!("  assistant: {}", a.text()),
            other => println!("  ({})", other.type_name()),
        }
    }
    Ok(())
}
