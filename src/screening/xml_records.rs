//! Flat records out of record-per-element XML lists (UN, UK FCDO).
//!
//! Both files are a root holding one element per listed party, each a tree of
//! small elements with text. A parser only needs "the texts at these paths
//! inside this record", so this reader streams the file once and hands every
//! record over as `(path, text)` pairs — `INDIVIDUAL_ALIAS/ALIAS_NAME`,
//! `Names/Name/Name6` — with a boundary marker for repeated groups. It
//! refuses a truncated file (ends inside an element) with the line where the
//! unclosed element started.

use quick_xml::events::Event;

use super::list::{ListError, line_of_offset};

/// One record: its leaf texts in document order.
#[derive(Debug, Default)]
pub(crate) struct Record {
    /// Byte offset where the record element starts (the line is computed
    /// only for an error message: counting lines per record would make
    /// parsing quadratic).
    pub offset: u64,
    /// `(path below the record, text)`; a group start is `(path, "")` with
    /// `group` set.
    pub fields: Vec<Field>,
}

#[derive(Debug)]
pub(crate) struct Field {
    pub path: String,
    pub text: String,
    /// True for the opening of a child element that has children of its own
    /// (an alias, an address): parsers use it to split repeated groups.
    pub group: bool,
}

impl Record {
    /// The first non-empty text at `path`.
    pub fn first(&self, path: &str) -> Option<&str> {
        self.fields
            .iter()
            .filter(|f| !f.group && f.path == path)
            .map(|f| f.text.trim())
            .find(|t| !t.is_empty())
    }

    /// Every non-empty text at `path`.
    pub fn all<'a>(&'a self, path: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.fields
            .iter()
            .filter(move |f| !f.group && f.path == path)
            .map(|f| f.text.trim())
            .filter(|t| !t.is_empty())
    }

    /// The fields split at every opening of the group `path` (each alias,
    /// each address), as `(sub-path, text)` lists.
    pub fn groups(&self, path: &str) -> Vec<Vec<(&str, &str)>> {
        let prefix = format!("{path}/");
        let mut out: Vec<Vec<(&str, &str)>> = Vec::new();
        for f in &self.fields {
            if f.group && f.path == path {
                out.push(Vec::new());
            } else if let Some(rest) = f.path.strip_prefix(&prefix)
                && let Some(group) = out.last_mut()
            {
                let text = f.text.trim();
                if !text.is_empty() {
                    group.push((rest, text));
                }
            }
        }
        out
    }
}

/// What the reader found outside the records.
#[derive(Debug, Default)]
pub(crate) struct Header {
    /// Attributes of the root element (local name, value).
    pub root_attributes: Vec<(String, String)>,
    /// Leaf texts directly under the root, outside records (local name, text).
    pub fields: Vec<(String, String)>,
}

/// Streams `text`, whose root element must be `root`, calling `on_record` for
/// every element named `record` (at any depth below the root).
pub(crate) fn read(
    text: &str,
    file: &str,
    root: &str,
    record: &str,
    mut on_record: impl FnMut(Record) -> Result<(), ListError>,
) -> Result<Header, ListError> {
    let mut reader = quick_xml::Reader::from_str(text);
    reader.config_mut().trim_text(true);
    let mut header = Header::default();
    // Open elements: (local name, byte offset of its start).
    let mut stack: Vec<(String, u64)> = Vec::new();
    // Depth of the current record element in `stack`, and the record.
    let mut current: Option<(usize, Record)> = None;
    let mut saw_root = false;
    let mut pending_text = String::new();
    let malformed = |offset: u64, message: String| ListError::Malformed {
        file: file.to_string(),
        line: line_of_offset(text, offset),
        message,
    };
    loop {
        let position = reader.buffer_position();
        let event = reader
            .read_event()
            .map_err(|e| malformed(reader.error_position(), format!("XML error: {e}")))?;
        match event {
            Event::Start(e) => {
                let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                if stack.is_empty() {
                    saw_root = true;
                    if name != root {
                        return Err(malformed(
                            position,
                            format!("root element is <{name}>, expected <{root}>"),
                        ));
                    }
                    header.root_attributes = e
                        .attributes()
                        .filter_map(Result::ok)
                        .filter_map(|a| {
                            let key =
                                String::from_utf8_lossy(a.key.local_name().as_ref()).into_owned();
                            Some((key, a.unescape_value().ok()?.into_owned()))
                        })
                        .collect();
                }
                stack.push((name.clone(), position));
                if current.is_none() && name == record {
                    current = Some((
                        stack.len() - 1,
                        Record {
                            offset: position,
                            fields: Vec::new(),
                        },
                    ));
                } else if let Some((depth, rec)) = current.as_mut()
                    && stack.len() > *depth + 1
                {
                    rec.fields.push(Field {
                        path: path_below(&stack, *depth),
                        text: String::new(),
                        group: true,
                    });
                }
                pending_text.clear();
            }
            Event::Empty(e) if stack.is_empty() => {
                let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                return Err(malformed(
                    position,
                    format!("root element is <{name}> and empty, expected <{root}> with entries"),
                ));
            }
            Event::Empty(_) => {}
            Event::Text(t) => {
                let value = t
                    .unescape()
                    .map_err(|e| malformed(position, format!("XML error: {e}")))?;
                pending_text.push_str(&value);
            }
            Event::CData(t) => {
                pending_text.push_str(&String::from_utf8_lossy(&t.into_inner()));
            }
            Event::End(_) => {
                let Some(_) = stack.last() else {
                    return Err(malformed(position, "closing tag without opening".into()));
                };
                let text_value = std::mem::take(&mut pending_text);
                if let Some((depth, rec)) = current.as_mut() {
                    if stack.len() - 1 == *depth {
                        stack.pop();
                        if let Some((_, rec)) = current.take() {
                            on_record(rec)?;
                        }
                        continue;
                    }
                    let path = path_below(&stack, *depth);
                    // A leaf: its group marker was pushed at Start; turn it
                    // into a text field when no child followed.
                    if let Some(last) = rec.fields.last_mut()
                        && last.group
                        && last.path == path
                    {
                        last.group = false;
                        last.text = text_value;
                    }
                } else if stack.len() == 2
                    && let Some((name, _)) = stack.last()
                    && !text_value.trim().is_empty()
                {
                    header
                        .fields
                        .push((name.clone(), text_value.trim().to_string()));
                }
                stack.pop();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if let Some((name, offset)) = stack.last() {
        return Err(malformed(
            *offset,
            format!("the file ends inside <{name}>: it is truncated (download it again)"),
        ));
    }
    if !saw_root {
        return Err(malformed(
            0,
            format!("no <{root}> element: not a complete XML list"),
        ));
    }
    Ok(header)
}

/// The path of the top of `stack` below the record at `depth`.
fn path_below(stack: &[(String, u64)], depth: usize) -> String {
    stack
        .get(depth + 1..)
        .unwrap_or_default()
        .iter()
        .map(|(n, _)| n.as_str())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    const XML: &str = "<R a=\"1\"><Date>2026-01-02</Date><P><Id>7</Id><A><N>x</N></A><A><N>y</N><C>z</C></A><E/></P></R>";

    #[test]
    fn records_fields_and_groups() {
        let mut records = Vec::new();
        let header = read(XML, "f.xml", "R", "P", |r| {
            records.push(r);
            Ok(())
        })
        .expect("valid");
        assert_eq!(header.fields, vec![("Date".into(), "2026-01-02".into())]);
        assert_eq!(header.root_attributes, vec![("a".into(), "1".into())]);
        let r = &records[0];
        assert_eq!(r.first("Id"), Some("7"));
        assert_eq!(r.all("A/N").collect::<Vec<_>>(), vec!["x", "y"]);
        let groups = r.groups("A");
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[1], vec![("N", "y"), ("C", "z")]);
    }

    #[test]
    fn truncated_file_names_the_open_element() {
        let err =
            read("<R>\n<P>\n<Id>7</Id>", "f.xml", "R", "P", |_| Ok(())).expect_err("truncated");
        assert_eq!(
            err.to_string(),
            "f.xml line 2: the file ends inside <P>: it is truncated (download it again)"
        );
    }

    #[test]
    fn wrong_root_is_refused() {
        let err = read("<X/>", "f.xml", "R", "P", |_| Ok(())).expect_err("wrong root");
        assert!(err.to_string().contains("expected <R>"), "{err}");
    }
}
