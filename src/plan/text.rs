//! The texts of plans, kept once however many plans write them.
//!
//! Plans of one country repeat themselves: CEPLAN's templates give thousands of
//! municipalities the same objectives, indicators, sources and methods, word for word, and
//! codes such as `OEI.01` recur in every plan. A [`Text`] is a shared, immutable string;
//! the loader hands every text it reads to one [`Interner`] for the run, so that equal texts
//! share one allocation. In the national benchmark's repository, the statements, names,
//! responsibles, sources and methods among its 1.1 million texts (38 MB) are 22,782
//! distinct texts (0.5 MB).

use std::borrow::Borrow;
use std::fmt;
use std::hash::BuildHasher;
use std::ops::Deref;
use std::sync::{Mutex, MutexGuard, TryLockError};

use arcstr::ArcStr;

use hashbrown::HashTable;
use rustc_hash::FxBuildHasher;

/// A text read from a plan (a code, a statement, a name…): a shared, immutable string.
///
/// It reads as a `&str` (it dereferences to one) and compares with strings by content. It
/// is one pointer wide (its length is kept with its bytes): a plan's structs hold a slot for
/// every text they may have.
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Text(ArcStr);

impl Text {
    /// The text as a string slice.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for Text {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&*self.0, f)
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Self {
        Self(ArcStr::from(text))
    }
}

impl From<String> for Text {
    fn from(text: String) -> Self {
        Self(ArcStr::from(text))
    }
}

impl From<&String> for Text {
    fn from(text: &String) -> Self {
        Self(ArcStr::from(text.as_str()))
    }
}

impl From<Text> for String {
    fn from(text: Text) -> Self {
        text.0.as_str().to_owned()
    }
}

impl serde::Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl PartialEq<String> for Text {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<Text> for str {
    fn eq(&self, other: &Text) -> bool {
        self == &*other.0
    }
}

impl PartialEq<Text> for &str {
    fn eq(&self, other: &Text) -> bool {
        *self == &*other.0
    }
}

impl PartialEq<Text> for String {
    fn eq(&self, other: &Text) -> bool {
        **self == *other.0
    }
}

/// Hands out one [`Text`] per distinct string: shared by the threads of one load.
///
/// Each thread of the pool interns into a table of its own, so that the threads never touch
/// each other's tables or texts while they load: a text all threads read (`OEI.01`,
/// `Porcentaje`) is kept once per thread (two copies of the national repository's 0.5 MB of
/// distinct texts on two cores), not bounced between their caches at every use. Interning
/// into one shared table had the threads stall on the table's locks and on the counts of
/// its popular texts (4 % of a national check's time).
///
/// It holds its texts only while it lives (a load's); plans keep theirs after it is gone.
pub struct Interner {
    /// One table per thread of the pool, and one more for any other thread; each text with
    /// its hash, worked out once (a lookup compares hashes before bytes).
    tables: Box<[Mutex<Table>]>,
}

impl Default for Interner {
    fn default() -> Self {
        Self {
            tables: (0..=rayon::current_num_threads())
                .map(|_| Mutex::new(Table::new()))
                .collect(),
        }
    }
}

impl fmt::Debug for Interner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Interner").finish_non_exhaustive()
    }
}

type Table = HashTable<(u64, Text)>;

impl Interner {
    /// The table a thread interns into while it decodes one file: its own, locked once for
    /// the file rather than once per text. When that table is taken (by a thread outside the
    /// pool that shares the last one), the file gets a table of its own: its texts are kept
    /// once within the file, and nothing waits.
    pub fn local(&self) -> Local<'_> {
        let own = rayon::current_thread_index()
            .and_then(|index| self.tables.get(index))
            .or_else(|| self.tables.last());
        let table = match own.map(Mutex::try_lock) {
            Some(Ok(guard)) => LocalTable::Shared(guard),
            // A poisoned table still holds valid texts (an insert cannot half-happen).
            Some(Err(TryLockError::Poisoned(poisoned))) => {
                LocalTable::Shared(poisoned.into_inner())
            }
            Some(Err(TryLockError::WouldBlock)) | None => LocalTable::Own(Table::new()),
        };
        Local { table }
    }

    /// The text equal to `text`: the one this thread was already handed, or a new one.
    pub fn intern(&self, text: &str) -> Text {
        self.local().intern(text)
    }
}

/// The table one file's texts are interned into (see [`Interner::local`]).
pub struct Local<'a> {
    table: LocalTable<'a>,
}

enum LocalTable<'a> {
    /// The thread's table of the interner, held for the file.
    Shared(MutexGuard<'a, Table>),
    /// A table for this file alone.
    Own(Table),
}

impl fmt::Debug for Local<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Local").finish_non_exhaustive()
    }
}

impl Local<'_> {
    /// The text equal to `text`: the one already handed out, or a new one.
    pub fn intern(&mut self, text: &str) -> Text {
        let table = match &mut self.table {
            LocalTable::Shared(guard) => &mut **guard,
            LocalTable::Own(table) => table,
        };
        let hash = FxBuildHasher.hash_one(text);
        if let Some((_, known)) = table.find(hash, |(h, t)| *h == hash && t.as_str() == text) {
            return known.clone();
        }
        let new = Text::from(text);
        table.insert_unique(hash, (hash, new.clone()), |(h, _)| *h);
        new
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_texts_share_one_allocation() {
        let interner = Interner::default();
        let a = interner.intern("Mejorar la gestión institucional");
        let b = interner.intern(&String::from("Mejorar la gestión institucional"));
        let c = interner.intern("OEI.01");
        assert!(ArcStr::ptr_eq(&a.0, &b.0));
        assert!(!ArcStr::ptr_eq(&a.0, &c.0));
        assert_eq!(a, "Mejorar la gestión institucional");
        assert_eq!(c.as_str(), "OEI.01");
        assert_eq!(Text::from("x"), Text::from(String::from("x")));
        assert!(Text::default().is_empty());
    }

    #[test]
    fn a_second_table_on_one_thread_neither_waits_nor_changes_a_text() {
        let interner = Interner::default();
        let mut held = interner.local();
        let a = held.intern("Porcentaje");
        // The thread's table is held: the second file gets a table of its own.
        let mut second = interner.local();
        let b = second.intern("Porcentaje");
        assert_eq!(a, b);
        assert!(!ArcStr::ptr_eq(&a.0, &b.0));
        drop((held, second));
        // Released, the thread's table hands out its text again.
        assert!(ArcStr::ptr_eq(&a.0, &interner.intern("Porcentaje").0));
    }
}
