//! Turning a scripted message into what the Messages API sends: the full JSON message, or the
//! server-sent events of a stream (`message_start` ... `message_stop`).

use serde_json::{Value, json};

use super::reply::{Block, BlockKind};

/// Placeholder signature of scripted thinking blocks (the CLI sends it back; nobody checks it).
const THINKING_SIGNATURE: &str = "scripted-model-signature";

/// A scripted message with every id resolved: ready to be sent either way.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Rendered {
    pub(crate) id: String,
    pub(crate) model: String,
    pub(crate) content: Vec<Value>,
    pub(crate) stop_reason: String,
    pub(crate) input_tokens: u64,
    pub(crate) output_tokens: u64,
}

impl Rendered {
    /// Resolves `blocks` into wire content blocks; `next_tool_id` names `tool_use` blocks that
    /// have no fixed id.
    pub(crate) fn new(
        id: String,
        model: String,
        blocks: &[Block],
        stop_reason: Option<&str>,
        input_tokens: u64,
        mut next_tool_id: impl FnMut() -> String,
    ) -> Self {
        let content: Vec<Value> = blocks
            .iter()
            .map(|b| match &b.kind {
                BlockKind::Text(text) => json!({"type": "text", "text": text}),
                BlockKind::ToolUse { id, name, input } => json!({
                    "type": "tool_use",
                    "id": id.clone().unwrap_or_else(&mut next_tool_id),
                    "name": name,
                    "input": input,
                }),
                BlockKind::Thinking(thinking) => json!({
                    "type": "thinking",
                    "thinking": thinking,
                    "signature": THINKING_SIGNATURE,
                }),
            })
            .collect();
        let has_tool_use = content.iter().any(|b| b["type"] == "tool_use");
        let stop_reason = stop_reason
            .map(str::to_owned)
            .unwrap_or_else(|| if has_tool_use { "tool_use" } else { "end_turn" }.to_owned());
        let output_tokens = content
            .iter()
            .map(|b| estimate_tokens(b.to_string().len()))
            .sum::<u64>()
            .max(1);
        Self {
            id,
            model,
            content,
            stop_reason,
            input_tokens,
            output_tokens,
        }
    }

    /// The complete message, as a non-streamed response body.
    pub(crate) fn message_json(&self) -> Value {
        json!({
            "id": self.id,
            "type": "message",
            "role": "assistant",
            "model": self.model,
            "content": self.content,
            "stop_reason": self.stop_reason,
            "stop_sequence": null,
            "usage": {
                "input_tokens": self.input_tokens,
                "cache_creation_input_tokens": 0,
                "cache_read_input_tokens": 0,
                "output_tokens": self.output_tokens,
            },
        })
    }

    /// The stream, split where a stall may go: `head` is `message_start` and `ping`, `tail`
    /// every content block, `message_delta` and `message_stop`.
    pub(crate) fn sse_frames(&self) -> (Vec<String>, Vec<String>) {
        let head = vec![
            frame(
                "message_start",
                &json!({
                    "type": "message_start",
                    "message": {
                        "id": self.id,
                        "type": "message",
                        "role": "assistant",
                        "model": self.model,
                        "content": [],
                        "stop_reason": null,
                        "stop_sequence": null,
                        "usage": {
                            "input_tokens": self.input_tokens,
                            "cache_creation_input_tokens": 0,
                            "cache_read_input_tokens": 0,
                            "output_tokens": 1,
                        },
                    },
                }),
            ),
            frame("ping", &json!({"type": "ping"})),
        ];
        let mut tail = Vec::new();
        for (index, block) in self.content.iter().enumerate() {
            block_frames(index, block, &mut tail);
        }
        tail.push(frame(
            "message_delta",
            &json!({
                "type": "message_delta",
                "delta": {"stop_reason": self.stop_reason, "stop_sequence": null},
                "usage": {"output_tokens": self.output_tokens},
            }),
        ));
        tail.push(frame("message_stop", &json!({"type": "message_stop"})));
        (head, tail)
    }
}

/// One server-sent event: `event: <name>\ndata: <json>\n\n`.
pub(crate) fn frame(name: &str, data: &Value) -> String {
    format!("event: {name}\ndata: {data}\n\n")
}

/// `content_block_start`, the deltas and `content_block_stop` of one block.
fn block_frames(index: usize, block: &Value, out: &mut Vec<String>) {
    let delta = |delta: Value| {
        frame(
            "content_block_delta",
            &json!({"type": "content_block_delta", "index": index, "delta": delta}),
        )
    };
    let start = |content_block: Value| {
        frame(
            "content_block_start",
            &json!({"type": "content_block_start", "index": index, "content_block": content_block}),
        )
    };
    let str_field = |key: &str| block.get(key).and_then(Value::as_str).unwrap_or_default();
    match str_field("type") {
        "tool_use" => {
            out.push(start(json!({
                "type": "tool_use", "id": block["id"], "name": block["name"], "input": {},
            })));
            let input = block
                .get("input")
                .map_or_else(|| "{}".to_owned(), Value::to_string);
            for part in split_chunks(&input) {
                out.push(delta(
                    json!({"type": "input_json_delta", "partial_json": part}),
                ));
            }
        }
        "thinking" => {
            out.push(start(
                json!({"type": "thinking", "thinking": "", "signature": ""}),
            ));
            for part in split_chunks(str_field("thinking")) {
                out.push(delta(json!({"type": "thinking_delta", "thinking": part})));
            }
            out.push(delta(
                json!({"type": "signature_delta", "signature": str_field("signature")}),
            ));
        }
        _ => {
            out.push(start(json!({"type": "text", "text": ""})));
            for part in split_chunks(str_field("text")) {
                out.push(delta(json!({"type": "text_delta", "text": part})));
            }
        }
    }
    out.push(frame(
        "content_block_stop",
        &json!({"type": "content_block_stop", "index": index}),
    ));
}

/// Splits `s` at character boundaries into at least two pieces when it has two or more
/// characters (so clients must accumulate deltas), more for long strings, at most 16.
pub(crate) fn split_chunks(s: &str) -> Vec<&str> {
    let chars = s.chars().count();
    if chars < 2 {
        return if s.is_empty() { Vec::new() } else { vec![s] };
    }
    let pieces = (2 + chars / 64).min(16).min(chars);
    let per_piece = chars.div_ceil(pieces);
    let mut out = Vec::with_capacity(pieces);
    let mut rest = s;
    while !rest.is_empty() {
        let cut = rest
            .char_indices()
            .nth(per_piece)
            .map_or(rest.len(), |(i, _)| i);
        let (piece, tail) = rest.split_at(cut);
        out.push(piece);
        rest = tail;
    }
    out
}

/// A rough token count for `len` bytes of text: four bytes per token, at least one.
pub(crate) fn estimate_tokens(len: usize) -> u64 {
    u64::try_from(len / 4).unwrap_or(u64::MAX).max(1)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use crate::testing::reply::Block;

    /// Parses a stream back into (event name, data) pairs, checking the framing.
    fn parse_sse(frames: &[String]) -> Vec<(String, Value)> {
        let text: String = frames.concat();
        text.split_terminator("\n\n")
            .map(|f| {
                let mut lines = f.lines();
                let event = lines
                    .next()
                    .unwrap()
                    .strip_prefix("event: ")
                    .unwrap()
                    .to_owned();
                let data = lines.next().unwrap().strip_prefix("data: ").unwrap();
                assert!(lines.next().is_none(), "one data line per frame: {f:?}");
                let data: Value = serde_json::from_str(data).unwrap();
                assert_eq!(data["type"], event.as_str());
                (event, data)
            })
            .collect()
    }

    /// Rebuilds the message from the events, the way a streaming client accumulates it.
    fn accumulate(events: &[(String, Value)]) -> Value {
        let mut message = Value::Null;
        let mut partial_json: Vec<String> = Vec::new();
        for (name, data) in events {
            match name.as_str() {
                "message_start" => message = data["message"].clone(),
                "content_block_start" => {
                    message["content"]
                        .as_array_mut()
                        .unwrap()
                        .push(data["content_block"].clone());
                    partial_json.push(String::new());
                }
                "content_block_delta" => {
                    let i = usize::try_from(data["index"].as_u64().unwrap()).unwrap();
                    let block = &mut message["content"][i];
                    let d = &data["delta"];
                    match d["type"].as_str().unwrap() {
                        "text_delta" => {
                            let t = format!(
                                "{}{}",
                                block["text"].as_str().unwrap(),
                                d["text"].as_str().unwrap()
                            );
                            block["text"] = t.into();
                        }
                        "thinking_delta" => {
                            let t = format!(
                                "{}{}",
                                block["thinking"].as_str().unwrap(),
                                d["thinking"].as_str().unwrap()
                            );
                            block["thinking"] = t.into();
                        }
                        "signature_delta" => block["signature"] = d["signature"].clone(),
                        "input_json_delta" => {
                            partial_json[i].push_str(d["partial_json"].as_str().unwrap())
                        }
                        other => panic!("unexpected delta {other}"),
                    }
                }
                "content_block_stop" => {
                    let i = usize::try_from(data["index"].as_u64().unwrap()).unwrap();
                    if message["content"][i]["type"] == "tool_use" {
                        message["content"][i]["input"] =
                            serde_json::from_str(&partial_json[i]).unwrap();
                    }
                }
                "message_delta" => {
                    message["stop_reason"] = data["delta"]["stop_reason"].clone();
                    message["usage"]["output_tokens"] = data["usage"]["output_tokens"].clone();
                }
                "message_stop" | "ping" => {}
                other => panic!("unexpected event {other}"),
            }
        }
        message
    }

    fn sample() -> Rendered {
        let mut n = 0;
        Rendered::new(
            "msg_1".into(),
            "claude-test".into(),
            &[
                Block::thinking("Thinking about ünïcode, carefully."),
                Block::text("Let me run it."),
                Block::tool_use(
                    "Bash",
                    json!({"command": "echo hi", "description": "Say hi"}),
                ),
                Block::tool_use_with_id("toolu_fixed", "Read", json!({"file_path": "/x"})),
            ],
            None,
            42,
            || {
                n += 1;
                format!("toolu_{n}")
            },
        )
    }

    #[test]
    fn stream_reassembles_into_the_non_streamed_message() {
        let r = sample();
        let (head, tail) = r.sse_frames();
        let events = parse_sse(&[head, tail].concat());
        let names: Vec<&str> = events.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names.first(), Some(&"message_start"));
        assert_eq!(names.last(), Some(&"message_stop"));
        assert_eq!(names[names.len() - 2], "message_delta");
        let mut from_stream = accumulate(&events);
        let mut full = r.message_json();
        // message_start carries a provisional usage; only output_tokens is updated later.
        from_stream["usage"]["output_tokens"] = json!(0);
        full["usage"]["output_tokens"] = json!(0);
        assert_eq!(from_stream, full);
        assert_eq!(full["stop_reason"], "tool_use");
        assert_eq!(full["content"][2]["id"], "toolu_1");
        assert_eq!(full["content"][3]["id"], "toolu_fixed");
    }

    #[test]
    fn every_block_is_streamed_in_at_least_two_deltas() {
        let (_, tail) = sample().sse_frames();
        let events = parse_sse(&tail);
        for index in 0..4 {
            let deltas = events
                .iter()
                .filter(|(n, d)| n == "content_block_delta" && d["index"] == index)
                .filter(|(_, d)| d["delta"]["type"] != "signature_delta")
                .count();
            assert!(deltas >= 2, "block {index} has {deltas} deltas");
        }
    }

    #[test]
    fn text_only_ends_the_turn_and_counts_tokens() {
        let r = Rendered::new(
            "m".into(),
            "x".into(),
            &[Block::text("hello world")],
            None,
            7,
            || panic!("no tool ids needed"),
        );
        assert_eq!(r.stop_reason, "end_turn");
        assert!(r.output_tokens >= 1);
        let events = parse_sse(&r.sse_frames().0);
        assert_eq!(events[0].1["message"]["usage"]["input_tokens"], 7);
        let forced = Rendered::new(
            "m".into(),
            "x".into(),
            &[],
            Some("max_tokens"),
            1,
            String::new,
        );
        assert_eq!(forced.stop_reason, "max_tokens");
        assert_eq!(forced.message_json()["content"], json!([]));
    }

    #[test]
    fn chunks_respect_char_boundaries_and_cover_the_input() {
        assert!(split_chunks("").is_empty());
        assert_eq!(split_chunks("a"), vec!["a"]);
        assert_eq!(split_chunks("{}"), vec!["{", "}"]);
        let s = "ééééé—日本語テキスト".repeat(20);
        let parts = split_chunks(&s);
        assert!(parts.len() >= 2 && parts.len() <= 16, "{}", parts.len());
        assert_eq!(parts.concat(), s);
    }

    #[test]
    fn frames_are_sse_formatted() {
        assert_eq!(
            frame("ping", &json!({"type": "ping"})),
            "event: ping\ndata: {\"type\":\"ping\"}\n\n"
        );
    }
}
