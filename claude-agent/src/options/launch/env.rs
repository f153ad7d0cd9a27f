//! The child's environment: the SDK's own variables, the user's entries, and the refusal of
//! variables that would let option values take over the CLI process or the commands it runs.

use std::collections::BTreeSet;

use crate::{Error, Result};

/// The entrypoint the CLI records in session files and the billing header.
pub(crate) const ENTRYPOINT: &str = "sdk-rust";

/// The CLI's switch for deferring tools behind its `ToolSearch` tool.
pub(crate) const TOOL_SEARCH_VAR: &str = "ENABLE_TOOL_SEARCH";

/// Variables that change what code the child (or the programs it starts) loads or runs. Setting
/// one needs [`allow_env`](crate::OptionsBuilder::allow_env), unless the value equals this
/// process's own value (then nothing changes compared with inheriting it).
const DANGEROUS_NAMES: &[&str] = &[
    // Executable lookup and shells the CLI starts for the Bash tool.
    "PATH",
    "SHELL",
    "BASH_ENV",
    "ENV",
    "SHELLOPTS",
    "BASHOPTS",
    "PS4",
    "PROMPT_COMMAND",
    "ZDOTDIR",
    "CLAUDE_CODE_SHELL",
    "CLAUDE_CODE_SHELL_PREFIX",
    // JavaScript runtimes (the CLI itself, and tools it runs).
    "NODE_OPTIONS",
    "NODE_PATH",
    "NODE_REPL_EXTERNAL_MODULE",
    "NODE_TLS_REJECT_UNAUTHORIZED",
    "ELECTRON_RUN_AS_NODE",
    "BUN_OPTIONS",
    "BUN_INSPECT",
    // Other interpreters the model's commands may start.
    "PYTHONPATH",
    "PYTHONSTARTUP",
    "PYTHONHOME",
    "PERL5OPT",
    "PERL5LIB",
    "PERLLIB",
    "PERL5DB",
    "RUBYOPT",
    "RUBYLIB",
    "JAVA_TOOL_OPTIONS",
    "_JAVA_OPTIONS",
    "JDK_JAVA_OPTIONS",
    // git runs helpers named by these.
    "GIT_SSH",
    "GIT_SSH_COMMAND",
    "GIT_EXEC_PATH",
    "GIT_ASKPASS",
    "SSH_ASKPASS",
    "GIT_PROXY_COMMAND",
    "GIT_EXTERNAL_DIFF",
    "GIT_CONFIG_GLOBAL",
    "GIT_CONFIG_SYSTEM",
    "GIT_CONFIG_COUNT",
    "GIT_CONFIG_PARAMETERS",
    "GIT_TEMPLATE_DIR",
    // glibc's list of variables unsafe for privileged programs (besides LD_*).
    "GCONV_PATH",
    "GETCONF_DIR",
    "HOSTALIASES",
    "LOCALDOMAIN",
    "LOCPATH",
    "MALLOC_TRACE",
    "NIS_PATH",
    "NLSPATH",
    "RESOLV_HOST_CONF",
    "RES_OPTIONS",
];

/// Prefixes of dangerous variables: the dynamic loaders (every `LD_*` and `DYLD_*` knob), bash
/// exported functions, and git's numbered config entries.
const DANGEROUS_PREFIXES: &[&str] = &[
    "LD_",
    "DYLD_",
    "BASH_FUNC_",
    "GIT_CONFIG_KEY_",
    "GIT_CONFIG_VALUE_",
];

/// Whether setting `key` can hijack the child process.
pub(crate) fn is_dangerous(key: &str) -> bool {
    let upper = key.to_ascii_uppercase();
    DANGEROUS_NAMES.contains(&upper.as_str())
        || DANGEROUS_PREFIXES.iter().any(|p| upper.starts_with(p))
}

/// Checks a variable name: non-empty, no `=`, no NUL.
pub(crate) fn validate_key(key: &str) -> Result<()> {
    if key.is_empty() {
        return Err(Error::invalid_option(
            "env",
            "an environment variable name is empty",
        ));
    }
    if key.contains('=') || key.contains('\0') {
        return Err(Error::invalid_option(
            "env",
            format!("the environment variable name {key:?} contains `=` or NUL"),
        ));
    }
    Ok(())
}

fn validate_value(key: &str, value: &str) -> Result<()> {
    if value.contains('\0') {
        return Err(Error::invalid_option(
            "env",
            format!("the value of the environment variable `{key}` contains NUL"),
        ));
    }
    Ok(())
}

/// What the environment of the child is built from.
pub(crate) struct EnvInputs<'a> {
    pub inherit: bool,
    /// The user's entries in order: set (`Some`) or remove (`None`).
    pub user: &'a [(String, Option<String>)],
    /// Keys the user explicitly allowed despite [`is_dangerous`].
    pub allowed: &'a BTreeSet<String>,
    pub cwd: Option<&'a str>,
    pub file_checkpointing: bool,
    pub client_app: Option<&'a str>,
    /// The explicit tool-search choice ([`tool_search`](crate::OptionsBuilder::tool_search)).
    /// Without one the CLI's default (or the caller's `ENABLE_TOOL_SEARCH`) applies: in-process
    /// tools ask to be loaded directly through `_meta`, not by turning tool search off.
    pub tool_search: Option<bool>,
    /// Reads this process's environment (injected for tests).
    pub parent: &'a dyn Fn(&str) -> Option<String>,
}

/// Builds the ordered list of changes applied over the inherited (or empty) environment.
pub(crate) fn build(inputs: &EnvInputs<'_>) -> Result<Vec<(String, Option<String>)>> {
    let allowed: BTreeSet<String> = inputs
        .allowed
        .iter()
        .map(|k| k.to_ascii_uppercase())
        .collect();
    for (key, value) in inputs.user {
        validate_key(key)?;
        let Some(value) = value else { continue };
        validate_value(key, value)?;
        let same_as_parent = (inputs.parent)(key).as_deref() == Some(value.as_str());
        if is_dangerous(key) && !allowed.contains(&key.to_ascii_uppercase()) && !same_as_parent {
            return Err(Error::invalid_option(
                "env",
                format!(
                    "refusing to set `{key}`: it can make the CLI (or the commands it runs) load \
                     or execute other code; call `allow_env(\"{key}\")` if this is intended"
                ),
            ));
        }
    }
    let user_sets = |name: &str| inputs.user.iter().any(|(k, _)| k == name);

    let mut env: Vec<(String, Option<String>)> = Vec::new();
    let mut set = |k: &str, v: Option<&str>| env.push((k.to_owned(), v.map(str::to_owned)));
    // The child must not believe it runs inside a Claude Code session.
    set("CLAUDECODE", None);
    if inputs.inherit {
        // Like the TypeScript SDK: an inherited NODE_OPTIONS (e.g. `--inspect`) is not meant for
        // the CLI. An explicit (allowed) `env("NODE_OPTIONS", ..)` still applies below.
        set("NODE_OPTIONS", None);
    }
    set("CLAUDE_CODE_ENTRYPOINT", Some(ENTRYPOINT));
    let parent_has_state_flag =
        inputs.inherit && (inputs.parent)("CLAUDE_CODE_SDK_READS_SESSION_STATE").is_some();
    if !parent_has_state_flag && !user_sets("CLAUDE_CODE_SDK_READS_SESSION_STATE") {
        set("CLAUDE_CODE_SDK_READS_SESSION_STATE", Some("1"));
    }
    if inputs.file_checkpointing {
        set("CLAUDE_CODE_ENABLE_SDK_FILE_CHECKPOINTING", Some("true"));
    }
    if let Some(cwd) = inputs.cwd {
        set("PWD", Some(cwd));
    }
    if let Some(app) = inputs.client_app {
        validate_value("CLAUDE_AGENT_SDK_CLIENT_APP", app)?;
        set("CLAUDE_AGENT_SDK_CLIENT_APP", Some(app));
    }
    for (key, value) in inputs.user {
        set(key, value.as_deref());
    }
    // An explicit choice wins over every environment entry.
    if let Some(on) = inputs.tool_search {
        set(TOOL_SEARCH_VAR, Some(if on { "true" } else { "false" }));
    }
    // Identifies this crate to the CLI; not overridable.
    set("CLAUDE_AGENT_SDK_VERSION", Some(env!("CARGO_PKG_VERSION")));
    Ok(env)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    fn no_parent(_: &str) -> Option<String> {
        None
    }

    fn inputs<'a>(
        user: &'a [(String, Option<String>)],
        allowed: &'a BTreeSet<String>,
    ) -> EnvInputs<'a> {
        EnvInputs {
            inherit: true,
            user,
            allowed,
            cwd: None,
            file_checkpointing: false,
            client_app: None,
            tool_search: None,
            parent: &no_parent,
        }
    }

    fn user(pairs: &[(&str, Option<&str>)]) -> Vec<(String, Option<String>)> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), v.map(str::to_owned)))
            .collect()
    }

    #[test]
    fn dangerous_variables_are_recognised() {
        for key in [
            "LD_PRELOAD",
            "LD_LIBRARY_PATH",
            "LD_AUDIT",
            "ld_preload",
            "DYLD_INSERT_LIBRARIES",
            "NODE_OPTIONS",
            "PATH",
            "BASH_ENV",
            "ENV",
            "PYTHONPATH",
            "PYTHONSTARTUP",
            "PERL5OPT",
            "RUBYOPT",
            "ELECTRON_RUN_AS_NODE",
            "BASH_FUNC_ls%%",
            "GIT_CONFIG_KEY_0",
        ] {
            assert!(is_dangerous(key), "{key}");
        }
        for key in ["HOME", "ANTHROPIC_API_KEY", "TMPDIR", "MY_LD_THING", "LANG"] {
            assert!(!is_dangerous(key), "{key}");
        }
    }

    #[test]
    fn setting_a_dangerous_variable_is_refused() {
        let allowed = BTreeSet::new();
        let u = user(&[("LD_PRELOAD", Some("/tmp/evil.so"))]);
        let err = build(&inputs(&u, &allowed)).unwrap_err();
        let text = err.to_string();
        assert!(matches!(err, Error::InvalidOption { option: "env", .. }));
        assert!(
            text.contains("LD_PRELOAD") && text.contains("allow_env"),
            "{text}"
        );
    }

    #[test]
    fn allow_env_lets_a_dangerous_variable_through() {
        let allowed: BTreeSet<String> = ["PATH".to_owned()].into();
        let u = user(&[("PATH", Some("/opt/bin"))]);
        let env = build(&inputs(&u, &allowed)).unwrap();
        assert!(env.contains(&("PATH".into(), Some("/opt/bin".into()))));
    }

    #[test]
    fn passing_the_parents_own_value_is_not_an_override() {
        let allowed = BTreeSet::new();
        let u = user(&[("PATH", Some("/usr/bin:/bin"))]);
        let parent = |k: &str| (k == "PATH").then(|| "/usr/bin:/bin".to_owned());
        let mut i = inputs(&u, &allowed);
        i.parent = &parent;
        assert!(build(&i).is_ok());
        let u = user(&[("PATH", Some("/tmp/evil:/usr/bin:/bin"))]);
        let mut i = inputs(&u, &allowed);
        i.parent = &parent;
        assert!(build(&i).is_err());
    }

    #[test]
    fn removing_a_dangerous_variable_is_always_allowed() {
        let allowed = BTreeSet::new();
        let u = user(&[("LD_PRELOAD", None)]);
        let env = build(&inputs(&u, &allowed)).unwrap();
        assert!(env.contains(&("LD_PRELOAD".into(), None)));
    }

    #[test]
    fn bad_names_and_values_are_refused() {
        let allowed = BTreeSet::new();
        for pairs in [
            vec![("", Some("x"))],
            vec![("A=B", Some("x"))],
            vec![("A\0B", Some("x"))],
            vec![("OK", Some("a\0b"))],
            vec![("", None)],
        ] {
            let u = user(&pairs);
            assert!(build(&inputs(&u, &allowed)).is_err(), "{pairs:?}");
        }
    }

    #[test]
    fn sdk_variables_come_first_user_entries_after_and_version_last() {
        let allowed = BTreeSet::new();
        let u = user(&[
            ("CLAUDE_CODE_ENTRYPOINT", Some("mine")),
            ("FOO", Some("bar")),
        ]);
        let mut i = inputs(&u, &allowed);
        i.cwd = Some("/work/proj");
        i.file_checkpointing = true;
        i.client_app = Some("my-app/1.0");
        let env = build(&i).unwrap();
        let keys: Vec<_> = env.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(
            keys,
            [
                "CLAUDECODE",
                "NODE_OPTIONS",
                "CLAUDE_CODE_ENTRYPOINT",
                "CLAUDE_CODE_SDK_READS_SESSION_STATE",
                "CLAUDE_CODE_ENABLE_SDK_FILE_CHECKPOINTING",
                "PWD",
                "CLAUDE_AGENT_SDK_CLIENT_APP",
                "CLAUDE_CODE_ENTRYPOINT",
                "FOO",
                "CLAUDE_AGENT_SDK_VERSION",
            ]
        );
        assert_eq!(env[0].1, None);
        assert_eq!(env[2].1.as_deref(), Some("sdk-rust"));
        assert_eq!(env[4].1.as_deref(), Some("true"));
        assert_eq!(env[5].1.as_deref(), Some("/work/proj"));
        assert_eq!(env[9].1.as_deref(), Some(env!("CARGO_PKG_VERSION")));
    }

    #[test]
    fn session_state_flag_is_not_forced_over_an_existing_value() {
        let allowed = BTreeSet::new();
        let u = user(&[]);
        let parent = |k: &str| (k == "CLAUDE_CODE_SDK_READS_SESSION_STATE").then(|| "0".to_owned());
        let mut i = inputs(&u, &allowed);
        i.parent = &parent;
        let env = build(&i).unwrap();
        assert!(
            env.iter()
                .all(|(k, _)| k != "CLAUDE_CODE_SDK_READS_SESSION_STATE")
        );
        // Without inheritance the parent's value does not reach the child, so the SDK sets it.
        i.inherit = false;
        let env = build(&i).unwrap();
        assert!(env.contains(&(
            "CLAUDE_CODE_SDK_READS_SESSION_STATE".into(),
            Some("1".into())
        )));
        assert!(env.iter().all(|(k, _)| k != "NODE_OPTIONS"));
    }
    fn tool_search_values(env: &[(String, Option<String>)]) -> Vec<Option<&str>> {
        env.iter()
            .filter(|(k, _)| k == TOOL_SEARCH_VAR)
            .map(|(_, v)| v.as_deref())
            .collect()
    }

    #[test]
    fn without_a_choice_tool_search_is_left_to_the_cli_and_the_callers_environment() {
        let allowed = BTreeSet::new();
        let u = user(&[]);
        let i = inputs(&u, &allowed);
        assert!(tool_search_values(&build(&i).unwrap()).is_empty());
        let u = user(&[("ENABLE_TOOL_SEARCH", Some("auto"))]);
        let i = inputs(&u, &allowed);
        assert_eq!(tool_search_values(&build(&i).unwrap()), [Some("auto")]);
    }

    #[test]
    fn an_explicit_tool_search_choice_wins_over_environment_entries() {
        let allowed = BTreeSet::new();
        let u = user(&[("ENABLE_TOOL_SEARCH", Some("false"))]);
        let mut i = inputs(&u, &allowed);
        i.tool_search = Some(true);
        let env = build(&i).unwrap();
        assert_eq!(
            tool_search_values(&env).last().copied().flatten(),
            Some("true")
        );
        i.tool_search = Some(false);
        let env = build(&i).unwrap();
        assert_eq!(
            tool_search_values(&env).last().copied().flatten(),
            Some("false")
        );
    }
}
