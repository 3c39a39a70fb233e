// Touch in the shell (app/shell.h): the page follows a finger, a flick slows down and stops at an
// end, a finger at an end stop changes nothing (so no frame is drawn), a pinch picks a text size.
#include <catch2/catch.hpp>

#include <cmath>

#include "app/shell.h"

using namespace granice;

TEST_CASE("touch: a flick goes on with momentum and slows down like a phone's list", "[touch]") {
  app::Fling f;
  f.velocity = 2000.0f;   // CSS px per second
  float travelled = 0.0f;
  int frames = 0;
  float last_step = 1e9f;
  while (f.active() && frames < 1000) {
    const float step = f.Step(1.0f / 60.0f);
    CHECK(step > 0.0f);
    CHECK(step <= last_step);   // never speeds up
    last_step = step;
    travelled += step;
    ++frames;
  }
  CHECK_FALSE(f.active());
  // 0.998 per ms: about velocity x 0.5 s in all, over about 2.5 s at 60 frames a second.
  CHECK(travelled == Approx(1000.0f).epsilon(0.03));
  CHECK(frames > 100);
  CHECK(frames < 250);
  // A late frame does not jump: at most 1/30 s of travel at a time.
  app::Fling g;
  g.velocity = -3000.0f;
  const float step = g.Step(5.0f);
  CHECK(step < 0.0f);
  CHECK(std::fabs(step) <= 3000.0f / 30.0f);
}

TEST_CASE("touch: the page follows a finger within its ends, and at an end a finger changes nothing", "[touch]") {
  app::Shell s;
  s.scroll_y = 100.0f;
  s.scroll_max = 400.0f;
  CHECK(app::ScrollRoom(s, 50.0f) == 50.0f);
  CHECK(app::TouchScroll(s, 50.0f));
  CHECK(s.scroll_by == 50.0f);
  CHECK(app::TouchScroll(s, 1000.0f));   // up to the end, not past it
  CHECK(s.scroll_by == 300.0f);
  CHECK_FALSE(app::TouchScroll(s, 10.0f));   // at the end stop: nothing to do, nothing to draw
  CHECK(app::TouchScroll(s, -20.0f));
  CHECK(s.scroll_by == 280.0f);

  app::Shell fits;   // a page that fits the screen
  fits.theme_dirty = false;
  CHECK_FALSE(app::TouchScroll(fits, 30.0f));
  CHECK_FALSE(app::TouchFling(fits, 2500.0f));
  CHECK_FALSE(app::HasPendingInput(fits));

  app::Shell top;
  top.theme_dirty = false;
  top.scroll_max = 800.0f;
  CHECK_FALSE(app::TouchFling(top, -2000.0f));   // at the top, a flick upwards does nothing
  CHECK(app::TouchFling(top, 2000.0f));
  CHECK(app::HasPendingInput(top));              // frames while it moves
  CHECK(app::TouchScroll(top, 5.0f));
  CHECK_FALSE(top.fling.active());               // a finger on the page stops a flick
}

TEST_CASE("touch: a pinch picks the nearest text size the Settings screen offers", "[touch]") {
  app::Shell s;
  s.theme_dirty = false;
  CHECK(app::PinchTextScale(s, 1.0f, 1.3f));
  CHECK(s.settings.text_scale == 1.25f);
  CHECK(s.theme_dirty);
  s.theme_dirty = false;
  CHECK_FALSE(app::PinchTextScale(s, 1.0f, 1.2f));   // still 1.25: no change, no new fonts
  CHECK_FALSE(s.theme_dirty);
  CHECK(app::PinchTextScale(s, 1.25f, 4.0f));
  CHECK(s.settings.text_scale == 2.0f);              // at most 200 %
  CHECK(app::PinchTextScale(s, 2.0f, 0.1f));
  CHECK(s.settings.text_scale == 1.0f);              // at least 100 %
  CHECK_FALSE(app::PinchTextScale(s, 1.0f, std::nanf("")));
  CHECK_FALSE(app::PinchTextScale(s, 1.0f, -1.0f));
}

TEST_CASE("touch: a flick runs on, frame after frame, until it slows down or meets an end", "[touch]") {
  // Frame by frame, cut at the ends (float rounding is not an end).
  app::Shell s;
  s.scroll_y = 137.3f;
  s.scroll_max = 5000.0f;
  REQUIRE(app::TouchFling(s, 1667.0f));
  int frames = 0;
  auto frame = [&s] {   // as DrawFrame: the flick's step, then the page scrolled by it
    app::FlingFrame(s, 1.0f / 60.0f);
    s.scroll_y += s.scroll_by;
    s.scroll_by = 0.0f;
  };
  while (s.fling.active() && frames < 1000) {
    frame();
    ++frames;
  }
  CHECK(s.scroll_y - 137.3f == Approx(1667.0f * 0.4995f).epsilon(0.03));
  CHECK(frames > 60);
  s.scroll_max = s.scroll_y + 100.0f;   // an end 100 px away
  REQUIRE(app::TouchFling(s, 3000.0f));
  const float start = s.scroll_y;
  while (s.fling.active()) frame();
  CHECK(s.scroll_y - start == Approx(100.0f));
}
