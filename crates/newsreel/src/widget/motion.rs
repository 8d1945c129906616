//! Motion: the mode on screen (reduced motion gives the static list until the
//! reader presses play), direction, stillness when the headlines fit, the
//! scroll's duration, and the slide mode's steps and timer. The motion
//! itself is CSS: nothing here runs per frame.

use super::Widget;
use crate::bindings::{self as b, DomResult, Group, Signal};
use crate::render::{self, Skeleton};
use newsreel_core::view::programs::{root_class, Direction, Mode, Motion};

const DEFAULT_SPEED_PX_PER_S: i64 = 60;
/// Upward, a line (about 36 px) every two seconds or so: slower than
/// sideways, as each line has to be read in the time it is in the box.
const DEFAULT_VERTICAL_SPEED_PX_PER_S: i64 = 18;
const DEFAULT_ROWS: i64 = 3;
const DEFAULT_INTERVAL_MS: i64 = 5000;

impl Widget {
    /// The reader's (or the host's) play or pause. Play also overrides
    /// reduced motion's static list.
    pub(super) fn set_playing(&self, play: bool) -> DomResult<()> {
        self.user_paused.set(!play);
        if play {
            self.user_played.set(true);
        }
        self.update_motion()
    }

    /// Whether every headline is in view without moving. Sideways: one copy
    /// of the list is no wider than the box (a read of layout, as the
    /// marquee's duration already needs). Upward: there are no more
    /// headlines than rows, as each headline is one line tall.
    fn headlines_fit(&self, sk: &Skeleton, mode: Mode) -> bool {
        let items = b::child_element_count(&sk.items);
        match mode {
            Mode::Marquee => {
                let Some(viewport) = sk.lane.parent_element() else { return false };
                items > 0 && b::scroll_width(&sk.items) <= b::client_width(&viewport)
            }
            Mode::Vertical => i64::from(items) <= self.rows(),
            Mode::Slide | Mode::List => false,
        }
    }

    fn rows(&self) -> i64 {
        self.attr_number("rows", 1, 50).unwrap_or(DEFAULT_ROWS)
    }

    fn configured_mode(&self) -> Mode {
        Mode::from_attribute(b::attr(&self.host, "mode").as_deref())
    }

    /// The mode on screen: reduced motion shows the static list until the reader presses play.
    fn effective_mode(&self) -> Mode {
        let mode = self.configured_mode();
        if mode != Mode::List && b::prefers_reduced_motion() && !self.user_played.get() {
            Mode::List
        } else {
            mode
        }
    }

    pub(super) fn is_moving_mode(&self) -> bool {
        self.effective_mode().moves_in(self.view())
    }

    fn motion(&self) -> Motion {
        let polled = self.feed.borrow().is_some();
        Motion::new(
            self.configured_mode(),
            self.effective_mode(),
            self.view(),
            self.fits.get(),
            self.user_paused.get(),
            polled,
        )
    }

    pub(super) fn is_moving(&self) -> bool {
        self.motion().moving
    }

    fn direction(&self) -> Direction {
        Direction::new(b::inherited_attr(&self.host, "dir").as_deref(), self.words().rtl)
    }

    /// Applies mode, direction and play state to the ticker. Motion itself is
    /// CSS: nothing here runs per frame.
    pub(super) fn update_motion(&self) -> DomResult<()> {
        let Some(sk) = self.skeleton() else { return Ok(()) };
        let mode = self.effective_mode();
        let scrolls = mode.scrolls();
        if mode == Mode::Marquee && !b::attr(&sk.root, "class").is_some_and(|c| c.starts_with(mode.class())) {
            // Coming from another mode: the width is measured in the marquee's own layout.
            b::set_attr(&sk.root, "class", mode.class())?;
        }
        // A scroll whose headlines all fit in its box stays still, with no
        // loop copy and no pause control: there is nothing to pause.
        let fits = self.headlines_fit(sk, mode);
        self.fits.set(fits);
        if fits {
            b::set_text(&sk.copy, "");
        } else if scrolls && b::child_element_count(&sk.copy) == 0 && b::child_element_count(&sk.items) > 0 {
            render::fill_copy(sk)?;
        }
        let motion = self.motion();
        let moving = motion.moving;
        let direction = self.direction();
        let offscreen = self.offscreen.get() || self.tab_hidden.get();
        b::set_attr(&sk.root, "class", &root_class(mode, direction.rtl, fits, moving, offscreen))?;
        // A direction the page gives is inherited; one from the language is set here.
        if direction.set_on_root {
            b::set_attr(&sk.root, "dir", "rtl")?;
        } else {
            b::remove_attr(&sk.root, "dir")?;
        }
        // The control says what pressing it will do (WAI-ARIA carousel pattern).
        let words = self.words();
        b::set_text(&sk.pause, if moving { &words.strings.pause } else { &words.strings.play });
        b::set_flag(&sk.pause, "hidden", motion.pause_hidden)?;
        b::set_attr(&sk.items, "aria-live", motion.live)?;
        if scrolls {
            if mode == Mode::Vertical {
                if let Some(viewport) = sk.lane.parent_element() {
                    b::set_style(&viewport, "--nr-rows", &self.rows().to_string())?;
                }
            }
            let default_speed =
                if mode == Mode::Vertical { DEFAULT_VERTICAL_SPEED_PX_PER_S } else { DEFAULT_SPEED_PX_PER_S };
            let speed = self.attr_number("speed", 5, 1000).unwrap_or(default_speed);
            // One read of layout per render: the length of one copy of the list.
            let length = i64::from(if mode == Mode::Vertical {
                b::scroll_height(&sk.items)
            } else {
                b::scroll_width(&sk.items)
            });
            let ms =
                if length > 0 { length * 1000 / speed } else { 8000 * i64::from(b::child_element_count(&sk.items)) };
            // On the lane itself, not as an inherited custom property: a
            // variable would restyle every headline inside it a second time.
            b::set_scroll_duration(&sk.lane, u32::try_from(ms.max(2000)).unwrap_or(u32::MAX))?;
        }
        self.apply_slide(sk, mode == Mode::Slide)?;
        if mode == Mode::Slide && moving {
            self.start_slide_timer();
        } else {
            self.stop_slide_timer();
        }
        Ok(())
    }

    /// Shows the current slide and makes the others unreachable. Outside
    /// slide mode it only clears those marks, once, when leaving it: the other
    /// modes need no walk over every headline.
    fn apply_slide(&self, sk: &Skeleton, on: bool) -> DomResult<()> {
        if !on && !self.slide_marked.get() {
            return Ok(());
        }
        self.slide_marked.set(on);
        let items = b::query_all(&sk.items, ".item");
        let index = self.slide_index.get() % items.len().max(1);
        self.slide_index.set(index);
        if on {
            b::set_style(&sk.items, "--nr-index", &index.to_string())?;
        }
        for (i, item) in items.iter().enumerate() {
            let hide = on && i != index;
            b::set_flag(item, "inert", hide)?;
            if hide {
                b::set_attr(item, "aria-hidden", "true")?;
            } else {
                b::remove_attr(item, "aria-hidden")?;
            }
        }
        Ok(())
    }

    pub(super) fn step_slide(&self, delta: i64) -> DomResult<()> {
        let Some(sk) = self.skeleton() else { return Ok(()) };
        let count = i64::from(b::child_element_count(&sk.items).max(1));
        let index = (self.slide_index.get() as i64 + delta).rem_euclid(count);
        self.slide_index.set(index as usize);
        self.apply_slide(sk, self.effective_mode() == Mode::Slide)
    }

    fn start_slide_timer(&self) {
        if self.slide_timer_on.replace(true) {
            return;
        }
        let interval = self.attr_number("interval", 1000, 600_000).unwrap_or(DEFAULT_INTERVAL_MS);
        b::every(&self.host, Group::Slide, interval as u32, Signal::SlideTick);
    }

    pub(super) fn slide_tick(&self) -> DomResult<()> {
        let still = self.held.get() || self.offscreen.get() || self.tab_hidden.get();
        if !still && self.is_moving() {
            self.step_slide(1)?;
        }
        Ok(())
    }

    pub(super) fn stop_slide_timer(&self) {
        if self.slide_timer_on.replace(false) {
            b::unsubscribe(&self.host, Group::Slide);
        }
    }
}
