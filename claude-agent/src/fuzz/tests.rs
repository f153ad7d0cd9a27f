//! The fuzz smoke run: each harness over its checked-in corpus and a few thousand deterministic
//! mutations of it, on stable, in plain `cargo test`.

use std::path::{Path, PathBuf};

use serde_json::Value;

use super::{Harness, TARGETS};

/// Mutated inputs per target (a few seconds in a debug build).
const MUTATIONS: usize = 1500;

fn corpus_dir(target: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../fuzz/corpus")
        .join(target)
}

fn corpus(target: &str) -> Vec<Vec<u8>> {
    let dir = corpus_dir(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|err| panic!("{}: {err}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .collect();
    files.sort();
    files
        .iter()
        .map(|path| std::fs::read(path).unwrap())
        .collect()
}

fn harness(target: &str) -> Harness {
    TARGETS.iter().find(|(name, _)| *name == target).unwrap().1
}

/// xorshift64*: deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Bytes that change JSON's structure.
const TOKENS: &[&[u8]] = &[
    b"{",
    b"}",
    b"[",
    b"]",
    b"\"",
    b":",
    b",",
    b"\\",
    b"\\u0000",
    b"\\ud800",
    b"null",
    b"true",
    b"-0",
    b"1e999",
    b"18446744073709551616",
    b"\n",
    b"\xff",
    "é".as_bytes(),
    "😀".as_bytes(),
];

/// Values a field may turn into.
fn odd_value(rng: &mut Rng) -> Value {
    match rng.below(9) {
        0 => Value::Null,
        1 => Value::Bool(rng.below(2) == 0),
        2 => Value::from(-1),
        3 => Value::from(u64::MAX),
        4 => Value::from(1.5e300),
        5 => Value::from(""),
        6 => Value::from("é\u{0}😀"),
        7 => Value::Array(vec![Value::Null]),
        _ => Value::Object(serde_json::Map::new()),
    }
}

/// Replaces, removes or retypes one node of `value`.
fn mutate_value(value: &mut Value, rng: &mut Rng) {
    match value {
        Value::Object(map) if !map.is_empty() && rng.below(4) != 0 => {
            let key = map.keys().nth(rng.below(map.len())).unwrap().clone();
            match rng.below(4) {
                0 => {
                    map.remove(&key);
                }
                1 => {
                    map.insert(key, odd_value(rng));
                }
                _ => mutate_value(map.get_mut(&key).unwrap(), rng),
            }
        }
        Value::Array(items) if !items.is_empty() && rng.below(4) != 0 => {
            let at = rng.below(items.len());
            if rng.below(3) == 0 {
                items.remove(at);
            } else {
                mutate_value(&mut items[at], rng);
            }
        }
        _ => *value = odd_value(rng),
    }
}

/// One mutated input from the corpus: JSON-aware for lines that parse, bytewise otherwise.
fn mutate(corpus: &[Vec<u8>], rng: &mut Rng) -> Vec<u8> {
    let seed = rng.pick(corpus);
    let text = String::from_utf8_lossy(seed);
    let lines: Vec<&str> = text.split('\n').collect();
    if rng.below(2) == 0 {
        let at = rng.below(lines.len());
        if let Ok(mut value) = serde_json::from_str::<Value>(lines[at]) {
            for _ in 0..=rng.below(3) {
                mutate_value(&mut value, rng);
            }
            let mut lines: Vec<String> = lines.iter().map(|l| (*l).to_owned()).collect();
            lines[at] = value.to_string();
            return lines.join("\n").into_bytes();
        }
    }
    let mut bytes = seed.clone();
    for _ in 0..=rng.below(4) {
        let at = rng.below(bytes.len() + 1);
        match rng.below(5) {
            0 if at < bytes.len() => bytes[at] ^= 1 << rng.below(8),
            1 => {
                let token = rng.pick(TOKENS);
                bytes.splice(at..at, token.iter().copied());
            }
            2 => bytes.truncate(at),
            3 => {
                let end = (at + rng.below(16)).min(bytes.len());
                bytes.drain(at..end);
            }
            _ => {
                // Splice in a line of another seed: requests and cancels interleave.
                let other = rng.pick(corpus);
                bytes.push(b'\n');
                bytes.extend_from_slice(other);
            }
        }
    }
    bytes
}

fn smoke(target: &str) {
    let run = harness(target);
    let corpus = corpus(target);
    assert!(corpus.len() >= 5, "the `{target}` corpus is nearly empty");
    for input in &corpus {
        run(input);
    }
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ target.len() as u64);
    for _ in 0..MUTATIONS {
        run(&mutate(&corpus, &mut rng));
    }
}

#[test]
fn parse_line_survives_its_corpus_and_mutations() {
    smoke("parse_line");
}

#[test]
fn control_request_survives_its_corpus_and_mutations() {
    smoke("control_request");
}

#[test]
fn hook_io_survives_its_corpus_and_mutations() {
    smoke("hook_io");
}

#[test]
fn every_target_has_a_fuzz_target_file() {
    for (name, _) in TARGETS {
        let path = corpus_dir(name).join(format!("../../fuzz_targets/{name}.rs"));
        assert!(path.exists(), "{} is missing", path.display());
    }
}

/// A request id the CLI reuses after withdrawing it: the new request must still be answered
/// (the withdrawn one's task must not take the new one's place in the in-flight table).
#[test]
fn a_request_id_reused_after_a_cancel_is_answered() {
    let request =
        r#"{"type":"control_request","request_id":"x","request":{"subtype":"brand_new"}}"#;
    let cancel = r#"{"type":"control_cancel_request","request_id":"x"}"#;
    super::control_request(format!("{request}\n{cancel}\n{request}").as_bytes());
}

/// Found by libFuzzer (`parse_line`): a JSON array of three strings was rejected as "not JSON"
/// (the routing peek accepted arrays as its fields in order, then choked on the third).
#[test]
fn a_json_array_line_is_an_unknown_message() {
    let line =
        std::fs::read(corpus_dir("parse_line").join("regression-array-of-three-strings")).unwrap();
    super::parse_line(&line);
    for line in [r#"["a","b","c"]"#, r#"["assistant",null,1]"#, "[]", "7"] {
        super::parse_line(line.as_bytes());
        let message = crate::Message::from_json(line).unwrap();
        assert!(
            matches!(message, crate::Message::Unknown(_)),
            "{line}: {message:?}"
        );
    }
}
