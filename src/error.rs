//! Errors that name the field path and what was wrong with it.

use std::fmt;

/// A review that could not be accepted, with the path of the field at fault.
///
/// Displays as `path: message`, for example `score.value: 12 is above max 10`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewError {
    /// Where the problem is, such as `credits[1].name`; empty for the whole document.
    pub path: String,
    /// What was wrong, such as `12 is above max 10`.
    pub message: String,
}

impl ReviewError {
    /// Creates an error for `path`.
    #[inline(never)]
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        ReviewError {
            path: path.into(),
            message: message.into(),
        }
    }

    /// The error as one line, `path: message` (or the message alone for the whole
    /// document). Built without `core::fmt`, so the release wasm needs no formatter.
    pub fn text(&self) -> String {
        if self.path.is_empty() {
            self.message.clone()
        } else {
            [self.path.as_str(), ": ", self.message.as_str()].concat()
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
