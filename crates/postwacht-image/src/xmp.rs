//! A person's name in a photo's XMP packet (the metadata Lightroom, Photoshop, phones'
//! editors and exiftool write next to or instead of EXIF): the camera owner, the creator,
//! the rights owner. Only the packet's place in the container is parsed (JPEG APP1 with
//! Adobe's namespace header, PNG iTXt `XML:com.adobe.xmp`, WebP `XMP ` chunk); in the
//! packet, the properties are found as elements (`<dc:creator><rdf:Seq><rdf:li>Name`) or
//! attributes (`aux:OwnerName="Name"`), which is all RDF/XML allows for simple values.

/// The properties that name a person, most specific first. `photoshop:AuthorsPosition`
/// (the creator's job title, "Leerkracht groep 4") is last: on its own it still says whose
/// photo it is.
const NAME_PROPERTIES: [&str; 7] = [
    "aux:OwnerName",
    "exifEX:CameraOwnerName",
    "xmpRights:Owner",
    "dc:creator",
    "tiff:Artist",
    "photoshop:Author",
    "photoshop:AuthorsPosition",
];

/// An XMP packet is a few KB; a larger one is cut off here (its names come first anyway).
const MAX_PACKET: usize = 1 << 20;

/// The first name found in the file's XMP packet, trimmed; `None` without a packet or name.
pub fn owner(bytes: &[u8]) -> Option<String> {
    let packet = packet(bytes)?;
    let text = String::from_utf8_lossy(&packet[..packet.len().min(MAX_PACKET)]);
    NAME_PROPERTIES.iter().find_map(|p| property(&text, p))
}

/// The XMP packet's bytes in a JPEG, PNG or WebP file.
fn packet(b: &[u8]) -> Option<&[u8]> {
    if b.starts_with(&[0xFF, 0xD8]) {
        jpeg_packet(b)
    } else if b.starts_with(b"\x89PNG\r\n\x1a\n") {
        png_packet(b)
    } else if b.len() >= 12 && &b[..4] == b"RIFF" && &b[8..12] == b"WEBP" {
        webp_packet(b)
    } else {
        None
    }
}

fn jpeg_packet(b: &[u8]) -> Option<&[u8]> {
    const HEADER: &[u8] = b"http://ns.adobe.com/xap/1.0/\0";
    let mut i = 2;
    // The metadata segments come before the scan (SOS, 0xDA); stop there.
    while i + 4 <= b.len() && b[i] == 0xFF {
        let marker = b[i + 1];
        if marker == 0xDA || marker == 0xD9 {
            return None;
        }
        if marker == 0xFF || marker == 0x01 || (0xD0..=0xD7).contains(&marker) {
            i += if marker == 0xFF { 1 } else { 2 };
            continue;
        }
        let len = usize::from(u16::from_be_bytes([b[i + 2], b[i + 3]]));
        let body = b.get(i + 4..(i + 2 + len).max(i + 4))?;
        if marker == 0xE1 && body.starts_with(HEADER) {
            return Some(&body[HEADER.len()..]);
        }
        i += 2 + len;
    }
    None
}

fn png_packet(b: &[u8]) -> Option<&[u8]> {
    const KEY: &[u8] = b"XML:com.adobe.xmp\0";
    let mut i = 8;
    while i + 8 <= b.len() {
        let len = u32::from_be_bytes(b[i..i + 4].try_into().ok()?) as usize;
        let kind = &b[i + 4..i + 8];
        let data = b.get(i + 8..i + 8 + len)?;
        if kind == b"IDAT" || kind == b"IEND" {
            return None;
        }
        // iTXt: keyword\0, compression flag, method, language\0, translated keyword\0, text.
        // A compressed packet is rare (the XMP spec asks for it uncompressed): skipped.
        if kind == b"iTXt" && data.starts_with(KEY) && data.get(KEY.len()) == Some(&0) {
            let rest = &data[KEY.len() + 2..];
            let lang_end = rest.iter().position(|&c| c == 0)?;
            let rest = &rest[lang_end + 1..];
            let key_end = rest.iter().position(|&c| c == 0)?;
            return Some(&rest[key_end + 1..]);
        }
        i += 12 + len;
    }
    None
}

fn webp_packet(b: &[u8]) -> Option<&[u8]> {
    let mut i = 12;
    while i + 8 <= b.len() {
        let len = u32::from_le_bytes(b[i + 4..i + 8].try_into().ok()?) as usize;
        let data = b.get(i + 8..(i + 8).checked_add(len)?)?;
        if &b[i..i + 4] == b"XMP " {
            return Some(data);
        }
        i += 8 + len + (len & 1);
    }
    None
}

/// The value of property `name` (e.g. `dc:creator`): an attribute `name="..."`, or the
/// element's text, or for a list (`rdf:Seq`, `rdf:Bag`, `rdf:Alt`) its items joined by "; ".
fn property(xml: &str, name: &str) -> Option<String> {
    let mut from = 0;
    while let Some(at) = xml[from..].find(name).map(|p| p + from) {
        from = at + name.len();
        let before = xml[..at].chars().next_back();
        let after = xml[from..].chars().next();
        let value = match (before, after) {
            // An element: <name ...>value</name>
            (Some('<'), Some(c)) if c == '>' || c.is_whitespace() => {
                let open_end = xml[from..].find('>')? + from;
                if xml[..open_end].ends_with('/') {
                    continue; // <name/>: empty
                }
                let close = xml[open_end..].find(&format!("</{name}>"))? + open_end;
                element_text(&xml[open_end + 1..close])
            }
            // An attribute: name="value" or name='value'
            (Some(c), Some('=')) if c.is_whitespace() => {
                let rest = xml[from + 1..].trim_start();
                let quote = rest.chars().next().filter(|&q| q == '"' || q == '\'')?;
                let end = rest[1..].find(quote)?;
                clean(&unescape(&rest[1..1 + end]))
            }
            _ => continue,
        };
        if value.is_some() {
            return value;
        }
    }
    None
}

/// An element's content: its `rdf:li` items when it has any, else its text without tags.
fn element_text(inner: &str) -> Option<String> {
    let mut items = Vec::new();
    let mut rest = inner;
    while let Some(start) = rest.find("<rdf:li") {
        let open_end = rest[start..].find('>')? + start;
        let close = rest[open_end..].find("</rdf:li>")? + open_end;
        if let Some(item) = clean(&unescape(&strip_tags(&rest[open_end + 1..close]))) {
            items.push(item);
        }
        rest = &rest[close..];
    }
    if items.is_empty() && !inner.contains("<rdf:li") {
        return clean(&unescape(&strip_tags(inner)));
    }
    (!items.is_empty()).then(|| items.join("; "))
}

fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// XML's five entities and numeric character references.
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let Some(semi) = rest[..rest.len().min(12)].find(';') else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..semi];
        let c = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix("#x")
                .map(|h| u32::from_str_radix(h, 16))
                .or_else(|| entity.strip_prefix('#').map(str::parse))
                .and_then(Result::ok)
                .and_then(char::from_u32),
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn clean(s: &str) -> Option<String> {
    let t = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!t.is_empty()).then_some(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elements_lists_and_attributes() {
        let xml = r#"<x:xmpmeta><rdf:RDF><rdf:Description rdf:about="" aux:OwnerName=" Jan &amp; Piet "
            photoshop:AuthorsPosition="Leerkracht"><dc:creator><rdf:Seq>
            <rdf:li>Anja de Vries</rdf:li><rdf:li>B&#233;atrix</rdf:li></rdf:Seq></dc:creator>
            <dc:rights><rdf:Alt><rdf:li xml:lang="x-default">CC</rdf:li></rdf:Alt></dc:rights>
            </rdf:Description></rdf:RDF></x:xmpmeta>"#;
        assert_eq!(
            property(xml, "aux:OwnerName").as_deref(),
            Some("Jan & Piet")
        );
        assert_eq!(
            property(xml, "dc:creator").as_deref(),
            Some("Anja de Vries; Béatrix")
        );
        assert_eq!(
            property(xml, "photoshop:AuthorsPosition").as_deref(),
            Some("Leerkracht")
        );
        assert_eq!(property(xml, "xmpRights:Owner"), None);
        // A name only as part of a longer one is not that property.
        assert_eq!(
            property("<dc:creatorTool>x</dc:creatorTool>", "dc:creator"),
            None
        );
        assert_eq!(property("<dc:creator/>", "dc:creator"), None);
        assert_eq!(
            property(
                "<dc:creator><rdf:Seq><rdf:li> </rdf:li></rdf:Seq></dc:creator>",
                "dc:creator"
            ),
            None
        );
    }

    #[test]
    fn broken_packets_give_nothing() {
        assert_eq!(
            property("<dc:creator><rdf:Seq><rdf:li>Anja", "dc:creator"),
            None
        );
        assert_eq!(property("aux:OwnerName=\"Anja", "aux:OwnerName"), None);
        assert_eq!(
            owner(b"\xFF\xD8\xFF\xE1\xFF\xFFhttp://ns.adobe.com/xap/1.0/\0<dc"),
            None
        );
        assert_eq!(owner(b"\xFF\xD8\xFF"), None);
        assert_eq!(owner(b"RIFF\xFF\xFF\xFF\xFFWEBPXMP \xFF\xFF\xFF\xFF"), None);
        assert_eq!(unescape("a &unknown; &#xZZ; &"), "a &unknown; &#xZZ; &");
    }
}
