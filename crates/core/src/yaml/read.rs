//! The reader: YAML text to JSON data by recursive descent over the characters, following the
//! scanning rules of libyaml/yaml-rust2 where YAML leaves a choice (folding, block scalar
//! indentation, where a plain scalar ends), so that both read the same documents the same way.

use super::{Plain, YamlError};
use serde_json::{Map, Value};

/// Deeper nesting is refused: the reader recurses once per level.
const MAX_DEPTH: usize = 200;

/// Reads the first document of `text` (checking the later ones too).
pub(super) fn read(text: &str) -> Result<Value, YamlError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // YAML line breaks are \n, \r\n and \r: one kind keeps the reader simple and the positions right.
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut reader = Reader {
        src: &text,
        at: Mark { pos: 0, line: 1, col: 0 },
        depth: 0,
        flow_indent: -1,
        last_line: Mark { pos: 0, line: 1, col: 0 },
    };
    reader.stream().map_err(|e| *e)
}

/// Errors travel boxed inside the reader: one word through each `?` of the recursive descent
/// rather than the whole error (a smaller wasm).
type Res<T> = Result<T, Box<YamlError>>;

/// What precedes a block node on its line: nothing, `---`, `- ` or `key:`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum After {
    Start,
    Doc,
    Dash,
    Key,
}

/// A position: byte offset, 1-based line, 0-based column in characters.
#[derive(Clone, Copy)]
struct Mark {
    pos: usize,
    line: usize,
    col: usize,
}

/// A scalar before it is known to be a key or a value.
enum Scalar {
    Plain(String),
    Quoted(String),
}

impl Scalar {
    fn into_value(self) -> Value {
        match self {
            Scalar::Plain(text) => Plain::resolve(text).into_value(),
            Scalar::Quoted(text) => Value::String(text),
        }
    }

    /// The key's JSON text, and what tells it apart from other keys with that text (`1` and `"1"`
    /// are different YAML keys; the later one wins in JSON, as before).
    fn into_key(self) -> (u8, String) {
        match self {
            Scalar::Quoted(text) => (0, text),
            Scalar::Plain(text) => match Plain::resolve(text) {
                Plain::Str(s) => (0, s),
                Plain::Null => (1, "null".into()),
                Plain::Bool(b) => (2, b.to_string()),
                Plain::Int(i) => (3, i.to_string()),
                Plain::Real(r) => (4, r),
            },
        }
    }
}

fn blank_or_end(c: Option<char>) -> bool {
    matches!(c, None | Some(' ' | '\t' | '\n'))
}

fn flow_indicator(c: Option<char>) -> bool {
    matches!(c, Some(',' | '[' | ']' | '{' | '}'))
}

struct Reader<'a> {
    src: &'a str,
    at: Mark,
    depth: usize,
    /// The indentation of the block around the current [ ] or { }: plain scalars inside start right of it.
    flow_indent: isize,
    /// Where the last line of the last multi-line plain scalar starts (for a key found there).
    last_line: Mark,
}

impl Reader<'_> {
    fn rest(&self) -> &str {
        self.src.get(self.at.pos..).unwrap_or("")
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn peek2(&self) -> Option<char> {
        self.rest().chars().nth(1)
    }

    fn bump(&mut self) {
        if let Some(c) = self.peek() {
            self.at.pos += c.len_utf8();
            if c == '\n' {
                self.at.line += 1;
                self.at.col = 0;
            } else {
                self.at.col += 1;
            }
        }
    }

    fn col(&self) -> isize {
        self.at.col as isize
    }

    /// Every error is built here, once (not once per return type and message type).
    fn fail(at: Mark, message: &str) -> Box<YamlError> {
        Box::new(YamlError {
            message: format!("Invalid YAML: {message}"),
            line: Some(at.line),
            column: Some(at.col + 1),
        })
    }

    fn error_at<T>(&self, at: Mark, message: &str) -> Res<T> {
        Err(Self::fail(at, message))
    }

    fn error<T>(&self, message: &str) -> Res<T> {
        self.error_at(self.at, message)
    }

    /// `---` or `...` at the start of a line, followed by a space or the line's end.
    fn at_doc_marker(&self) -> bool {
        self.at.col == 0
            && (self.rest().starts_with("---") || self.rest().starts_with("..."))
            && blank_or_end(self.rest().chars().nth(3))
    }

    fn skip_blanks(&mut self) -> bool {
        let mut any = false;
        while matches!(self.peek(), Some(' ' | '\t')) {
            self.bump();
            any = true;
        }
        any
    }

    fn skip_comment(&mut self) {
        while !matches!(self.peek(), None | Some('\n')) {
            self.bump();
        }
    }

    /// Skips spaces, line breaks and comments up to the next token. Tabs are spaces here, except
    /// in a line's indentation left of `indent` (the enclosing block's column) before content,
    /// which is an error, as in yaml-rust2.
    fn skip_gap(&mut self, indent: isize) -> Res<()> {
        let mut leading = self.at.col == 0 || self.rest_of_line_before_is_blank();
        let mut tab = None;
        loop {
            match self.peek() {
                Some(' ') => self.bump(),
                Some('\t') => {
                    if leading && tab.is_none() && self.col() < indent {
                        tab = Some(self.at);
                    }
                    self.bump();
                }
                Some('\n') => {
                    self.bump();
                    leading = true;
                    tab = None;
                }
                Some('#') => self.skip_comment(),
                _ => break,
            }
        }
        match tab {
            Some(at) if self.peek().is_some() => self.error_at(at, "a tab in indentation (indent with spaces)"),
            _ => Ok(()),
        }
    }

    fn rest_of_line_before_is_blank(&self) -> bool {
        let before = self.src.get(..self.at.pos).unwrap_or("");
        before.rsplit('\n').next().is_some_and(|line| line.chars().all(|c| c == ' ' || c == '\t'))
    }

    /// After a value: only spaces and a comment may follow on its line.
    fn line_end(&mut self) -> Res<()> {
        let blank =
            self.src.get(..self.at.pos).is_some_and(|before| before.ends_with([' ', '\t'])) | self.skip_blanks();
        match self.peek() {
            None | Some('\n') => Ok(()),
            Some('#') if blank => {
                self.skip_comment();
                Ok(())
            }
            Some(c) => self.error(&format!("unexpected '{c}' after a value (a comment needs a space before '#')")),
        }
    }

    /// Past a value's ':'. A tab right after it may only end the line (as in yaml-rust2).
    fn colon(&mut self) -> Res<()> {
        self.bump();
        if self.peek() == Some('\t') {
            let at = self.at;
            self.skip_blanks();
            if !matches!(self.peek(), None | Some('\n')) {
                return self.error_at(at, "':' must be followed by a space, not a tab");
            }
        }
        Ok(())
    }

    fn enter(&mut self) -> Res<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return self.error(&format!("nesting deeper than {MAX_DEPTH} levels is not supported"));
        }
        Ok(())
    }

    fn stream(&mut self) -> Res<Value> {
        let mut first = None;
        loop {
            self.skip_gap(-1)?;
            if self.peek().is_none() {
                break;
            }
            if self.at.col == 0 && self.peek() == Some('%') {
                return self.error("directives (%YAML, %TAG) are not supported");
            }
            let after = if self.at_doc_marker() && self.rest().starts_with("---") {
                (0..3).for_each(|_| self.bump());
                After::Doc
            } else if self.at_doc_marker() {
                (0..3).for_each(|_| self.bump());
                self.line_end()?;
                continue;
            } else {
                After::Start
            };
            let value = self.block_node(-1, after)?;
            first.get_or_insert(value);
            self.skip_gap(-1)?;
            if self.peek().is_some() && !self.at_doc_marker() {
                return self.error("this does not fit the structure above it (check the indentation)");
            }
        }
        Ok(first.unwrap_or(Value::Null))
    }

    /// A block node inside a parent indented `indent` (−1 at the top).
    fn block_node(&mut self, indent: isize, after: After) -> Res<Value> {
        self.enter()?;
        let value = self.block_node_inner(indent, after);
        self.depth -= 1;
        value
    }

    fn block_node_inner(&mut self, indent: isize, after: After) -> Res<Value> {
        let line = self.at.line;
        // On the lines after `key:` or `- `, yaml-rust2 counts one more column as indentation.
        self.skip_gap(if matches!(after, After::Key | After::Dash) { indent + 1 } else { indent })?;
        let fresh = after == After::Start || self.at.line != line;
        let col = self.col();
        let Some(c) = self.peek() else { return Ok(Value::Null) };
        if fresh && self.at_doc_marker() {
            return Ok(Value::Null);
        }
        let dash = c == '-' && blank_or_end(self.peek2());
        // A sequence under a key may sit at the key's own indentation.
        if fresh && col <= indent && !(dash && after == After::Key && col == indent) {
            return Ok(Value::Null);
        }
        if dash {
            if !fresh && after != After::Dash {
                return self.error("a sequence cannot start on the same line as its key (put '- ' on the next line)");
            }
            return self.block_seq(col);
        }
        match c {
            '|' | '>' => return Ok(Value::String(self.block_scalar(indent)?)),
            '[' | '{' => {
                let value = self.flow_collection(indent)?;
                self.skip_blanks();
                if self.peek() == Some(':') {
                    return self.error("a collection as a mapping key is not supported");
                }
                self.line_end()?;
                return Ok(value);
            }
            _ => {}
        }
        let start = self.at;
        // A mapping value's quoted lines go right of the key; an entry's may sit under its '-'.
        let (scalar, multi_line) = self.scalar(indent, if after == After::Key { indent + 1 } else { indent }, false)?;
        self.skip_blanks();
        if self.peek() == Some(':') && blank_or_end(self.peek2()) {
            if multi_line {
                return self.multi_line_key(start);
            }
            if !fresh && after != After::Dash {
                return self.error_at(
                    start,
                    "a mapping cannot start on the same line as its parent (put it on the next line, indented)",
                );
            }
            return self.block_map(col, start, scalar);
        }
        self.line_end()?;
        Ok(scalar.into_value())
    }

    fn block_map(&mut self, col: isize, mut key_at: Mark, mut key: Scalar) -> Res<Value> {
        let mut map = Map::new();
        let mut kinds = Vec::new();
        loop {
            self.colon()?;
            let value = self.block_node(col, After::Key)?;
            self.insert(&mut map, &mut kinds, key_at, key, value)?;
            self.skip_gap(col)?;
            if self.peek().is_none() || self.at_doc_marker() || self.col() < col {
                return Ok(Value::Object(map));
            }
            if self.col() > col {
                return self
                    .error(&format!("this line is indented more than the keys above it (at column {})", col + 1));
            }
            key_at = self.at;
            let c = self.peek();
            if c == Some('-') && blank_or_end(self.peek2()) {
                return self.error("a sequence entry where a mapping key was expected");
            }
            if matches!(c, Some('[' | '{')) {
                return self.error("a collection as a mapping key is not supported");
            }
            let (scalar, multi_line) = self.scalar(col, col, false)?;
            self.skip_blanks();
            if self.peek() != Some(':') || !blank_or_end(self.peek2()) {
                return self.error_at(key_at, "expected 'key: value' (no ': ' after this key)");
            }
            if multi_line {
                return self.multi_line_key(key_at);
            }
            key = scalar;
        }
    }

    /// A ': ' after a scalar that spans lines: usually a key indented too deep, read as the end of
    /// the value above.
    fn multi_line_key<T>(&self, start: Mark) -> Res<T> {
        if self.last_line.pos > start.pos && self.last_line.line <= self.at.line {
            return self.error_at(self.last_line, "this line is indented more than the key above it, so it continues that value (a mapping key must fit on one line)");
        }
        self.error_at(start, "a mapping key must fit on one line")
    }

    /// Adds a member; `kinds` has, per member in order, the kinds of key that gave its text.
    fn insert(
        &self,
        map: &mut Map<String, Value>,
        kinds: &mut Vec<u8>,
        at: Mark,
        key: Scalar,
        value: Value,
    ) -> Res<()> {
        let (kind, text) = key.into_key();
        let bit = 1 << kind;
        // Members are only added, so positions follow insertion; texts collide rarely.
        match map
            .contains_key(&text)
            .then(|| map.keys().position(|k| *k == text))
            .flatten()
            .and_then(|i| kinds.get_mut(i))
        {
            Some(seen) if *seen & bit != 0 => {
                return self.error_at(at, &format!("duplicate key {text:?} in a mapping"))
            }
            Some(seen) => *seen |= bit,
            None => kinds.push(bit),
        }
        map.insert(text, value);
        Ok(())
    }

    fn block_seq(&mut self, col: isize) -> Res<Value> {
        let mut items = Vec::new();
        loop {
            self.bump(); // '-'
            let rest = self.rest();
            let gap = rest.len() - rest.trim_start_matches([' ', '\t']).len();
            let after_gap = rest.get(gap..).unwrap_or("");
            if rest.get(..gap).is_some_and(|g| g.contains('\t'))
                && after_gap.starts_with('-')
                && blank_or_end(after_gap.chars().nth(1))
            {
                return self.error("'- ' before another '- ' must be followed by spaces, not a tab");
            }
            items.push(self.block_node(col, After::Dash)?);
            self.skip_gap(col)?;
            if self.peek().is_none() || self.at_doc_marker() || self.col() < col {
                break;
            }
            if self.col() > col {
                return self.error(&format!(
                    "this line is indented more than the '- ' entries above it (at column {})",
                    col + 1
                ));
            }
            if !(self.peek() == Some('-') && blank_or_end(self.peek2())) {
                break;
            }
        }
        Ok(Value::Array(items))
    }

    /// A plain or quoted scalar, and whether it spans lines. Refuses what this reader does not support.
    /// A quoted scalar's lines start at `quote_indent` or right of it.
    fn scalar(&mut self, indent: isize, quote_indent: isize, flow: bool) -> Res<(Scalar, bool)> {
        let line = self.at.line;
        let next = self.peek2();
        let scalar = match self.peek() {
            Some(quote @ ('"' | '\'')) => {
                Scalar::Quoted(self.quoted(quote == '\'', if flow { self.flow_indent } else { quote_indent })?)
            }
            Some('&') => return self.error("anchors (&name) are not supported"),
            Some('*') => return self.error("aliases (*name) are not supported"),
            Some('!') => return self.error("tags (!tag) are not supported"),
            Some('?') if blank_or_end(next) || (flow && flow_indicator(next)) => {
                return self.error("complex keys ('? key') are not supported")
            }
            Some('-') if blank_or_end(next) => return self.error("a '- ' sequence entry is not allowed here"),
            Some(':') if blank_or_end(next) || (flow && flow_indicator(next)) => {
                return self.error("empty mapping keys (': value') are not supported");
            }
            Some('|' | '>') if flow && self.col() > self.flow_indent => Scalar::Plain(self.plain(indent, flow)?),
            Some(c @ (',' | '[' | ']' | '{' | '}' | '|' | '>' | '%' | '@' | '`' | '#')) => {
                return self.error(&format!("a value cannot start with '{c}' (quote it)"));
            }
            None => return self.error("expected a value"),
            Some(_) if flow && self.col() <= self.flow_indent => {
                return self.error(&format!(
                    "inside [ ] or {{ }}, a plain value must be indented more than its block (column {} or more)",
                    self.flow_indent + 2
                ));
            }
            Some(_) => Scalar::Plain(self.plain(indent, flow)?),
        };
        Ok((scalar, self.at.line != line))
    }

    /// A plain scalar: ends at ': ', ' #', a line indented `indent` or less, or (in flow) at , [ ] { }.
    /// Lines fold: one break is a space, n+1 breaks are n newlines.
    fn plain(&mut self, indent: isize, flow: bool) -> Res<String> {
        let mut text = String::new();
        let mut spaces = String::new();
        let mut breaks = 0usize;
        loop {
            while let Some(c) = self.peek() {
                let next = self.peek2();
                let ends = match c {
                    '\n' => true,
                    ':' => blank_or_end(next) || (flow && flow_indicator(next)),
                    ',' | '[' | ']' | '{' | '}' => flow,
                    '#' => !spaces.is_empty(),
                    _ => false,
                };
                if ends {
                    break;
                }
                if c == ' ' || c == '\t' {
                    spaces.push(c);
                } else {
                    match breaks {
                        0 => text.push_str(&spaces),
                        1 => text.push(' '),
                        n => (1..n).for_each(|_| text.push('\n')),
                    }
                    spaces.clear();
                    breaks = 0;
                    text.push(c);
                }
                self.bump();
            }
            if self.peek() != Some('\n') {
                return Ok(text);
            }
            // Does the scalar continue on a later line?
            let line_end = self.at;
            let mut count = 0;
            let mut tab = None;
            while self.peek() == Some('\n') {
                self.bump();
                count += 1;
                tab = None;
                while let Some(c @ (' ' | '\t')) = self.peek() {
                    // A tab left of the scalar's indentation, before content, is an error in yaml-rust2.
                    if c == '\t' && !flow && tab.is_none() && self.col() <= indent {
                        tab = Some(self.at);
                    }
                    self.bump();
                }
            }
            if let Some(at) = tab.filter(|_| !matches!(self.peek(), None | Some('#'))) {
                return self.error_at(at, "a tab in indentation (indent with spaces)");
            }
            let continues = match self.peek() {
                None | Some('#') => false,
                _ if self.at.col == 0 && self.at_doc_marker() => false,
                _ => flow || self.col() > indent,
            };
            if !continues {
                self.at = line_end;
                return Ok(text);
            }
            spaces.clear();
            breaks = count;
            self.last_line = self.at;
        }
    }

    /// A quoted scalar, with escapes (double) or `''` (single), and line folding.
    /// Its lines may not start left of `indent`, the enclosing block's column.
    fn quoted(&mut self, single: bool, indent: isize) -> Res<String> {
        let open = self.at;
        let quote = if single { '\'' } else { '"' };
        self.bump();
        let mut text = String::new();
        loop {
            if self.at_doc_marker() {
                return self.error("a document marker inside a quoted value");
            }
            if self.col() < indent && self.peek().is_some() {
                return self.error(&format!(
                    "this line of a quoted value is indented less than its block (column {} or more)",
                    indent + 1
                ));
            }
            let mut leading_blanks = false;
            loop {
                match self.peek() {
                    None => return self.error_at(open, &format!("this {quote} quote is never closed")),
                    Some(' ' | '\t' | '\n') => break,
                    Some('\'') if single && self.peek2() == Some('\'') => {
                        text.push('\'');
                        self.bump();
                        self.bump();
                    }
                    Some(c) if c == quote => break,
                    Some('\\') if !single => {
                        self.bump();
                        if self.peek() == Some('\n') {
                            self.bump();
                            leading_blanks = true;
                            break;
                        }
                        text.push(self.escape()?);
                    }
                    Some(c) => {
                        text.push(c);
                        self.bump();
                    }
                }
            }
            if self.peek() == Some(quote) {
                self.bump();
                return Ok(text);
            }
            let mut spaces = String::new();
            let mut folded = false;
            let mut breaks = 0;
            while let Some(c @ (' ' | '\t' | '\n')) = self.peek() {
                if self.at_doc_marker() {
                    return self.error("a document marker inside a quoted value");
                }
                if c != '\n' {
                    if !leading_blanks {
                        spaces.push(c);
                    }
                } else if !leading_blanks {
                    spaces.clear();
                    folded = true;
                    leading_blanks = true;
                } else {
                    breaks += 1;
                }
                self.bump();
            }
            if !leading_blanks {
                text.push_str(&spaces);
            } else if folded && breaks == 0 {
                text.push(' ');
            } else {
                (0..breaks).for_each(|_| text.push('\n'));
            }
        }
    }

    /// After a `\` in a double-quoted scalar.
    fn escape(&mut self) -> Res<char> {
        let at = self.at;
        let Some(c) = self.peek() else { return self.error("an escape '\\' at the end of the text") };
        self.bump();
        let digits = match c {
            '0' => return Ok('\0'),
            'a' => return Ok('\u{7}'),
            'b' => return Ok('\u{8}'),
            't' | '\t' => return Ok('\t'),
            'n' => return Ok('\n'),
            'v' => return Ok('\u{b}'),
            'f' => return Ok('\u{c}'),
            'r' => return Ok('\r'),
            'e' => return Ok('\u{1b}'),
            ' ' | '"' | '/' | '\\' => return Ok(c),
            'N' => return Ok('\u{85}'),
            '_' => return Ok('\u{a0}'),
            'L' => return Ok('\u{2028}'),
            'P' => return Ok('\u{2029}'),
            'x' => 2,
            'u' => 4,
            'U' => 8,
            _ => return self.error_at(at, &format!("unknown escape '\\{c}'")),
        };
        let mut code = 0u32;
        for _ in 0..digits {
            match self.peek().and_then(|c| c.to_digit(16)) {
                Some(d) => code = code * 16 + d,
                None => return self.error(&format!("'\\{c}' needs {digits} hexadecimal digits")),
            }
            self.bump();
        }
        match char::from_u32(code) {
            Some(ch) => Ok(ch),
            None => self.error_at(at, &format!("'\\{c}{code:x}' is not a Unicode character")),
        }
    }

    /// A literal `|` or folded `>` block scalar, as yaml-rust2 reads it (libyaml's rules, and its
    /// own on a last line without a line break).
    fn block_scalar(&mut self, indent: isize) -> Res<String> {
        let start = self.at;
        let literal = self.peek() == Some('|');
        self.bump();
        let (mut chomp, mut increment) = (None, 0usize);
        loop {
            match self.peek() {
                Some(c @ ('+' | '-')) if chomp.is_none() => chomp = Some(c),
                Some('0') => return self.error("a block scalar's indentation indicator must be 1 to 9"),
                Some(d @ '1'..='9') if increment == 0 => increment = d as usize - '0' as usize,
                _ => break,
            }
            self.bump();
        }
        self.line_end()?;
        let header_break = self.peek() == Some('\n');
        self.bump();
        if self.peek() == Some('\t') {
            return self.error("a block scalar's content cannot start with a tab (indent with spaces)");
        }
        let mut trailing_breaks = 0usize;
        let content_indent = if increment > 0 {
            let n = if indent >= 0 { indent as usize + increment } else { increment };
            self.block_indent(n, &mut trailing_breaks);
            n
        } else {
            // The deepest of the leading empty lines and the first content line, and more than the parent.
            let mut max = 0;
            loop {
                while self.peek() == Some(' ') {
                    self.bump();
                }
                max = max.max(self.at.col);
                if self.peek() != Some('\n') {
                    break;
                }
                self.bump();
                trailing_breaks += 1;
            }
            let n = max.max((indent + 1) as usize);
            if indent > 0 {
                n.max(1)
            } else {
                n
            }
        };
        let newlines = |n: usize| "\n".repeat(n);
        if self.peek().is_none() {
            return Ok(match chomp {
                Some('-') => String::new(),
                _ if self.at.line == start.line => String::new(),
                Some('+') if trailing_breaks > 0 => newlines(trailing_breaks),
                _ => newlines(usize::from(header_break)),
            });
        }
        if self.at.col < content_indent && self.col() > indent {
            return self.error("this line of a block scalar is indented less than its first line");
        }
        let mut text = String::new();
        let mut leading_break = false;
        let mut leading_blank = false;
        while self.at.col == content_indent && self.peek().is_some() {
            if content_indent == 0 && self.at_doc_marker() && self.rest().starts_with("...") {
                break;
            }
            let trailing_blank = matches!(self.peek(), Some(' ' | '\t'));
            if !literal && leading_break && !leading_blank && !trailing_blank {
                if trailing_breaks == 0 {
                    text.push(' ');
                }
            } else if leading_break {
                text.push('\n');
            }
            text.push_str(&newlines(trailing_breaks));
            (leading_break, trailing_breaks) = (false, 0);
            leading_blank = trailing_blank;
            while let Some(c) = self.peek().filter(|c| *c != '\n') {
                text.push(c);
                self.bump();
            }
            if self.peek().is_none() {
                break;
            }
            self.bump();
            leading_break = true;
            self.block_indent(content_indent, &mut trailing_breaks);
        }
        if chomp != Some('-') {
            if leading_break {
                text.push('\n');
            }
            if self.peek().is_none() && self.at.col >= content_indent.max(1) {
                text.push('\n');
            }
        }
        if chomp == Some('+') {
            text.push_str(&newlines(trailing_breaks));
        }
        Ok(text)
    }

    /// Skips a block scalar's indentation and its empty lines, counting them.
    fn block_indent(&mut self, indent: usize, breaks: &mut usize) {
        loop {
            while self.at.col < indent && self.peek() == Some(' ') {
                self.bump();
            }
            if self.peek() != Some('\n') {
                return;
            }
            self.bump();
            *breaks += 1;
        }
    }

    fn flow_collection(&mut self, indent: isize) -> Res<Value> {
        self.enter()?;
        let outer = std::mem::replace(&mut self.flow_indent, indent);
        let value = self.flow_entries(if self.peek() == Some('[') { ']' } else { '}' });
        self.flow_indent = outer;
        self.depth -= 1;
        value
    }

    /// Spaces, line breaks and comments inside [ ] or { }.
    fn flow_gap(&mut self) -> Res<()> {
        while let Some(c) = self.peek() {
            match c {
                ' ' | '\t' | '\n' => self.bump(),
                '#' if !self.src.get(..self.at.pos).is_some_and(|before| before.ends_with([' ', '\t', '\n'])) => {
                    return self.error("a comment needs a space before '#'");
                }
                '#' => self.skip_comment(),
                _ => break,
            }
        }
        if self.at_doc_marker() {
            return self.error("a document marker inside [ ] or { }");
        }
        Ok(())
    }

    /// A node inside [ ] or { }: a collection, or a scalar (which may become a key).
    fn flow_node(&mut self) -> Res<(Value, Option<Scalar>)> {
        self.flow_gap()?;
        if matches!(self.peek(), Some('[' | '{')) {
            return Ok((self.flow_collection(self.flow_indent)?, None));
        }
        let (scalar, _) = self.scalar(-1, -1, true)?;
        Ok((Value::Null, Some(scalar)))
    }

    fn never_closed<T>(&self, open: Mark, close: char) -> Res<T> {
        self.error_at(
            open,
            &format!("this {} is never closed (expected '{close}')", if close == ']' { "bracket" } else { "brace" }),
        )
    }

    fn flow_close(&mut self, open: Mark, close: char) -> Res<bool> {
        self.flow_gap()?;
        match self.peek() {
            Some(',') => {
                self.bump();
                Ok(false)
            }
            Some(c) if c == close => {
                self.bump();
                Ok(true)
            }
            None => self.never_closed(open, close),
            Some(c) => self.error(&format!("expected ',' or '{close}', found '{c}'")),
        }
    }

    /// The entries of `[ ]` (`close` is `]`) or `{ }` (`close` is `}`), from the opening bracket:
    /// one loop for both, as they differ only in what an entry becomes.
    fn flow_entries(&mut self, close: char) -> Res<Value> {
        let seq = close == ']';
        let open = self.at;
        self.bump();
        let mut items = Vec::new();
        let mut map = Map::new();
        let mut kinds = Vec::new();
        loop {
            self.flow_gap()?;
            match self.peek() {
                None => return self.never_closed(open, close),
                Some(c) if c == close => {
                    self.bump();
                    break;
                }
                _ => {}
            }
            let at = self.at;
            let (node, scalar) = self.flow_node()?;
            if !seq && scalar.is_none() {
                return self.error_at(at, "a collection as a mapping key is not supported");
            }
            self.flow_gap()?;
            let pair = self.peek() == Some(':');
            if seq && !pair {
                items.push(scalar.map_or(node, Scalar::into_value));
            } else {
                // In [ ], `[a: b]` is a mapping of one pair.
                let Some(key) = scalar else {
                    return self.error_at(at, "a collection as a mapping key is not supported");
                };
                let value = if pair {
                    self.colon()?;
                    self.flow_value(close)?
                } else {
                    Value::Null
                };
                if seq {
                    let mut one = Map::new();
                    self.insert(&mut one, &mut Vec::new(), at, key, value)?;
                    items.push(Value::Object(one));
                } else {
                    self.insert(&mut map, &mut kinds, at, key, value)?;
                }
            }
            if self.flow_close(open, close)? {
                break;
            }
        }
        Ok(if seq { Value::Array(items) } else { Value::Object(map) })
    }

    /// The value after a flow key's ':' (empty before ',' or the closing bracket).
    fn flow_value(&mut self, close: char) -> Res<Value> {
        self.flow_gap()?;
        if self.peek() == Some(',') || self.peek() == Some(close) {
            return Ok(Value::Null);
        }
        let (node, scalar) = self.flow_node()?;
        Ok(scalar.map_or(node, Scalar::into_value))
    }
}
