//! Recording: the server forwards each request to an upstream Messages API over plain HTTP
//! (hyper's HTTP/1 client, one connection per request) and writes the exchange to the cassette.

use std::path::PathBuf;
use std::sync::Mutex;

use axum::body::Bytes;
use http_body_util::{BodyExt as _, Full};
use hyper::{Request, Uri, header};
use hyper_util::rt::TokioIo;

use super::format::{
    Cassette, CassetteRequest, CassetteResponse, Interaction, is_secret_header, scrub,
};
use crate::options::Secret;

/// Request headers not forwarded: hop-by-hop ones and those the client sets itself.
const NOT_FORWARDED: &[&str] = &[
    "host",
    "content-length",
    "connection",
    "keep-alive",
    "transfer-encoding",
    "accept-encoding",
    "upgrade",
    "te",
];

/// An upstream response.
pub(crate) struct Upstream {
    pub(crate) status: u16,
    pub(crate) headers: Vec<(String, String)>,
    pub(crate) body: Bytes,
}

/// The recording side of one server.
#[derive(Debug)]
pub(crate) struct Recorder {
    upstream: String,
    api_key: Option<Secret>,
    path: PathBuf,
    state: Mutex<(Cassette, Vec<String>)>,
}

impl Recorder {
    pub(crate) fn new(upstream: String, api_key: Option<Secret>, path: PathBuf) -> Self {
        let secrets = api_key.iter().map(|k| k.expose().to_owned()).collect();
        Self {
            upstream: upstream.trim_end_matches('/').to_owned(),
            api_key,
            path,
            state: Mutex::new((Cassette::default(), secrets)),
        }
    }

    /// The cassette recorded so far (scrubbed).
    pub(crate) fn cassette(&self) -> Cassette {
        let state = self
            .state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        scrub(&state.0, &state.1).unwrap_or_default()
    }

    /// Forwards one request upstream.
    pub(crate) async fn forward(
        &self,
        method: &str,
        path_and_query: &str,
        headers: &[(String, String)],
        body: Bytes,
    ) -> Result<Upstream, String> {
        let uri: Uri = format!("{}{path_and_query}", self.upstream)
            .parse()
            .map_err(|e| format!("bad upstream URL {}: {e}", self.upstream))?;
        if uri.scheme_str() != Some("http") {
            return Err(format!(
                "the recording proxy speaks plain HTTP only; upstream {} is not http://",
                self.upstream
            ));
        }
        let host = uri.host().unwrap_or("127.0.0.1").to_owned();
        let port = uri.port_u16().unwrap_or(80);
        let authority = uri
            .authority()
            .map(|a| a.as_str().to_owned())
            .unwrap_or_default();
        let target = uri
            .path_and_query()
            .map(|p| p.as_str().to_owned())
            .unwrap_or_default();
        let stream = tokio::net::TcpStream::connect((host.as_str(), port))
            .await
            .map_err(|e| format!("cannot reach upstream {}: {e}", self.upstream))?;
        let (mut sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
            .await
            .map_err(|e| format!("HTTP handshake with upstream failed: {e}"))?;
        tokio::spawn(async move {
            if let Err(err) = connection.await {
                tracing::debug!(%err, "upstream connection ended with an error");
            }
        });
        let mut request = Request::builder().method(method).uri(target);
        request = request.header(header::HOST, authority);
        request = request.header(header::ACCEPT_ENCODING, "identity");
        for (name, value) in headers {
            let lower = name.to_ascii_lowercase();
            if NOT_FORWARDED.contains(&lower.as_str()) {
                continue;
            }
            if is_secret_header(&lower) {
                self.remember_secret(value);
                if self.api_key.is_some() {
                    continue;
                }
            }
            request = request.header(name.as_str(), value.as_str());
        }
        if let Some(key) = &self.api_key {
            request = request.header("x-api-key", key.expose());
        }
        let request = request
            .body(Full::new(body))
            .map_err(|e| format!("cannot build the upstream request: {e}"))?;
        let response = sender
            .send_request(request)
            .await
            .map_err(|e| format!("upstream request failed: {e}"))?;
        let status = response.status().as_u16();
        let headers = response
            .headers()
            .iter()
            .map(|(k, v)| {
                (
                    k.as_str().to_owned(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect();
        let body = response
            .into_body()
            .collect()
            .await
            .map_err(|e| format!("reading the upstream response failed: {e}"))?
            .to_bytes();
        Ok(Upstream {
            status,
            headers,
            body,
        })
    }

    /// Adds one exchange to the cassette and rewrites the file.
    pub(crate) fn record(&self, request: CassetteRequest, response: &Upstream) {
        let response =
            CassetteResponse::capture(response.status, &response.headers, &response.body);
        let snapshot = {
            let mut state = self
                .state
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            state.0.interactions.push(Interaction { request, response });
            scrub(&state.0, &state.1)
        };
        match snapshot.and_then(|c| c.save(&self.path)) {
            Ok(()) => tracing::debug!(path = %self.path.display(), "cassette updated"),
            Err(err) => {
                tracing::warn!(path = %self.path.display(), %err, "cannot write the cassette")
            }
        }
    }

    fn remember_secret(&self, value: &str) {
        let value = value.strip_prefix("Bearer ").unwrap_or(value).to_owned();
        let mut state = self
            .state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if !state.1.contains(&value) {
            state.1.push(value);
        }
    }
}
