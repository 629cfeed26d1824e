//! A structured target: arbitrary requests (strings from a list of telling words, or any text),
//! validated and rendered in every form the library writes (the command in one shell and
//! option combination the input picks, shorthand for each structure, `--cli-input-json`/`-yaml` documents, JSON,
//! YAML, both snippets); every form that can be read back is read back and must give the same
//! request.

use arbitrary::Arbitrary;
use chat_event_core::cli::cli_input::{self, InputFormat};
use chat_event_core::cli::command::{self, InputForm, RenderNote, RenderOptions, StructureStyle};
use chat_event_core::cli::shell::{quote, Shell};
use chat_event_core::cli::shorthand::model::{generate_structure, parse_structure};
use chat_event_core::shape::{Shape, REQUEST};
use chat_event_core::snippets::{self, SdkLanguage};
use chat_event_core::{json, validate, yaml};
use chat_event_core::{
    ChatEvent, ChatStreamingConfiguration, NewSessionDetails, ParticipantDetails, SendChatIntegrationEventRequest,
};

/// Words that take the code down its special paths: the model's values, quoting and shorthand
/// troublemakers, file and URL prefixes, YAML and JSON look-alikes.
const WORDS: &[&str] = &[
    "",
    " ",
    "MESSAGE",
    "EVENT",
    "DISCONNECT",
    "text/plain",
    "text/markdown",
    "application/json",
    "application/vnd.amazonaws.connect.event.typing",
    "application/vnd.amazonaws.connect.event.message.delivered",
    "connect:sms",
    "connect:WhatsApp",
    "+15551234567",
    "arn:aws:sms-voice:us-east-1:111122223333:phone-number/phone-0123456789abcdef",
    "Hi, there",
    "a=b",
    "[x]",
    "{k=v}",
    "'",
    "\"",
    "\\",
    "\\,",
    "--",
    "-x",
    "file://x",
    "fileb://x",
    "http://x",
    "https://x",
    "$HOME",
    "`id`",
    "%PATH%",
    "^&|<>()",
    "a\nb",
    "\r\n",
    "\t",
    "~",
    "null",
    "true",
    "yes",
    "1e3",
    "0x1F",
    "# c",
    "key: value",
    "- x",
    "😀",
    "é",
    "\u{0}",
    "\u{7f}",
    "\u{85}",
    "\u{2028}",
    "{\"a\":1}",
];

#[derive(Arbitrary, Debug)]
enum Text {
    Word(u8),
    Any(String),
}

impl Text {
    fn get(&self) -> String {
        match self {
            Text::Word(i) => WORDS[usize::from(*i) % WORDS.len()].to_string(),
            Text::Any(s) => s.clone(),
        }
    }
}

type T = Option<Text>;

#[derive(Arbitrary, Debug)]
struct Input {
    source_id: T,
    destination_id: T,
    subtype: T,
    event: Option<(T, T, T)>,
    new_session_details: Option<Details>,
    region: T,
    profile: T,
    endpoint_url: T,
    /// Last, so that inputs kept before it read the same; past the end of the data it is all
    /// zeros and `false`: bash, one line, shorthand, options.
    form: Form,
}

/// Which command form to render: shell, layout, each structure's style, and the input form.
#[derive(Arbitrary, Debug)]
struct Form {
    shell: u8,
    multiline: bool,
    json_event: bool,
    json_new_session_details: bool,
    input: u8,
}

#[derive(Arbitrary, Debug)]
struct Details {
    types: Option<Vec<Text>>,
    name: Option<T>,
    attributes: Option<Vec<(Text, Text)>>,
    arn: Option<T>,
}

fn text(t: &T) -> Option<String> {
    t.as_ref().map(Text::get)
}

impl Input {
    fn request(&self) -> SendChatIntegrationEventRequest {
        SendChatIntegrationEventRequest {
            source_id: text(&self.source_id),
            destination_id: text(&self.destination_id),
            subtype: text(&self.subtype),
            event: self.event.as_ref().map(|(t, ct, c)| ChatEvent {
                r#type: text(t),
                content_type: text(ct),
                content: text(c),
            }),
            new_session_details: self.new_session_details.as_ref().map(|d| NewSessionDetails {
                supported_messaging_content_types: d.types.as_ref().map(|v| v.iter().map(Text::get).collect()),
                participant_details: d.name.as_ref().map(|n| ParticipantDetails { display_name: text(n) }),
                attributes: d.attributes.as_ref().map(|a| a.iter().map(|(k, v)| (k.get(), v.get())).collect()),
                streaming_configuration: d
                    .arn
                    .as_ref()
                    .map(|a| ChatStreamingConfiguration { streaming_endpoint_arn: text(a) }),
            }),
        }
    }
}

fn parse_back(text: &str, shell: Shell, request: &SendChatIntegrationEventRequest, what: &dyn std::fmt::Debug) {
    match command::parse_in(text, Some(shell)) {
        Ok(parsed) => assert_eq!(parsed.request.as_ref(), Some(request), "{what:?}: {text:?} reads back"),
        Err(e) => panic!("{what:?}: {text:?} does not parse: {e}"),
    }
}

pub fn run(data: &[u8]) {
    let Ok(input) = Input::arbitrary_take_rest(arbitrary::Unstructured::new(data)) else { return };
    let request = input.request();
    let _ = validate::validate(&request);
    let value = json::to_value(&request);
    let _ = validate::validate_value(&value);

    // JSON and YAML.
    let pretty = request.to_json_pretty();
    assert_eq!(SendChatIntegrationEventRequest::from_json(&pretty).as_ref(), Ok(&request), "{pretty}");
    let written = yaml::to_string(&value);
    assert_eq!(yaml::from_str(&written).as_ref(), Ok(&value), "{written}");
    for format in [InputFormat::Json, InputFormat::Yaml] {
        for pretty in [false, true] {
            let document = cli_input::document(&request, format, pretty);
            match cli_input::read(&document, format) {
                Ok(map) => {
                    let read = json::read::read(&serde_json::Value::Object(map));
                    assert_eq!(read.as_ref(), Ok(&request), "{document}");
                }
                Err(e) => panic!("{format:?} document {document:?} does not read: {e}"),
            }
        }
    }

    // Shorthand for each structure member.
    for name in ["Event", "NewSessionDetails"] {
        let (Some(member), Some(Shape::Structure(s))) = (value.get(name), REQUEST.member(name).map(|m| m.shape)) else {
            continue;
        };
        if let Ok(text) = generate_structure(member, s) {
            match parse_structure(&text, s, name) {
                Ok(parsed) => assert_eq!(&parsed.value, member, "{name} {text:?}"),
                Err(e) => panic!("{name} {text:?} does not read back: {e}"),
            }
        }
    }

    for language in SdkLanguage::ALL {
        let _ = snippets::render(&request, language);
    }

    // One command form, picked by the input (the fuzzer's coverage finds the combinations; looping
    // over all 160 of them for each request made every run 160 times slower). The text is parsed
    // back in its shell; for every shell, the arguments `aws` receives (with a file form's file in its place)
    // are too. Not with a NUL anywhere: no argument can hold one, so rendering cuts the argument
    // there (with a warning).
    let form = &input.form;
    let options = RenderOptions {
        shell: [Shell::Bash, Shell::PowerShell5, Shell::PowerShell7, Shell::Cmd][usize::from(form.shell % 4)],
        multiline: form.multiline,
        event_style: style(form.json_event),
        new_session_details_style: style(form.json_new_session_details),
        input: [
            InputForm::Options,
            InputForm::CliInputJson,
            InputForm::CliInputJsonFile,
            InputForm::CliInputYaml,
            InputForm::CliInputYamlFile,
        ][usize::from(form.input % 5)],
        region: text(&input.region),
        profile: text(&input.profile),
        endpoint_url: text(&input.endpoint_url),
    };
    let rendered = command::render(&request, &options);
    let nul = json::write::text(&value).contains("\\u0000")
        || [&options.region, &options.profile, &options.endpoint_url].into_iter().flatten().any(|o| o.contains('\0'));
    if nul {
        return;
    }
    // Read back in its shell, but for a file form (the file is not there) and a line break in
    // cmd.exe (it cannot pass one, and the renderer says so).
    let file_form = matches!(options.input, InputForm::CliInputJsonFile | InputForm::CliInputYamlFile);
    let cmd_break = options.shell == Shell::Cmd && rendered.argv.iter().any(|a| a.contains(['\n', '\r']));
    let readable = !(file_form || cmd_break);
    // An endpoint URL the CLI refuses: the renderer warns, in the words the parser stops with.
    let refused = |n: &&RenderNote| n.option.as_deref() == Some("--endpoint-url") && n.kind == "warning";
    if let Some(warning) = rendered.notes.iter().find(refused) {
        if readable {
            let Err(error) = command::parse_in(&rendered.text, Some(options.shell)) else {
                panic!("{:?} parses, despite {warning:?}", rendered.text)
            };
            assert!(warning.message.contains(&error.message), "{warning:?} {error}");
        }
        return;
    }
    if readable {
        parse_back(&rendered.text, options.shell, &request, &options);
    }
    let mut args = String::new();
    for arg in &rendered.argv {
        let file = rendered.files.iter().find(|f| arg.ends_with(&format!("file://{}", f.name)));
        let arg = match file {
            Some(f) => arg.replace(&format!("file://{}", f.name), &f.content),
            None => arg.clone(),
        };
        args.push_str(&quote(Shell::Bash, &arg).text);
        args.push(' ');
    }
    parse_back(&args, Shell::Bash, &request, &options);
}

fn style(json: bool) -> StructureStyle {
    if json {
        StructureStyle::Json
    } else {
        StructureStyle::Shorthand
    }
}
