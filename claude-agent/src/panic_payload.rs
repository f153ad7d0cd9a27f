//! What a caught panic said: the one way the SDK turns a panic payload from user code (a tool,
//! a hook, a permission or dialog callback) into the text it reports.

use std::any::Any;

/// The panic's message: the `&str` or `String` given to `panic!`, else a fixed description.
pub(crate) fn panic_message(payload: &(dyn Any + Send)) -> String {
    if let Some(text) = payload.downcast_ref::<&str>() {
        (*text).to_owned()
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.clone()
    } else {
        "a non-string panic payload".to_owned()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::panic_message;

    #[test]
    fn string_payloads_are_reported_and_others_described() {
        let caught = |f: fn()| std::panic::catch_unwind(f).unwrap_err();
        assert_eq!(
            panic_message(caught(|| panic!("static")).as_ref()),
            "static"
        );
        let n = 3;
        let formatted = std::panic::catch_unwind(move || panic!("formatted {n}")).unwrap_err();
        assert_eq!(panic_message(formatted.as_ref()), "formatted 3");
        let other = std::panic::catch_unwind(|| std::panic::panic_any(7_u8)).unwrap_err();
        assert_eq!(panic_message(other.as_ref()), "a non-string panic payload");
    }
}
