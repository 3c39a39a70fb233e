// LMS profiles for the test LMS page (lms.js): how real LMSes answer the SCORM API, written from
// their documented behaviour (no LMS code copied), so the course is tested against more than
// scorm-again. No DOM in here: the classes are unit tested in Node (profiles.unit.js).
//   check(version, element, value, types)   the spec checker lms.js records problems with
//   METHODS[12 | 2004]                       the API method name for each role
//   new MoodleLike({ version, store, launch, options }), MoodleLike.nextLaunch(store, version, opts)
//   new Permissive({ version })
// Loaded by index.html before lms.js (window.LmsProfiles) and by require() in Node.
'use strict';
(function () {
  // [SECTION] The spec checker: formats, vocabularies and limits of the values a course sends
  const VOCAB12 = { status: ['passed', 'completed', 'failed', 'incomplete', 'browsed', 'not attempted'],
    exit: ['', 'time-out', 'suspend', 'logout'],
    types: ['true-false', 'choice', 'fill-in', 'matching', 'performance', 'likert', 'sequencing', 'numeric'],
    result: ['correct', 'wrong', 'unanticipated', 'neutral'] };
  const VOCAB04 = { completion: ['completed', 'incomplete', 'not attempted', 'unknown'], success: ['passed', 'failed', 'unknown'],
    exit: ['', 'time-out', 'suspend', 'logout', 'normal'],
    types: ['true-false', 'choice', 'fill-in', 'long-fill-in', 'matching', 'performance', 'sequencing', 'likert', 'numeric', 'other'],
    result: ['correct', 'incorrect', 'unanticipated', 'neutral'] };
  const DEC = /^-?\d+(\.\d+)?$/;
  const SPAN12 = /^\d{2,4}:[0-5]\d:[0-5]\d(\.\d{1,2})?$/;
  const TIME12 = /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,2})?$/;
  const DUR = /^P(?:\d+Y)?(?:\d+M)?(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d{1,2})?S)?)?$/;
  const STAMP = /^(19[7-9]\d|20[0-2]\d|203[0-8])-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,2})?(Z|[+-]\d{2}(:\d{2})?)?$/;
  const ID12 = /^[A-Za-z0-9_.-]{1,255}$/;
  const RESPONSE = /^(student_response|learner_response|correct_responses\.\d+\.pattern)$/;
  const chars = (s) => Array.from(s).length;
  const num = (s, lo, hi) => DEC.test(s) && Number(s) >= lo && Number(s) <= hi;
  const shortIds = (s, pairs) => {
    const parts = s.split('[,]');
    if (new Set(parts).size !== parts.length) return false;
    return parts.every((p) => pairs ? /^[^\s[\]]{1,250}\[\.\][^\s[\]]{1,250}$/.test(p) : /^[^\s[\]]{1,250}$/.test(p));
  };

  // Why value x does not fit element n ('' when it fits); null when no rule covers the element.
  // type: the interaction's type, for its responses.
  function formatError(v, n, x, type) {
    const ok = (c, why) => (c ? '' : why);
    if (v === 12) {
      if (n === 'cmi.core.lesson_status') return ok(VOCAB12.status.includes(x), 'vocabulary');
      if (/^cmi\.core\.score\.(raw|min|max)$/.test(n)) return ok(num(x, 0, 100), 'CMIDecimal 0..100');
      if (n === 'cmi.core.lesson_location') return ok(x.length <= 255, 'over 255');
      if (n === 'cmi.suspend_data') return ok(x.length <= 4096, 'over 4096');
      if (n === 'cmi.core.exit') return ok(VOCAB12.exit.includes(x), 'vocabulary');
      if (n === 'cmi.core.session_time') return ok(SPAN12.test(x), 'CMITimespan');
    } else {
      if (n === 'cmi.completion_status') return ok(VOCAB04.completion.includes(x), 'vocabulary');
      if (n === 'cmi.success_status') return ok(VOCAB04.success.includes(x), 'vocabulary');
      if (n === 'cmi.score.scaled') return ok(num(x, -1, 1), '-1..1');
      if (/^cmi\.score\.(raw|min|max)$/.test(n)) return ok(num(x, 0, 100), '0..100');
      if (n === 'cmi.progress_measure') return ok(num(x, 0, 1), '0..1');
      if (n === 'cmi.location') return ok(chars(x) <= 1000, 'over 1000');
      if (n === 'cmi.suspend_data') return ok(chars(x) <= 64000, 'over 64000');
      if (n === 'cmi.exit') return ok(VOCAB04.exit.includes(x), 'vocabulary');
      if (n === 'cmi.session_time') return ok(DUR.test(x) && x !== 'P' && !x.endsWith('T'), 'timeinterval');
    }
    const m = /^cmi\.(objectives|interactions)\.(\d+)\.(.+)$/.exec(n);
    if (!m) return null;
    const [, kind, , f] = m;
    if (kind === 'objectives') {
      if (f === 'id') return ok(v === 12 ? ID12.test(x) : /^\S{1,4000}$/.test(x), 'identifier');
      if (/^score\.(raw|min|max)$/.test(f)) return ok(num(x, 0, 100), '0..100');
      if (v === 12 && f === 'status') return ok(VOCAB12.status.includes(x), 'vocabulary');
      if (v === 2004 && f === 'score.scaled') return ok(num(x, -1, 1), '-1..1');
      if (v === 2004 && f === 'success_status') return ok(VOCAB04.success.includes(x), 'vocabulary');
      if (v === 2004 && f === 'completion_status') return ok(VOCAB04.completion.includes(x), 'vocabulary');
      return null;
    }
    if (f === 'id') return ok(v === 12 ? ID12.test(x) : /^\S{1,4000}$/.test(x), 'identifier');
    if (f === 'type') return ok((v === 12 ? VOCAB12 : VOCAB04).types.includes(x), 'vocabulary');
    if (f === 'objectives.0.id') return ok(ID12.test(x), 'identifier');
    if (f === 'time') return ok(v === 12 && TIME12.test(x), 'CMITime');
    if (f === 'timestamp') return ok(v === 2004 && STAMP.test(x), 'time(second,10,0)');
    if (f === 'weighting') return ok(DEC.test(x), 'decimal');
    if (f === 'latency') return ok(v === 12 ? SPAN12.test(x) : DUR.test(x), 'latency');
    if (f === 'result') return ok((v === 12 ? VOCAB12 : VOCAB04).result.includes(x), 'vocabulary');
    if (f === 'description') return ok(v === 2004 && /^\{lang=[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*\}/.test(x) &&
                                       chars(x.slice(x.indexOf('}') + 1)) <= 250, 'localized_string_type');
    if (RESPONSE.test(f)) {
      if (!type) return 'set before the interaction type';
      if (v === 12) {
        if (type === 'true-false') return ok(['0', '1', 't', 'f'].includes(x), 'true-false');
        if (type === 'choice' || type === 'sequencing') return ok(/^[0-9a-z](,[0-9a-z])*$/.test(x), '1.2 choice/sequencing');
        if (type === 'matching') return ok(/^[0-9a-z]\.[0-9a-z](,[0-9a-z]\.[0-9a-z])*$/.test(x), '1.2 matching');
        if (type === 'performance') return ok(x.length <= 255, 'CMIString255');
      } else {
        if (type === 'true-false') return ok(x === 'true' || x === 'false', 'true-false');
        if (type === 'choice' || type === 'sequencing') return ok(shortIds(x, false), '2004 choice/sequencing');
        if (type === 'matching') return ok(shortIds(x, true), '2004 matching');
        if (type === 'other') return ok(chars(x) <= 4000, 'characterstring');
      }
    }
    return null;
  }

  // lms.js's checker: '' when the value is what the spec allows for the element, else why not.
  // types (index → interaction type) is filled from the SetValue calls it sees.
  function check(v, n, x, types) {
    const i = /^cmi\.interactions\.(\d+)\.(.+)$/.exec(n);
    if (i && i[2] === 'type') types[i[1]] = x;
    const why = formatError(v, n, x, i ? types[i[1]] : undefined);
    return why === '' ? '' : `${n} = "${String(x).slice(0, 80)}": ${why === null ? 'unexpected element' : why}`;
  }

  // [SECTION] API shape shared by the profiles
  const METHODS = {
    12: { init: 'LMSInitialize', finish: 'LMSFinish', get: 'LMSGetValue', set: 'LMSSetValue', commit: 'LMSCommit',
          err: 'LMSGetLastError', str: 'LMSGetErrorString', diag: 'LMSGetDiagnostic' },
    2004: { init: 'Initialize', finish: 'Terminate', get: 'GetValue', set: 'SetValue', commit: 'Commit',
            err: 'GetLastError', str: 'GetErrorString', diag: 'GetDiagnostic' },
  };
  // Gives obj the 8 API methods of its version, each calling obj's method named by its role.
  function exposeApi(obj, version) {
    for (const [role, name] of Object.entries(METHODS[version])) obj[name] = (...args) => obj[role](...args);
  }

  const ERRORS = {
    12: { 0: 'No error', 101: 'General exception', 201: 'Invalid argument error', 301: 'Not initialized',
          401: 'Not implemented error', 402: 'Invalid set value, element is a keyword', 403: 'Element is read only',
          404: 'Element is write only', 405: 'Incorrect data type' },
    2004: { 0: 'No Error', 101: 'General Exception', 103: 'Already Initialized', 104: 'Content Instance Terminated',
            112: 'Termination Before Initialization', 113: 'Termination After Termination',
            122: 'Retrieve Data Before Initialization', 123: 'Retrieve Data After Termination',
            132: 'Store Data Before Initialization', 133: 'Store Data After Termination',
            142: 'Commit Before Initialization', 143: 'Commit After Termination', 201: 'General Argument Error',
            301: 'General Get Failure', 351: 'General Set Failure', 391: 'General Commit Failure',
            401: 'Undefined Data Model Element', 404: 'Data Model Element Is Read Only',
            405: 'Data Model Element Is Write Only', 406: 'Data Model Element Type Mismatch',
            408: 'Data Model Dependency Not Established' },
  };

  // [SECTION] Data model: the elements, who may read or write them, what an unset one reads as
  // [pattern ('n' = an array index), access r | w | rw, value read when the client holds none]
  const MODEL = {
    12: [
      ['cmi._version', 'r', '3.4'],
      ['cmi.core._children', 'r',
       'student_id,student_name,lesson_location,credit,lesson_status,entry,score,total_time,lesson_mode,exit,session_time'],
      ['cmi.core.(student_id|student_name|credit|entry|total_time|lesson_mode)', 'r'],
      ['cmi.core.lesson_location', 'rw'], ['cmi.core.lesson_status', 'rw', 'not attempted'],
      ['cmi.core.score._children', 'r', 'raw,min,max'], ['cmi.core.score.(raw|min|max)', 'rw'],
      ['cmi.core.(exit|session_time)', 'w'],
      ['cmi.suspend_data', 'rw'], ['cmi.launch_data', 'r'], ['cmi.comments', 'rw'], ['cmi.comments_from_lms', 'r'],
      ['cmi.objectives._children', 'r', 'id,score,status'], ['cmi.objectives._count', 'r'],
      ['cmi.objectives.n.id', 'rw'], ['cmi.objectives.n.score._children', 'r', 'raw,min,max'],
      ['cmi.objectives.n.score.(raw|min|max)', 'rw'], ['cmi.objectives.n.status', 'rw', 'not attempted'],
      ['cmi.student_data._children', 'r', 'mastery_score,max_time_allowed,time_limit_action'],
      ['cmi.student_data.(mastery_score|max_time_allowed|time_limit_action)', 'r'],
      ['cmi.student_preference._children', 'r', 'audio,language,speed,text'],
      ['cmi.student_preference.(audio|language|speed|text)', 'rw'],
      ['cmi.interactions._children', 'r', 'id,objectives,time,type,correct_responses,weighting,student_response,result,latency'],
      ['cmi.interactions._count', 'r'],
      ['cmi.interactions.n.(id|time|type|weighting|student_response|result|latency)', 'w'],
      ['cmi.interactions.n.objectives._count', 'r'], ['cmi.interactions.n.objectives.n.id', 'w'],
      ['cmi.interactions.n.correct_responses._count', 'r'], ['cmi.interactions.n.correct_responses.n.pattern', 'w'],
    ],
    2004: [
      ['cmi._version', 'r', '1.0'],
      ['cmi.comments_from_learner._children', 'r', 'comment,location,timestamp'], ['cmi.comments_from_learner._count', 'r'],
      ['cmi.comments_from_learner.n.(comment|location|timestamp)', 'rw'],
      ['cmi.comments_from_lms._children', 'r', 'comment,location,timestamp'], ['cmi.comments_from_lms._count', 'r'],
      ['cmi.comments_from_lms.n.(comment|location|timestamp)', 'r'],
      ['cmi.(completion_status|success_status)', 'rw', 'unknown'],
      ['cmi.(completion_threshold|credit|entry|launch_data|learner_id|learner_name|max_time_allowed|mode)', 'r'],
      ['cmi.(scaled_passing_score|time_limit_action|total_time)', 'r'],
      ['cmi.(exit|session_time)', 'w'],
      ['cmi.interactions._children', 'r',
       'id,type,objectives,timestamp,correct_responses,weighting,learner_response,result,latency,description'],
      ['cmi.interactions._count', 'r'],
      ['cmi.interactions.n.(id|type|timestamp|weighting|learner_response|result|latency|description)', 'rw'],
      ['cmi.interactions.n.objectives._count', 'r'], ['cmi.interactions.n.objectives.n.id', 'rw'],
      ['cmi.interactions.n.correct_responses._count', 'r'], ['cmi.interactions.n.correct_responses.n.pattern', 'rw'],
      ['cmi.learner_preference._children', 'r', 'audio_level,language,delivery_speed,audio_captioning'],
      ['cmi.learner_preference.(audio_level|language|delivery_speed|audio_captioning)', 'rw'],
      ['cmi.(location|progress_measure|suspend_data)', 'rw'],
      ['cmi.objectives._children', 'r', 'id,score,success_status,completion_status,progress_measure,description'],
      ['cmi.objectives._count', 'r'], ['cmi.objectives.n.id', 'rw'],
      ['cmi.objectives.n.score._children', 'r', 'scaled,raw,min,max'], ['cmi.objectives.n.score.(scaled|raw|min|max)', 'rw'],
      ['cmi.objectives.n.(success_status|completion_status)', 'rw', 'unknown'],
      ['cmi.objectives.n.(progress_measure|description)', 'rw'],
      ['cmi.score._children', 'r', 'scaled,raw,min,max'], ['cmi.score.(scaled|raw|min|max)', 'rw'],
      ['adl.nav.request', 'rw', '_none_'], ['adl.nav.request_valid.(continue|previous)', 'r', 'unknown'],
    ],
  };
  for (const rows of Object.values(MODEL)) {
    for (const row of rows) row[0] = new RegExp('^' + row[0].split('.').map((s) => (s === 'n' ? '\\d+' : s)).join('\\.') + '$');
  }
  const modelRow = (v, n) => MODEL[v].find(([re]) => re.test(n)) || null;

  // Each array index in an element name, outermost first, as [array, index, rest]:
  // cmi.interactions.3.objectives.0.id → [cmi.interactions, 3, objectives.0.id], [cmi.interactions.3.objectives, 0, id]
  function indices(n) {
    return Array.from(n.matchAll(/\.(\d+)\./g), (m) => [n.slice(0, m.index), Number(m[1]), n.slice(m.index + m[0].length)]);
  }

  // [SECTION] Time: total_time = the launch's total_time + this session's session_time
  // Seconds in a CMITimespan (HHHH:MM:SS.SS) or an ISO 8601 duration; 0 when unreadable.
  function seconds(s) {
    let m = /^(\d+):(\d+):(\d+(?:\.\d+)?)$/.exec(s);
    if (m) return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
    m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(\d+(?:\.\d+)?S)?)?$/.exec(s || '');
    if (!m) return 0;
    const [y, mo, d, h, mi, se] = m.slice(1).map((x) => parseFloat(x || '0'));
    return ((y * 365 + mo * 30 + d) * 24 + h) * 3600 + mi * 60 + se;
  }
  function timespan(v, s) {
    const cs = Math.round(s * 100);
    const h = Math.floor(cs / 360000), mi = Math.floor(cs / 6000) % 60, sec = (cs % 6000) / 100;
    return v === 12 ? `${String(h).padStart(4, '0')}:${String(mi).padStart(2, '0')}:${sec.toFixed(2).padStart(5, '0')}`
                    : `PT${h}H${mi}M${sec.toFixed(2)}S`;
  }

  // [SECTION] Moodle-like: Moodle's client-side runtime over a server store
  // Behaviours (TOOLCHAIN.md, issue 16): manifest objective pre-filled at index 0; 2004 short ids
  // ^[\w.]{1,250}$ and timestamps with at most 2 decimals; unset elements read as "" with no
  // error; every Commit re-posts every value the client holds; the server applies the first
  // max_input_vars (1,000) fields; on unload requests go by beacon, refused over 64 KiB; review
  // mode after a completed attempt ended normally; 1.2 mastery override; 1.2 strict 4096/255.
  const SHORT_ID = /^[\w.]{1,250}$/;
  const SESSION_ONLY = /^cmi\.(core\.)?(exit|session_time)$/;   // never loaded back at launch

  class MoodleLike {
    // store: element → value as the server saved it (mutated in place), plus store._attempt.
    // launch: element → value the client starts with (default: nextLaunch(store, version, options)).
    // options: primaryObjective ('granice_passed'), strict12 (false), masteryOverride (true),
    //          maxInputVars (1000), beaconLimit (65536).
    constructor({ version, store = {}, launch, options = {} }) {
      this.version = version;
      this.store = store;
      this.options = { primaryObjective: 'granice_passed', strict12: false, masteryOverride: true,
                       maxInputVars: 1000, beaconLimit: 65536, ...options };
      this.launch = launch || MoodleLike.nextLaunch(store, version, this.options);
      this.mode = this.launch[version === 12 ? 'cmi.core.lesson_mode' : 'cmi.mode'] || 'normal';
      this.state = 'new';             // 'new' | 'running' | 'terminated'
      this.lastError = '0';
      this.diagnostic = '';
      this.data = new Map();          // the client's values, in the order first set or loaded
      this.counts = new Map();        // array name → _count
      this.requests = [];             // { fields, bytes, via: 'xhr' | 'beacon', delivered }
      this.posted = new Map();        // 1.2: what earlier requests carried (only changes are posted)
      this.maxFields = 0;
      this.maxBytes = 0;
      this.droppedFields = 0;         // fields past maxInputVars, never applied
      this.refused = [];              // { call, element, value, code } of every "false"
      this.reviewWrites = 0;
      this.history = [];              // stored statuses after each delivered request
      this.dismissing = false;        // set by lms.close() before the page unloads
      this.loadLaunch();
      exposeApi(this, version);
    }

    // The launch data the server gives a new session, from what it stored in earlier ones.
    // opts: learner_id, learner_name ("Last, First", as LMSes send it), language, mastery_score (1.2).
    static nextLaunch(store, version, { learner_id = '', learner_name = '', language = '', mastery_score } = {}) {
      const v12 = version === 12;
      const attempt = store && store._attempt;
      let entry = 'ab-initio', mode = 'normal', credit = 'credit';
      let keep = () => Boolean(attempt);
      if (attempt && attempt.exit === 'suspend') {
        entry = 'resume';
      } else if (attempt && attempt.completed && (v12 ? ['', 'logout'].includes(attempt.exit) : attempt.exit === 'normal')) {
        // A finished attempt reopens for review: results readable, nothing to resume from.
        mode = 'review';
        credit = 'no-credit';
        keep = (k) => !/^cmi\.(suspend_data|location|core\.lesson_location)$/.test(k);
      } else if (attempt) {
        entry = '';   // the same attempt continues, neither new nor resumed (SCORM's "")
      }
      const launch = v12
        ? { 'cmi.core.student_id': learner_id, 'cmi.core.student_name': learner_name, 'cmi.core.entry': entry,
            'cmi.core.lesson_mode': mode, 'cmi.core.credit': credit, 'cmi.core.total_time': '0000:00:00.00' }
        : { 'cmi.learner_id': learner_id, 'cmi.learner_name': learner_name, 'cmi.entry': entry, 'cmi.mode': mode,
            'cmi.credit': credit, 'cmi.total_time': 'PT0H0M0S' };
      if (language) launch[v12 ? 'cmi.student_preference.language' : 'cmi.learner_preference.language'] = language;
      if (v12 && mastery_score !== undefined) launch['cmi.student_data.mastery_score'] = String(mastery_score);
      for (const [k, val] of Object.entries(store || {})) {
        if (k.startsWith('cmi.') && !SESSION_ONLY.test(k) && keep(k)) launch[k] = val;
      }
      return launch;
    }

    // 2004: the manifest's primary objective is at index 0 before the course runs; the objectives
    // the server kept follow it in their stored order (an index without a stored id cannot be placed).
    loadLaunch() {
      const at = new Map();   // stored objective index → client index
      if (this.version === 2004) {
        const primary = this.options.primaryObjective;
        let next = 1;
        for (const [k, id] of Object.entries(this.launch)) {
          const m = /^cmi\.objectives\.(\d+)\.id$/.exec(k);
          if (m) at.set(m[1], id === primary ? 0 : next++);
        }
        this.hold('cmi.objectives.0.id', primary);
      }
      for (const [k, val] of Object.entries(this.launch)) {
        const m = /^cmi\.objectives\.(\d+)\.(.+)$/.exec(k);
        if (!m || this.version === 12) this.hold(k, String(val));
        else if (at.has(m[1])) this.hold(`cmi.objectives.${at.get(m[1])}.${m[2]}`, String(val));
      }
    }

    hold(n, x) {
      this.data.set(n, x);
      for (const [arr, i] of indices(n)) this.counts.set(arr, Math.max(this.counts.get(arr) || 0, i + 1));
    }

    // The client's values (what GetValue reads and Commit re-posts), as an object.
    clientValues() { return Object.fromEntries(this.data); }

    // [SECTION] Moodle-like: the API calls
    init(param) {
      const bad = this.stateError('init') || this.paramError(param);
      if (bad) return this.fail('init', '', param, bad);
      this.state = 'running';
      return this.ok('true');
    }

    finish(param) {
      const bad = this.stateError('finish') || this.paramError(param);
      if (bad) return this.fail('finish', '', param, bad);
      if (this.version === 12) this.masteryOverride();
      this.post(true);
      this.state = 'terminated';
      return this.ok('true');
    }

    commit(param) {
      const bad = this.stateError('commit') || this.paramError(param);
      if (bad) return this.fail('commit', '', param, bad);
      this.post(false);
      return this.ok('true');   // also when a beacon was refused: the client cannot know
    }

    get(name) {
      const n = String(name);
      const v12 = this.version === 12;
      const bad = this.stateError('get');
      if (bad) return this.getFail(bad);
      const row = modelRow(this.version, n);
      if (!row) return this.getFail(v12 ? '201' : '401', 'not in the data model');
      if (row[1] === 'w') return this.getFail(v12 ? '404' : '405', 'write-only');
      for (const [arr, i] of indices(n)) {
        if (i >= (this.counts.get(arr) || 0)) return this.getFail(v12 ? '201' : '301', `${arr} has no index ${i}`);
      }
      if (n.endsWith('._count')) return this.ok(String(this.counts.get(n.slice(0, -'._count'.length)) || 0));
      // Unset but in the data model: "" (or the element's default) and no error.
      return this.ok(this.data.has(n) ? this.data.get(n) : row[2] || '');
    }

    set(name, value) {
      const n = String(name), x = String(value);
      if (this.mode === 'review') this.reviewWrites++;
      const bad = this.stateError('set');
      if (bad) return this.fail('set', n, x, bad);
      if (this.mode === 'review') return this.ok('true');   // accepted, never sent
      const refusal = this.refusal(n, x);
      if (refusal) return this.fail('set', n, x, ...refusal);
      this.hold(n, x);
      return this.ok('true');
    }

    err() { return this.lastError; }
    str(code) { return ERRORS[this.version][String(code)] || ''; }
    diag(code) {
      const c = String(code === undefined ? '' : code);
      return c === '' || c === this.lastError ? this.diagnostic : this.str(c);
    }

    // [SECTION] Moodle-like: what SetValue refuses, as [code, diagnostic]
    refusal(n, x) {
      const v12 = this.version === 12;
      const row = modelRow(this.version, n);
      if (!row) return [v12 ? '201' : '401', 'not in the data model'];
      if (v12 && /\._(children|count)$|^cmi\._version$/.test(n)) return ['402', 'a keyword'];
      if (row[1] === 'r') return [v12 ? '403' : '404', 'read-only'];
      for (const [arr, i, rest] of indices(n)) {
        const count = this.counts.get(arr) || 0;
        if (i > count) return [v12 ? '201' : '351', `${arr}.${i} out of order: _count is ${count}`];
        if (!v12 && i === count && /^cmi\.(objectives|interactions)$/.test(arr) && rest !== 'id')
          return ['408', `${arr}.${i}.id must be set first`];
      }
      if (v12) return this.refusal12(n, x);
      // An objective's id is written once and unique among the objectives.
      if (/^cmi\.objectives\.\d+\.id$/.test(n)) {
        const was = this.data.get(n);
        if (was !== undefined && was !== x) return ['351', `${n} is already "${was}"; ids are write-once`];
        for (const [k, held] of this.data) {
          if (k !== n && held === x && /^cmi\.objectives\.\d+\.id$/.test(k)) return ['351', `id "${x}" is already ${k}`];
        }
      }
      const inter = /^cmi\.interactions\.(\d+)\.(.+)$/.exec(n);
      const type = inter ? this.data.get(`cmi.interactions.${inter[1]}.type`) : undefined;
      if (inter && RESPONSE.test(inter[2])) {
        if (!type) return ['408', `cmi.interactions.${inter[1]}.type must be set first`];
        if (['choice', 'sequencing', 'matching'].includes(type)) {
          const ids = x.split('[,]').flatMap((p) => (type === 'matching' ? p.split('[.]') : [p]));
          const wrong = ids.find((s) => !SHORT_ID.test(s));
          if (wrong !== undefined) return ['406', `short identifier "${wrong.slice(0, 40)}" is not ^[\\w.]{1,250}$`];
        }
      }
      if (inter && inter[2] === 'timestamp' && /:\d\d\.\d{3,}/.test(x)) return ['406', 'more than 2 decimals of seconds'];
      const why = formatError(2004, n, x, type);
      return why ? ['406', why] : null;
    }

    // 1.2: default mode accepts 64,000 characters where the spec says 4,096 / 255; strict mode does not.
    refusal12(n, x) {
      const limit = { 'cmi.suspend_data': this.options.strict12 ? 4096 : 64000,
                      'cmi.core.lesson_location': this.options.strict12 ? 255 : 64000 }[n];
      if (limit !== undefined) return x.length > limit ? ['405', `over ${limit} characters`] : null;
      const inter = /^cmi\.interactions\.(\d+)\./.exec(n);
      const why = formatError(12, n, x, inter ? this.data.get(`cmi.interactions.${inter[1]}.type`) : undefined);
      return why ? ['405', why] : null;
    }

    // Error code for a call the session state does not allow, else null.
    stateError(role) {
      if (this.version === 12) {
        if (role === 'init') return this.state === 'new' ? null : '101';
        return this.state === 'running' ? null : '301';
      }
      const codes = { init: [null, '103', '104'], finish: ['112', null, '113'], get: ['122', null, '123'],
                      set: ['132', null, '133'], commit: ['142', null, '143'] }[role];
      return codes[['new', 'running', 'terminated'].indexOf(this.state)];
    }

    paramError(param) { return param === '' ? null : '201'; }

    ok(r) {
      this.lastError = '0';
      this.diagnostic = '';
      return r;
    }

    // A call answering "false": recorded in refused.
    fail(role, element, value, code, why = ERRORS[this.version][code] || '') {
      this.lastError = code;
      this.diagnostic = why;
      this.refused.push({ call: METHODS[this.version][role], element, value: String(value).slice(0, 80), code });
      return 'false';
    }

    // A GetValue that fails answers "" with the error.
    getFail(code, why = ERRORS[this.version][code] || '') {
      this.lastError = code;
      this.diagnostic = why;
      return '';
    }

    // [SECTION] Moodle-like: commits, the request and the server
    // Default "mastery override": a 1.2 SCO that ends incomplete (or without a status) but with a
    // raw score is passed or failed against the mastery score.
    masteryOverride() {
      const mastery = this.data.get('cmi.student_data.mastery_score');
      const raw = this.data.get('cmi.core.score.raw');
      const status = this.data.get('cmi.core.lesson_status');
      if (!this.options.masteryOverride || this.mode !== 'normal' || this.data.get('cmi.core.credit') !== 'credit') return;
      if (!mastery || raw === undefined || raw === '' || (status !== undefined && status !== 'incomplete')) return;
      this.hold('cmi.core.lesson_status', Number(raw) >= Number(mastery) ? 'passed' : 'failed');
    }

    // SCORM 2004: one request of every value the client holds (read-only ones excepted), as
    // Moodle's 2004 runtime re-posts everything on each Commit. SCORM 1.2: the values changed
    // since the last request. total_time is added only by the final request, so a lost final
    // request loses the session's time.
    post(final) {
      if (this.mode === 'review') return;
      const fields = [];
      for (const [k, x] of this.data) {
        const row = modelRow(this.version, k);
        if (this.version === 12 && this.posted.get(k) === x) continue;
        if (k.startsWith('cmi.') && row && row[1] !== 'r') fields.push([k, x]);
      }
      for (const [k, x] of fields) this.posted.set(k, x);
      const total = this.version === 12 ? 'cmi.core.total_time' : 'cmi.total_time';
      const session = this.data.get(this.version === 12 ? 'cmi.core.session_time' : 'cmi.session_time');
      if (final && session !== undefined) {
        fields.push([total, timespan(this.version, seconds(this.data.get(total)) + seconds(session))]);
      }
      const bytes = fields.map(([k, x]) => encodeURIComponent(k) + '=' + encodeURIComponent(x)).join('&').length;
      const via = this.dismissing ? 'beacon' : 'xhr';   // browsers refuse synchronous XHR on unload
      const delivered = !(via === 'beacon' && bytes > this.options.beaconLimit);
      this.requests.push({ fields: fields.length, bytes, via, delivered });
      this.maxFields = Math.max(this.maxFields, fields.length);
      this.maxBytes = Math.max(this.maxBytes, bytes);
      if (delivered) this.receive(fields);
    }

    // The server: PHP's max_input_vars keeps the first fields of a request and drops the rest silently.
    receive(fields) {
      const kept = fields.slice(0, this.options.maxInputVars);
      this.droppedFields += fields.length - kept.length;
      const s = this.store;
      for (const [k, x] of kept) s[k] = x;
      const v12 = this.version === 12;
      const statuses = v12 ? [s['cmi.core.lesson_status']] : [s['cmi.completion_status'], s['cmi.success_status']];
      s._attempt = { exit: s[v12 ? 'cmi.core.exit' : 'cmi.exit'] ?? null,
                     completed: statuses.includes('completed') || statuses.includes('passed') };
      this.history.push({ completion: s['cmi.completion_status'] ?? null, success: s['cmi.success_status'] ?? null,
                          lesson_status: s['cmi.core.lesson_status'] ?? null,
                          score: s[v12 ? 'cmi.core.score.raw' : 'cmi.score.raw'] ?? null });
    }
  }

  // [SECTION] Permissive: says yes to everything and keeps nothing
  // The course must still keep the learner's progress itself (local copy).
  class Permissive {
    constructor({ version }) {
      this.version = version;
      this.dismissing = false;
      exposeApi(this, version);
    }
    init() { return 'true'; }
    finish() { return 'true'; }
    commit() { return 'true'; }
    set() { return 'true'; }
    get() { return ''; }
    err() { return '0'; }
    str() { return ''; }
    diag() { return ''; }
  }

  const exported = { check, METHODS, MoodleLike, Permissive };
  if (typeof module === 'object' && module.exports) module.exports = exported;
  else window.LmsProfiles = exported;
})();
