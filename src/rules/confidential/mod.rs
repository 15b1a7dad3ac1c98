//! confidential: contact details, BSN, dates of birth, and (about an individual) health,
//! grades and results, family situations, punishments and absence. The school's own public
//! contact details from the policy are not confidential.
//!
//! One file per kind: [`contact`] (phone, e-mail, address, BSN, bank account, date of
//! birth), [`situations`] (health, family, discipline, learning, school advice), [`grades`],
//! and [`individual`], the "about one person" test they share.

use super::{Ctx, Hit, Rule};
use crate::text::Text;

mod contact;
mod grades;
mod individual;
mod phrasings;
mod situations;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_kinds;

pub use contact::{is_bsn, is_iban};

pub struct Confidential;

impl Rule for Confidential {
    fn check(&self, ctx: &Ctx, out: &mut Vec<Hit>) {
        contact::contact(ctx, out);
        situations::situations(ctx, out);
        grades::grades(ctx, out);
        phrasings::phrasings(ctx, out);
    }
}

pub(super) fn sentence_of(t: &Text, pos: usize) -> (usize, usize) {
    t.sentences
        .iter()
        .copied()
        .find(|&(s, e)| s <= pos && pos < e)
        .unwrap_or((0, t.orig.len()))
}
