// The accessible DOM layer over the canvas: after every frame whose semantic tree changed
// (granice._semanticsChanged), real elements (button, input, h1-h3, p, ul/li, progress, a) are
// kept in step with the widgets ImGui drew, positioned over them and transparent.
//
// Who handles what:
// - Mouse: the layer has pointer-events: none, so mouse events reach the canvas and ImGui (hover,
//   wheel, clicks), and no DOM element sees a real pointer click: nothing fires twice. Text fields
//   are the exception: a click or a tap lands on their <input> (focus inside the tap opens a
//   phone's keyboard), and the wheel over one is passed on to the page.
// - Keyboard and assistive technology: Tab moves DOM focus through the layer (its order is the
//   app's reading order); the app is told (granice_focus) so ImGui draws its focus ring there.
//   Enter/Space or a screen reader's "activate" give a click event on the element, which asks the
//   app to press the widget (granice_activate). When ImGui's focus moves (a click on the canvas,
//   Tab while the canvas has focus), DOM focus follows.
// - A drop-down (tree role combobox) is a native <select>: choosing an option there (arrow keys, a
//   screen reader) picks it in the app (granice_choose). The app's own list, opened with the mouse,
//   stays on the canvas; its rows (role option) have no elements here.
// - A text field's <input> is the editor while it has focus: its selection goes to the app
//   (granice_set_caret), which draws the caret and the selection on the canvas.
// - "current" in the tree (the lesson page shown, the course step) becomes aria-current.
// - A polite live region speaks the tree's "announce"; a new screen title moves focus to its h1.
// No inline script or style attributes in the markup (CSP); element.style from here is allowed.
'use strict';

(function () {
  const granice = window.granice;
  const layer = document.getElementById('a11y');
  const canvas = document.getElementById('canvas');
  if (!granice || !layer || layer.dataset.ready) return;
  layer.dataset.ready = '1';

  const TEXT = {
    pl: { skip: 'Przejdź do treści', log: 'Rozmowa' },
    en: { skip: 'Skip to content', log: 'Conversation' },
  };
  const words = (lang) => TEXT[lang] || TEXT.en;

  // [SECTION] Fixed parts: skip link, live region, the layer itself
  layer.removeAttribute('aria-live');
  const skip = document.createElement('a');
  skip.className = 'skip-link';
  skip.href = '#a11y';
  skip.textContent = TEXT.pl.skip;
  document.body.insertBefore(skip, document.body.firstChild);
  skip.addEventListener('click', (e) => {
    e.preventDefault();
    focusHeading();
  });

  const live = document.createElement('div');
  live.id = 'a11y-live';
  live.className = 'sr-only';
  live.setAttribute('role', 'status');
  live.setAttribute('aria-live', 'polite');
  live.setAttribute('aria-atomic', 'true');
  document.body.appendChild(live);

  // The canvas is aria-hidden: it must not be a Tab stop of its own (the layer is). A click
  // still focuses it, so ImGui keeps getting keys when the mouse put it there.
  if (canvas) canvas.setAttribute('tabindex', '-1');

  // [SECTION] Calls into the app
  const call = (name, types, args) => {
    if (window.Module && Module['_' + name]) Module.ccall(name, null, types, args);
  };
  const activate = (id) => call('granice_activate', ['string'], [String(id)]);
  const focusApp = (id) => call('granice_focus', ['string'], [String(id)]);
  const setText = (id, text) => call('granice_set_text', ['string', 'string'], [String(id), text]);
  const setCaret = (id, anchor, focus) => call('granice_set_caret', ['string', 'number', 'number'],
                                               [String(id), anchor, focus]);
  const choose = (id, index) => call('granice_choose', ['string', 'number'], [String(id), index]);
  const escape = () => call('granice_escape', [], []);
  const scrollBy = (dy) => call('granice_scroll', ['number'], [dy]);
  const appPlace = () => (window.Module && Module._granice_location ? Module.ccall('granice_location', 'string', [], []) : '');
  const navigate = (key) => (window.Module && Module._granice_navigate ? Module.ccall('granice_navigate', 'number', ['string'], [key]) : 0);

  // [SECTION] The on-screen keyboard: a focused field stays visible above it (visualViewport)
  let keyboardField = null;
  function keepAboveKeyboard(el) {
    keyboardField = el;
    const vv = window.visualViewport;
    if (!vv) return;
    const r = el.getBoundingClientRect();
    const bottom = vv.offsetTop + vv.height - 16;
    if (r.bottom > bottom) scrollBy(r.bottom - bottom);
    else if (r.top < vv.offsetTop) scrollBy(r.top - vv.offsetTop - 16);
  }
  if (window.visualViewport) {
    window.visualViewport.addEventListener('resize', () => {
      if (keyboardField && document.activeElement === keyboardField) keepAboveKeyboard(keyboardField);
    });
  }

  // [SECTION] History: one entry per place in the course (CourseSession::Location), so the
  // browser's Back and Forward (and a phone's back gesture) move between the course's screens,
  // and Back from the first one leaves. Inside an LMS frame the entries are the frame's own: the
  // LMS's page is never navigated.
  // Each entry holds its place and its position; an entry that leads nowhere new (a finished
  // quiz's questions reopen as its module, where the learner already is) is skipped in the
  // direction the learner went, so one Back is always one visible step.
  let lastPlace = null;
  let position = 0;              // this entry's index in the course's own history
  let skips = 0;                 // entries skipped in a row (a guard: at most 50)
  function trackPlace() {
    const place = appPlace();
    if (!place || place === lastPlace) return;
    try {
      if (lastPlace === null) history.replaceState({ granice: place, at: position }, '');
      else history.pushState({ granice: place, at: ++position }, '');
    } catch (e) { /* history unavailable (sandboxed frame): Back leaves, as before */ }
    lastPlace = place;
  }
  window.addEventListener('popstate', (e) => {
    const entry = e.state;
    if (!entry || typeof entry.granice !== 'string') return;
    const back = typeof entry.at === 'number' ? entry.at < position : true;
    position = typeof entry.at === 'number' ? entry.at : position;
    if (navigate(entry.granice)) {
      skips = 0;
      lastPlace = appPlace();
      // Where the app went (a fallback: a finished quiz opens its module) is what this entry holds.
      try { history.replaceState({ granice: lastPlace, at: position }, ''); } catch (err) { /* as above */ }
    } else if (skips++ < 50) {
      history.go(back ? -1 : 1);   // nothing new here: on to the next entry the same way
    } else {
      skips = 0;
    }
  });

  // [SECTION] State of the last sync
  const byKey = new Map();       // key -> element
  let tree = { nodes: [] };
  let lastTitle = null;
  let lastAppFocus = '';         // id ImGui reported focused at the last sync
  let lastAnnounce = '';
  let headingSeq = 0;
  let pendingPress = null;       // {id, syncs}: a press waiting for its widget to scroll into view
  let following = false;         // DOM focus is following ImGui's (no request back to the app)

  const isControl = (role) => role === 'button' || role === 'radio' || role === 'checkbox' ||
                              role === 'link' || role === 'textbox' || role === 'combobox';

  function createElement(n) {
    let el;
    switch (n.role) {
      case 'heading': {
        const level = Math.min(Math.max(n.level || 2, 1), 6);
        el = document.createElement('h' + level);
        el.id = 'a11y-h' + (++headingSeq);
        if (level === 1) el.tabIndex = -1;   // focus target on navigation and for the skip link
        break;
      }
      case 'button': el = document.createElement('button'); el.type = 'button'; break;
      case 'radio':
      case 'checkbox':
        // No shared name: every option is its own Tab stop, as in the app (ImGui's Tab order),
        // and arrow keys do not silently change the answer. Position comes from aria-posinset.
        el = document.createElement('input');
        el.type = n.role;
        break;
      case 'textbox':
        el = document.createElement('input');
        el.type = 'text';
        el.spellcheck = false;
        // A tap or a click on the field lands on this input (style.css: pointer-events), so the
        // focus comes inside the tap itself and the phone opens its keyboard.
        el.inputMode = 'text';
        el.enterKeyHint = 'go';   // Enter presses the form's next button (onControlKey)
        el.addEventListener('focus', () => keepAboveKeyboard(el));
        // The wheel over a field scrolls the page, as over the canvas (SDL hears only the canvas).
        el.addEventListener('wheel', (e) => {
          scrollBy(e.deltaY * (e.deltaMode === 1 ? 40 : e.deltaMode === 2 ? window.innerHeight : 1));
          e.preventDefault();
        }, { passive: false });
        break;
      case 'combobox': el = document.createElement('select'); break;
      case 'link': el = document.createElement('a'); el.href = '#'; break;
      case 'progressbar': el = document.createElement('progress'); el.max = 100; break;
      case 'listitem': el = document.createElement('li'); break;
      case 'image': el = document.createElement('div'); el.setAttribute('role', 'img'); break;
      default: el = document.createElement('p');
    }
    el.className = 'a11y-node';
    el.dataset.role = n.role;
    if (n.role === 'combobox') {
      // No click handler: a click (a screen reader's default action) opens the native list, and
      // choosing there is a change. The app's own list is for the mouse.
      el.addEventListener('change', onChoose);
    } else if (isControl(n.role)) {
      el.addEventListener('click', onClick);
      el.addEventListener('keydown', onControlKey);
    }
    if (n.role === 'textbox') {
      el.addEventListener('input', () => {
        setText(el.dataset.id, el.value);
        reportCaret(el);
      });
      // The caret moves without input too (arrows, Home/End, selecting): report it after the key.
      const later = () => setTimeout(() => reportCaret(el), 0);
      el.addEventListener('keydown', later);
      el.addEventListener('keyup', () => reportCaret(el));
      el.addEventListener('select', () => reportCaret(el));
      el.addEventListener('selectionchange', () => reportCaret(el));
      el.addEventListener('focus', () => reportCaret(el));
      // Focus moved on: no caret. The window losing focus (another app, a screenshot) keeps it:
      // the input is still the page's active element and gets the keys back on return.
      el.addEventListener('blur', () => setTimeout(() => reportCaret(el), 0));
    }
    return el;
  }

  function updateElement(el, n) {
    el.dataset.id = n.id || '';
    const r = n.rect || { x: 0, y: 0, width: 0, height: 0 };
    const box = `${r.x},${r.y},${r.width},${r.height}`;
    if (el.dataset.box !== box) {
      el.dataset.box = box;
      el.style.left = r.x + 'px';
      el.style.top = r.y + 'px';
      el.style.width = Math.max(r.width, 1) + 'px';
      el.style.height = Math.max(r.height, 1) + 'px';
    }
    const name = n.name || '';
    if (n.current) {
      if (el.getAttribute('aria-current') !== n.current) el.setAttribute('aria-current', n.current);
    } else if (el.hasAttribute('aria-current')) {
      el.removeAttribute('aria-current');
    }
    switch (n.role) {
      case 'radio':
      case 'checkbox':
        if (el.getAttribute('aria-label') !== name) el.setAttribute('aria-label', name);
        el.checked = !!n.checked;
        el.disabled = !!n.disabled;
        break;
      case 'textbox':
        if (el.getAttribute('aria-label') !== name) el.setAttribute('aria-label', name);
        if (document.activeElement !== el && el.value !== (n.value || '')) el.value = n.value || '';
        // The purpose the app gives (WCAG 1.3.5: "name" on the learner's name); the trainer's
        // search and date fields get none, so the browser offers no names there.
        if (el.autocomplete !== (n.autocomplete || 'off')) el.autocomplete = n.autocomplete || 'off';
        break;
      case 'progressbar': {
        if (el.getAttribute('aria-label') !== name) el.setAttribute('aria-label', name);
        const v = Math.round(parseFloat(n.value || '0') * 100);
        if (el.value !== v) el.value = v;
        if (el.textContent !== name) el.textContent = name;
        break;
      }
      case 'image':
        if (el.getAttribute('aria-label') !== name) el.setAttribute('aria-label', name);
        break;
      case 'link':
        if (el.textContent !== name) el.textContent = name;
        if (n.disabled) el.setAttribute('aria-disabled', 'true'); else el.removeAttribute('aria-disabled');
        break;
      case 'button':
        if (el.textContent !== name) el.textContent = name;
        el.disabled = !!n.disabled;
        break;
      case 'combobox':
        if (el.getAttribute('aria-label') !== name) el.setAttribute('aria-label', name);
        updateOptions(el, n);
        el.disabled = !!n.disabled;
        break;
      default:
        if (el.textContent !== name) el.textContent = name;
    }
  }

  // A drop-down's <option>s: its choices (value = index in the app's list), and while nothing is
  // chosen a disabled placeholder showing the app's prompt ("Choose a match").
  function updateOptions(el, n) {
    const options = n.options || [];
    const selected = typeof n.selected === 'number' ? n.selected : -1;
    const placeholder = selected < 0 ? (n.value || '') : null;
    const signature = JSON.stringify([placeholder, options]);
    if (el.dataset.options !== signature) {
      el.dataset.options = signature;
      el.textContent = '';
      if (placeholder !== null) {
        const o = document.createElement('option');
        o.value = '-1';
        o.disabled = true;
        o.textContent = placeholder;
        el.appendChild(o);
      }
      options.forEach((text, i) => {
        const o = document.createElement('option');
        o.value = String(i);
        o.textContent = text;
        el.appendChild(o);
      });
    }
    const want = String(selected < 0 ? -1 : selected);
    if (el.value !== want) el.value = want;
  }

  // A group's container: radio options -> radiogroup, list items -> ul, the role-play -> log.
  function createContainer(kind, lang) {
    let el;
    if (kind === 'list') {
      el = document.createElement('ul');
    } else {
      el = document.createElement('div');
      el.setAttribute('role', kind === 'log' ? 'log' : kind === 'radios' ? 'radiogroup' : 'group');
      // The new client line is spoken once, by the live region: the log itself stays quiet.
      if (kind === 'log') el.setAttribute('aria-live', 'off');
    }
    el.className = 'a11y-group';
    if (kind === 'log') el.setAttribute('aria-label', words(lang).log);
    return el;
  }

  // Group names are either internal ids ("q-m1-2", "replies") or words a person reads
  // ("Rozmiar tekstu", a matching question's left-hand item).
  const readableName = (g) => !/^[a-z0-9_.:-]+$/.test(g);

  // Keeps `parent`'s children equal to `wanted` without moving elements already in place
  // (moving the focused element out of the DOM would drop its focus).
  function placeChildren(parent, wanted) {
    const keep = new Set(wanted);
    for (const child of Array.from(parent.children)) if (!keep.has(child)) parent.removeChild(child);
    let ref = parent.firstElementChild;
    for (const el of wanted) {
      if (el === ref) { ref = ref.nextElementSibling; continue; }
      parent.insertBefore(el, ref);
    }
  }

  // [SECTION] The sync: tree -> DOM, incrementally (elements are matched by id, else role+name)
  function sync() {
    const screen = granice.screen();
    if (!screen || !screen.nodes) return;
    const prevActive = document.activeElement;
    const prevActiveInLayer = prevActive && layer.contains(prevActive);
    const prevBox = prevActiveInLayer ? prevActive.getBoundingClientRect() : null;
    tree = screen;
    const lang = screen.lang || 'pl';

    const counts = new Map();
    const used = new Set();
    const top = [];
    let current = null;       // {group, kind, el, children, occurrence}
    const groupCounts = new Map();
    let lastHeading = null;
    let focusedEl = null;
    const nodes = screen.nodes;

    const flush = () => {
      if (!current) return;
      placeChildren(current.el, current.children);
      top.push(current.el);
      current = null;
    };

    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i];
      if (n.role === 'option') continue;   // the app's own drop-down list: the <select> has them
      const base = n.role + '|' + (n.id ? '#' + n.id : (n.level || 0) + '|' + n.name);
      const c = counts.get(base) || 0;
      counts.set(base, c + 1);
      const key = c ? base + '|' + c : base;
      let el = byKey.get(key);
      if (!el) {
        el = createElement(n);
        byKey.set(key, el);
      }
      el.dataset.key = key;
      used.add(key);
      updateElement(el, n);
      // While the app's own drop-down list is open (the mouse opened it) the canvas keeps the keys.
      if (n.focused && !(n.role === 'combobox' && n.expanded)) focusedEl = el;

      const group = n.group || '';
      if (!group) {
        flush();
        top.push(el);
      } else {
        if (!current || current.group !== group) {
          flush();
          // What kind of container: look at the whole run of nodes in this group.
          let j = i;
          let radios = false;
          let allItems = true;
          while (j < nodes.length && nodes[j].group === group) {
            if (nodes[j].role === 'radio') radios = true;
            if (nodes[j].role !== 'listitem') allItems = false;
            j++;
          }
          const kind = group === 'conversation' ? 'log' : allItems ? 'list' : radios ? 'radios' : 'group';
          const gbase = 'group|' + kind + '|' + group;
          const gc = groupCounts.get(gbase) || 0;
          groupCounts.set(gbase, gc + 1);
          const gkey = gbase + '|' + gc;
          let gel = byKey.get(gkey);
          if (!gel) {
            gel = createContainer(kind, lang);
            byKey.set(gkey, gel);
          }
          used.add(gkey);
          if (kind !== 'log' && kind !== 'list') {
            if (readableName(group)) {
              gel.setAttribute('aria-label', group);
              gel.removeAttribute('aria-labelledby');
            } else if (lastHeading) {
              gel.setAttribute('aria-labelledby', lastHeading.id);
              gel.removeAttribute('aria-label');
            }
          } else if (kind === 'log') {
            gel.setAttribute('aria-label', words(lang).log);
          }
          current = { group, el: gel, children: [] };
          // Options of a radio group: "2 of 4" for screen readers (no shared input name).
          let pos = 0;
          const size = nodes.slice(i, j).filter((m) => m.role === 'radio').length;
          current.radioSize = size;
          current.radioPos = () => ++pos;
        }
        current.children.push(el);
        if (n.role === 'radio') {
          el.setAttribute('aria-posinset', String(current.radioPos()));
          el.setAttribute('aria-setsize', String(current.radioSize));
        }
      }
      if (n.role === 'heading') lastHeading = el;
    }
    flush();

    for (const key of Array.from(byKey.keys())) {
      if (used.has(key)) continue;
      const gone = byKey.get(key);
      if (gone.dataset.role === 'textbox') reportCaret(gone, true);   // removed while focused: no blur
      byKey.delete(key);
    }
    placeChildren(layer, top);

    // [SECTION] Language, title, focus, history
    trackPlace();
    if (layer.lang !== lang) layer.lang = lang;
    if (document.documentElement.lang !== lang) document.documentElement.lang = lang;
    if (skip.textContent !== words(lang).skip) skip.textContent = words(lang).skip;

    const appFocus = focusedEl ? focusedEl.dataset.id : '';
    const active = document.activeElement;
    const focusFree = !active || active === document.body || active === canvas || layer.contains(active) ||
                      active === skip;
    if (lastTitle === null) {
      lastTitle = screen.title;            // first frame: leave focus where the page put it
    } else if (screen.title !== lastTitle) {
      lastTitle = screen.title;
      if (focusFree) focusHeading();       // a new screen: its heading is read first
    } else if (appFocus && appFocus !== lastAppFocus && focusedEl && active !== focusedEl && focusFree) {
      // ImGui's focus moved (mouse, Tab on the canvas): DOM focus follows, without echoing it
      // back (focusin) as a request. The app has that focus already, and a request acts like
      // keyboard navigation (it turns mouse hover off until the mouse moves), so a click whose
      // release came a frame after its press was lost: most clicks of a person, whose button
      // stays down for several frames.
      following = true;
      try { focusedEl.focus({ preventScroll: true }); } finally { following = false; }
    } else if (prevActiveInLayer && !prevActive.isConnected) {
      // The focused control went away on the same screen (Submit -> Next question): focus the
      // control that took its place, so keyboard users are not sent back to the top.
      const next = nearestControl(prevBox);
      if (next) {
        next.focus({ preventScroll: true });
        if (next.dataset.id) focusApp(next.dataset.id);
      } else {
        focusHeading();
      }
    }
    lastAppFocus = appFocus;
    markRing();
    if (pendingPress) {
      const target = screen.nodes.find((n) => n.id === pendingPress.id);
      const visible = target && target.rect.y + target.rect.height > 0 && target.rect.y < window.innerHeight;
      if (!target || visible || ++pendingPress.syncs > 3) {
        const id = pendingPress.id;
        pendingPress = null;
        if (target) activate(id);
      }
    }

    // [SECTION] Live region
    const announce = screen.announce || '';
    if (announce !== lastAnnounce) {
      lastAnnounce = announce;
      if (announce) {
        // Clear first, so the same words said twice in a row are spoken twice.
        live.textContent = '';
        setTimeout(() => { live.textContent = announce; }, 30);
      }
    }
  }

  function nearestControl(box) {
    let best = null;
    let bestD = Infinity;
    for (const el of layer.querySelectorAll('button, input, select, a')) {
      if (el.disabled) continue;
      const r = el.getBoundingClientRect();
      const d = box ? Math.hypot(r.left - box.left, r.top - box.top) : 0;
      if (d < bestD) { bestD = d; best = el; }
    }
    return best;
  }

  function focusHeading() {
    const h1 = layer.querySelector('h1') || layer.querySelector('h2');
    if (h1) {
      if (!h1.hasAttribute('tabindex')) h1.tabIndex = -1;
      h1.focus({ preventScroll: true });
    }
  }

  // ImGui draws the focus ring (theme focus colour, >= 3:1). When the app has not (yet) put its
  // focus on the element that has DOM focus, the layer draws a black-and-white ring itself.
  function markRing() {
    const active = document.activeElement;
    for (const el of layer.querySelectorAll('.a11y-ring')) if (el !== active) el.classList.remove('a11y-ring');
    if (active && layer.contains(active) && active.classList.contains('a11y-node') && isControl(active.dataset.role)) {
      const node = tree.nodes.find((n) => n.id && n.id === active.dataset.id);
      active.classList.toggle('a11y-ring', !(node && node.focused));
    }
  }

  // [SECTION] Events from the layer
  // The <select> of a drop-down changed (arrow keys, a screen reader, the native list).
  function onChoose(e) {
    const el = e.currentTarget;
    const index = parseInt(el.value, 10);
    if (el.disabled || !el.dataset.id || !(index >= 0)) return;
    if (el.dataset.id !== lastAppFocus) focusApp(el.dataset.id);
    choose(el.dataset.id, index);
  }

  // A text field's selection (caret = its moving end), to the app, which draws it; only changes
  // are sent. `gone`: the field lost focus (or left the page), the app stops drawing a caret.
  let caretSent = '';
  function reportCaret(el, gone) {
    const id = el.dataset.id;
    if (!id) return;
    let anchor = -1;
    let focus = -1;
    if (!gone && document.activeElement === el) {
      const start = el.selectionStart == null ? el.value.length : el.selectionStart;
      const end = el.selectionEnd == null ? start : el.selectionEnd;
      const backward = el.selectionDirection === 'backward';
      anchor = backward ? end : start;
      focus = backward ? start : end;
    }
    const sent = id + ':' + anchor + ':' + focus;
    if (sent === caretSent || (anchor < 0 && !caretSent.startsWith(id + ':'))) return;
    caretSent = anchor < 0 ? '' : sent;
    setCaret(id, anchor, focus);
  }
  document.addEventListener('selectionchange', () => {
    const el = document.activeElement;
    if (el && layer.contains(el) && el.dataset.role === 'textbox') reportCaret(el);
  });

  function onClick(e) {
    e.preventDefault();   // the app decides the state (a radio's checked, a link's target)
    const el = e.currentTarget;
    if (el.disabled || el.getAttribute('aria-disabled') === 'true' || !el.dataset.id) return;
    if (el.dataset.role === 'textbox') return;
    // Focus first: the app scrolls the widget into view and its focus ring shows what was
    // pressed. A widget off screen is pressed once it is scrolled into view (ImGui does not run
    // clipped widgets: a drop-down off screen would not open).
    if (el.dataset.id !== lastAppFocus) focusApp(el.dataset.id);
    const r = el.getBoundingClientRect();
    if (r.bottom <= 0 || r.top >= window.innerHeight) {
      pendingPress = { id: el.dataset.id, syncs: 0 };
      return;
    }
    activate(el.dataset.id);
  }

  function onControlKey(e) {
    const el = e.currentTarget;
    if (e.key !== 'Enter' || e.altKey || e.ctrlKey || e.metaKey) return;
    if (el.dataset.role === 'radio' || el.dataset.role === 'checkbox') {
      // The app presses the focused widget on Enter; native radios would ignore it.
      e.preventDefault();
      if (!el.disabled) activate(el.dataset.id);
    } else if (el.dataset.role === 'textbox') {
      // Enter in a text field presses the form's next button (the name prompt's "Continue").
      e.preventDefault();
      setText(el.dataset.id, el.value);
      const idx = tree.nodes.findIndex((n) => n.id === el.dataset.id);
      const next = tree.nodes.slice(idx + 1).find((n) => n.role === 'button' && n.id);
      if (next) activate(next.id);
    }
  }

  layer.addEventListener('keydown', (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const role = e.target.dataset && e.target.dataset.role;
    const typing = role === 'textbox';
    // A drop-down's <select> uses arrows, Home/End, PageUp/PageDown and Space itself.
    if (role === 'combobox' && e.key !== 'Escape') return;
    const page = Math.max(window.innerHeight * 0.8, 100);
    let dy = 0;
    switch (e.key) {
      case 'Escape': escape(); e.preventDefault(); return;
      case 'PageDown': dy = page; break;
      case 'PageUp': dy = -page; break;
      case 'ArrowDown': if (!typing) dy = 40; break;
      case 'ArrowUp': if (!typing) dy = -40; break;
      case 'Home': if (!typing) dy = -1e6; break;
      case 'End': if (!typing) dy = 1e6; break;
      case ' ': if (!isControl(e.target.dataset && e.target.dataset.role)) dy = e.shiftKey ? -page : page; break;
      default: return;
    }
    if (dy) {
      e.preventDefault();
      scrollBy(dy);
    }
  });

  // DOM focus moved by Tab (or a screen reader): the app's focus follows, so its ring is there.
  document.addEventListener('focusin', (e) => {
    const el = e.target;
    if (following) {
      // sync() moved DOM focus to where ImGui's focus already is
    } else if (layer.contains(el) && el.classList.contains('a11y-node') && el.dataset.id && isControl(el.dataset.role)) {
      if (el.dataset.id !== lastAppFocus) focusApp(el.dataset.id);
    } else if (el !== canvas && lastAppFocus) {
      focusApp('');   // focus left the widgets (skip link, a heading): ImGui shows no ring
    }
    markRing();
  });

  // The layer never scrolls itself (the app scrolls); undo any scroll a focus change caused.
  layer.addEventListener('scroll', () => { layer.scrollTop = 0; layer.scrollLeft = 0; });
  window.addEventListener('scroll', () => { if (window.scrollX || window.scrollY) window.scrollTo(0, 0); });

  // [SECTION] Hook the app: re-sync once per changed frame (after the frame, not inside it)
  let queued = false;
  const previous = granice._semanticsChanged;
  granice._semanticsChanged = function () {
    if (typeof previous === 'function') previous.apply(this, arguments);
    if (queued) return;
    queued = true;
    queueMicrotask(() => { queued = false; sync(); });
  };
  granice.a11ySync = sync;   // for tests
  if (window.Module && Module._granice_semantics) sync();
})();
