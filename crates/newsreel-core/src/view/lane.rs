//! The lane under the reader's hand: where a moving ticker must stand for a
//! focused headline to be wholly in view (WCAG 2.4.11 and 2.4.12), and what
//! a swipe asks of a slide. Pure geometry: the browser shell measures, and
//! moves the lane by what these say.

/// An extent along the lane's axis, in CSS px, in the direction the
/// headlines are read: `start` is where a headline begins (its left edge in
/// left-to-right text, its right edge in right-to-left, its top upward).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Extent {
    pub start: f64,
    pub end: f64,
}

/// Rounding in layout: a headline a fraction of a pixel out is in.
const TOLERANCE_PX: f64 = 1.0;

impl Extent {
    /// A horizontal extent from a box's left and right edges.
    pub fn horizontal(left: f64, right: f64, rtl: bool) -> Extent {
        if rtl {
            Extent { start: -right, end: -left }
        } else {
            Extent { start: left, end: right }
        }
    }

    /// Whether `inner` shows whole inside this extent, or, when it is the
    /// longer, whether it shows from its start.
    pub fn shows(&self, inner: Extent) -> bool {
        let starts_in = inner.start >= self.start - TOLERANCE_PX;
        if inner.end - inner.start > self.end - self.start {
            (inner.start - self.start).abs() <= TOLERANCE_PX
        } else {
            starts_in && inner.end <= self.end + TOLERANCE_PX
        }
    }
}

/// Where in its loop (0 to 1) the marquee must stand for `item` to begin
/// at the start of `viewport`, when the lane begins at `lane_start` (both as
/// they stand now) and one loop moves it `loop_px`; `None` when the item
/// already shows. A headline of the list lies within the loop's first half,
/// so the place is its distance from the lane's start: never a place past
/// the end, which would show its twin in the loop copy instead.
pub fn marquee_progress_showing(item: Extent, lane_start: f64, viewport: Extent, loop_px: f64) -> Option<f64> {
    if viewport.shows(item) || loop_px <= 0.0 {
        return None;
    }
    Some(((item.start - lane_start) / loop_px).clamp(0.0, 1.0))
}

/// A horizontal swipe shorter than this is a tap that wobbled.
const SWIPE_MIN_PX: f64 = 30.0;

/// The step a swipe asks of a slide: +1 for the next headline, -1 for the
/// previous, `None` for no swipe (too short, or more vertical than
/// horizontal: a scroll of the page). The next headline comes from where
/// text goes: a swipe towards the start of the line, as a page is turned.
pub fn swipe_step(dx: f64, dy: f64, rtl: bool) -> Option<i64> {
    if dx.abs() < SWIPE_MIN_PX || dx.abs() < 2.0 * dy.abs() {
        return None;
    }
    let towards_start = if rtl { dx > 0.0 } else { dx < 0.0 };
    Some(if towards_start { 1 } else { -1 })
}

#[cfg(test)]
mod tests {
    use super::*;

    const BOX: Extent = Extent { start: 100.0, end: 400.0 };

    #[test]
    fn a_headline_shows_when_wholly_inside_or_when_longer_from_its_start() {
        assert!(BOX.shows(Extent { start: 100.0, end: 400.0 }));
        assert!(BOX.shows(Extent { start: 99.5, end: 250.0 }), "a rounding error is in");
        assert!(!BOX.shows(Extent { start: 350.0, end: 450.0 }), "cut at the end");
        assert!(!BOX.shows(Extent { start: 50.0, end: 150.0 }), "cut at the start");
        assert!(BOX.shows(Extent { start: 100.0, end: 700.0 }), "longer than the box, from its start");
        assert!(!BOX.shows(Extent { start: 80.0, end: 700.0 }));
    }

    #[test]
    fn right_to_left_starts_at_the_right_edge() {
        let viewport = Extent::horizontal(0.0, 300.0, true);
        assert!(!viewport.shows(Extent::horizontal(-20.0, 80.0, true)), "cut at the left, the end");
        assert_eq!(Extent::horizontal(10.0, 50.0, true), Extent { start: -50.0, end: -10.0 });
    }

    #[test]
    fn the_marquee_stands_where_the_headline_begins_in_its_lane() {
        // The lane has moved 300 px on; the headline is 650 px into it.
        let item = Extent { start: 450.0, end: 550.0 };
        assert_eq!(marquee_progress_showing(item, -200.0, BOX, 1000.0), Some(0.65));
        // The first headline, a rounding error before the lane's start, is
        // shown at the start: not its twin at the loop's end.
        let first = Extent { start: -0.4, end: 80.0 };
        assert_eq!(marquee_progress_showing(first, 0.0, BOX, 1000.0), Some(0.0));
        assert_eq!(marquee_progress_showing(Extent { start: 150.0, end: 200.0 }, 0.0, BOX, 1000.0), None);
    }

    #[test]
    fn a_swipe_towards_the_lines_start_is_next_and_a_scroll_is_none() {
        assert_eq!(swipe_step(-80.0, 10.0, false), Some(1));
        assert_eq!(swipe_step(80.0, 10.0, false), Some(-1));
        assert_eq!(swipe_step(80.0, 10.0, true), Some(1), "right to left: the next comes from the left");
        assert_eq!(swipe_step(-80.0, 10.0, true), Some(-1));
        assert_eq!(swipe_step(-20.0, 0.0, false), None, "a tap");
        assert_eq!(swipe_step(-60.0, 50.0, false), None, "a scroll of the page");
    }
}
