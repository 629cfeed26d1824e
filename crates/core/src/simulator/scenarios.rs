//! Example scenarios (placeholder).
