//! Motion: the mode on screen (reduced motion gives the static list until the
//! reader presses play), direction, stillness when the headlines fit, the
//! marquee's duration, the steps and timer of the slide and vertical modes,
//! a focused headline brought into view, and a slide's swipe. The motion
//! itself is CSS: nothing here runs per frame.

use newsreel_core::view::config::Config;
use newsreel_core::view::lane::{marquee_progress_showing, swipe_step, Extent};
use newsreel_core::view::programs::Mode;
use newsreel_core::view::state::{effective_mode, scroll_duration_ms, Environment, MotionState, Step};
use wasm_bindgen::JsCast;
use web_sys::{Element, Event};

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

    /// The list or its box changed size (a `ResizeObserver`, which reports
    /// after the browser's own layout, so these reads force none): the
    /// marquee's length, and whether one copy of it fits in its box. Nothing
    /// else reads the marquee's layout: a render goes by what was measured
    /// last, and its new headlines are measured once laid out.
    pub(super) fn measure_marquee(&self) -> DomResult<()> {
        let Some(sk) = self.skeleton() else { return Ok(()) };
        let Some(viewport) = sk.lane.parent_element() else { return Ok(()) };
        // Measured in the marquee's own layout only (another mode's list has
        // another shape), and with headlines: an empty list fits anything.
        let headlines = b::child_element_count(&sk.items) > 0;
        if headlines && effective_mode(self.config().mode, &self.environment()) == Mode::Marquee {
            let length = b::scroll_width(&sk.items);
            self.marquee_fits.set(length <= b::client_width(&viewport));
            self.marquee_length.set(u32::try_from(length).unwrap_or(0));
        }
        self.update_motion()
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
    pub(super) fn motion_state(&self, config: &Config, env: &Environment) -> MotionState {
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
        let state = self.motion_state(&config, &env);
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
            // The length last measured (`measure_marquee`): before the first
            // measure, a long time per headline. On the lane itself, not as an
            // inherited custom property: a variable would restyle every
            // headline inside it a second time.
            let length = self.marquee_length.get();
            b::set_scroll_duration(&sk.lane, scroll_duration_ms(length, speed, items as usize))?;
        }
        if let Some(index) = state.step {
            self.move_lane(sk, index, false)?;
        }
        self.apply_slide(sk, state.hide_other_slides)?;
        match state.step_interval_ms {
            Some(ms) => self.start_slide_timer(ms),
            None => self.stop_slide_timer(),
        }
        Ok(())
    }

    /// Moves a stepping ticker's lane to the headline at `index`: in its
    /// transition, or at once (`jump`).
    fn move_lane(&self, sk: &Skeleton, index: usize, jump: bool) -> DomResult<()> {
        self.slide_index.set(index);
        if jump {
            b::set_style(&sk.lane, "transition", "none")?;
        }
        b::set_style(&sk.lane, "--nr-index", &index.to_string())?;
        if jump {
            // Laid out where it jumped to before the transition is back.
            b::flush_layout(&sk.lane);
            b::set_style(&sk.lane, "transition", "")?;
        }
        Ok(())
    }

    /// Makes the slides not shown unreachable. Outside slide mode it only
    /// clears those marks, once, when leaving it: the other modes need no
    /// walk over every headline.
    fn apply_slide(&self, sk: &Skeleton, on: bool) -> DomResult<()> {
        if !on && !self.slide_marked.get() {
            return Ok(());
        }
        self.slide_marked.set(on);
        let items = b::query_all(&sk.items, ".item");
        let index = self.slide_index.get();
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

    /// Steps a slide or a vertical ticker `delta` headlines on. In the
    /// other modes only the index moves, for a later change to slide mode.
    pub(super) fn step_slide(&self, delta: i64) -> DomResult<()> {
        let Some(sk) = self.skeleton() else { return Ok(()) };
        let mode = effective_mode(self.config().mode, &self.environment());
        let count = b::child_element_count(&sk.items) as usize;
        let step = Step::next(mode, self.slide_index.get(), delta, count);
        if !matches!(mode, Mode::Slide | Mode::Vertical) {
            self.slide_index.set(step.index);
            return Ok(());
        }
        if let Some(from) = step.jump_from {
            self.move_lane(sk, from, true)?;
        }
        self.move_lane(sk, step.index, false)?;
        self.apply_slide(sk, mode == Mode::Slide)
    }

    /// Brings a headline that took keyboard focus wholly into the headlines' box
    /// (WCAG 2.4.11 and 2.4.12): the marquee's scroll moves (it holds while
    /// focus is inside), and a vertical ticker jumps to that headline. A
    /// slide needs nothing: only the shown headline can take focus.
    pub(super) fn keep_in_view(&self, event: &Event) -> DomResult<()> {
        let Some(sk) = self.skeleton() else { return Ok(()) };
        // Focus from the keyboard (or a script after it) only: a headline a
        // pointer pressed is where the reader sees it, and moving it between
        // the press and the release would take the click away from it.
        let Some(pick) = b::event_element(event)
            .filter(|e| sk.items.contains(Some(e.unchecked_ref())) && b::matches(e, ":focus-visible"))
        else {
            return Ok(());
        };
        let Some(viewport) = sk.lane.parent_element() else { return Ok(()) };
        let config = self.config();
        let env = self.environment();
        let state = self.motion_state(&config, &env);
        let [left, top, right, bottom] = b::rect(&pick);
        let [box_left, box_top, box_right, box_bottom] = b::rect(&viewport);
        match state.mode {
            Mode::Marquee => {
                if b::lane_progress(&sk.lane) < 0.0 {
                    return Ok(()); // Still: everything fits.
                }
                let [lane_left, _, lane_right, _] = b::rect(&sk.lane);
                let item = Extent::horizontal(left, right, state.rtl);
                let shown = Extent::horizontal(box_left, box_right, state.rtl);
                let lane = Extent::horizontal(lane_left, lane_right, state.rtl);
                // The loop moves the lane by half its length: the list, then its copy.
                match marquee_progress_showing(item, lane.start, shown, (lane.end - lane.start) / 2.0) {
                    Some(place) => {
                        // The lane's place is measured from a box not scrolled.
                        b::scroll_to_start(&viewport);
                        b::set_lane_progress(&sk.lane, place)
                    }
                    None => Ok(()),
                }
            }
            Mode::Vertical if !state.fits => {
                let shown = Extent { start: box_top, end: box_bottom };
                if shown.shows(Extent { start: top, end: bottom }) {
                    return Ok(());
                }
                let position = self.headline_position(sk, &pick);
                position.map_or(Ok(()), |index| self.move_lane(sk, index, true))
            }
            _ => Ok(()),
        }
    }

    /// Where a headline's entry stands in the ticker's list.
    fn headline_position(&self, sk: &Skeleton, pick: &Element) -> Option<usize> {
        let item = b::closest(pick, ".item")?;
        b::query_all(&sk.items, ".item").iter().position(|i| *i == item)
    }

    /// A pointer went down on the headlines' box: perhaps a swipe's start.
    pub(super) fn pointer_down(&self, event: &Event) {
        self.swipe_start.set(b::pointer_position(event));
    }

    /// A pointer went up: a horizontal swipe steps a slide, and the click
    /// that may come with it (a mouse's) opens nothing.
    pub(super) fn pointer_up(&self, event: &Event) -> DomResult<()> {
        let (Some((x0, y0)), Some((x1, y1))) = (self.swipe_start.take(), b::pointer_position(event)) else {
            return Ok(());
        };
        let config = self.config();
        let env = self.environment();
        let state = self.motion_state(&config, &env);
        if state.mode != Mode::Slide {
            return Ok(());
        }
        let Some(step) = swipe_step(x1 - x0, y1 - y0, state.rtl) else { return Ok(()) };
        self.swiped.set(true);
        b::after_this_task(&self.host, Signal::SwipeOver);
        self.step_slide(step)
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
