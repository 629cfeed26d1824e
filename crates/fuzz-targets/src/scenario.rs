//! Scenarios (`parseScenario`, `runScenario`): read from JSON or YAML (the first byte picks), run
//! on a fresh simulator, reported as a table, and written back as JSON and YAML, which must read
//! to the same scenario.

use chat_event_core::simulator::Scenario;

pub fn run(data: &[u8]) {
    let Some((&pick, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let read = if pick & 1 == 0 { Scenario::from_json(text) } else { Scenario::from_yaml(text) };
    let Ok(scenario) = read else { return };
    if let Ok(report) = scenario.run() {
        let _ = report.to_table();
    }
    assert_eq!(Scenario::from_json(&scenario.to_json_pretty()).as_ref(), Ok(&scenario), "its JSON reads back");
    let _ = Scenario::from_yaml(&scenario.to_yaml());
}
