//! Per-field help (placeholder).
