//! [`ToolAnnotations`]: behaviour hints that ride on a tool's MCP definition.

use serde_json::{Map, Value};

/// Hints about how a tool behaves, shown to clients in `tools/list` (MCP `annotations`).
///
/// Every hint is optional; an unset hint is left out of the wire format. All builders are `const`
/// so annotations can live in a [`Tool::ANNOTATIONS`](super::Tool::ANNOTATIONS) constant.
///
/// # Examples
///
/// ```
/// use claude_agent::tools::ToolAnnotations;
///
/// const HINTS: ToolAnnotations = ToolAnnotations::new().title("Add").read_only(true);
/// assert_eq!(HINTS.read_only, Some(true));
/// assert_eq!(
///     HINTS.to_wire().unwrap(),
///     serde_json::json!({"title": "Add", "readOnlyHint": true})
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
#[non_exhaustive]
pub struct ToolAnnotations {
    /// A human-readable title.
    pub title: Option<&'static str>,
    /// The tool does not modify its environment (`readOnlyHint`).
    pub read_only: Option<bool>,
    /// The tool may destroy or overwrite data (`destructiveHint`).
    pub destructive: Option<bool>,
    /// Calling it again with the same arguments has no further effect (`idempotentHint`).
    pub idempotent: Option<bool>,
    /// The tool reaches outside entities, e.g. the web (`openWorldHint`).
    pub open_world: Option<bool>,
}

impl ToolAnnotations {
    /// No hints.
    pub const fn new() -> Self {
        ToolAnnotations {
            title: None,
            read_only: None,
            destructive: None,
            idempotent: None,
            open_world: None,
        }
    }

    /// Sets the title.
    pub const fn title(mut self, title: &'static str) -> Self {
        self.title = Some(title);
        self
    }

    /// Sets `readOnlyHint`.
    pub const fn read_only(mut self, value: bool) -> Self {
        self.read_only = Some(value);
        self
    }

    /// Sets `destructiveHint`.
    pub const fn destructive(mut self, value: bool) -> Self {
        self.destructive = Some(value);
        self
    }

    /// Sets `idempotentHint`.
    pub const fn idempotent(mut self, value: bool) -> Self {
        self.idempotent = Some(value);
        self
    }

    /// Sets `openWorldHint`.
    pub const fn open_world(mut self, value: bool) -> Self {
        self.open_world = Some(value);
        self
    }

    /// Whether no hint is set.
    pub const fn is_empty(&self) -> bool {
        self.title.is_none()
            && self.read_only.is_none()
            && self.destructive.is_none()
            && self.idempotent.is_none()
            && self.open_world.is_none()
    }

    /// The MCP `annotations` object, or `None` when no hint is set.
    pub fn to_wire(&self) -> Option<Value> {
        if self.is_empty() {
            return None;
        }
        let mut map = Map::new();
        if let Some(title) = self.title {
            map.insert("title".into(), title.into());
        }
        let hints = [
            ("readOnlyHint", self.read_only),
            ("destructiveHint", self.destructive),
            ("idempotentHint", self.idempotent),
            ("openWorldHint", self.open_world),
        ];
        for (key, value) in hints {
            if let Some(value) = value {
                map.insert(key.into(), value.into());
            }
        }
        Some(Value::Object(map))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn empty_annotations_have_no_wire_form() {
        assert!(ToolAnnotations::new().is_empty());
        assert_eq!(ToolAnnotations::default().to_wire(), None);
    }

    #[test]
    fn every_hint_maps_to_its_mcp_key() {
        let all = ToolAnnotations::new()
            .title("T")
            .read_only(false)
            .destructive(true)
            .idempotent(true)
            .open_world(false);
        assert_eq!(
            all.to_wire().unwrap(),
            json!({"title": "T", "readOnlyHint": false, "destructiveHint": true,
                   "idempotentHint": true, "openWorldHint": false})
        );
    }
}
