#!/usr/bin/env python3
"""Seeds fuzz/corpus/<target>/ from the CLI transcripts in the crate's test fixtures (and, when
present, the reference transcripts): small, distinct inputs, at most 50 per target.

Run from the repository root: python3 fuzz/seed_corpus.py [extra transcript dirs...]
"""
import glob
import hashlib
import json
import os
import sys

LIMIT = 50
MAX_BYTES = 4096
ROOT = os.path.dirname(os.path.abspath(__file__))


def compact(value):
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def frames(paths):
    """(direction, message) of every line: fixture transcripts are bare stdout lines, reference
    transcripts wrap them as {dir, msg}; hook fixtures wrap a request as {scenario, request}."""
    for path in paths:
        with open(path, encoding="utf-8") as lines:
            for line in lines:
                try:
                    value = json.loads(line)
                except ValueError:
                    continue
                if "dir" in value and "msg" in value:
                    yield value["dir"], value["msg"]
                elif "scenario" in value and "request" in value:
                    yield "cli->sdk", {"type": "control_request", "request_id": "r1",
                                       "request": value["request"]}
                else:
                    yield "cli->sdk", value


def shape(value):
    """What makes an input distinct: its routing keys and the kinds of its content blocks."""
    if not isinstance(value, dict):
        return (type(value).__name__,)
    request = value.get("request") if isinstance(value.get("request"), dict) else {}
    message = value.get("message") if isinstance(value.get("message"), dict) else {}
    inner = message.get("message") if isinstance(message.get("message"), dict) else {}
    content = message.get("content")
    blocks = tuple(b.get("type") for b in content if isinstance(b, dict)) if isinstance(content, list) else ()
    event = value.get("event", {}).get("type") if isinstance(value.get("event"), dict) else None
    return (value.get("type"), value.get("subtype"), request.get("subtype"),
            request.get("callback_id"), message.get("method"), inner.get("method"),
            value.get("hook_event_name"), value.get("tool_name"), blocks, event)


def pick(candidates):
    chosen = {}
    for text in sorted(candidates, key=len):
        if len(text.encode()) > MAX_BYTES:
            continue
        key = shape(json.loads(text.split("\n")[0]))
        chosen.setdefault(key, text)
    return list(chosen.values())[:LIMIT]


def write(target, texts, extra=()):
    out = os.path.join(ROOT, "corpus", target)
    os.makedirs(out, exist_ok=True)
    for text in list(texts) + list(extra):
        data = text.encode()
        name = hashlib.sha1(data).hexdigest()[:16]
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
    print(target, len(os.listdir(out)))


def main():
    crate = os.path.join(ROOT, "..", "claude-agent", "tests")
    paths = sorted(glob.glob(os.path.join(crate, "fixtures", "transcripts", "*.jsonl")))
    paths += sorted(glob.glob(os.path.join(crate, "hooks_fixtures", "*.jsonl")))
    for extra in sys.argv[1:]:
        paths += sorted(p for p in glob.glob(os.path.join(extra, "*.jsonl"))
                        if ".api." not in p and ".session__" not in p)

    stdout, requests, hook_json = [], [], []
    for direction, msg in frames(paths):
        if direction == "cli->sdk":
            stdout.append(compact(msg))
            if msg.get("type") == "control_request":
                # The SDK registers hooks as hook_0, hook_1, ...: aim at the test hooks.
                request = msg.get("request", {})
                if request.get("subtype") == "hook_callback":
                    event = request.get("input", {}).get("hook_event_name")
                    ids = {"PreToolUse": "hook_0", "PostToolUse": "hook_1", "Stop": "hook_2",
                           "PermissionRequest": "hook_3", "UserPromptSubmit": "hook_4",
                           "SessionStart": "hook_7"}
                    request["callback_id"] = ids.get(event, "hook_5")
                    hook_json.append(compact(request.get("input")))
                if request.get("subtype") == "can_use_tool":
                    hook_json.append(compact(request))
                    for update in request.get("permission_suggestions", []):
                        hook_json.append(compact(update))
                requests.append(compact(msg))
        elif direction == "sdk->cli" and msg.get("type") == "control_response":
            response = msg.get("response", {}).get("response")
            if isinstance(response, dict) and response:
                hook_json.append(compact(response))

    by_shape = lambda texts: pick(texts)
    write("parse_line", by_shape(stdout), [
        "not json", "[]", '{"type":1}', '{"type":"syst\\u0065m","subtype":"init"}',
        '{"type":"control_response","response":{"request_id":7,"error":{"x":1}}}',
    ])
    reqs = by_shape(requests)
    write("control_request", reqs[:LIMIT - 6], [
        '{"type":"control_request","request_id":"e1","request":{"subtype":"elicitation","mcp_server_name":"github","message":"Your name?","mode":"form","requested_schema":{"type":"object"}}}',
        '{"type":"control_request","request_id":"d1","request":{"subtype":"request_user_dialog","dialog_kind":"refusal_fallback_prompt","payload":{"model":"x"},"tool_use_id":"toolu_1"}}',
        '{"type":"control_request","request_id":"u1","request":{"subtype":"brand_new"}}',
        '{"type":"control_request","request_id":"c1","request":{"subtype":"mcp_message","server_name":"calc","message":{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"add","arguments":{"a":2,"b":3}}}}}\n{"type":"control_cancel_request","request_id":"c1"}',
        '{"type":"control_request","request_id":"x","request":{"subtype":"hook_callback","callback_id":"hook_6","input":{"hook_event_name":"PreToolUse","tool_name":"Bash","tool_input":{}}}}\n{"type":"control_request","request_id":"y","request":{"subtype":"mcp_message","server_name":"nope","message":{"id":3}}}',
        '{"type":"control_request","request_id":"m0","request":{"subtype":"mcp_message","server_name":"calc","message":{"jsonrpc":"2.0","method":"notifications/initialized"}}}',
    ])
    write("hook_io", pick(hook_json), [
        '{"continue":false,"stopReason":"done","suppressOutput":true,"future":1}',
        '{"hookSpecificOutput":{"permissionDecision":"allow","updatedInput":{"command":"ls"}}}',
        '{"behavior":"deny","message":"no","interrupt":true}',
        '{"type":"addSandboxPaths","paths":[]}',
    ])


if __name__ == "__main__":
    main()
