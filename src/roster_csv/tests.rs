//! Tests of the roster CSV reader.

use super::*;

#[test]
fn reads_a_semicolon_export_with_bom_and_quotes() {
    let csv = "\u{FEFF}Roepnaam;Tussenvoegsel;Achternaam;Groep;Toestemming sociale media;Toestemming website;Schoolapp\r\n\
               Daan;de;Vries;6;Nee;Ja;Ja\r\n\
               \"Zoë\";;Kok;1;ja;nee;ja\r\n";
    let r = read(csv).unwrap();
    assert_eq!(r.pupils.len(), 2);
    assert_eq!(r.pupils[0].name, "Daan de Vries");
    assert_eq!(r.pupils[0].group, "6");
    assert_eq!(r.pupils[0].consent.get("social"), Some(&false));
    assert_eq!(r.pupils[0].consent.get("website"), Some(&true));
    assert_eq!(r.pupils[1].name, "Zoë Kok");
    assert_eq!(r.pupils[1].consent.get("schoolapp"), Some(&true));
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
}

#[test]
fn reads_a_comma_export_with_a_full_name_column() {
    let csv = "Naam,Klas,Social media,Website\n\"Bakker, Noor\",4vwo,x,\nMehmet Öztürk,4vwo,,x\n";
    let r = read(csv).unwrap();
    assert_eq!(r.pupils[0].name, "Noor Bakker");
    assert_eq!(r.pupils[0].consent.get("social"), Some(&true));
    assert_eq!(r.pupils[1].consent.get("social"), Some(&false));
    assert_eq!(r.pupils[1].consent.get("website"), Some(&true));
}

#[test]
fn names_the_missing_column() {
    let e = read("Voornaam;Groep\nDaan;6\n").unwrap_err();
    assert!(
        e.contains("last name") && e.contains("\"Voornaam\", \"Groep\""),
        "{e}"
    );
    let e = read("Leerlingnummer;Groep\n1;6\n").unwrap_err();
    assert!(e.contains("first name"), "{e}");
}

#[test]
fn unclear_consent_is_no_consent_with_a_warning() {
    let r = read("Roepnaam;Achternaam;Sociale media\nDaan;Vries;misschien\n").unwrap();
    assert_eq!(r.pupils[0].consent.get("social"), Some(&false));
    assert!(
        r.warnings
            .iter()
            .any(|w| w.contains("line 2") && w.contains("misschien")),
        "{:?}",
        r.warnings
    );
}

#[test]
fn warnings_name_the_file_line_also_after_a_quoted_newline() {
    let csv =
        "Roepnaam;Achternaam;Sociale media\n\"Daan\nJan\";Vries;ja\n\n;;\nSem;Kok;misschien\n";
    let r = read(csv).unwrap();
    assert_eq!(r.pupils.len(), 2);
    assert_eq!(r.pupils[0].name, "Daan\nJan Vries");
    assert!(
        r.warnings
            .iter()
            .any(|w| w.starts_with("line 6,") && w.contains("misschien")),
        "{:?}",
        r.warnings
    );
}

#[test]
fn an_unterminated_quote_is_reported_not_merged_into_one_pupil() {
    let csv = "Roepnaam;Achternaam;Sociale media\n\
               Daan;Vries;ja\n\
               \"Sem;Kok;nee\n\
               Noor;Bakker;ja\n\
               Roos;Dekker;ja\n";
    let e = read(csv).unwrap_err();
    assert!(
        e.contains("line 3") && e.contains("quote") && e.contains("never closed"),
        "{e}"
    );
    // At the very end of the file too (no newline after it).
    let e = read("Roepnaam;Achternaam\nDaan;Vries\nSem;\"Kok").unwrap_err();
    assert!(e.contains("line 3") && e.contains("never closed"), "{e}");
}

#[test]
fn a_quote_inside_a_field_or_a_closed_multiline_field_is_fine() {
    let r = read("Roepnaam;Achternaam\nDaan;O\"Brien\n\"Sem\nJan\";\"Kok \"\"de\"\"\"\n").unwrap();
    assert_eq!(r.pupils.len(), 2, "{:?}", r.pupils);
    assert_eq!(r.pupils[0].name, "Daan O\"Brien");
    assert_eq!(r.pupils[1].name, "Sem\nJan Kok \"de\"");
}

#[test]
fn warning_lines_are_file_lines_with_crlf_blank_lines_and_quoted_newlines() {
    // Blank lines, a row of empty fields, a quoted field over three lines, CRLF endings.
    let csv = "Roepnaam;Achternaam;Sociale media\r\n\r\n\"Daan\r\n\r\nJan\";Vries;ja\r\n;;\r\n\r\nSem;Kok;misschien\r\n;;\r\n;;ja\r\n";
    let r = read(csv).unwrap();
    let w = r.warnings.join(" | ");
    assert!(w.contains("line 8, column \"Sociale media\""), "{w}");
    assert!(w.contains("line 10: no name"), "{w}");
}

#[test]
fn warning_lines_count_old_mac_line_ends() {
    // Excel for old Macs ends lines with CR only: each is a line of the file.
    let csv = "Roepnaam;Achternaam;Sociale media\r\r;;\rSem;Kok;misschien\r";
    let r = read(csv).unwrap();
    let w = r.warnings.join(" | ");
    assert!(w.contains("line 4, column"), "{w}");
}

#[test]
fn utf16_without_a_bom_is_an_encoding_error() {
    let text = "Roepnaam;Achternaam\r\nDaan;Vries\r\n";
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    for bytes in [le, be] {
        let e = decode(&bytes).unwrap_err();
        assert!(e.contains("UTF-16") && e.contains("CSV UTF-8"), "{e}");
        // Read as text anyway (it is valid UTF-8 with NULs), the reader refuses it too.
        let e = read(std::str::from_utf8(&bytes).unwrap()).unwrap_err();
        assert!(e.contains("UTF-16"), "{e}");
    }
    // With a BOM: the same clear message, not "not UTF-8".
    let mut bom = vec![0xFF, 0xFE];
    bom.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    assert!(decode(&bom).unwrap_err().contains("UTF-16"));
    // Latin-1 (an old Excel "CSV" export): named as not UTF-8.
    let e = decode(b"Roepnaam;Achternaam\nZo\xeb;Kok\n").unwrap_err();
    assert!(e.contains("not UTF-8") && e.contains("line 2"), "{e}");
    assert_eq!(decode(b"\xef\xbb\xbfRoepnaam").unwrap(), "\u{FEFF}Roepnaam");
}
