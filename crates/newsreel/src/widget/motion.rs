//! Motion: the mode on screen (reduced motion gives the static list until the
//! reader presses play), direction, stillness when the headlines fit, the
//! scroll's duration, and the slide mode's steps and timer. The motion
//! itself is CSS: nothing here runs per frame.

use newsreel_core::view::config::Config;
use newsreel_core::view::programs::Mode;
use newsreel_core::view::state::{effective_mode, scroll_duration_ms, Environment, MotionState};

use super::Widget;
use crate::bindings::{self as b, DomResult, Group, Signal};
use crate::render::{self, Skeleton};

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

    /// Whether one copy of the marquee's list is no wider than its box: a
    /// read of layout, as the marquee's duration already needs.
    fn marquee_fits(&self, sk: &Skeleton) -> bool {
        let Some(viewport) = sk.lane.parent_element() else { return false };
        b::scroll_width(&sk.items) <= b::client_width(&viewport)
    }

    /// What only the browser knows, as last measured.
    pub(super) fn environment(&self) -> Environment {
        Environment {
            reduced_motion: b::prefers_reduced_motion(),
            user_paused: self.user_paused.get(),
            user_played: self.user_played.get(),
            marquee_fits: self.marquee_fits.get(),
            hidden: self.offscreen.get() || self.tab_hidden.get(),
            slide_index: self.slide_index.get(),
            scripting: true,
        }
    }

    /// The motion for the attributes and the environment.
    fn motion_state(&self, config: &Config, env: &Environment) -> MotionState {
        let headlines = self.skeleton().map_or(0, |sk| b::child_element_count(&sk.items) as usize);
        MotionState::new(config, &self.words(config), headlines, env)
    }

    pub(super) fn is_moving_mode(&self) -> bool {
        let config = self.config();
        effective_mode(config.mode, &self.environment()).moves_in(config.view)
    }

    pub(super) fn is_moving(&self) -> bool {
        self.motion_state(&self.config(), &self.environment()).moving
    }

    /// Applies the motion state to the ticker: mode, direction, play state,
    /// the loop copy, the scroll's duration and the slide. Motion itself is
    /// CSS: nothing here runs per frame.
    pub(super) fn update_motion(&self) -> DomResult<()> {
        let Some(sk) = self.skeleton() else { return Ok(()) };
        // Read once: the attributes, and what only the browser knows.
        let config = self.config();
        let env = self.environment();
        let mode = effective_mode(config.mode, &env);
        if mode == Mode::Marquee && !b::attr(&sk.root, "class").is_some_and(|c| c.starts_with(mode.class())) {
            // Coming from another mode: the width is measured in the marquee's own layout.
            b::set_attr(&sk.root, "class", mode.class())?;
        }
        let marquee_fits = mode == Mode::Marquee && self.marquee_fits(sk);
        self.marquee_fits.set(marquee_fits);
        let state = self.motion_state(&config, &Environment { marquee_fits, ..env });
        let items = b::child_element_count(&sk.items);
        if !state.loop_copy {
            b::set_text(&sk.copy, "");
        } else if b::child_element_count(&sk.copy) == 0 && items > 0 {
            render::fill_copy(sk)?;
        }
        b::set_attr(&sk.root, "class", &state.root_class)?;
        // A direction the page gives is inherited; one from the language is set here.
        if state.root_rtl {
            b::set_attr(&sk.root, "dir", "rtl")?;
        } else {
            b::remove_attr(&sk.root, "dir")?;
        }
        // The control says what pressing it will do (WAI-ARIA carousel pattern).
        b::set_text(&sk.pause, &state.pause_text);
        b::set_flag(&sk.pause, "hidden", state.pause_hidden)?;
        b::set_attr(&sk.items, "aria-live", state.live)?;
        if let (Some(rows), Some(viewport)) = (state.rows, sk.lane.parent_element()) {
            b::set_style(&viewport, "--nr-rows", &rows.to_string())?;
        }
        if let Some(speed) = state.speed_px_per_s {
            // One read of layout per render: the length of one copy of the list.
            let length = if mode == Mode::Vertical { b::scroll_height(&sk.items) } else { b::scroll_width(&sk.items) };
            let length = u32::try_from(length).unwrap_or(0);
            // On the lane itself, not as an inherited custom property: a
            // variable would restyle every headline inside it a second time.
            b::set_scroll_duration(&sk.lane, scroll_duration_ms(length, speed, items as usize))?;
        }
        if let Some(index) = state.slide {
            self.slide_index.set(index);
        }
        self.apply_slide(sk, state.hide_other_slides)?;
        match state.slide_interval_ms {
            Some(ms) => self.start_slide_timer(ms),
            None => self.stop_slide_timer(),
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
        let index = self.slide_index.get();
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
        let on = effective_mode(self.config().mode, &self.environment()) == Mode::Slide;
        self.apply_slide(sk, on)
    }

    fn start_slide_timer(&self, interval_ms: u32) {
        if self.slide_timer_on.replace(true) {
            return;
        }
        b::every(&self.host, Group::Slide, interval_ms, Signal::SlideTick);
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
