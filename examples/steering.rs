//! Steering a running agent from other tasks: interrupt a turn from a timer, queue the next
//! prompt while one runs, and abort a session with a cancellation token.
//!
//! Runs the real CLI against the offline test kit's scripted model (whose first answer "thinks"
//! forever, so there is something to interrupt); no API key needed: `cargo run --example
//! steering`.

use std::time::{Duration, Instant};

use claude_agent::testing::{Match, Reply, ScriptedModel, TestEnv};
use claude_agent::{CancellationToken, Client, Error, Message};
use futures::StreamExt;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let model = ScriptedModel::new()
        .on(Match::any().request_number(1), Reply::hang())
        .on(
            Match::any().user_text_contains("second"),
            Reply::text("Second answer."),
        )
        .fallback(Reply::text("Back again."));
    let server = model.start().await?;
    let env = TestEnv::new(&server)?;
    let started = Instant::now();
    let at = move || format!("[{:>5.2}s]", started.elapsed().as_secs_f64());

    // 1. Interrupt a streaming turn from a timer task.
    let client = Client::connect(env.options()?.build()).await?;
    client.send("Write the longest story you can.").await?;
    let handle = client.handle();
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_secs(2)).await;
        match handle.interrupt().await {
            Ok(receipt) => println!(
                "timer: interrupted (still queued: {:?})",
                receipt.still_queued
            ),
            Err(err) => println!("timer: interrupt failed: {err}"),
        }
    });
    print_turn(&client, &at).await?;

    // 2. Queue the next prompt from another task while a turn runs.
    client.send("first, again").await?;
    let handle = client.handle();
    tokio::spawn(async move {
        let _ = handle.send("second").await;
    });
    print_turn(&client, &at).await?;
    print_turn(&client, &at).await?;
    client.close().await?;

    // 3. Abort a whole session with a cancellation token.
    let server = ScriptedModel::new().fallback(Reply::hang()).start().await?;
    let env = TestEnv::new(&server)?;
    let token = CancellationToken::new();
    let options = env.options()?.cancellation_token(token.clone()).build();
    let mut stream = claude_agent::query("Think forever.", options);
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_secs(2)).await;
        token.cancel();
    });
    while let Some(message) = stream.next().await {
        if let Err(Error::Aborted) = message {
            println!("{} query: aborted, and its CLI is gone", at());
        }
    }
    Ok(())
}

async fn print_turn(client: &Client, at: &impl Fn() -> String) -> claude_agent::Result<()> {
    let mut turn = client.receive_response();
    while let Some(message) = turn.next().await {
        match message? {
            Message::Assistant(a) => println!("{} claude: {}", at(), a.text()),
            Message::Result(r) => println!("{} result: {:?}", at(), r.subtype),
            _ => {}
        }
    }
    Ok(())
}
