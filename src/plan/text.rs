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
use std::sync::{Mutex, PoisonError};

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

/// How many independently locked parts the interner has (threads interning at once rarely
/// wait for each other).
const SHARDS: usize = 32;

/// Hands out one [`Text`] per distinct string: shared by the threads of one load.
///
/// It holds its texts only while it lives (a load's); plans keep theirs after it is gone.
pub struct Interner {
    /// Each text with its hash, worked out once: a lookup compares hashes before bytes.
    shards: [Mutex<HashTable<(u64, Text)>>; SHARDS],
}

impl Default for Interner {
    fn default() -> Self {
        Self {
            shards: std::array::from_fn(|_| Mutex::new(HashTable::new())),
        }
    }
}

impl fmt::Debug for Interner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Interner").finish_non_exhaustive()
    }
}

impl Interner {
    /// The text equal to `text`: the one already handed out, or a new one.
    pub fn intern(&self, text: &str) -> Text {
        let hash = FxBuildHasher.hash_one(text);
        let shard = (hash >> 32) as usize % SHARDS;
        // A poisoned shard still holds valid texts (an insert cannot half-happen).
        let Some(lock) = self.shards.get(shard) else {
            return Text::from(text);
        };
        let mut table = lock.lock().unwrap_or_else(PoisonError::into_inner);
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
}
