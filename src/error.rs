//! Errors that name the field path and what was wrong with it.

use std::fmt;

/// A review that could not be accepted, with the path of the field at fault.
///
/// Displays as `path: message`, for example `score.value: 12 is above max 10`.
///
/// One pointer wide: the validator passes `Result`s of it through many calls, and a
/// boxed error keeps each move small (the card-with-form byte budget, issue #19).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewError(Box<Parts>);

#[derive(Debug, Clone, PartialEq, Eq)]
struct Parts {
    path: String,
    message: String,
}

impl ReviewError {
    /// Creates an error for `path`.
    #[inline(never)]
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        ReviewError(Box::new(Parts {
            path: path.into(),
            message: message.into(),
        }))
    }

    /// Where the problem is, such as `credits[1].name`; empty for the whole document.
    pub fn path(&self) -> &str {
        &self.0.path
    }

    /// What was wrong, such as `12 is above max 10`.
    pub fn message(&self) -> &str {
        &self.0.message
    }

    /// The error as one line, `path: message` (or the message alone for the whole
    /// document). Built without `core::fmt`, so the release wasm needs no formatter.
    pub fn text(&self) -> String {
        if self.0.path.is_empty() {
            self.0.message.clone()
        } else {
            [self.0.path.as_str(), ": ", self.0.message.as_str()].concat()
        }
    }
}

impl fmt::Display for ReviewError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text())
    }
}

impl std::error::Error for ReviewError {}

#[cfg(test)]
mod tests {
    use super::ReviewError;

    #[test]
    fn text_names_the_path_unless_it_is_the_whole_document() {
        let field = ReviewError::new("score.value", "12 is above max 10");
        assert_eq!(field.text(), "score.value: 12 is above max 10");
        assert_eq!(field.to_string(), field.text());
        assert_eq!(
            ReviewError::new("", "the JSON ends too early").text(),
            "the JSON ends too early"
        );
    }
}
