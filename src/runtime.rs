//! The wasm module's own runtime pieces: its memory allocator and, in the
//! shipped build, its panic handler.

use core::alloc::{GlobalAlloc, Layout};
use core::arch::wasm32;
use core::cell::UnsafeCell;
use core::ptr::null_mut;

/// The wasm module's allocator, in two tiers:
/// - small blocks (up to 32 KB) are powers of two; a freed block goes on its
///   size's free list and is handed out again first; fresh ones are cut from
///   64 KB pages;
/// - large blocks are runs of whole pages, taken first-fit from an
///   address-ordered list of free runs that merge with their neighbours when
///   freed, and grown in place when the pages after them are free (a `Vec` or
///   `String` that keeps doubling, the 5 MB input text).
///
/// Why not dlmalloc (std's allocator): it is 2 KB more of the download
/// (gzip), for speed that shows only on inputs of thousands of articles
/// (README, "Size"). The widget's pattern (decode, render, drop, and again
/// with similar shapes on every update) reuses small blocks well, and the big
/// buffers are few.
pub struct Allocator(UnsafeCell<Heap>);

struct Heap {
    /// Head of each small size's free list (0 = empty); a free block's
    /// first word holds the next block's address.
    small: [usize; SMALL_CLASSES],
    /// The part of the current 64 KB page not yet cut into small blocks.
    next: usize,
    end: usize,
    /// The first free page run (0 = none). A free run starts with two words:
    /// its length in pages and the address of the next free run, in address order.
    runs: usize,
}

const PAGE: usize = 65536;
/// Fresh memory comes in steps of at least 1 MB.
const GROWTH: usize = 16;
/// Small blocks are 2^3 to 2^15 bytes, aligned to their size up to 16 bytes.
const SMALL_ALIGN: usize = 16;
const SMALL_CLASSES: usize = 16;

// wasm32 without the atomics feature has one thread; nothing is shared.
unsafe impl Sync for Allocator {}

#[global_allocator]
static ALLOCATOR: Allocator = Allocator(UnsafeCell::new(Heap { small: [0; SMALL_CLASSES], next: 0, end: 0, runs: 0 }));

/// How a layout is served: a small block of 2^class bytes, or a run of pages
/// (aligned to a page).
#[derive(Clone, Copy, PartialEq)]
enum Size {
    Small(usize),
    Pages(usize),
}

fn size_of(layout: Layout) -> Size {
    let size = layout.size().max(layout.align()).max(8);
    let class = (usize::BITS - (size - 1).leading_zeros()) as usize;
    // Small blocks are packed at 16-byte alignment (what wasm32 types need at
    // most); a rare stricter alignment gets whole pages.
    if class < SMALL_CLASSES && layout.align() <= SMALL_ALIGN {
        Size::Small(class)
    } else {
        Size::Pages(size.div_ceil(PAGE))
    }
}

unsafe fn word(at: usize) -> usize {
    *(at as *const usize)
}

unsafe fn set_word(at: usize, value: usize) {
    *(at as *mut usize) = value;
}

/// The run's length in pages and the next run.
unsafe fn run(at: usize) -> (usize, usize) {
    (word(at), word(at + 4))
}

unsafe fn set_run(at: usize, pages: usize, next: usize) {
    set_word(at, pages);
    set_word(at + 4, next);
}

fn memory_end() -> usize {
    wasm32::memory_size(0) * PAGE
}

impl Heap {
    unsafe fn take(&mut self, size: Size) -> usize {
        match size {
            Size::Small(class) => self.take_small(class),
            Size::Pages(pages) => self.take_pages(pages),
        }
    }

    unsafe fn give(&mut self, block: usize, size: Size) {
        match size {
            Size::Small(class) => {
                set_word(block, self.small[class]);
                self.small[class] = block;
            }
            Size::Pages(pages) => self.give_pages(block, pages),
        }
    }

    unsafe fn take_small(&mut self, class: usize) -> usize {
        let head = self.small[class];
        if head != 0 {
            self.small[class] = word(head);
            return head;
        }
        let size = 1 << class;
        let align = size.min(SMALL_ALIGN);
        let mut start = (self.next + align - 1) & !(align - 1);
        if start + size > self.end {
            let page = self.take_pages(1);
            if page == 0 {
                return 0;
            }
            (start, self.end) = (page, page + PAGE);
        }
        self.next = start + size;
        start
    }

    /// `pages` whole pages: from the first free run that is long enough (its
    /// tail, so the run stays where it is in the list), else from the last
    /// free run if it ends where memory ends, else from new memory.
    unsafe fn take_pages(&mut self, pages: usize) -> usize {
        let (mut before, mut at) = (0, self.runs);
        while at != 0 {
            let (length, next) = run(at);
            if length > pages {
                set_run(at, length - pages, next);
                return at + (length - pages) * PAGE;
            }
            if length == pages {
                self.unlink(before, next);
                return at;
            }
            if next == 0 && at + length * PAGE == memory_end() {
                if self.grow(pages - length) == 0 {
                    return 0;
                }
                // The run now continues into the new pages; what `grow` had
                // left over is the run after it.
                self.unlink(before, run(at).1);
                return at;
            }
            (before, at) = (at, next);
        }
        self.grow(pages)
    }

    /// New memory for `pages` pages, grown by at least `GROWTH` pages: growing
    /// is slow in browsers (the memory's buffer is replaced), and growing a
    /// page at a time took a third of the time of decoding 10,000 articles.
    /// What is grown beyond `pages` becomes a free run.
    unsafe fn grow(&mut self, pages: usize) -> usize {
        let mut grown = pages.max(GROWTH);
        let mut first = wasm32::memory_grow(0, grown);
        if first == usize::MAX && grown > pages {
            grown = pages;
            first = wasm32::memory_grow(0, pages);
        }
        if first == usize::MAX {
            return 0;
        }
        let block = first * PAGE;
        if grown > pages {
            self.give_pages(block + pages * PAGE, grown - pages);
        }
        block
    }

    /// Puts `pages` pages at `block` back in the list, merged with the free
    /// runs right before and after them.
    unsafe fn give_pages(&mut self, block: usize, mut pages: usize) {
        let (mut before, mut after) = (0, self.runs);
        while after != 0 && after < block {
            (before, after) = (after, run(after).1);
        }
        let mut next = after;
        if after == block + pages * PAGE {
            let (length, beyond) = run(after);
            pages += length;
            next = beyond;
        }
        if before != 0 && before + run(before).0 * PAGE == block {
            set_run(before, run(before).0 + pages, next);
        } else {
            set_run(block, pages, next);
            self.unlink(before, block);
        }
    }

    /// Points `before`'s link (or the list head) at `to`.
    unsafe fn unlink(&mut self, before: usize, to: usize) {
        if before == 0 {
            self.runs = to;
        } else {
            set_run(before, run(before).0, to);
        }
    }

    /// Grows a page run in place to `pages` when the pages after it are free
    /// (or are the end of memory); false when they are not.
    unsafe fn grow_in_place(&mut self, block: usize, held: usize, pages: usize) -> bool {
        let need = pages - held;
        let wanted = block + held * PAGE;
        if wanted == memory_end() {
            return self.grow(need) != 0;
        }
        let (mut before, mut at) = (0, self.runs);
        while at != 0 && at < wanted {
            (before, at) = (at, run(at).1);
        }
        if at != wanted {
            return false;
        }
        let (length, next) = run(at);
        if length < need {
            return false;
        }
        if length == need {
            self.unlink(before, next);
        } else {
            let rest = at + need * PAGE;
            set_run(rest, length - need, next);
            self.unlink(before, rest);
        }
        true
    }
}

unsafe impl GlobalAlloc for Allocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if layout.align() > PAGE {
            return null_mut();
        }
        (*self.0.get()).take(size_of(layout)) as *mut u8
    }

    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        (*self.0.get()).give(block as usize, size_of(layout))
    }

    unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let heap = &mut *self.0.get();
        let old = size_of(layout);
        let new = size_of(Layout::from_size_align_unchecked(new_size, layout.align()));
        match (old, new) {
            _ if old == new => return block,
            (Size::Pages(held), Size::Pages(pages)) if pages < held => {
                heap.give_pages(block as usize + pages * PAGE, held - pages);
                return block;
            }
            (Size::Pages(held), Size::Pages(pages)) if heap.grow_in_place(block as usize, held, pages) => {
                return block;
            }
            _ => {}
        }
        let moved = heap.take(new) as *mut u8;
        if !moved.is_null() {
            core::ptr::copy_nonoverlapping(block, moved, layout.size().min(new_size));
            heap.give(block as usize, old);
        }
        moved
    }
}

/// In the shipped build a panic (a bug: nothing from outside is unwrapped)
/// traps at once; the element's JavaScript catches the `RuntimeError`, shows
/// the error state and logs it, and the page's other widgets go on.
#[cfg(feature = "small-runtime")]
#[panic_handler]
fn on_panic(_: &core::panic::PanicInfo) -> ! {
    wasm32::unreachable()
}
