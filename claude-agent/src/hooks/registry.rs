//! Hooks declared with `#[hook]` ([`HookDescriptor`]s collected with `inventory`), and
//! [`HookRegistry`], the explicit way to group hooks by event.

use std::collections::BTreeMap;
use std::fmt;
use std::time::Duration;

use super::event::Event;
use super::{FailurePolicy, Hook, HookAdapter, HookEvent, HookMatcher};

/// A hook declared with `#[hook]`: everything about it that is known at compile time, and how to
/// build its [`HookMatcher`].
///
/// # Examples
///
/// ```
/// use claude_agent::hooks::{event, Hook, HookContext, HookDescriptor, HookEvent, HookOutput, Stop};
///
/// #[derive(Default)]
/// struct Audit;
/// impl Hook for Audit {
///     type Event = event::Stop;
///     type Input = Stop;
///     type Output = HookOutput;
///     const NAME: &'static str = "audit";
///     async fn call(&self, _input: Stop, _cx: HookContext) -> HookOutput { HookOutput::proceed() }
/// }
///
/// const AUDIT: HookDescriptor = HookDescriptor::of::<Audit>(file!(), line!());
/// assert_eq!((AUDIT.name, AUDIT.event), ("audit", HookEvent::Stop));
/// assert_eq!((AUDIT.make)().callbacks.len(), 1);
/// ```
#[non_exhaustive]
pub struct HookDescriptor {
    /// The hook's name.
    pub name: &'static str,
    /// Its event.
    pub event: HookEvent,
    /// Its matcher.
    pub matcher: Option<&'static str>,
    /// Its timeout, if set.
    pub timeout: Option<Duration>,
    /// Its failure policy, if set.
    pub on_failure: Option<FailurePolicy>,
    /// Where it is defined (`file!()`, `line!()`).
    pub defined_at: (&'static str, u32),
    /// Builds its matcher (the adapted hook as the only callback).
    pub make: fn() -> HookMatcher,
}

impl HookDescriptor {
    /// The descriptor of hook `H`, defined at `file`:`line`.
    pub const fn of<H: Hook + Default>(file: &'static str, line: u32) -> Self {
        HookDescriptor {
            name: H::NAME,
            event: <H::Event as Event>::EVENT,
            matcher: H::MATCHER,
            timeout: H::TIMEOUT,
            on_failure: H::ON_FAILURE,
            defined_at: (file, line),
            make: make_matcher::<H>,
        }
    }

    fn sort_key(&self) -> (&HookEvent, &str, Option<&str>, (&str, u32)) {
        (&self.event, self.name, self.matcher, self.defined_at)
    }
}

fn make_matcher<H: Hook + Default>() -> HookMatcher {
    HookAdapter::new(H::default()).into_matcher()
}

impl fmt::Debug for HookDescriptor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HookDescriptor")
            .field("name", &self.name)
            .field("event", &self.event)
            .field("matcher", &self.matcher)
            .field("timeout", &self.timeout)
            .field("on_failure", &self.on_failure)
            .field("defined_at", &self.defined_at)
            .finish()
    }
}

#[cfg(feature = "inventory")]
inventory::collect!(HookDescriptor);

/// Every hook declared with `#[hook]` in the crates linked into this program, sorted by event,
/// name, matcher and location.
///
/// Hooks in a library crate are only linked when the program uses that crate; for a crate used
/// for nothing but its hooks, write `use my_hooks as _;`. Empty without the `inventory` feature.
///
/// # Examples
///
/// ```
/// for hook in claude_agent::hooks::registered_hooks() {
///     println!("{} on {} ({}:{})", hook.name, hook.event, hook.defined_at.0, hook.defined_at.1);
/// }
/// ```
pub fn registered_hooks() -> Vec<&'static HookDescriptor> {
    #[cfg(feature = "inventory")]
    let mut all: Vec<&'static HookDescriptor> = inventory::iter::<HookDescriptor>().collect();
    #[cfg(not(feature = "inventory"))]
    let mut all: Vec<&'static HookDescriptor> = Vec::new();
    all.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    all
}

/// The old name of [`registered_hooks`].
///
/// # Examples
///
/// ```
/// #[allow(deprecated)]
/// let hooks = claude_agent::hooks::registered();
/// assert_eq!(hooks.len(), claude_agent::hooks::registered_hooks().len());
/// ```
#[deprecated(since = "0.1.0", note = "renamed to `registered_hooks`")]
pub fn registered() -> Vec<&'static HookDescriptor> {
    registered_hooks()
}

/// The registered hooks ([`registered_hooks`]) grouped by event, ready for the `initialize` request.
///
/// # Errors
///
/// [`Error::InvalidOption`](crate::Error::InvalidOption) when two hooks of one event share a
/// name (both locations are named).
///
/// # Examples
///
/// ```
/// let hooks = claude_agent::hooks::registered_matchers().unwrap();
/// assert!(hooks.values().all(|matchers| !matchers.is_empty()));
/// ```
pub fn registered_matchers() -> crate::Result<BTreeMap<HookEvent, Vec<HookMatcher>>> {
    Ok(HookRegistry::from_registered()?.into_map())
}

/// Hooks grouped by event: the explicit alternative to `#[hook]` registration, and the place both
/// kinds meet.
///
/// # Examples
///
/// ```
/// use claude_agent::hooks::{hook_fn, HookEvent, HookMatcher, HookOutput, HookRegistry, Stop};
///
/// let registry = HookRegistry::new()
///     .adapter(hook_fn(|_: Stop| async { HookOutput::proceed() }).name("on_stop"))
///     .matcher(HookEvent::Notification, HookMatcher::new(None, |_input, _cx| async {
///         Ok::<_, String>(serde_json::json!({}))
///     }));
/// assert_eq!(registry.len(), 2);
/// let map = registry.into_map();
/// assert_eq!(map[&HookEvent::Stop].len(), 1);
/// ```
#[derive(Debug, Clone, Default)]
pub struct HookRegistry {
    hooks: BTreeMap<HookEvent, Vec<HookMatcher>>,
}

impl HookRegistry {
    /// An empty registry.
    pub fn new() -> Self {
        HookRegistry::default()
    }

    /// A registry holding every hook declared with `#[hook]` ([`registered_hooks`]).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidOption`](crate::Error::InvalidOption) when two hooks of one event share a
    /// name.
    pub fn from_registered() -> crate::Result<Self> {
        let all = registered_hooks();
        for pair in all.windows(2) {
            if let [a, b] = pair
                && a.event == b.event
                && a.name == b.name
            {
                return Err(crate::Error::invalid_option(
                    "hooks",
                    format!(
                        "two #[hook]s for {} are named `{}` ({}:{} and {}:{}); give one a `name = \"...\"`",
                        a.event,
                        a.name,
                        a.defined_at.0,
                        a.defined_at.1,
                        b.defined_at.0,
                        b.defined_at.1
                    ),
                ));
            }
        }
        Ok(all
            .into_iter()
            .fold(HookRegistry::new(), |registry, d| registry.descriptor(d)))
    }

    /// Adds a typed hook with its own settings.
    pub fn hook<H: Hook>(self, hook: H) -> Self {
        self.adapter(HookAdapter::new(hook))
    }

    /// Adds an adapted hook (e.g. from [`hook_fn`](super::hook_fn), with settings changed).
    pub fn adapter<H: Hook>(self, adapter: HookAdapter<H>) -> Self {
        let event = adapter.event();
        self.matcher(event, adapter.into_matcher())
    }

    /// Adds a raw matcher for `event`.
    pub fn matcher(mut self, event: HookEvent, matcher: HookMatcher) -> Self {
        self.hooks.entry(event).or_default().push(matcher);
        self
    }

    /// Adds a declared hook.
    pub fn descriptor(self, descriptor: &HookDescriptor) -> Self {
        self.matcher(descriptor.event.clone(), (descriptor.make)())
    }

    /// Adds every hook of `other`.
    pub fn merge(mut self, other: HookRegistry) -> Self {
        for (event, matchers) in other.hooks {
            self.hooks.entry(event).or_default().extend(matchers);
        }
        self
    }

    /// The matchers of `event`.
    pub fn get(&self, event: &HookEvent) -> &[HookMatcher] {
        self.hooks.get(event).map(Vec::as_slice).unwrap_or_default()
    }

    /// How many matchers there are in all.
    pub fn len(&self) -> usize {
        self.hooks.values().map(Vec::len).sum()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The matchers grouped by event.
    pub fn into_map(self) -> BTreeMap<HookEvent, Vec<HookMatcher>> {
        self.hooks
    }
}
