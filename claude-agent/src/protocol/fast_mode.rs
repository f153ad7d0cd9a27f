//! Fast-mode state, as `system/init`, `result` and the `initialize` answer report it.

use crate::wire::wire_enum;

wire_enum! {
    /// Whether fast mode is serving requests.
    ///
    /// # Examples
    ///
    /// ```
    /// use claude_agent::protocol::FastModeState;
    ///
    /// assert_eq!(FastModeState::from("cooldown"), FastModeState::Cooldown);
    /// assert_eq!(FastModeState::from("turbo"), FastModeState::Other("turbo".into()));
    /// ```
    pub enum FastModeState {
        /// Off.
        Off = "off",
        /// Paused after a rate limit.
        Cooldown = "cooldown",
        /// On.
        On = "on",
    }
}

wire_enum! {
    /// Why fast mode cannot serve right now (absent when nothing blocks it).
    pub enum FastModeDisabledReason {
        /// The plan has no fast mode.
        Free = "free",
        /// The user turned it off.
        Preference = "preference",
        /// Extra usage is disabled.
        ExtraUsageDisabled = "extra_usage_disabled",
        /// Its availability could not be checked.
        NetworkError = "network_error",
        /// Unknown.
        Unknown = "unknown",
        /// The API provider is not Anthropic.
        NotFirstParty = "not_first_party",
        /// Disabled through the environment.
        DisabledByEnv = "disabled_by_env",
        /// The model has no fast mode.
        ModelNotAllowed = "model_not_allowed",
        /// SDK sessions must opt in.
        SdkOptInRequired = "sdk_opt_in_required",
        /// Not decided yet.
        Pending = "pending",
    }
}
