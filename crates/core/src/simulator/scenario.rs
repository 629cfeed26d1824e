//! Scenarios (placeholder).
pub struct Scenario;
pub struct ScenarioError;
pub struct ScenarioReport;
pub struct StepReport;
