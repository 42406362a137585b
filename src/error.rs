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
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        ReviewError {
            path: path.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for ReviewError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            f.write_str(&self.path)?;
            f.write_str(": ")?;
            f.write_str(&self.message)
        }
    }
}

impl std::error::Error for ReviewError {}
