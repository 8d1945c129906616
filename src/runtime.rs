//! The wasm module's own runtime pieces: its memory allocator and, in the
//! shipped build, its panic handler.

use core::alloc::{GlobalAlloc, Layout};
use core::arch::wasm32;
use core::cell::UnsafeCell;
use core::ptr::null_mut;

/// A size-class allocator: every block is a power of two (8 bytes up to
/// 2 GiB), freed blocks go on their class's free list and are handed out
/// again first, fresh blocks are cut from pages the module grows.
///
/// Why not std's dlmalloc: it is about 8 KB of wasm, a tenth of the module.
/// The widget's pattern (decode, render, drop, and again with similar shapes
/// on every update) reuses blocks of the same classes, so the simple scheme
/// costs little memory; rounding up wastes at most half a block.
pub struct SizeClassAllocator(UnsafeCell<Heap>);

struct Heap {
    /// Head of each class's free list (0 = empty); a free block's first word
    /// holds the next block's address.
    free: [usize; CLASSES],
    /// The unused part of the last pages grown: `next..end`.
    next: usize,
    end: usize,
}

const PAGE: usize = 65536;
const CLASSES: usize = 32;

// wasm32 without the atomics feature has one thread; nothing is shared.
unsafe impl Sync for SizeClassAllocator {}

#[global_allocator]
static ALLOCATOR: SizeClassAllocator = SizeClassAllocator(UnsafeCell::new(Heap { free: [0; CLASSES], next: 0, end: 0 }));

/// The class whose blocks (2^class bytes) fit `layout`: blocks are aligned to
/// their size up to a page, so a block that fits the size fits the alignment.
fn class_of(layout: Layout) -> usize {
    let size = layout.size().max(layout.align()).max(8);
    (usize::BITS - (size - 1).leading_zeros()) as usize
}

impl Heap {
    /// A block of 2^class bytes, from the free list or from fresh pages.
    unsafe fn take(&mut self, class: usize) -> *mut u8 {
        if class >= CLASSES {
            return null_mut();
        }
        let head = self.free[class];
        if head != 0 {
            self.free[class] = *(head as *const usize);
            return head as *mut u8;
        }
        let size = 1usize << class;
        loop {
            let start = (self.next + size.min(PAGE) - 1) & !(size.min(PAGE) - 1);
            if let Some(stop) = start.checked_add(size) {
                if stop <= self.end {
                    self.next = stop;
                    return start as *mut u8;
                }
            }
            // One page more than the block needs, so the aligned block fits
            // whether or not the new pages follow ours.
            let pages = size / PAGE + 1;
            let first = wasm32::memory_grow(0, pages);
            if first == usize::MAX {
                return null_mut();
            }
            let base = first * PAGE;
            if base != self.end {
                self.next = base;
            }
            self.end = base + pages * PAGE;
        }
    }

    unsafe fn give_back(&mut self, block: *mut u8, class: usize) {
        *(block as *mut usize) = self.free[class];
        self.free[class] = block as usize;
    }
}

unsafe impl GlobalAlloc for SizeClassAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        (*self.0.get()).take(class_of(layout))
    }

    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        (*self.0.get()).give_back(block, class_of(layout))
    }

    unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let new_layout = Layout::from_size_align_unchecked(new_size, layout.align());
        let (old_class, new_class) = (class_of(layout), class_of(new_layout));
        if old_class == new_class {
            return block;
        }
        let heap = &mut *self.0.get();
        let moved = heap.take(new_class);
        if !moved.is_null() {
            core::ptr::copy_nonoverlapping(block, moved, layout.size().min(new_size));
            heap.give_back(block, old_class);
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
