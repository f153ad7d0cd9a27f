use super::*;
use crate::tools::{ToolServer, tool};

/// Add two numbers.
#[tool(server = "calc")]
async fn add(a: f64, b: f64) -> String {
    (a + b).to_string()
}

fn init(id: i64) -> Value {
    json!({"jsonrpc": "2.0", "id": id, "method": "initialize", "params": {
        "protocolVersion": "2025-11-25", "capabilities": {},
        "clientInfo": {"name": "claude-code", "version": "2.1.330"}}})
}

fn call(id: i64) -> Value {
    json!({"jsonrpc": "2.0", "id": id, "method": "tools/call",
           "params": {"name": "add", "arguments": {"a": 2, "b": 3}}})
}

fn bridge() -> SdkBridge {
    SdkBridge::from_tools(ToolServer::new("calc").tool(AddTool).unwrap())
}

#[tokio::test]
async fn a_dead_loop_is_restarted_with_the_last_handshake_replayed() {
    let bridge = bridge();
    bridge.handle(init(0)).await.unwrap();
    bridge
        .handle(json!({"jsonrpc": "2.0", "method": "notifications/initialized"}))
        .await;
    bridge.kill_loop();
    // Without the replayed handshake rmcp would refuse a tools/call on a fresh loop.
    let reply = bridge.handle(call(7)).await.unwrap();
    assert_eq!(reply["id"], 7);
    assert_eq!(reply["result"]["content"][0]["text"], "5", "{reply}");
    assert_eq!(bridge.inner.lock().generation, 2);
    // The replayed initialize's answer was swallowed, nothing is left waiting.
    assert!(bridge.inner.lock().pending.is_empty());
}

#[tokio::test]
async fn a_request_waiting_on_a_loop_that_dies_fails_instead_of_hanging() {
    // A loop that takes one message and then dies without answering.
    let serve = |out: UnboundedSender<ServerJsonRpcMessage>,
                 mut inbound: UnboundedReceiver<ClientJsonRpcMessage>|
     -> BoxFuture<'static, ()> {
        Box::pin(async move {
            let _ = inbound.next().await;
            drop(out);
        })
    };
    let bridge = SdkBridge::with_serve(Box::new(serve));
    let reply = tokio::time::timeout(std::time::Duration::from_secs(5), bridge.handle(init(4)))
        .await
        .expect("the waiting request must be failed when its loop ends")
        .unwrap();
    assert_eq!(reply["id"], 4);
    assert_eq!(reply["error"]["code"], INTERNAL_ERROR, "{reply}");
    assert!(bridge.inner.lock().session.is_none());
}

#[tokio::test]
async fn a_call_in_flight_when_the_loop_is_closed_still_completes() {
    /// Sleeps, then answers.
    #[tool(server = "s")]
    async fn slow() -> &'static str {
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        "done"
    }
    let bridge = SdkBridge::from_tools(ToolServer::new("s").tool(SlowTool).unwrap());
    bridge.handle(init(0)).await.unwrap();
    let waiting = tokio::spawn(
        bridge.handle(json!({"jsonrpc": "2.0", "id": 1, "method": "tools/call",
        "params": {"name": "slow", "arguments": {}}})),
    );
    tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    bridge.kill_loop();
    let reply = waiting.await.unwrap().unwrap();
    assert_eq!(reply["result"]["content"][0]["text"], "done", "{reply}");
}

#[test]
fn without_a_runtime_requests_get_an_error_not_a_panic() {
    let reply = futures::executor::block_on(bridge().handle(init(3))).unwrap();
    assert_eq!(reply["id"], 3);
    assert_eq!(reply["error"]["code"], INTERNAL_ERROR);
}
