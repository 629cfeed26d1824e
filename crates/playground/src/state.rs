//! The playground's state: plain data, changed only by [`Action`]s through a pure reducer.
//!
//! It is saved and read back by core's `ToJson` and `FromJson`, derived from the `#[serde]`
//! attributes below. Every member of a saved state may be absent (`default`: a state saved by an
//! earlier version lacks the newer members), and members no reader asks for are ignored (one that a
//! later version dropped).
//!
//! The request being edited is kept as core's model ([`SendChatIntegrationEventRequest`]), so every
//! output is a function of it. Only what a form needs beyond the model lives beside it: the rows
//! of the Attributes editor (which may briefly hold duplicate or empty keys while one types), the
//! "custom" choices of the two pickers, and the NewSessionDetails section while it is left out.

use std::rc::Rc;

use chat_event_core::cli::CliVersion;
use chat_event_core::json::{FromJson, ToJson};
use chat_event_core::simulator::scenario::{EndChatStep, Step, StepDuration};
use chat_event_core::simulator::{ContactId, EndedBy, Scenario, Settings, SubtypeMatching, Throttling};
use chat_event_core::{
    ChatEvent, ChatStreamingConfiguration, NewSessionDetails, ParticipantDetails, SendChatIntegrationEventRequest,
};
use serde::Serialize;
use yew::Reducible;

/// A text member of the request that a form control edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextField {
    SourceId,
    DestinationId,
    Subtype,
    EventType,
    ContentType,
    Content,
    DisplayName,
    StreamingEndpointArn,
}

impl TextField {
    /// The member's path, as diagnostics name it.
    pub fn path(self) -> &'static str {
        match self {
            TextField::SourceId => "SourceId",
            TextField::DestinationId => "DestinationId",
            TextField::Subtype => "Subtype",
            TextField::EventType => "Event.Type",
            TextField::ContentType => "Event.ContentType",
            TextField::Content => "Event.Content",
            TextField::DisplayName => "NewSessionDetails.ParticipantDetails.DisplayName",
            TextField::StreamingEndpointArn => "NewSessionDetails.StreamingConfiguration.StreamingEndpointArn",
        }
    }
}

/// One row of the Attributes editor.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, ToJson, FromJson)]
#[json(expected = "an attribute row (an object)")]
pub struct AttributeRow {
    pub key: String,
    pub value: String,
}

/// The output tabs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, ToJson, FromJson)]
pub enum OutputTab {
    #[default]
    Cli,
    Json,
    Shorthand,
    CliInputJson,
    CliInputYaml,
    Sdk,
}

pub use chat_event_core::cli::command::StructureStyle;
pub use chat_event_core::cli::shell::Shell;
pub use chat_event_core::snippets::{SdkLanguage, SnippetOptions};

/// Light, dark, or following the system.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, ToJson, FromJson)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub fn attr(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// Choices that are not part of the request: tabs, shell, theme.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, ToJson, FromJson)]
#[json(expected = "the interface choices (an object)")]
#[serde(default)]
pub struct UiChoices {
    pub output_tab: OutputTab,
    pub shell: Shell,
    pub structure_style: StructureStyle,
    pub theme: Theme,
    /// The Subtype picker shows a free text box.
    pub custom_subtype: bool,
    /// The ContentType picker shows a free text box.
    pub custom_content_type: bool,
    /// The SDK of the SDK tab's snippet.
    pub sdk_language: SdkLanguage,
    /// The snippet's region and explaining comment.
    pub sdk_options: SnippetOptions,
    /// Whose words the import box says a refused command in: AWS CLI version 2's or version 1's.
    pub cli_version: CliVersion,
    /// The shell the import box reads a command as; detected from the text when `None`.
    pub import_shell: Option<Shell>,
}

/// The simulator as steps: the state is what was done, in core's scenario format; the simulator
/// itself is rebuilt from it by replaying, so that it can be saved, shared and exported as is.
#[derive(Debug, Clone, Default, PartialEq, Serialize, ToJson, FromJson)]
#[json(expected = "the simulator's state (an object)")]
#[serde(default)]
pub struct SimState {
    pub settings: Settings,
    pub steps: Vec<Step>,
    /// The contact whose transcript is shown, as its id text.
    pub selected: Option<String>,
    /// The scenario import box.
    pub scenario_text: String,
}

/// The title given to scenarios exported from the playground.
pub const SCENARIO_TITLE: &str = "Playground session";

impl SimState {
    /// The steps as a scenario, in core's format.
    pub fn scenario(&self) -> Scenario {
        Scenario {
            title: SCENARIO_TITLE.to_owned(),
            description: None,
            settings: Some(self.settings.clone()),
            steps: self.steps.clone(),
        }
    }
}

/// Everything the playground remembers.
#[derive(Debug, Clone, Default, PartialEq, Serialize, ToJson, FromJson)]
#[json(expected = "a saved playground state (an object)")]
#[serde(default)]
pub struct AppState {
    /// The request as edited; every output derives from it.
    pub request: SendChatIntegrationEventRequest,
    /// The Attributes editor's rows; `request`'s Attributes are rebuilt from them.
    pub attributes: Vec<AttributeRow>,
    /// NewSessionDetails while its section is left out, so that including it again restores it.
    pub parked_new_session_details: Option<NewSessionDetails>,
    /// The text in the import box.
    pub import_text: String,
    pub ui: UiChoices,
    pub sim: SimState,
    /// What the last replacement (a preset, an import, a share link, a scenario, Reset) replaced,
    /// so that one step brings it back. Saved, so that a reload does not lose the way back.
    pub replaced: Option<Replaced>,
    /// A message shown once at the top (a corrupt saved state or link), with the raw data.
    #[serde(skip)]
    pub notice: Option<Notice>,
    /// A share link put in the address bar of the open tab, read and waiting to be opened.
    #[serde(skip)]
    pub offered_link: Option<crate::share::SharePayload>,
}

/// The most simulator steps the playground keeps. Every change to the steps replays them all, and
/// the saved state holds them: far past what anyone clicks, this keeps each change and each visit
/// quick. A link, a scenario or a saved state with more is refused with a message.
pub const MAX_STEPS: usize = 1_000;

/// The most of the import box that is read. A request at every maximum length takes well under
/// 100 KB even as a quoted command; text past this is kept in the box but neither read (a 10 MB
/// paste would hold up every keystroke) nor saved.
pub const MAX_IMPORT_BYTES: usize = 1 << 20;

/// Why `steps` steps are too many for the playground, or `None`.
pub fn too_many_steps(steps: usize) -> Option<String> {
    use chat_event_core::limits::thousands;
    (steps > MAX_STEPS).then(|| {
        format!(
            "it holds {} simulator steps, and the playground keeps at most {}",
            thousands(steps),
            thousands(MAX_STEPS)
        )
    })
}

/// The form's part of the work: the request and what the editor keeps beside it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, ToJson, FromJson)]
#[json(expected = "the form's content (an object)")]
#[serde(default)]
pub struct FormWork {
    pub request: SendChatIntegrationEventRequest,
    pub attributes: Vec<AttributeRow>,
    pub parked_new_session_details: Option<NewSessionDetails>,
    pub custom_subtype: bool,
    pub custom_content_type: bool,
}

/// What replaced the user's work, as the message about it begins ("The imported request
/// replaced", then what it replaced).
pub mod replaced_by {
    pub fn preset(title: &str) -> String {
        format!("The example \u{201c}{title}\u{201d} replaced")
    }
    pub const IMPORT: &str = "The imported request replaced";
    pub const SHARED_LINK: &str = "The share link replaced";
    pub const SCENARIO: &str = "The imported scenario replaced";
    pub const RESET: &str = "Reset cleared";
    pub const CLEAR_IGNORED: &str = "Removing what DISCONNECT ignores changed";
}

/// The work a replacement took the place of: the form's, the simulator's, or both.
#[derive(Debug, Clone, PartialEq, Serialize, ToJson, FromJson)]
#[json(expected = "the replaced work (an object)")]
pub struct Replaced {
    /// The beginning of the message: what replaced the work (see [`replaced_by`]).
    pub by: String,
    /// The work was restored: what is kept here is the replacement, to put back again.
    #[serde(default)]
    pub restored: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub form: Option<FormWork>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sim: Option<SimState>,
}

impl Replaced {
    /// The message shown while the replaced work can be brought back.
    pub fn message(&self) -> String {
        let what = match (&self.form, &self.sim) {
            (Some(_), Some(_)) => "your request and the simulator's steps",
            (None, Some(_)) => "the simulator's steps",
            _ => "your request",
        };
        if self.restored {
            format!("Restored {what} as it was. The replacement is kept too: you can put it back.")
        } else {
            format!("{} {what}.", self.by)
        }
    }
}

/// A problem met while loading, shown with the raw data so that nothing is lost.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub message: String,
    pub raw: String,
}

/// Everything that can happen to the state.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Sets a text member; the empty string leaves the member out.
    SetText(TextField, String),
    /// Switches the Subtype picker to or from free text.
    SetCustomSubtype(bool),
    /// Switches the ContentType picker to or from free text.
    SetCustomContentType(bool),
    /// Includes or leaves out the NewSessionDetails section.
    IncludeNewSessionDetails(bool),
    /// Checks or unchecks one of SupportedMessagingContentTypes.
    SetSupportedType(String, bool),
    AddAttribute,
    RemoveAttribute(usize),
    SetAttributeKey(usize, String),
    SetAttributeValue(usize, String),
    /// Replaces the request (a preset, an import); the replaced form can be restored.
    LoadRequest(SendChatIntegrationEventRequest, String),
    /// Removes the members a DISCONNECT ignores: ContentType, Content and NewSessionDetails.
    ClearIgnoredOnDisconnect,
    /// Brings back what the last replacement replaced (and keeps what it undoes, to go back again).
    RestorePrevious,
    /// Forgets the way back to the replaced work.
    DismissReplaced,
    SetImportText(String),
    SetOutputTab(OutputTab),
    SetShell(Shell),
    SetStructureStyle(StructureStyle),
    SetSdkLanguage(SdkLanguage),
    SetSdkOptions(SnippetOptions),
    SetCliVersion(CliVersion),
    SetImportShell(Option<Shell>),
    SetTheme(Theme),
    SetNotice(Option<Notice>),
    /// Sends the request being edited to the simulator.
    SimSend,
    /// Moves the simulator's clock forward, in milliseconds.
    SimAdvance(u64),
    /// Ends a chat as its agent would.
    SimEndChat(ContactId),
    /// Forgets every step.
    SimReset,
    /// Changes one of the simulator's settings (the steps are replayed under them).
    SimSetting(SettingChange),
    /// Replaces the steps and settings with a scenario's.
    SimLoadScenario(Scenario),
    /// Opens a share link: its request, and its scenario when it has one.
    OpenShared(crate::share::SharePayload),
    /// Offers a link put into the address bar of the open tab, for the user to open or not.
    OfferShared(Option<crate::share::SharePayload>),
    SimSelect(Option<String>),
    SimScenarioText(String),
}

/// One change to the simulator's settings, applied by the reducer to the settings in force, so that
/// changes made in a row all count.
#[derive(Debug, Clone, PartialEq)]
pub enum SettingChange {
    ChatDurationMinutes(u32),
    SubtypeMatching(SubtypeMatching),
    Seed(u64),
    /// The DestinationIds that exist; none listed: any.
    Destinations(Vec<String>),
    /// Throttling on (from core's default bucket) or off.
    Throttling(bool),
    RatePerSecond(f64),
    Burst(u32),
    AccessDenied(bool),
    InternalErrorProbability(f64),
    MaxActiveChats(Option<u32>),
}

impl SettingChange {
    fn apply(self, s: &mut Settings) {
        let faults = &mut s.faults;
        match self {
            SettingChange::ChatDurationMinutes(n) => s.chat_duration_minutes = n,
            SettingChange::SubtypeMatching(m) => s.subtype_matching = m,
            SettingChange::Seed(n) => s.seed = n,
            SettingChange::Destinations(list) => faults.destinations = (!list.is_empty()).then_some(list),
            SettingChange::Throttling(on) => faults.throttling = on.then(Throttling::default),
            SettingChange::RatePerSecond(n) => faults.throttling.iter_mut().for_each(|t| t.rate_per_second = n),
            SettingChange::Burst(n) => faults.throttling.iter_mut().for_each(|t| t.burst = n),
            SettingChange::AccessDenied(on) => faults.access_denied = on,
            SettingChange::InternalErrorProbability(p) => faults.internal_error_probability = p,
            SettingChange::MaxActiveChats(n) => faults.max_active_chats = n,
        }
    }
}

fn non_empty(text: String) -> Option<String> {
    if text.is_empty() {
        None
    } else {
        Some(text)
    }
}

impl AppState {
    /// A state showing `request`, with the editor's rows and pickers set to match it.
    pub fn with_request(mut self, request: SendChatIntegrationEventRequest) -> Self {
        self.attributes = request
            .new_session_details
            .as_ref()
            .and_then(|n| n.attributes.as_ref())
            .map(|a| a.iter().map(|(k, v)| AttributeRow { key: k.clone(), value: v.clone() }).collect())
            .unwrap_or_default();
        self.parked_new_session_details = None;
        self.ui.custom_subtype = false;
        self.ui.custom_content_type = false;
        self.request = request;
        self
    }

    /// The simulator as a scenario has it: its settings and steps, none selected.
    pub fn with_scenario(mut self, scenario: Scenario) -> Self {
        self.sim.settings = scenario.settings.unwrap_or_default();
        self.sim.steps = scenario.steps;
        self.sim.selected = None;
        self
    }

    /// The form's part of the work.
    pub fn form_work(&self) -> FormWork {
        FormWork {
            request: self.request.clone(),
            attributes: self.attributes.clone(),
            parked_new_session_details: self.parked_new_session_details.clone(),
            custom_subtype: self.ui.custom_subtype,
            custom_content_type: self.ui.custom_content_type,
        }
    }

    fn put_form_work(&mut self, work: FormWork) {
        self.request = work.request;
        self.attributes = work.attributes;
        self.parked_new_session_details = work.parked_new_session_details;
        self.ui.custom_subtype = work.custom_subtype;
        self.ui.custom_content_type = work.custom_content_type;
    }

    /// The simulator put back as it was; the scenario box keeps its text (nothing replaced it).
    fn put_sim(&mut self, mut sim: SimState) {
        sim.scenario_text = std::mem::take(&mut self.sim.scenario_text);
        self.sim = sim;
    }

    /// Applies `change`, a replacement of the form's work, the simulator's or both, keeping what
    /// it replaced in [`AppState::replaced`]. A change that changes nothing keeps the way back to
    /// an earlier replacement.
    fn replacing(self, by: impl Into<String>, form: bool, sim: bool, change: impl FnOnce(Self) -> Self) -> Self {
        let before = Replaced {
            by: by.into(),
            restored: false,
            form: form.then(|| self.form_work()),
            sim: sim.then(|| self.sim.clone()),
        };
        let mut after = change(self);
        let form_changed = before.form.as_ref().is_some_and(|f| *f != after.form_work());
        let sim_changed =
            before.sim.as_ref().is_some_and(|s| (&s.settings, &s.steps) != (&after.sim.settings, &after.sim.steps));
        if form_changed || sim_changed {
            after.replaced = Some(before);
        }
        after
    }

    /// Swaps the work back with what replaced it, so that the restore can be undone the same way.
    fn restore_previous(&mut self) {
        let Some(previous) = self.replaced.take() else { return };
        let now = Replaced {
            by: previous.by.clone(),
            restored: !previous.restored,
            form: previous.form.as_ref().map(|_| self.form_work()),
            sim: previous.sim.as_ref().map(|_| self.sim.clone()),
        };
        if let Some(work) = previous.form {
            self.put_form_work(work);
        }
        if let Some(sim) = previous.sim {
            self.put_sim(sim);
        }
        self.replaced = Some(now);
    }

    /// Adds a step, unless the simulator holds [`MAX_STEPS`] already (then it says so).
    fn push_step(&mut self, step: Step) {
        match too_many_steps(self.sim.steps.len() + 1) {
            None => self.sim.steps.push(step),
            Some(why) => {
                self.notice = Some(Notice {
                    message: format!("This step was not added: {why}. Export the steps as a scenario if you want to keep them, then reset the simulator."),
                    raw: String::new(),
                })
            }
        }
    }

    fn event_mut(&mut self) -> &mut ChatEvent {
        self.request.event.get_or_insert_with(ChatEvent::default)
    }

    fn new_session_mut(&mut self) -> &mut NewSessionDetails {
        self.request.new_session_details.get_or_insert_with(NewSessionDetails::default)
    }

    /// Rebuilds the request's Attributes from the rows: empty when there are no rows; a key given
    /// twice keeps its first position and its last value, as a JSON object would.
    fn sync_attributes(&mut self) {
        let rows = std::mem::take(&mut self.attributes);
        let nsd = self.new_session_mut();
        nsd.attributes =
            if rows.is_empty() { None } else { Some(rows.iter().map(|r| (r.key.clone(), r.value.clone())).collect()) };
        self.attributes = rows;
    }

    fn set_text(&mut self, field: TextField, text: String) {
        let value = non_empty(text);
        match field {
            TextField::SourceId => self.request.source_id = value,
            TextField::DestinationId => self.request.destination_id = value,
            TextField::Subtype => self.request.subtype = value,
            TextField::EventType => self.event_mut().r#type = value,
            TextField::ContentType => self.event_mut().content_type = value,
            TextField::Content => self.event_mut().content = value,
            TextField::DisplayName => {
                let nsd = self.new_session_mut();
                nsd.participant_details = value.map(|v| ParticipantDetails { display_name: Some(v) });
            }
            TextField::StreamingEndpointArn => {
                let nsd = self.new_session_mut();
                nsd.streaming_configuration =
                    value.map(|v| ChatStreamingConfiguration { streaming_endpoint_arn: Some(v) });
            }
        }
    }

    /// Applies one action; the reducer's whole logic, kept free of the browser so it reads plainly.
    pub fn apply(mut self, action: Action) -> Self {
        match action {
            Action::SetText(field, text) => self.set_text(field, text),
            Action::SetCustomSubtype(on) => self.ui.custom_subtype = on,
            Action::SetCustomContentType(on) => self.ui.custom_content_type = on,
            Action::IncludeNewSessionDetails(on) => {
                if on && self.request.new_session_details.is_none() {
                    self.request.new_session_details = Some(self.parked_new_session_details.take().unwrap_or_default());
                } else if !on {
                    if let Some(nsd) = self.request.new_session_details.take() {
                        self.parked_new_session_details = Some(nsd);
                    }
                }
            }
            Action::SetSupportedType(value, on) => {
                let nsd = self.new_session_mut();
                let list = nsd.supported_messaging_content_types.get_or_insert_with(Vec::new);
                if on {
                    if !list.contains(&value) {
                        list.push(value);
                    }
                } else {
                    list.retain(|v| *v != value);
                }
                if list.is_empty() {
                    nsd.supported_messaging_content_types = None;
                }
            }
            Action::AddAttribute => {
                self.attributes.push(AttributeRow::default());
                self.sync_attributes();
            }
            Action::RemoveAttribute(i) => {
                if i < self.attributes.len() {
                    self.attributes.remove(i);
                }
                self.sync_attributes();
            }
            Action::SetAttributeKey(i, key) => {
                if let Some(row) = self.attributes.get_mut(i) {
                    row.key = key;
                }
                self.sync_attributes();
            }
            Action::SetAttributeValue(i, value) => {
                if let Some(row) = self.attributes.get_mut(i) {
                    row.value = value;
                }
                self.sync_attributes();
            }
            Action::LoadRequest(request, by) => self = self.replacing(by, true, false, |s| s.with_request(request)),
            Action::ClearIgnoredOnDisconnect => {
                self = self.replacing(replaced_by::CLEAR_IGNORED, true, false, |mut s| {
                    if let Some(event) = s.request.event.as_mut() {
                        event.content_type = None;
                        event.content = None;
                    }
                    s.ui.custom_content_type = false;
                    s.apply(Action::IncludeNewSessionDetails(false))
                })
            }
            Action::RestorePrevious => self.restore_previous(),
            Action::DismissReplaced => self.replaced = None,
            Action::SetImportText(text) => self.import_text = text,
            Action::SetOutputTab(tab) => self.ui.output_tab = tab,
            Action::SetShell(shell) => self.ui.shell = shell,
            Action::SetStructureStyle(style) => self.ui.structure_style = style,
            Action::SetSdkLanguage(language) => self.ui.sdk_language = language,
            Action::SetSdkOptions(options) => self.ui.sdk_options = options,
            Action::SetCliVersion(version) => self.ui.cli_version = version,
            Action::SetImportShell(shell) => self.ui.import_shell = shell,
            Action::SetTheme(theme) => self.ui.theme = theme,
            Action::SetNotice(notice) => self.notice = notice,
            Action::SimSend => {
                let send = Some(self.request.clone());
                self.push_step(Step { send, ..Step::default() })
            }
            Action::SimAdvance(millis) => {
                self.push_step(Step { advance: Some(StepDuration { millis }), ..Step::default() })
            }
            Action::SimEndChat(contact) => self.push_step(Step {
                end_chat: Some(EndChatStep {
                    contact_of: None,
                    contact_id: Some(contact),
                    source_id: None,
                    destination_id: None,
                    subtype: None,
                    by: EndedBy::Agent,
                }),
                ..Step::default()
            }),
            Action::SimReset => {
                self = self.replacing(replaced_by::RESET, false, true, |mut s| {
                    s.sim.steps.clear();
                    s.sim.selected = None;
                    s
                })
            }
            Action::SimSetting(change) => change.apply(&mut self.sim.settings),
            Action::OpenShared(payload) => {
                self.offered_link = None;
                let has_scenario = payload.scenario.is_some();
                self = self.replacing(replaced_by::SHARED_LINK, true, has_scenario, |s| {
                    let s = s.with_request(payload.request);
                    match payload.scenario {
                        Some(scenario) => s.with_scenario(scenario),
                        None => s,
                    }
                });
            }
            Action::OfferShared(payload) => self.offered_link = payload,
            Action::SimLoadScenario(scenario) => {
                self = self.replacing(replaced_by::SCENARIO, false, true, |s| s.with_scenario(scenario))
            }
            Action::SimSelect(contact) => self.sim.selected = contact,
            Action::SimScenarioText(text) => self.sim.scenario_text = text,
        }
        self
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new((*self).clone().apply(action))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chat_event_core::presets;

    fn start() -> AppState {
        AppState::default().with_request(presets::find("whatsapp-attributes").map(|p| p.request()).unwrap_or_default())
    }

    fn attribute_keys(s: &AppState) -> Vec<String> {
        s.request
            .new_session_details
            .as_ref()
            .and_then(|n| n.attributes.as_ref())
            .map(|a| a.keys().cloned().collect())
            .unwrap_or_default()
    }

    #[test]
    fn text_fields_set_members_and_empty_text_leaves_them_out() {
        let s = AppState::default().apply(Action::SetText(TextField::Content, "hi".into()));
        assert_eq!(s.request.event.as_ref().and_then(|e| e.content.as_deref()), Some("hi"));
        let s = s.apply(Action::SetText(TextField::Content, String::new()));
        assert_eq!(s.request.event.as_ref().and_then(|e| e.content.as_deref()), None);
        let s = s.apply(Action::SetText(TextField::DisplayName, "Ana".into()));
        let name = s
            .request
            .new_session_details
            .as_ref()
            .and_then(|n| n.participant_details.as_ref())
            .and_then(|p| p.display_name.as_deref());
        assert_eq!(name, Some("Ana"));
    }

    #[test]
    fn attribute_rows_rebuild_the_map_in_order() {
        let s = start();
        assert_eq!(attribute_keys(&s), ["customer-id", "locale", "order_ref"]);
        let s = s.apply(Action::SetAttributeKey(1, "lang".into()));
        assert_eq!(attribute_keys(&s), ["customer-id", "lang", "order_ref"]);
        // Two rows with one key while typing: the map keeps one entry, the rows keep both.
        let s = s.apply(Action::SetAttributeKey(2, "lang".into()));
        assert_eq!((s.attributes.len(), attribute_keys(&s).len()), (3, 2));
        let s = s.apply(Action::RemoveAttribute(0)).apply(Action::RemoveAttribute(0)).apply(Action::RemoveAttribute(0));
        assert!(s.attributes.is_empty());
        assert_eq!(s.request.new_session_details.as_ref().map(|n| n.attributes.is_none()), Some(true));
        // Out of range does nothing.
        let s = s.apply(Action::RemoveAttribute(9)).apply(Action::SetAttributeValue(9, "x".into()));
        assert!(s.attributes.is_empty());
    }

    #[test]
    fn leaving_new_session_details_out_parks_it_for_later() {
        let s = start().apply(Action::IncludeNewSessionDetails(false));
        assert!(s.request.new_session_details.is_none());
        let s = s.apply(Action::IncludeNewSessionDetails(true));
        assert_eq!(attribute_keys(&s), ["customer-id", "locale", "order_ref"]);
    }

    #[test]
    fn supported_types_toggle_without_duplicates() {
        let s = start()
            .apply(Action::SetSupportedType("text/markdown".into(), true))
            .apply(Action::SetSupportedType("text/markdown".into(), true));
        let list = |s: &AppState| {
            s.request.new_session_details.as_ref().and_then(|n| n.supported_messaging_content_types.clone())
        };
        assert_eq!(list(&s), Some(vec!["text/plain".to_owned(), "text/markdown".to_owned()]));
        let s = s
            .apply(Action::SetSupportedType("text/plain".into(), false))
            .apply(Action::SetSupportedType("text/markdown".into(), false));
        assert_eq!(list(&s), None);
    }

    /// Each replacement keeps what it replaced; Restore previous brings it back exactly, and
    /// pressing it again puts the replacement back.
    #[test]
    fn every_replacement_can_be_restored_and_the_restore_undone() {
        let preset = |id: &str| presets::find(id).map(|p| p.request()).unwrap_or_default();
        let scenario =
            || Scenario::from_text(r#"{"title": "t", "settings": {"seed": 9}, "steps": [{"advance": "1h"}]}"#).unwrap();
        // Work with everything an editor keeps beside the request: rows, a parked section, pickers.
        let work = start()
            .apply(Action::AddAttribute)
            .apply(Action::SetCustomSubtype(true))
            .apply(Action::SetText(TextField::Subtype, "connect:Telegram".into()))
            .apply(Action::IncludeNewSessionDetails(false))
            .apply(Action::SimSend)
            .apply(Action::SimSelect(Some("c".into())));
        let shared = crate::share::SharePayload { request: preset("disconnect"), scenario: Some(scenario()) };
        let cases: [(Action, &str, bool, bool); 6] = [
            (
                Action::LoadRequest(preset("first-sms"), replaced_by::preset("First")),
                "The example \u{201c}First\u{201d} replaced your request.",
                true,
                false,
            ),
            (
                Action::LoadRequest(preset("first-sms"), replaced_by::IMPORT.into()),
                "The imported request replaced your request.",
                true,
                false,
            ),
            (
                Action::OpenShared(shared.clone()),
                "The share link replaced your request and the simulator's steps.",
                true,
                true,
            ),
            (
                Action::OpenShared(crate::share::SharePayload { scenario: None, ..shared }),
                "The share link replaced your request.",
                true,
                false,
            ),
            (Action::SimLoadScenario(scenario()), "The imported scenario replaced the simulator's steps.", false, true),
            (Action::SimReset, "Reset cleared the simulator's steps.", false, true),
        ];
        for (action, message, form, sim) in cases {
            let replaced = work.clone().apply(action.clone()).apply(Action::SimScenarioText("kept".into()));
            let by = replaced.replaced.clone().unwrap_or_else(|| panic!("nothing kept for {action:?}"));
            assert_eq!(by.message(), message);
            assert_eq!(
                (replaced.form_work() != work.form_work(), replaced.sim.steps != work.sim.steps),
                (form, sim),
                "{action:?}"
            );
            let restored = replaced.clone().apply(Action::RestorePrevious);
            assert_eq!(restored.form_work(), work.form_work(), "{action:?}");
            assert_eq!(
                (&restored.sim.settings, &restored.sim.steps, &restored.sim.selected),
                (&work.sim.settings, &work.sim.steps, &work.sim.selected)
            );
            assert_eq!(restored.sim.scenario_text, "kept", "the scenario box is not part of the replaced work");
            assert!(restored.replaced.as_ref().is_some_and(|r| r.restored && r.message().starts_with("Restored")));
            let again = restored.apply(Action::RestorePrevious);
            assert_eq!(
                (again.form_work(), &again.sim.steps),
                (replaced.form_work(), &replaced.sim.steps),
                "{action:?}"
            );
            assert_eq!(again.replaced.as_ref().map(Replaced::message).as_deref(), Some(message));
            assert_eq!(again.apply(Action::DismissReplaced).replaced, None);
        }
        // Loading what is already there replaces nothing, and keeps the way back to an earlier replacement.
        let once = work.clone().apply(Action::LoadRequest(preset("first-sms"), replaced_by::IMPORT.into()));
        let twice = once.clone().apply(Action::LoadRequest(preset("first-sms"), replaced_by::preset("First")));
        assert_eq!(twice.replaced, once.replaced);
        assert_eq!(AppState::default().apply(Action::SimReset).replaced, None);
    }

    #[test]
    fn the_simulator_keeps_at_most_max_steps() {
        let mut s = AppState::default();
        s.sim.steps = vec![Step::default(); MAX_STEPS - 1];
        let s = s.apply(Action::SimAdvance(1));
        assert_eq!((s.sim.steps.len(), s.notice.is_none()), (MAX_STEPS, true));
        let s = s.apply(Action::SimSend).apply(Action::SimAdvance(1));
        assert_eq!(s.sim.steps.len(), MAX_STEPS);
        assert!(s.notice.is_some_and(|n| n.message.contains("at most 1,000")));
    }

    #[test]
    fn simulator_actions_record_steps() {
        let s = start().apply(Action::SimSend).apply(Action::SimAdvance(60_000)).apply(Action::SimSend);
        assert_eq!(s.sim.steps.len(), 3);
        assert_eq!(s.sim.steps[0].send.as_ref(), Some(&s.request));
        assert_eq!(s.sim.steps[1].advance.map(|d| d.millis), Some(60_000));
        let scenario = s.sim.scenario();
        assert_eq!((scenario.title.as_str(), scenario.steps.len()), (SCENARIO_TITLE, 3));
        let s = s.apply(Action::SimReset);
        assert!(s.sim.steps.is_empty());
        let s = s.apply(Action::SimLoadScenario(scenario));
        assert_eq!(s.sim.steps.len(), 3);
    }
}

/// The saved state's `ToJson` against its `Serialize` (the oracle), on states with every part set.
#[cfg(test)]
mod write_tests {
    use super::*;
    use crate::share::SharePayload;

    #[test]
    fn saved_states_and_share_payloads_write_as_serde_does() {
        let mut states = vec![AppState::default()];
        for preset in chat_event_core::presets::PRESETS {
            let mut state = AppState::default();
            for action in [
                Action::LoadRequest(preset.request(), String::new()),
                Action::AddAttribute,
                Action::SetAttributeKey(0, "k\u{1}\"".into()),
                Action::SetOutputTab(OutputTab::CliInputYaml),
                Action::SetTheme(Theme::Dark),
                Action::SetShell(Shell::PowerShell7),
                Action::IncludeNewSessionDetails(false),
            ] {
                state = (*Rc::new(state).reduce(action)).clone();
            }
            state.sim.steps.push(Step { send: Some(preset.request()), ..Default::default() });
            state.sim.selected = Some("x".into());
            states.push(state);
        }
        for state in &states {
            let text = chat_event_core::json::to_string(state);
            assert_eq!(text, serde_json::to_string(state).unwrap());
            let payload = SharePayload::of(state);
            assert_eq!(chat_event_core::json::to_string(&payload), serde_json::to_string(&payload).unwrap());
        }
        assert!(states.iter().any(|s| s.parked_new_session_details.is_some()));
    }

    /// Setting changes apply to the settings in force, so that two made in a row both count (the
    /// view once sent a whole copy of the settings it had drawn, and the second change undid the first).
    #[test]
    fn setting_changes_apply_to_the_settings_in_force() {
        let changes = [
            SettingChange::Seed(7),
            SettingChange::Throttling(true),
            SettingChange::Burst(9),
            SettingChange::Destinations(vec!["arn:d".into()]),
            SettingChange::MaxActiveChats(Some(3)),
            SettingChange::SubtypeMatching(SubtypeMatching::CaseInsensitive),
        ];
        let s = changes.into_iter().fold(AppState::default(), |s, c| s.apply(Action::SimSetting(c)));
        let settings = &s.sim.settings;
        assert_eq!(settings.seed, 7);
        assert_eq!(settings.faults.throttling, Some(Throttling { burst: 9, ..Throttling::default() }));
        assert_eq!(settings.faults.destinations.as_deref(), Some(&["arn:d".to_owned()][..]));
        assert_eq!(
            (settings.faults.max_active_chats, settings.subtype_matching),
            (Some(3), SubtypeMatching::CaseInsensitive)
        );
        // Off, and a rate without throttling changes nothing; an empty list means any destination.
        let s = s
            .apply(Action::SimSetting(SettingChange::Throttling(false)))
            .apply(Action::SimSetting(SettingChange::RatePerSecond(4.0)))
            .apply(Action::SimSetting(SettingChange::Destinations(Vec::new())));
        assert_eq!((s.sim.settings.faults.throttling, s.sim.settings.faults.destinations.clone()), (None, None));
    }
}
