//! Credentials with the real CLI: the chosen credential reaches the CLI's environment (never its
//! argv), the CLI reports it (`cli::auth_status`), and the API sees it; secrets stay out of
//! `Debug` output and error texts.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;

use std::io::{self, Write};
use std::sync::{Arc, Mutex};

use claude_agent::cli::{AuthReport, CredentialInUse, auth_status};
use claude_agent::options::{Bedrock, Credentials, Vertex};
use claude_agent::testing::{Reply, ScriptedModel};
use claude_agent::transport::{LocalSpawner, SpawnCommand, SpawnedProcess, Spawner};
use claude_agent::{Client, Options, query};
use common::{Offline, within};
use tracing_subscriber::filter::LevelFilter;
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::util::SubscriberInitExt;

const API_KEY: &str = "sk-ant-api03-e2e-SECRET-key-7d1f";
const OAUTH_TOKEN: &str = "sk-ant-oat01-e2e-SECRET-token-93ab";
const SERVICE_TOKEN: &str = "svc-e2e-SECRET-token-51c0";

/// The CLI's argv and environment, read from /proc while it runs.
fn process_view(client: &Client) -> (String, Vec<String>) {
    let pid = client.pid().expect("the CLI's pid");
    let cmdline = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap();
    let environ = std::fs::read(format!("/proc/{pid}/environ")).unwrap();
    let split = |bytes: &[u8]| -> Vec<String> {
        bytes
            .split(|b| *b == 0)
            .map(|s| String::from_utf8_lossy(s).into_owned())
            .collect()
    };
    (split(&cmdline).join(" "), split(&environ))
}

fn var<'a>(environ: &'a [String], key: &str) -> Option<&'a str> {
    environ
        .iter()
        .find_map(|kv| kv.strip_prefix(key)?.strip_prefix('='))
}

#[tokio::test]
async fn api_key_reaches_the_cli_environment_and_the_api_but_never_argv_or_debug() {
    let offline = Offline::start(ScriptedModel::new().then(Reply::text("keyed"))).await;
    let options = offline
        .options()
        .credentials(Credentials::api_key(API_KEY))
        .build();
    let debug = format!("{options:?} {options:#?}");
    assert!(!debug.contains(API_KEY), "Debug shows the key: {debug}");
    assert!(debug.contains("ANTHROPIC_API_KEY"), "{debug}");

    let client = within(Client::connect(options.clone())).await.unwrap();
    let (argv, environ) = process_view(&client);
    assert!(
        !argv.contains("SECRET"),
        "the key is on the command line: {argv}"
    );
    assert_eq!(var(&environ, "ANTHROPIC_API_KEY"), Some(API_KEY));
    assert_eq!(var(&environ, "CLAUDE_CODE_OAUTH_TOKEN"), None);
    let report = AuthReport::from_account(client.account_info());
    within(client.close()).await.unwrap();
    assert_eq!(
        report.credential,
        CredentialInUse::ApiKey {
            source: "ANTHROPIC_API_KEY".into()
        }
    );
    assert!(!format!("{report} {report:?}").contains("SECRET"));

    // The same check as a one-liner, then a turn: the scripted API receives the key.
    let report = within(auth_status(options.clone())).await.unwrap();
    assert_eq!(
        report.to_string(),
        "API key from ANTHROPIC_API_KEY (provider firstParty)"
    );
    let answer = within(query("hi", options).text()).await.unwrap();
    assert_eq!(answer, "keyed");
    let request = &offline.server.message_requests()[0];
    assert_eq!(request.header("x-api-key"), Some(API_KEY));
}

#[tokio::test]
async fn oauth_token_replaces_an_inherited_api_key_and_is_sent_as_bearer() {
    let offline = Offline::start(ScriptedModel::new().then(Reply::text("tokened"))).await;
    // TestEnv's options set ANTHROPIC_API_KEY; the credential must take it away.
    let options = offline
        .options()
        .credentials(Credentials::oauth_token(OAUTH_TOKEN))
        .build();
    assert!(!format!("{options:?}").contains(OAUTH_TOKEN));

    let client = within(Client::connect(options.clone())).await.unwrap();
    let (argv, environ) = process_view(&client);
    assert!(!argv.contains("SECRET"), "{argv}");
    assert_eq!(var(&environ, "CLAUDE_CODE_OAUTH_TOKEN"), Some(OAUTH_TOKEN));
    assert_eq!(var(&environ, "ANTHROPIC_API_KEY"), None);
    let report = AuthReport::from_account(client.account_info());
    within(client.close()).await.unwrap();
    assert_eq!(
        report.credential,
        CredentialInUse::OAuthToken {
            source: "CLAUDE_CODE_OAUTH_TOKEN".into()
        },
        "{:?}",
        report.account
    );

    let answer = within(query("hi", options).text()).await.unwrap();
    assert_eq!(answer, "tokened");
    let request = &offline.server.message_requests()[0];
    assert_eq!(
        request.header("authorization"),
        Some(format!("Bearer {OAUTH_TOKEN}").as_str())
    );
    assert_eq!(request.header("x-api-key"), None);
}

#[tokio::test]
async fn cloud_providers_are_reported_by_the_cli() {
    let offline = Offline::start(ScriptedModel::new()).await;
    let mut bedrock = Bedrock::default();
    bedrock.region = Some("us-east-1".into());
    bedrock.skip_auth = true;
    bedrock.base_url = Some(offline.server.base_url());
    bedrock.bearer_token = Some("SECRET-bedrock".into());
    let mut vertex = Vertex::default();
    vertex.region = Some("us-east5".into());
    vertex.project_id = Some("e2e-project".into());
    vertex.skip_auth = true;
    vertex.base_url = Some(offline.server.base_url());
    for (credentials, provider) in [
        (Credentials::Bedrock(bedrock), "bedrock"),
        (Credentials::Vertex(vertex), "vertex"),
    ] {
        let options = offline.options().credentials(credentials).build();
        let report = within(auth_status(options)).await.unwrap();
        assert_eq!(
            report.credential,
            CredentialInUse::CloudProvider {
                provider: provider.into()
            },
            "{:?}",
            report.account
        );
        assert!(!report.to_string().contains("SECRET"));
    }
}

#[tokio::test]
async fn errors_name_the_variable_not_the_secret() {
    let offline = Offline::start(ScriptedModel::new()).await;
    // A NUL makes the value unusable: the error must say which variable, not what it holds.
    let bad = format!("{API_KEY}\0tail");
    let options = offline
        .options()
        .credentials(Credentials::api_key(bad.as_str()))
        .build();
    let err = within(Client::connect(options.clone())).await.unwrap_err();
    let text = format!("{err} {err:?}");
    assert!(text.contains("ANTHROPIC_API_KEY"), "{text}");
    assert!(!text.contains("SECRET"), "{text}");

    // A CLI that cannot start: the error names the executable only.
    let options = Options::builder()
        .cli_path("/no/such/claude")
        .credentials(Credentials::oauth_token(OAUTH_TOKEN))
        .build();
    let err = within(Client::connect(options)).await.unwrap_err();
    let text = format!("{err} {err:?}");
    assert!(!text.contains("SECRET"), "{text}");
}

/// Starts the real CLI and keeps the `Debug` text of every command it was asked to start.
#[derive(Debug, Clone, Default)]
struct RecordingSpawner(Arc<Mutex<Vec<String>>>);

impl Spawner for RecordingSpawner {
    fn spawn(&self, command: SpawnCommand) -> io::Result<SpawnedProcess> {
        self.0
            .lock()
            .unwrap()
            .push(format!("{command:?} {command:#?}"));
        LocalSpawner.spawn(command)
    }
}

/// Everything a `tracing` subscriber writes, kept in memory.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl<'a> MakeWriter<'a> for Captured {
    type Writer = Captured;

    fn make_writer(&'a self) -> Captured {
        self.clone()
    }
}

// One thread: every task of the session logs through the subscriber installed below.
#[tokio::test(flavor = "current_thread")]
async fn secrets_stay_out_of_traces_and_the_spawn_command() {
    let offline = Offline::start(ScriptedModel::new().then(Reply::text("quiet"))).await;
    let logs = Captured::default();
    let _traced = tracing_subscriber::fmt()
        .with_max_level(LevelFilter::TRACE)
        .with_ansi(false)
        .with_writer(logs.clone())
        .finish()
        .set_default();
    let spawns = RecordingSpawner::default();
    let options = offline
        .options()
        .credentials(Credentials::api_key(API_KEY))
        .env("MY_SERVICE_TOKEN", SERVICE_TOKEN)
        .spawner(spawns.clone())
        .build();

    let answer = within(query("hi", options).text()).await.unwrap();
    assert_eq!(answer, "quiet");
    let request = &offline.server.message_requests()[0];
    assert_eq!(request.header("x-api-key"), Some(API_KEY));

    let spawned = spawns.0.lock().unwrap().join("\n");
    assert!(
        spawned.contains("ANTHROPIC_API_KEY") && spawned.contains("MY_SERVICE_TOKEN"),
        "{spawned}"
    );
    assert!(
        !spawned.contains("SECRET"),
        "a secret in SpawnCommand's Debug: {spawned}"
    );
    let logs = String::from_utf8_lossy(&logs.0.lock().unwrap()).into_owned();
    // The session did log (at trace level): the check below looked at real output.
    assert!(logs.contains("claude_agent"), "nothing was traced: {logs}");
    assert!(!logs.contains("SECRET"), "a secret in the traces: {logs}");
}
