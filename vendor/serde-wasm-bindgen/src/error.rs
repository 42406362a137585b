use wasm_bindgen::prelude::*;

/// A newtype that represents Serde errors as JavaScript exceptions.
#[derive(Debug)]
pub struct Error(JsValue);

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        #[wasm_bindgen]
        extern "C" {
            #[wasm_bindgen(js_name = String)]
            pub fn to_string(value: &JsValue) -> String;
        }

        to_string(&self.0).fmt(f)
    }
}

impl std::error::Error for Error {}

impl Error {
    /// Creates a JavaScript `Error` with a given message.
    ///
    /// review-card: the message is not formatted (the caller never shows it; its
    /// formatting brought core's float printing into the wasm). See
    /// vendor/README.md.
    #[inline(always)]
    pub fn new<T: std::fmt::Display>(_msg: T) -> Self {
        Error::fixed()
    }

    /// The one error every failure returns.
    #[inline(never)]
    fn fixed() -> Self {
        Error(JsError::new("serde-wasm-bindgen: the value does not fit the type").into())
    }
}

// review-card: every constructor returns the fixed error, so no caller builds the
// `format_args!` that serde's default methods would (see vendor/README.md).
impl serde::ser::Error for Error {
    #[inline(always)]
    fn custom<T: std::fmt::Display>(_msg: T) -> Self {
        Error::fixed()
    }
}

impl serde::de::Error for Error {
    #[inline(always)]
    fn custom<T: std::fmt::Display>(_msg: T) -> Self {
        Error::fixed()
    }

    #[inline(always)]
    fn invalid_type(_: serde::de::Unexpected, _: &dyn serde::de::Expected) -> Self {
        Error::fixed()
    }

    #[inline(always)]
    fn invalid_value(_: serde::de::Unexpected, _: &dyn serde::de::Expected) -> Self {
        Error::fixed()
    }

    #[inline(always)]
    fn invalid_length(_: usize, _: &dyn serde::de::Expected) -> Self {
        Error::fixed()
    }

    #[inline(always)]
    fn unknown_variant(_: &str, _: &'static [&'static str]) -> Self {
        Error::fixed()
    }

    #[inline(always)]
    fn unknown_field(_: &str, _: &'static [&'static str]) -> Self {
        Error::fixed()
    }

    #[inline(always)]
    fn missing_field(_: &'static str) -> Self {
        Error::fixed()
    }

    #[inline(always)]
    fn duplicate_field(_: &'static str) -> Self {
        Error::fixed()
    }
}

/// This conversion is needed for `?` to just work when using wasm-bindgen
/// imports that return JavaScript exceptions as `Result<T, JsValue>`.
impl From<JsValue> for Error {
    fn from(error: JsValue) -> Error {
        Error(error)
    }
}

// This conversion is needed for `?` to just work in wasm-bindgen exports
// that return `Result<T, JsValue>` to throw JavaScript exceptions.
impl From<Error> for JsValue {
    fn from(error: Error) -> JsValue {
        error.0
    }
}
