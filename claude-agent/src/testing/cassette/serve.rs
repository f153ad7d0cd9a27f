//! The HTTP side of recording and replaying: turning upstream and cassette responses into the
//! server's responses.

use axum::body::{Body, Bytes};
use axum::http::{StatusCode, Uri};
use axum::response::{IntoResponse, Response};

use super::format::{CassetteRequest, CassetteResponse, ResponseBody};
use super::record::Recorder;
use super::replay::CassetteMismatch;
use crate::testing::RecordedRequest;
use crate::testing::handler::{Shared, error_body, error_response};

/// Response headers not passed back to the CLI (the server sets its own framing).
const NOT_RETURNED: &[&str] = &[
    "connection",
    "keep-alive",
    "transfer-encoding",
    "content-length",
    "content-encoding",
];

/// Forwards one request upstream, records it, and answers with the upstream's response.
pub(crate) async fn proxy(
    shared: &Shared,
    recorder: &Recorder,
    uri: &Uri,
    req: RecordedRequest,
    body: Bytes,
) -> Response {
    let is_messages = req.is_messages();
    let req = {
        let mut state = shared.lock();
        let req = if is_messages {
            state.messages_seen += 1;
            req.numbered(state.messages_seen)
        } else {
            req
        };
        shared.record(&mut state, req.clone());
        if let Some(number) = req.number {
            shared.seen.send_replace(number);
        }
        req
    };
    let target = uri.path_and_query().map_or("/", |p| p.as_str());
    let upstream = match recorder
        .forward(&req.method, target, &req.headers, body)
        .await
    {
        Ok(upstream) => upstream,
        Err(message) => {
            tracing::warn!(%message, "recording proxy: upstream failed");
            return error_response(502, &error_body("api_error", &message), false);
        }
    };
    if is_messages {
        let captured = CassetteRequest::capture(
            &req.method,
            &req.path,
            req.query.clone(),
            &req.headers,
            &req.body,
        );
        recorder.record(captured, &upstream);
    }
    let mut response = Response::builder().status(upstream.status);
    for (name, value) in &upstream.headers {
        if !NOT_RETURNED.contains(&name.to_ascii_lowercase().as_str()) {
            response = response.header(name.as_str(), value.as_str());
        }
    }
    response
        .body(Body::from(upstream.body))
        .unwrap_or_else(|_| StatusCode::BAD_GATEWAY.into_response())
}

/// Answers from the cassette, or with an error naming the mismatch.
pub(crate) fn replayed(outcome: Result<CassetteResponse, CassetteMismatch>) -> Response {
    let recorded = match outcome {
        Ok(recorded) => recorded,
        Err(mismatch) => {
            tracing::warn!(%mismatch, "cassette replay: request not in the cassette");
            let message = format!("cassette replay: {mismatch}");
            return error_response(500, &error_body("api_error", &message), false);
        }
    };
    let mut response = Response::builder().status(recorded.status);
    let has_type = recorded.headers.contains_key("content-type");
    for (name, value) in &recorded.headers {
        response = response.header(name.as_str(), value.as_str());
    }
    if !has_type {
        let content_type = match recorded.body {
            ResponseBody::Events(_) => "text/event-stream",
            ResponseBody::Json(_) => "application/json",
            ResponseBody::Text(_) => "text/plain",
        };
        response = response.header("content-type", content_type);
    }
    response
        .body(Body::from(recorded.body_bytes()))
        .unwrap_or_else(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response())
}
